/**
 * The state of the in-memory Excel host: sheets of cells with formulas, values and formats,
 * defined names and settings, with Excel's rules for what may be written. Formulas are
 * calculated by HyperFormula so tests and the demo can read values back.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { registerIsFormulaOverRanges } from "./isformula-plugin";
import { parseRange, sheetRef } from "../workbook/a1";
import { checkWritable, unprotected, type LockEntry, type MemoryProtection } from "./protection";
import { copyWholeSheet } from "./copy";
import { copyCells } from "./copy-cells";
import { moveRows } from "./rows";
import { formatAfterEntry, parseEntry, type HostLocale, type ParsedEntry } from "./parse-entry";

export type Scalar = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  borderTop?: string;
  borderBottom?: string;
  wrap?: boolean;
}

export interface MemoryCell {
  /** A formula ("=…"), or a constant. */
  formula?: string;
  value?: Scalar;
  numberFormat?: string;
  format?: CellFormat;
}

/** A data validation as Office.js sets it: the rule (one kind: list, wholeNumber, decimal, date, textLength, custom), prompt and error alert. */
export interface MemoryValidation {
  range: string;
  /** The kind of the rule, e.g. "wholeNumber". */
  kind: string;
  rule: Record<string, unknown>;
  /** The list's source ("" for other kinds). */
  source: string;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  validations: MemoryValidation[];
  conditionalFormats: { range: string; formula: string; fill: string; fontColor: string }[];
  charts: { type: string; source: string; seriesBy: string; title: string }[];
  orientation: string;
  fitToWidth: boolean;
  protection: MemoryProtection;
  /** `format.protection.locked` as set, in order; a cell no entry covers is locked. */
  locks: LockEntry[];
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

const key = (row: number, col: number) => `${row},${col}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const referencePrefix = (name: string) => new RegExp(`^${escapeRegExp(sheetRef(name))}`, "i");
const FORBIDDEN = /[[\]:*?/\\]/;

/** Excel's sheet-name rules: 1–31 characters, none of []:*?/\, no apostrophe at either end, unique ignoring case. */
export function checkSheetName(name: string, others: readonly string[]): void {
  if (name.length === 0 || name.length > 31) throw new HostError("InvalidArgument", `Sheet name “${name}” must be 1 to 31 characters`);
  if (FORBIDDEN.test(name)) throw new HostError("InvalidArgument", `Sheet name “${name}” contains one of [ ] : * ? / \\`);
  if (name.startsWith("'") || name.endsWith("'")) throw new HostError("InvalidArgument", `Sheet name “${name}” starts or ends with an apostrophe`);
  if (others.some((o) => o.toLowerCase() === name.toLowerCase())) throw new HostError("ItemAlreadyExists", `A sheet named “${name}” already exists`);
}

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  names = new Map<string, string>();
  settings = new Map<string, string>();
  calculationMode = "Automatic";
  selected: { sheet: string; address: string } | null = null;
  active: string | null = null;
  private engine: HyperFormula | null = null;
  /** The user's locale: how Excel reads text written into a cell (see parse-entry.ts). */
  locale: HostLocale = "nl-NL";

  constructor(readonly calculate = true) {}

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): MemorySheet {
    checkSheetName(name, this.sheets.map((s) => s.name));
    const sheet: MemorySheet = { name, cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), frozenRows: 0, validations: [], conditionalFormats: [], charts: [], orientation: "Portrait", fitToWidth: false, protection: unprotected(), locks: [] };
    this.sheets.push(sheet);
    this.changed();
    return sheet;
  }

  /** Renames a sheet; like Excel, every formula, name and chart that refers to it follows. */
  renameSheet(sheet: MemorySheet, name: string): void {
    checkSheetName(name, this.sheets.filter((s) => s !== sheet).map((s) => s.name));
    this.rewriteReferences(sheet.name, (ref) => ref.replace(referencePrefix(sheet.name), sheetRef(name)));
    sheet.name = name;
    this.changed();
  }

  /** Deletes a sheet; like Excel, references to it become #REF!. */
  deleteSheet(sheet: MemorySheet): void {
    if (this.sheets.length === 1) throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.rewriteReferences(sheet.name, () => "#REF!");
    this.changed();
  }

  private rewriteReferences(sheetName: string, replace: (reference: string) => string): void {
    const pattern = new RegExp(`(?<![A-Za-z0-9_.'])${escapeRegExp(sheetRef(sheetName))}\\$?[A-Z]+\\$?\\d+(:\\$?[A-Z]+\\$?\\d+)?`, "gi");
    // Most formulas do not name the sheet: a plain search first keeps big workbooks fast.
    const names = new RegExp(escapeRegExp(sheetRef(sheetName)), "i");
    const rewrite = (text: string) => (names.test(text) ? text.replace(pattern, replace) : text);
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = rewrite(cell.formula);
      for (const chart of s.charts) chart.source = rewrite(chart.source);
    }
    for (const [name, ref] of this.names) this.names.set(name, rewrite(ref));
  }

  /** `target.getRange().copyFrom(source.getRange(), copyType)`: see ./copy. */
  copySheet(source: MemorySheet, target: MemorySheet, copyType: string): void {
    copyWholeSheet(source, target, copyType);
    this.changed();
  }

  /** `target.getRange(to).copyFrom(source.getRange(from), copyType)` for a block of cells: see ./copy-cells. */
  copyCells(source: MemorySheet, from: string, target: MemorySheet, to: string, copyType: string): void {
    copyCells(source, from, target, to, copyType);
    this.changed();
  }

  /** Inserts (count > 0) or deletes (count < 0) whole rows at `at`, references following as in Excel: see ./rows. */
  moveRows(sheet: MemorySheet, at: number, count: number): void {
    moveRows(this.sheets, this.names, sheet, at, count);
    this.changed();
  }

  moveSheet(sheet: MemorySheet, position: number): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(Math.min(position, this.sheets.length), 0, sheet);
  }

  /** Writes a 2-D block of `formulas` (or `values`) at a range; the shape must match. */
  write(sheet: MemorySheet, address: string, rows: unknown[][], kind: "formulas" | "values" | "numberFormat"): void {
    const { top, left, bottom, right } = parseRange(address);
    const height = bottom - top + 1;
    const width = right - left + 1;
    if (!Array.isArray(rows) || rows.length !== height || rows.some((r) => !Array.isArray(r) || r.length !== width)) {
      throw new HostError("InvalidArgument", `The ${kind} array does not match the size of range ${address} (${height}×${width})`);
    }
    checkWritable(sheet, address, kind === "numberFormat" ? "formatCells" : "cells");
    rows.forEach((row, i) =>
      row.forEach((input, j) => {
        const k = key(top + i, left + j);
        const cell = sheet.cells.get(k) ?? {};
        if (kind === "numberFormat") cell.numberFormat = input === null || input === "General" ? undefined : String(input);
        else {
          const entry: ParsedEntry | null = kind === "values" && typeof input === "string" && input.startsWith("=") ? { value: input } : parseEntry(input, { locale: this.locale });
          const { numberFormat, ...content } = entry ?? {};
          delete cell.formula;
          delete cell.value;
          Object.assign(cell, content);
          cell.numberFormat = formatAfterEntry(cell.numberFormat, numberFormat);
        }
        if (cell.formula === undefined && cell.value === undefined && cell.numberFormat === undefined && cell.format === undefined) sheet.cells.delete(k);
        else sheet.cells.set(k, cell);
      }),
    );
    if (kind !== "numberFormat") this.changed();
  }

  formatRange(sheet: MemorySheet, address: string, format: CellFormat): void {
    checkWritable(sheet, address, "formatCells");
    const { top, left, bottom, right } = parseRange(address);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const cell = sheet.cells.get(key(r, c)) ?? {};
        cell.format = { ...cell.format, ...format };
        sheet.cells.set(key(r, c), cell);
      }
  }

  cell(sheet: MemorySheet, row: number, col: number): MemoryCell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** The bounding box of the cells with content, or null for an empty sheet. */
  usedRange(sheet: MemorySheet): { top: number; left: number; bottom: number; right: number } | null {
    let box: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined && cell.value === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }

  /** The value Excel would show: a constant, or the formula's result. */
  valueAt(sheet: MemorySheet, row: number, col: number): Scalar | null {
    const cell = this.cell(sheet, row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    if (!this.calculate) return null;
    const engine = this.getEngine();
    const value = engine.getCellValue({ sheet: engine.getSheetId(sheet.name)!, row: row - 1, col: col - 1 });
    if (value && typeof value === "object") return (value as { value: string }).value;
    return value;
  }

  private changed(): void {
    this.engine?.destroy();
    this.engine = null;
  }

  private getEngine(): HyperFormula {
    if (this.engine) return this.engine;
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of this.sheets) {
      const box = this.usedRange(sheet);
      const grid: RawCellContent[][] = [];
      if (box) {
        for (let r = 1; r <= box.bottom; r++) {
          const row: RawCellContent[] = [];
          for (let c = 1; c <= box.right; c++) {
            const cell = this.cell(sheet, r, c);
            row.push(cell?.formula ?? (typeof cell?.value === "string" ? `'${cell.value}` : (cell?.value ?? null)));
          }
          grid.push(row);
        }
      }
      sheets[sheet.name] = grid;
    }
    const names = [...this.names].map(([name, ref]) => ({ name, expression: ref.startsWith("=") ? ref : `=${ref}` }));
    registerIsFormulaOverRanges();
    this.engine = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true }, names);
    return this.engine;
  }

  /** Names changed: formulas resolve names when the engine is rebuilt. */
  namesChanged(): void {
    this.changed();
  }
}
