/**
 * Plans how a workbook description goes into Excel, so that what a build sends does not grow
 * with every cell. Each sheet is built under a temporary name. Consecutive rows that have the
 * same formulas in R1C1 form (=RC[-2]*RC[-1] on every practice row) and the same number
 * formats are a *run*: its first row is written out, the rest is one `Range.copyFrom` of that
 * row (the reference documents that a source is replicated into an exact multiple of its
 * size, relative references adjusted as a paste adjusts them), and only the constants that
 * differ per row (a practice's name, AGB, patients) are written over it, column block by
 * column block. Other rows go out as 2-D blocks. Operations are grouped into requests under
 * the request limit of Excel on the web (5 MB), counted in UTF-8 bytes as they travel.
 */
import { cellText, utf8Bytes } from "../../core/text";
import { needsQuotePrefix, textEntry } from "./cell-input";
import { range, sheetRef } from "../../workbook/a1";
import { copyableR1C1 } from "../../workbook/r1c1";
import type { Cell, WorkbookDescription } from "../../workbook/types";

/** Room per request for cell data, under the 5 MB limit with space for the other operations. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
export const TEMP_PREFIX = "~poh bouw ";
/** What Office.js adds to each operation of a request, about (the same figure the in-memory host counts). */
const OPERATION_BYTES = 40;
/** Rows a run needs before it is copied: a short one goes out as it is, in fewer operations. */
const MIN_RUN = 4;

export type Entry = string | number | boolean;

/** One write on a temporary sheet: a block of cells (formulas, and number formats unless all General), or a row copied down. */
export type WriteOperation =
  | { kind: "cells"; sheet: number; address: string; formulas: Entry[][]; formats: string[][] | null; bytes: number }
  | { kind: "copy"; sheet: number; source: string; target: string; copyType: "All" | "Formulas"; bytes: number };

export interface WritePlan {
  tempNames: string[];
  /** Operations grouped per request (one sync each). */
  requests: WriteOperation[][];
  totalBytes: number;
}

/** Which text needs Excel's quote prefix lives in cell-input.ts; re-exported for existing callers. */
export { needsQuotePrefix };

/**
 * Rewrites sheet references of formulas from the final names to the temporary ones. Text in
 * quotes is left alone: Excel's rename does not touch it either, so a HYPERLINK("#Controle!A5")
 * must name the final sheet from the start.
 */
export function renamer(finalNames: readonly string[], tempNames: readonly string[]): (formula: string) => string {
  const map = new Map(finalNames.map((n, i) => [sheetRef(n).toLowerCase(), sheetRef(tempNames[i])]));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.'])(${finalNames.map((n) => escape(sheetRef(n))).join("|")})`, "gi");
  const outsideText = (part: string, i: number) => (i % 2 === 1 ? part : part.replace(pattern, (ref) => map.get(ref.toLowerCase()) ?? ref));
  return (formula) => (formula.includes('"') ? formula.split(/("(?:[^"]|"")*")/).map(outsideText).join("") : outsideText(formula, 0));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function entryOf(cell: Cell | null, rename: (formula: string) => string): Entry {
  if (!cell) return "";
  if (cell.formula !== undefined) return rename(cell.formula);
  if (typeof cell.value === "string") {
    // The importer already warned about and removed what a workbook cannot hold; this keeps
    // any other text (a source typed on Uitgangspunten) from breaking the saved file.
    return textEntry(cellText(cell.value));
  }
  return cell.value ?? "";
}

const bytesOf = (value: unknown) => utf8Bytes(JSON.stringify(value)) + OPERATION_BYTES;
const isFormula = (entry: Entry) => typeof entry === "string" && entry.startsWith("=");

/** A row's shape: per column its formula in R1C1 form, or "a constant", and its number format. */
function shapeOf(entries: readonly Entry[], formats: readonly string[], row: number): string {
  // A formula with whole rows or columns (not modelled) gets a shape of its own cell: its row joins no run.
  const shape = (e: string, c: number) => copyableR1C1(e, row, c + 1) ?? `\u0003${row}:${c}`;
  return entries.map((e, c) => `${isFormula(e) ? shape(e as string, c) : "#"}\u0001${formats[c]}`).join("\u0002");
}

/** The operations of one sheet, in the order they must run. */
function sheetOperations(sheet: number, cells: readonly (readonly (Cell | null)[])[], rename: (formula: string) => string, budget: number): WriteOperation[] {
  const width = cells[0]?.length ?? 1;
  const entries = cells.map((row) => row.map((c) => entryOf(c, rename)));
  const formats = cells.map((row) => row.map((c) => c?.format ?? "General"));
  const shapes = entries.map((row, r) => shapeOf(row, formats[r], r + 1));
  const operations: WriteOperation[] = [];
  // A 2-D block of rows top..bottom (0-based) and columns left..right, split by rows to fit a request.
  const written = new Map<string, string>();
  const block = (top: number, bottom: number, left: number, right: number, withFormats: boolean) => {
    for (let start = top; start <= bottom; ) {
      let end = start;
      const rowBytes = (r: number) => utf8Bytes(JSON.stringify(entries[r].slice(left, right + 1))) + (withFormats ? utf8Bytes(JSON.stringify(formats[r].slice(left, right + 1))) : 0);
      let bytes = OPERATION_BYTES + rowBytes(start);
      while (end < bottom && bytes + rowBytes(end + 1) <= budget) bytes += rowBytes(++end);
      const rows = Array.from({ length: end - start + 1 }, (_, i) => start + i);
      const blockFormats = withFormats ? rows.map((r) => formats[r].slice(left, right + 1)) : null;
      const formulas = rows.map((r) => entries[r].slice(left, right + 1));
      // Excel may give a formula a format as it is entered (=TODAY() a date): General is then written too.
      const general = !blockFormats || (blockFormats.every((row) => row.every((f) => f === "General")) && !formulas.some((row) => row.some(isFormula)));
      const address = range(start + 1, left + 1, end + 1, right + 1);
      // Constants this sheet already wrote in the same shape (the practices of every year of
      // Uitbetalingen) are copied from there, the content only: the formats came with the run.
      const json = JSON.stringify(formulas);
      const earlier = withFormats ? undefined : written.get(json);
      if (earlier) operations.push({ kind: "copy", sheet, source: earlier, target: address, copyType: "Formulas", bytes: bytesOf({ copyFrom: earlier, target: address, copyType: "Formulas" }) });
      else {
        operations.push({ kind: "cells", sheet, address, formulas, formats: general ? null : blockFormats, bytes: utf8Bytes(json) + OPERATION_BYTES + (general ? 0 : bytesOf(blockFormats)) });
        if (!withFormats) written.set(json, address);
      }
      start = end + 1;
    }
  };
  let literalTop = 0;
  for (let r = 0; r < cells.length; ) {
    let end = r;
    while (end + 1 < cells.length && shapes[end + 1] === shapes[r]) end++;
    if (end - r + 1 < MIN_RUN) {
      r = end + 1;
      continue;
    }
    // Rows literalTop..r go out as they are (r heads the run), then r is copied over r+1..end.
    block(literalTop, r, 0, width - 1, true);
    const source = range(r + 1, 1, r + 1, width);
    const target = range(r + 2, 1, end + 1, width);
    operations.push({ kind: "copy", sheet, source, target, copyType: "All", bytes: bytesOf({ copyFrom: source, target, copyType: "All" }) });
    // Constants that differ from the run's first row: per block of adjacent such columns.
    const differs = (c: number) => {
      for (let row = r + 1; row <= end; row++) if (entries[row][c] !== entries[r][c]) return true;
      return false;
    };
    const varies = entries[r].map((e, c) => !isFormula(e) && differs(c));
    for (let c = 0; c < width; c++) {
      if (!varies[c]) continue;
      let right = c;
      while (right + 1 < width && varies[right + 1]) right++;
      block(r + 1, end, c, right, false);
      c = right;
    }
    literalTop = end + 1;
    r = end + 1;
  }
  if (literalTop < cells.length) block(literalTop, cells.length - 1, 0, width - 1, true);
  return operations;
}

/**
 * `inPlace[i]`: sheet i is rebuilt into the existing sheet of its name (./switch), so formulas
 * keep its final name; the others are renamed into place and are referred to by their temporary name.
 */
export function planWrites(description: WorkbookDescription, budget = REQUEST_BUDGET_BYTES, inPlace: readonly boolean[] = []): WritePlan {
  const tempNames = description.sheets.map((_, i) => `${TEMP_PREFIX}${i + 1}`);
  const renamed = description.sheets.map((_, i) => !inPlace[i]);
  const finals = description.sheets.map((s) => s.name).filter((_, i) => renamed[i]);
  const rename = finals.length > 0 ? renamer(finals, tempNames.filter((_, i) => renamed[i])) : (formula: string) => formula;
  const requests: WriteOperation[][] = [[]];
  let requestBytes = 0;
  let totalBytes = 0;
  description.sheets.forEach((sheet, index) => {
    for (const operation of sheetOperations(index, sheet.cells, rename, budget)) {
      if (requestBytes + operation.bytes > budget && requestBytes > 0) {
        requests.push([]);
        requestBytes = 0;
      }
      requests[requests.length - 1].push(operation);
      requestBytes += operation.bytes;
      totalBytes += operation.bytes;
    }
  });
  return { tempNames, requests, totalBytes };
}
