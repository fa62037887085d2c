/**
 * The add-in's mark on the sheets it made, kept in the workbook's settings: which sheets,
 * of what kind, and where constants are expected (labels and input ranges). A constant found
 * anywhere else means a person edited a generated sheet.
 */
import { cell, parseRange } from "../../workbook/a1";
import type { SheetDescription, SheetKind, WorkbookDescription } from "../../workbook/types";

export const REGISTRY_KEY = "poh-ggz-jeugd";

export interface RegisteredSheet {
  name: string;
  kind: SheetKind;
  /** A1 ranges where constants belong. */
  allowed: string[];
  /** The rows of its data block (see dataBlock): a rebuild that needs more inserts them (./switch). */
  rows?: DataBlock;
}

export interface DataBlock {
  /** First row (1-based) and number of rows. */
  first: number;
  count: number;
}

/**
 * The rows of a sheet that grow with the practices (or years): from its first data row to the
 * row before its first total row, or to its last row when it has none. What lies below them
 * (totals, summaries) only moves when they do.
 *
 * @example
 * dataBlock(describeBudget(…12 practices…)) // { first: 5, count: 37 } (the total on row 42)
 */
export function dataBlock(sheet: SheetDescription): DataBlock {
  const totals = sheet.styles.filter((s) => s.style === "total").map((s) => parseRange(s.range).top).filter((row) => row >= sheet.firstDataRow);
  const end = totals.length > 0 ? Math.min(...totals) - 1 : sheet.cells.length;
  return { first: sheet.firstDataRow, count: Math.max(0, end - sheet.firstDataRow + 1) };
}

export interface Registry {
  version: 1;
  sheets: RegisteredSheet[];
  /** Counts the builds that wrote it: a rebuild's registry always differs from the one before, so a read-back tells them apart (./switch). */
  build?: number;
}

/** The label cells as rectangles (runs per row, merged down while rows match), plus the input ranges. */
function allowedRanges(sheet: SheetDescription): string[] {
  const rectangles: { top: number; bottom: number; left: number; right: number }[] = [];
  let previous: typeof rectangles = [];
  sheet.cells.forEach((row, r) => {
    const current: typeof rectangles = [];
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const isConstant = c < row.length && row[c]?.value !== undefined && row[c]?.formula === undefined;
      if (isConstant && start < 0) start = c;
      if (!isConstant && start >= 0) {
        const above = previous.find((p) => p.left === start + 1 && p.right === c && p.bottom === r);
        if (above) {
          above.bottom = r + 1;
          current.push(above);
        } else {
          const rect = { top: r + 1, bottom: r + 1, left: start + 1, right: c };
          rectangles.push(rect);
          current.push(rect);
        }
        start = -1;
      }
    }
    previous = current;
  });
  return [...sheet.inputRanges, ...rectangles.map((b) => (b.top === b.bottom && b.left === b.right ? cell(b.top, b.left) : `${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`))];
}

export function registryOf(description: WorkbookDescription, build?: number): Registry {
  return { version: 1, sheets: description.sheets.map((s) => ({ name: s.name, kind: s.kind, allowed: allowedRanges(s), rows: dataBlock(s) })), ...(build === undefined ? {} : { build }) };
}

/** Reads a registry from a setting's value; anything unrecognisable is no registry. */
export function parseRegistry(value: unknown): Registry | null {
  const candidate = typeof value === "string" ? safeJson(value) : value;
  if (!candidate || typeof candidate !== "object" || (candidate as Registry).version !== 1 || !Array.isArray((candidate as Registry).sheets)) return null;
  return candidate as Registry;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const MAX_CELLS = 1_000_000;

/**
 * Cells holding constants outside the allowed ranges: the edits a rebuild would overwrite.
 * `constants` is Excel's address of the constant cells ("'Blad'!A1:B2,'Blad'!C5"), or null.
 *
 * @example
 * editedCells(["A1:B1"], "Blad!A1:B1,Blad!C7") // ["C7"]
 */
export function editedCells(allowed: readonly string[], constants: string | null, limit = 10): string[] {
  if (!constants) return [];
  const boxes = allowed.map(parseRange);
  const inside = (r: number, c: number) => boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
  const found: string[] = [];
  let visited = 0;
  for (const area of constants.split(",")) {
    const { top, left, bottom, right } = parseRange(area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, ""));
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (++visited > MAX_CELLS) return found.length ? found : [area];
        if (!inside(r, c)) {
          found.push(cell(r, c));
          if (found.length >= limit) return found;
        }
      }
  }
  return found;
}
