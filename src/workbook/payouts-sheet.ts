import type { BudgetYear } from "../core/budget";
import { excelSerial } from "../core/dates";
import { NO_PAYMENT, payoutDifference, payoutKey, payoutStatus, type PaymentRecord, type Typed } from "../core/payouts";
import { range, sheetRef } from "./a1";
import { budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { FIRST_DATA_ROW } from "./practices-sheet";
import type { Cell, SheetDescription } from "./types";

export const PAYOUTS_SHEET = "Uitbetalingen";
const HEADER_ROW = 4;
/** First register row; columns A (year) and B (AGB code) identify it. */
export const PAYOUTS_FIRST_ROW = HEADER_ROW + 1;
export const PAYOUT_HEADERS = ["Jaar", "AGB-code", "Praktijk", "Te betalen", "Vervaldatum", "Factuurnummer", "Factuurdatum", "Gefactureerd", "Betaald", "Betaaldatum", "Verschil", "Status"];
/** The columns (0-based) the controller fills in: invoice number to paid date. */
export const MANUAL_COLUMNS = [5, 6, 7, 8, 9];
export const STATUS_COLUMN = "L";

/** Rows of the register: one per practice × year (year by year), or one blank row when there are none. */
export function payoutRowCount(years: readonly BudgetYear[]): number {
  return Math.max(1, years.reduce((n, y) => n + y.lines.length, 0));
}

const manualCell = (value: Typed, format?: string): Cell | null => (value === null ? null : { value, format });

/**
 * Uitbetalingen: the payout register. Amount and due date come from the Begroting sheets; the
 * controller types invoice and payment; difference and status are formulas. `payments` are
 * the typed values of an earlier build, matched on AGB code + year.
 */
export function describePayouts(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord> = new Map()): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Uitbetalingen compensatie overhead"));
  grid.set(2, 1, text("Eén rij per praktijk per jaar. Vul factuur en betaling in de gele kolommen in; die blijven bewaard bij opnieuw opbouwen."));
  grid.setRow(HEADER_ROW, 1, PAYOUT_HEADERS.map(text));
  let row = HEADER_ROW + 1;
  for (const year of years) {
    const ref = sheetRef(budgetSheetName(year.year));
    const lastLine = FIRST_DATA_ROW + Math.max(1, year.lines.length) - 1;
    // Looked up by AGB code, not by row: a payment stays with its practice when Praktijken is re-sorted.
    const lookup = (col: string) => `INDEX(${ref}$${col}$${FIRST_DATA_ROW}:$${col}$${lastLine},MATCH(B${row},${ref}$B$${FIRST_DATA_ROW}:$B$${lastLine},0))`;
    year.lines.forEach((line) => {
      const record = payments.get(payoutKey(line.practice.agb, year.year)) ?? NO_PAYMENT;
      const difference = payoutDifference(line.compensation, record);
      grid.setRow(row, 1, [
        { value: year.year, format: FORMAT.year },
        { value: line.practice.agb, format: FORMAT.text },
        { value: line.practice.name },
        { formula: `=${lookup(BUDGET_COLUMN.compensation)}`, result: line.compensation.toNumber(), format: FORMAT.money },
        { formula: `=${lookup(BUDGET_COLUMN.payoutDue)}`, result: line.payoutDue === null ? "" : excelSerial(line.payoutDue), format: FORMAT.date },
        manualCell(record.invoiceNumber, FORMAT.text),
        manualCell(record.invoiceDate, FORMAT.date),
        manualCell(record.invoiced, FORMAT.money),
        manualCell(record.paid, FORMAT.money),
        manualCell(record.paidDate, FORMAT.date),
        { formula: `=IF(I${row}="","",ROUND(I${row}-D${row},2))`, result: difference === null ? "" : typeof difference === "string" ? difference : difference.toNumber(), format: FORMAT.money },
        {
          formula: `=IF(I${row}="",IF(D${row}=0,"Geen bedrag",IF(H${row}="","Nog te factureren","Gefactureerd, niet betaald")),IF(ROUND(I${row}-D${row},2)=0,"Betaald",IF(I${row}>D${row},"Te veel betaald","Te weinig betaald")))`,
          result: payoutStatus(line.compensation, record),
        },
      ]);
      row++;
    });
  }
  const last = HEADER_ROW + payoutRowCount(years);
  return {
    name: PAYOUTS_SHEET,
    kind: "payouts",
    cells: grid.build(PAYOUT_HEADERS.length),
    columnWidths: [8, 12, 30, 14, 13, 16, 13, 14, 14, 13, 12, 24],
    frozenRows: HEADER_ROW,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, PAYOUT_HEADERS.length), style: "header" },
      { range: range(HEADER_ROW + 1, 6, last, 10), style: "input" },
    ],
    validations: [],
    conditionalFormats: [
      { range: range(HEADER_ROW + 1, 12, last, 12), formula: `OR(L${HEADER_ROW + 1}="Te veel betaald",L${HEADER_ROW + 1}="Te weinig betaald")`, style: "bad" },
      { range: range(HEADER_ROW + 1, 12, last, 12), formula: `L${HEADER_ROW + 1}="Betaald"`, style: "ok" },
    ],
    charts: [],
    inputRanges: [range(HEADER_ROW + 1, 6, last, 10)],
    manualColumns: MANUAL_COLUMNS,
    firstDataRow: HEADER_ROW + 1,
    print: { landscape: true, fitToWidth: true },
  };
}
