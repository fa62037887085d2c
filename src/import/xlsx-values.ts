/**
 * Reads an .xlsx file into grids of values the way Office.js's `range.values` gives them:
 * numbers, strings, booleans, "" for an empty cell; dates as Excel serial numbers (a date is a
 * number in the file); formulas as their cached results; an error value as its text ("#N/A").
 * The task pane's rebuild reads its sheets from Office.js; `poh-budget --update` reads the file
 * with this and hands the same grids to read-back.ts.
 *
 * Written for what Excel, LibreOffice and ExcelJS write: shared strings (rich text and
 * phonetic runs too), inline strings, `t="str"` formula results, `t="d"` ISO dates, a number
 * typed as text (a string, as Office.js gives it), namespace prefixes (`<x:c>`), cells without
 * an `r` address. Nothing but the zip directory and the parts asked for is read, and a sheet is
 * read as a stream: its XML is never held whole, so a workbook at the writer's limit
 * (MAX_XLSX_PRACTICES) reads in bounded memory. Only Node's zlib is used.
 */
import fs from "fs";
import path from "path";
import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import { attributes, decodeEscapes, decodeXml, itemText } from "./xml-text";
import { LOCAL_HEADER as LOCAL, readAt, zipDirectory, ZipError, type ZipEntry } from "./zip-directory";

/**
 * The largest file read. The writer's largest workbook, 100,000 practices × 4 years
 * (MAX_XLSX_PRACTICES), is 173.5 MB (bench/results.json); a longer forecast adds a Begroting
 * sheet per year, so the bound leaves room for that and refuses anything far beyond it.
 */
export const MAX_WORKBOOK_BYTES = 512 * 1024 * 1024;
/** The largest part (decompressed XML) read; a zip bomb stops here. */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;
/** Small parts (relationships, workbook.xml, core properties, shared strings) are held whole up to this. */
const MAX_SMALL_PART_BYTES = 256 * 1024 * 1024;
/** Excel's own limits. */
const MAX_ROWS = 1_048_576;
/** Columns read per row by default; the input sheets use far fewer. */
export const DEFAULT_MAX_COLUMNS = 64;

/** Why a file cannot be read as an .xlsx; `reason` is English, for the message. */
export class XlsxReadError extends Error {
  constructor(
    readonly reason: string,
    readonly tooLarge = false,
  ) {
    super(reason);
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(from: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(from), target);
  return path.posix.normalize(joined).replace(/^(\.\/)+/, "");
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** An ISO date (`t="d"`) as Excel's serial day number (1900 date system). */
function isoToSerial(iso: string): number | string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}${iso.includes("T") ? "Z" : "T00:00:00Z"}`);
  return Number.isNaN(ms) ? iso : ms / 86_400_000 + 25_569;
}

/** A cell as Office.js gives its value. */
function cellValue(type: string, inner: string, shared: readonly string[], p: string): unknown {
  const v = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`).exec(inner)?.[1];
  switch (type) {
    case "s":
      return v === undefined ? "" : (shared[Number(v)] ?? "");
    case "inlineStr": {
      const is = new RegExp(`<${p}is(?:\\s[^>]*)?>([\\s\\S]*?)</${p}is>`).exec(inner)?.[1];
      return is === undefined ? "" : itemText(is);
    }
    case "str":
    case "e":
      return v === undefined ? "" : decodeEscapes(decodeXml(v));
    case "b":
      return v === undefined ? "" : v.trim() === "1" || v.trim() === "true";
    case "d":
      return v === undefined ? "" : isoToSerial(decodeXml(v).trim());
    default: {
      if (v === undefined) return "";
      const n = Number(v);
      return v.trim() === "" ? "" : Number.isFinite(n) ? n : decodeXml(v);
    }
  }
}

/** An opened .xlsx: its sheet names and core properties, and each sheet's values on request. */
export interface XlsxWorkbook {
  /** `dc:creator` of docProps/core.xml, "" when there is none. */
  creator: string;
  sheetNames: string[];
  /** Whether a part under xl/webextensions/ mentions `marker` (an add-in's settings live there). */
  mentionsInWebExtensions(marker: string): Promise<boolean>;
  /** The sheet's values from A1 (row 0 = sheet row 1), or null when there is no such sheet (names compared case-insensitively, as Excel does). */
  values(sheet: string, maxColumns?: number): Promise<unknown[][] | null>;
}

/**
 * Opens an .xlsx for reading. Throws XlsxReadError when the file is larger than
 * MAX_WORKBOOK_BYTES (`tooLarge`) or is not a readable workbook.
 *
 * @example
 * const book = await openXlsx("begroting.xlsx");
 * const practices = await book.values("Praktijken"); // [["Praktijken", ...], ..., ["De Linde", "01012345", ...]]
 */
export async function openXlsx(file: string): Promise<XlsxWorkbook> {
  const size = fs.statSync(file).size;
  if (size > MAX_WORKBOOK_BYTES) throw new XlsxReadError(`${Math.round(size / 1e6)} MB is larger than the ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB read at most`, true);
  const fd = fs.openSync(file, "r");
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipDirectory(fd, size);
  } catch (error) {
    throw error instanceof ZipError ? new XlsxReadError(error.message) : error;
  } finally {
    fs.closeSync(fd);
  }
  const lowerNames = new Map([...entries.keys()].map((n) => [n.toLowerCase(), n]));
  const entry = (name: string) => entries.get(name) ?? entries.get(lowerNames.get(name.toLowerCase()) ?? "");

  /** The decompressed bytes of an entry as a stream of text chunks, capped at `cap` bytes. */
  async function* chunks(e: ZipEntry, cap: number): AsyncGenerator<string> {
    const header = (() => {
      const fd2 = fs.openSync(file, "r");
      try {
        return readAt(fd2, 30, e.localOffset);
      } finally {
        fs.closeSync(fd2);
      }
    })();
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new XlsxReadError(`damaged zip (part ${e.name})`);
    const start = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (e.method !== 0 && e.method !== 8) throw new XlsxReadError(`part ${e.name} uses compression method ${e.method}`);
    if (e.compressedSize === 0) return;
    const raw = fs.createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
    const source: AsyncIterable<Buffer> = e.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 })) : raw;
    const decoder = new StringDecoder("utf8");
    let bytes = 0;
    try {
      for await (const chunk of source) {
        bytes += chunk.length;
        if (bytes > cap) throw new XlsxReadError(`part ${e.name} is larger than ${Math.round(cap / 1024 / 1024)} MB decompressed`, true);
        yield decoder.write(chunk);
      }
    } catch (error) {
      if (error instanceof XlsxReadError) throw error;
      throw new XlsxReadError(`part ${e.name} cannot be decompressed (${(error as Error).message})`);
    } finally {
      raw.destroy();
    }
    yield decoder.end();
  }

  async function text(name: string): Promise<string | null> {
    const e = entry(name);
    if (!e) return null;
    let out = "";
    for await (const chunk of chunks(e, MAX_SMALL_PART_BYTES)) out += chunk;
    return out;
  }

  async function relationships(part: string): Promise<{ type: string; target: string; id: string }[]> {
    const relsName = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
    const xml = (await text(relsName)) ?? "";
    return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
      const a = attributes(m[1]);
      return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: resolvePart(part, a.get("Target") ?? "") };
    });
  }

  const root = await relationships("");
  const workbookPart = root.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = await text(workbookPart);
  if (workbookXml === null) throw new XlsxReadError("no workbook part (not an .xlsx)");
  const workbookRels = await relationships(workbookPart);
  const sheets: { name: string; part: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const id = [...a.entries()].find(([k]) => /(^|:)id$/.test(k))?.[1];
    const rel = workbookRels.find((r) => r.id === id);
    if (a.has("name") && rel) sheets.push({ name: a.get("name")!, part: rel.target });
  }
  const corePart = root.find((r) => r.type.endsWith("/core-properties"))?.target ?? "docProps/core.xml";
  const core = (await text(corePart)) ?? "";
  const creator = decodeXml(/<(?:\w+:)?creator\b[^>]*>([\s\S]*?)<\/(?:\w+:)?creator>/.exec(core)?.[1] ?? "").trim();

  let shared: string[] | null = null;
  const sharedStrings = async (): Promise<string[]> => {
    if (shared) return shared;
    const part = workbookRels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
    const xml = part ? ((await text(part)) ?? "") : "";
    shared = [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => (m[1] === undefined ? "" : itemText(m[1])));
    return shared;
  };

  return {
    creator,
    sheetNames: sheets.map((s) => s.name),
    async mentionsInWebExtensions(marker) {
      for (const name of entries.keys()) {
        if (!/^xl\/webextensions\/[^/]+\.xml$/i.test(name)) continue;
        if (((await text(name)) ?? "").includes(marker)) return true;
      }
      return false;
    },
    async values(sheetName, maxColumns = DEFAULT_MAX_COLUMNS) {
      const sheet = sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
      if (!sheet) return null;
      const e = entry(sheet.part);
      if (!e) throw new XlsxReadError(`sheet ${sheetName} has no part ${sheet.part}`);
      return readSheet(chunks(e, MAX_PART_BYTES), await sharedStrings(), maxColumns);
    },
  };
}

/** The values of a worksheet part, read chunk by chunk: complete rows are parsed as they arrive. */
async function readSheet(source: AsyncIterable<string>, shared: readonly string[], maxColumns: number): Promise<unknown[][]> {
  const grid: unknown[][] = [];
  let buffer = "";
  let prefix: string | null = null;
  let rowEnd = "";
  let lastRow = 0;
  let rowPattern: RegExp | null = null;
  let cellPattern: RegExp | null = null;

  const parseRows = (xml: string) => {
    for (const row of xml.matchAll(rowPattern!)) {
      const r = Number(attributes(row[1]).get("r") ?? lastRow + 1);
      lastRow = r;
      if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS || row[2] === undefined) continue;
      const values: unknown[] = [];
      let col = 0;
      for (const c of row[2].matchAll(cellPattern!)) {
        const a = attributes(c[1]);
        const ref = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(a.get("r") ?? "");
        col = ref ? columnNumber(ref[1].toUpperCase()) : col + 1;
        if (col > maxColumns) continue;
        const value = c[2] === undefined ? "" : cellValue(a.get("t") ?? "n", c[2], shared, prefix!);
        if (value === "") continue;
        while (values.length < col - 1) values.push("");
        values[col - 1] = value;
      }
      while (grid.length < r - 1) grid.push([]);
      grid[r - 1] = values;
    }
  };

  for await (const chunk of source) {
    buffer += chunk;
    if (prefix === null) {
      const start = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(buffer);
      if (!start) {
        buffer = buffer.slice(-256); // a tag cut in two stays whole for the next chunk
        continue;
      }
      if (start[2] === "/") return grid;
      prefix = start[1] ?? "";
      rowEnd = `</${prefix}row>`;
      rowPattern = new RegExp(`<${prefix}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}row>)`, "g");
      cellPattern = new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}c>)`, "g");
      buffer = buffer.slice(start.index + start[0].length);
    }
    const end = buffer.indexOf(`</${prefix}sheetData>`);
    if (end >= 0) {
      parseRows(buffer.slice(0, end));
      return grid;
    }
    const cut = buffer.lastIndexOf(rowEnd);
    if (cut >= 0) {
      parseRows(buffer.slice(0, cut + rowEnd.length));
      buffer = buffer.slice(cut + rowEnd.length);
    }
  }
  if (prefix !== null) parseRows(buffer);
  return grid;
}
