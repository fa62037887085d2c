/** Reading CSV text: decoding bytes, finding the separator, splitting quoted records. */

/** Decoded text, and the lines read as Windows-1252 in a file whose other lines are UTF-8. */
export interface DecodedText {
  text: string;
  /** File lines (1-based) that were not UTF-8 while other lines with non-ASCII bytes were. */
  windows1252Lines: number[];
}

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
  return decodeTextLines(input).text;
}

/**
 * As `decodeText`, decided per line when the file as a whole is not UTF-8: a line that is
 * valid UTF-8 is read as UTF-8, a line that is not as Windows-1252. A UTF-8 file with one stray
 * byte keeps its other lines; a Windows-1252 file (whose lines with é, €, ’ are not UTF-8)
 * reads as before. Lines read as Windows-1252 are listed only when another line held non-ASCII
 * UTF-8, that is when the file is otherwise UTF-8.
 *
 * @example
 * decodeTextLines(new Uint8Array([0xc3, 0xa9, 0x0a, 0xe9])) // { text: "é\né", windows1252Lines: [2] }
 */
export function decodeTextLines(input: Uint8Array | string): DecodedText {
  if (typeof input === "string") return { text: input.replace(/^\uFEFF/, ""), windows1252Lines: [] };
  const [a, b, c] = input;
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder("utf-16le").decode(input.subarray(2)), windows1252Lines: [] };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder("utf-16be").decode(input.subarray(2)), windows1252Lines: [] };
  const bytes = a === 0xef && b === 0xbb && c === 0xbf ? input.subarray(3) : input;
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    return { text: utf8.decode(bytes), windows1252Lines: [] };
  } catch {
    // Per line: CR and LF are single bytes in both encodings, never part of a UTF-8 sequence.
    const parts: string[] = [];
    const windows1252: number[] = [];
    let sawUtf8 = false;
    let line = 1;
    let from = 0;
    while (from <= bytes.length) {
      let to = from;
      while (to < bytes.length && bytes[to] !== 0x0a && bytes[to] !== 0x0d) to++;
      const content = bytes.subarray(from, to);
      if (content.some((byte) => byte >= 0x80)) {
        try {
          parts.push(utf8.decode(content));
          sawUtf8 = true;
        } catch {
          parts.push(decodeWindows1252(content));
          windows1252.push(line);
        }
      } else parts.push(decodeWindows1252(content)); // ASCII: the same in both
      if (to >= bytes.length) break;
      const breakLength = bytes[to] === 0x0d && bytes[to + 1] === 0x0a ? 2 : 1;
      parts.push(breakLength === 2 ? "\r\n" : String.fromCharCode(bytes[to]));
      from = to + breakLength;
      line++;
    }
    return { text: parts.join(""), windows1252Lines: sawUtf8 ? windows1252 : [] };
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
  /**
   * Quoted fields with text after their closing quote (`"a"b`, or a stray `"` at the start of a
   * line whose quote closes at the next line's): `line` where the field opened, `at` the line of
   * the closing quote. That record is left out; reading goes on after the line the quote opened on.
   */
  strayQuotes: { line: number; at: number }[];
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes). Blank lines and lines of only separators are skipped. `firstLine` is the file's line
 * number of the text's first line. A quoted field must end at its closing quote (spaces or tabs
 * may follow); text after it is a stray quote, and a quote that never closes is unclosed: both
 * leave their record out and are reported in `ParsedRecords`. One pass, linear in the text.
 *
 * @example
 * parseRecords('a;"b;c"\n1;2', ";").records // [{ line: 1, fields: ["a", "b;c"] }, { line: 2, fields: ["1", "2"] }]
 */
export function parseRecords(text: string, separator: string, firstLine = 1): ParsedRecords {
  const parsed: ParsedRecords = { records: [], unclosedQuotes: [], strayQuotes: [] };
  let fields: string[] = [];
  let field = "";
  let line = firstLine;
  let start = firstLine;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) parsed.records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.trim() === "") {
      const quoteAt = i;
      const quoteLine = line;
      const closed = readQuoted(text, i + 1);
      if (closed === null) {
        // The rest of the file would be one field: leave this record out, read on after the quote's line.
        parsed.unclosedQuotes.push(quoteLine);
      } else {
        let j = closed.end;
        while (j < text.length && (text[j] === " " || text[j] === "\t") && text[j] !== separator) j++;
        if (j >= text.length || text[j] === separator || text[j] === "\r" || text[j] === "\n") {
          field = closed.value + text.slice(closed.end, j);
          line += closed.lineBreaks;
          i = j;
          continue;
        }
        // Text after the closing quote: the field's end is unknown, so is the record's.
        parsed.strayQuotes.push({ line: quoteLine, at: quoteLine + closed.lineBreaks });
      }
      const lineEnd = nextLineEnd(text, quoteAt);
      fields = [];
      field = "";
      if (lineEnd === null) return parsed;
      i = lineEnd;
      line = quoteLine + 1;
      start = line;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return parsed;
}

/**
 * The quoted field whose text starts at `from` (just after its opening quote): its value with
 * doubled quotes undone, the index after its closing quote and the line breaks inside it;
 * `null` when it never closes.
 */
function readQuoted(text: string, from: number): { value: string; end: number; lineBreaks: number } | null {
  let value = "";
  let lineBreaks = 0;
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return null;
    value += text.slice(i, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      i = quote + 2;
    } else {
      lineBreaks += countLineBreaks(text, from, quote);
      return { value, end: quote + 1, lineBreaks };
    }
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** The index after the line break that ends the line holding `from`; `null` on the last line. */
function nextLineEnd(text: string, from: number): number | null {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") return i + 1;
    if (ch === "\r") return text[i + 1] === "\n" ? i + 2 : i + 1;
  }
  return null;
}
