import { column } from "../../src/workbook/a1";
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { Cell, WorkbookDescription } from "../../src/workbook/types";
import { registerIsFormulaOverRanges } from "../../src/host/isformula-plugin";

// ISFORMULA over a range, as Excel 365 and LibreOffice compute it (the Begroting's Formulecontrole).
registerIsFormulaOverRanges();

/** What a cell holds for a formula engine: formulas as text with "=", text with a quote prefix so it stays text. */
export function rawContent(cell: Cell | null): RawCellContent {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.formula;
  if (typeof cell.value === "string") return `'${cell.value}`;
  return cell.value ?? null;
}

/** Loads a workbook description into HyperFormula, an engine independent of ours, and lets it calculate. */
export function calculate(workbook: WorkbookDescription): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of workbook.sheets) sheets[sheet.name] = sheet.cells.map((row) => row.map(rawContent));
  return HyperFormula.buildFromSheets(
    sheets,
    { licenseKey: "gpl-v3", useArrayArithmetic: true, useColumnIndex: true },
    workbook.names.map((n) => ({ name: n.name, expression: `=${n.ref}` })),
  );
}

export interface Mismatch {
  sheet: string;
  address: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

/** Every formula cell whose engine value differs from the core's result (numbers to the cent). */
export function mismatches(workbook: WorkbookDescription, valueAt: (sheet: string, row: number, col: number) => unknown): Mismatch[] {
  const out: Mismatch[] = [];
  for (const sheet of workbook.sheets) {
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.formula === undefined) return;
        const actual = valueAt(sheet.name, r, c);
        if (!sameValue(cell.result, actual)) out.push({ sheet: sheet.name, address: `${column(c + 1)}${r + 1}`, formula: cell.formula, expected: cell.result, actual });
      }),
    );
  }
  return out;
}

export function sameValue(expected: unknown, actual: unknown): boolean {
  if (typeof expected === "number") return typeof actual === "number" && Math.round(expected * 100) === Math.round(actual * 100) && Math.abs(expected - actual) < 0.005;
  if (expected === "") return actual === "" || actual === null || actual === undefined;
  return expected === actual;
}


export function hyperFormulaValue(hf: HyperFormula): (sheet: string, row: number, col: number) => unknown {
  return (sheet, row, col) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const v = hf.getCellValue({ sheet: id, row, col });
    return typeof v === "object" && v !== null && "value" in v ? (v as { value: unknown }).value : v;
  };
}
