/** Reading CSV text: decoding bytes, finding the separator, splitting quoted records. */

/**
 * Text of a file: UTF-16 LE or BE with BOM (Excel's "Unicode-tekst"), UTF-8 with or without
 * BOM; bytes that are not UTF-8 are read as Windows-1252, which is what Excel's "CSV
 * (gescheiden door lijstscheidingsteken)" writes, also after a UTF-8 BOM.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // "a"
 * decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00])) // "a"
 */
export function decodeText(input: Uint8Array | string): string {
  if (typeof input === "string") return input.replace(/^\uFEFF/, "");
  const [a, b, c] = input;
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le").decode(input.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be").decode(input.subarray(2));
  const bytes = a === 0xef && b === 0xbb && c === 0xbf ? input.subarray(3) : input;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252's 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and stay as they are). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Windows-1252 bytes as text, by table: Node's `TextDecoder("windows-1252")` reads them as
 * Latin-1, which turns €, ’ and “ ” into invisible control characters.
 *
 * @example
 * decodeWindows1252(new Uint8Array([0x92, 0x74, 0x20, 0x80])) // "’t €"
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte));
    text += String.fromCharCode(...chunk);
  }
  return text;
}

const SEPARATOR_LINE = /^"?sep=(\\t|[^\r\n"])"?[;,\t]*[ ]*(\r\n|\r|\n|$)/i;

/**
 * The separator a first line `sep=;` (as Excel writes it) names, and the text after that line;
 * `null` when the file has no such line.
 *
 * @example
 * separatorLine("sep=,\na,b") // { separator: ",", rest: "a,b" }
 */
export function separatorLine(text: string): { separator: string; rest: string } | null {
  const match = SEPARATOR_LINE.exec(text);
  if (!match) return null;
  return { separator: match[1].toLowerCase() === "\\t" ? "\t" : match[1], rest: text.slice(match[0].length) };
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

export interface ParsedRecords {
  records: CsvRecord[];
  /** Lines where a quote opened that never closed; that record is left out, the lines after it are read on. */
  unclosedQuotes: number[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes). Blank lines and lines of only separators are skipped. `firstLine` is the file's line
 * number of the text's first line.
 *
 * @example
 * parseRecords('a;"b;c"\n1;2', ";").records // [{ line: 1, fields: ["a", "b;c"] }, { line: 2, fields: ["1", "2"] }]
 */
export function parseRecords(text: string, separator: string, firstLine = 1): ParsedRecords {
  const parsed: ParsedRecords = { records: [], unclosedQuotes: [] };
  let rest: { text: string; line: number } | null = { text, line: firstLine };
  while (rest) rest = parseUntilUnclosedQuote(rest.text, separator, rest.line, parsed);
  return parsed;
}

/** Parses into `parsed`; on a quote that never closes, returns the text after the line it opened on. */
function parseUntilUnclosedQuote(text: string, separator: string, firstLine: number, parsed: ParsedRecords): { text: string; line: number } | null {
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let quoteAt = 0;
  let quoteLine = 0;
  let line = firstLine;
  let start = firstLine;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) parsed.records.push({ line: start, fields });
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
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      quoteAt = i;
      quoteLine = line;
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
  if (quoted) {
    // The rest of the file would be one field: leave this record out, read on after the quote's line.
    parsed.unclosedQuotes.push(quoteLine);
    const lineEnd = /\r\n|\r|\n/.exec(text.slice(quoteAt));
    return lineEnd ? { text: text.slice(quoteAt + lineEnd.index + lineEnd[0].length), line: quoteLine + 1 } : null;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return null;
}
