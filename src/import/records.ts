/** Reading CSV text: decoding bytes, finding the separator, splitting quoted records. */

/**
 * Text of a file: UTF-8 with or without BOM; bytes that are not UTF-8 are read as
 * Windows-1252, which is what Excel's "CSV (gescheiden door lijstscheidingsteken)" writes.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // "a"
 */
export function decodeText(input: Uint8Array | string): string {
  if (typeof input === "string") return input.replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return new TextDecoder("windows-1252").decode(input);
  }
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes; `;` on a tie. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ";";
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

export interface CsvRecord {
  /** Line number in the file where the record starts (1-based). */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes). Blank lines are skipped.
 *
 * @example
 * parseRecords('a;"b;c"\n1;2', ";") // [{ line: 1, fields: ["a", "b;c"] }, { line: 2, fields: ["1", "2"] }]
 */
export function parseRecords(text: string, separator: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== "") records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === separator) {
      fields.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
