/**
 * `Range.copyFrom` in the in-memory host of a whole sheet
 * onto a whole sheet (`getRange()` of each). The documentation says copyFrom "replicates the
 * Copy and Paste actions of the Excel UI", so this is Excel's select-all, copy, paste with
 * copyType "All": every cell's formula or value, number format and format (the `locked` flag
 * included), the data validations and conditional formats, and, because whole rows and
 * columns are copied, their heights and widths. The target's cells are replaced, not moved:
 * formulas elsewhere that point at the target keep pointing at it, as after a paste in Excel.
 * A formula is copied as written: at the same address nothing shifts, and an explicit
 * reference to another sheet stays on that sheet. Not copied, as in Excel: charts (objects
 * are not cells), frozen panes and page setup (properties of the sheet), the protection.
 */
import { HostError, type MemoryCell, type MemorySheet, type MemoryValidation } from "./state";

/** The address of the entire sheet, as Excel reports `worksheet.getRange()`. */
export const WHOLE_SHEET = "A1:XFD1048576";

/** Deep copies of a sheet's parts (plain objects, made in this realm: no structuredClone). */
const copyCell = (cell: MemoryCell): MemoryCell => ({ ...cell, ...(cell.format ? { format: { ...cell.format } } : {}) });
const copyValidation = (v: MemoryValidation): MemoryValidation => ({
  ...v,
  rule: { ...v.rule },
  ...(v.prompt ? { prompt: { ...v.prompt } } : {}),
  ...(v.errorAlert ? { errorAlert: { ...v.errorAlert } } : {}),
});

/** A copy of a whole sheet, for MemoryExcel.fork. */
export function cloneSheet(sheet: MemorySheet): MemorySheet {
  return {
    ...sheet,
    cells: new Map([...sheet.cells].map(([k, cell]) => [k, copyCell(cell)])),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    validations: sheet.validations.map(copyValidation),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f })),
    charts: sheet.charts.map((c) => ({ ...c })),
    protection: { ...sheet.protection, options: { ...sheet.protection.options } },
    locks: sheet.locks.map((l) => ({ ...l })),
  };
}

/** A paste onto a protected sheet is refused as a whole (every cell starts locked), as Excel's paste is. */
export function refusePasteOnProtected(target: MemorySheet): void {
  if (target.protection.protected) throw new HostError("AccessDenied", `The cell or chart you're trying to change (${target.name}) is on a protected sheet. To make a change, unprotect the sheet.`);
}

export function copyWholeSheet(source: MemorySheet, target: MemorySheet, copyType: string): void {
  if (copyType !== "All") throw new HostError("NotImplemented", `The in-memory host copies whole sheets with copyType "All" only, not “${copyType}”`);
  refusePasteOnProtected(target);
  if (source === target) return;
  target.cells = new Map([...source.cells].map(([k, cell]) => [k, copyCell(cell)]));
  target.locks = source.locks.map((l) => ({ ...l }));
  target.validations = source.validations.map(copyValidation);
  target.conditionalFormats = source.conditionalFormats.map((f) => ({ ...f }));
  target.columnWidths = new Map(source.columnWidths);
  target.rowHeights = new Map(source.rowHeights);
}
