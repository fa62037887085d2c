/**
 * `Range.copyFrom` of a block of cells in the in-memory host (ExcelApi 1.9), as the Office.js
 * reference documents it: "if the destination range is an exact multiple greater than the
 * source range in either rows or columns, then the source content is replicated multiple
 * times"; a destination that is not (or is smaller) gets one copy at its top-left corner, "the
 * destination is expanded automatically"; rows and columns are taken apart. Like a paste in Excel, each copied formula's
 * relative references move by the distance from its source cell, `$` parts stay, and one
 * pushed off the sheet becomes #REF! (translateFormula). copyType "All" copies content, number
 * format and cell format; "Formulas" the content only; "Formats" the formats only. What the
 * host does not model it refuses rather than guesses: "Values" and "Link", skipBlanks and
 * transpose, and copying formats over data validation, conditional formats or unlocked cells.
 */
import { MAX_COLUMN, MAX_ROW } from "../workbook/references";
import { translateFormula } from "../workbook/r1c1";
import { HostError, type MemoryCell, type MemorySheet } from "./state";
import { parseRange } from "../workbook/a1";
import { refusePasteOnProtected } from "./copy";

type Box = ReturnType<typeof parseRange>;

const COPY_TYPES = ["All", "Formulas", "Formats"];
const intersects = (a: Box, b: Box) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Where the cells land: per dimension, the destination's when it is an exact multiple of the source, else the source's (from the top-left corner). */
export function pasteArea(from: Box, to: Box): Box {
  const [height, width] = [from.bottom - from.top + 1, from.right - from.left + 1];
  const [toHeight, toWidth] = [to.bottom - to.top + 1, to.right - to.left + 1];
  return { top: to.top, left: to.left, bottom: to.top + (toHeight % height === 0 ? toHeight : height) - 1, right: to.left + (toWidth % width === 0 ? toWidth : width) - 1 };
}

export function copyCells(source: MemorySheet, fromAddress: string, target: MemorySheet, toAddress: string, copyType: string): void {
  if (!COPY_TYPES.includes(copyType)) throw new HostError("NotImplemented", `The in-memory host copies cells with copyType ${COPY_TYPES.join(", ")}, not “${copyType}”`);
  refusePasteOnProtected(target);
  const from = parseRange(fromAddress);
  const area = pasteArea(from, parseRange(toAddress));
  if (area.bottom > MAX_ROW || area.right > MAX_COLUMN) throw new HostError("InvalidArgument", `The paste of ${fromAddress} at ${toAddress} does not fit on the sheet`);
  const withFormats = copyType !== "Formulas";
  if (withFormats) {
    const covered = [...source.validations, ...source.conditionalFormats, ...target.validations, ...target.conditionalFormats].map((v) => parseRange(v.range));
    if (covered.some((box) => intersects(box, from) || intersects(box, area)) || [...source.locks, ...target.locks].some((l) => intersects(l, from) || intersects(l, area))) {
      throw new HostError("NotImplemented", "The in-memory host does not copy formats over data validation, conditional formats or unlocked cells");
    }
  }
  // The source as it was: a paste that overlaps its own source reads the cells before it.
  const height = from.bottom - from.top + 1;
  const width = from.right - from.left + 1;
  const original = new Map<string, MemoryCell | undefined>();
  for (let r = from.top; r <= from.bottom; r++) for (let c = from.left; c <= from.right; c++) original.set(`${r},${c}`, source.cells.get(`${r},${c}`));
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const [sr, sc] = [from.top + ((r - area.top) % height), from.left + ((c - area.left) % width)];
      const copied = original.get(`${sr},${sc}`);
      const cell: MemoryCell = { ...target.cells.get(`${r},${c}`) };
      if (copyType !== "Formats") {
        delete cell.formula;
        delete cell.value;
        if (copied?.formula !== undefined) cell.formula = translateFormula(copied.formula, r - sr, c - sc);
        else if (copied?.value !== undefined) cell.value = copied.value;
      }
      if (withFormats) {
        delete cell.numberFormat;
        delete cell.format;
        if (copied?.numberFormat !== undefined) cell.numberFormat = copied.numberFormat;
        if (copied?.format) cell.format = { ...copied.format };
      }
      if (cell.formula === undefined && cell.value === undefined && cell.numberFormat === undefined && cell.format === undefined) target.cells.delete(`${r},${c}`);
      else target.cells.set(`${r},${c}`, cell);
    }
  }
}
