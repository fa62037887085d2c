/**
 * A person's view of a built workbook: edit an .xlsx as they would (ExcelJS, no add-in),
 * let LibreOffice recalculate it, and read cells and Controle lines by address and label.
 */
import ExcelJS from "exceljs";
import { parseCell } from "../../src/workbook/a1";
import { recalculateWithLibreOffice } from "./libreoffice";

export type ValueAt = (sheet: string, address: string) => unknown;

/** Reads by A1 address what `valueAt` gives by 0-based row and column (LibreOffice's, HyperFormula's). */
export const byAddress =
  (valueAt: (sheet: string, row: number, col: number) => unknown): ValueAt =>
  (sheet, address) => {
    const { row, col } = parseCell(address);
    return valueAt(sheet, row - 1, col - 1);
  };

/** Opens `xlsx`, lets `edit` change it as a person would, and returns LibreOffice's recalculated values. */
export async function editAndRecalculate(xlsx: Buffer | Uint8Array, name: string, edit: (book: ExcelJS.Workbook) => void): Promise<ValueAt> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  edit(book);
  return byAddress(await recalculateWithLibreOffice(Buffer.from(await book.xlsx.writeBuffer()), name));
}

/** The outcome (column B) of the Controle line labelled `label`; throws when there is none. */
export function controleOutcome(at: ValueAt, label: string): unknown {
  for (let row = 5; row < 400; row++) if (at("Controle", `A${row}`) === label) return at("Controle", `B${row}`);
  throw new Error(`no Controle line "${label}"`);
}

/** Every Controle line as [label, outcome], for "nothing is wrong" assertions. */
export function controleLines(at: ValueAt): [string, unknown][] {
  const lines: [string, unknown][] = [];
  for (let row = 5; row < 400; row++) {
    const label = at("Controle", `A${row}`);
    if (typeof label === "string" && label !== "") lines.push([label, at("Controle", `B${row}`)]);
  }
  return lines;
}

/** The lines that are not OK (an informing line starts with "OK" too). */
export const failingLines = (at: ValueAt) => controleLines(at).filter(([, outcome]) => !String(outcome).startsWith("OK"));

/**
 * The failing lines but for the overdue check: a workbook the pane builds takes today as its
 * Peildatum, so what is overdue depends on the day the test runs (test/workbook/payment-checks
 * tests it with a Peildatum typed).
 */
export const failingLinesAnyDay = (at: ValueAt) => failingLines(at).filter(([label]) => label !== "Niets achterstallig op de peildatum");
