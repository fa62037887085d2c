import type { BudgetYear } from "../core/budget";
import { excelSerial } from "../core/dates";
import { cents, Dec } from "../core/decimal";
import { INVOICE_DATE_NOT_A_DATE, NOT_A_NUMBER, NOT_FOUND, PAID_DATE_NOT_A_DATE, payoutDifference, payoutRegister, YEAR_NOT_BUDGETED, type PaymentRecord, type RegisterRow, type Typed } from "../core/payouts";
import { range, sheetRef } from "./a1";
import { budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { DATE_RANGE, FIRST_DATA_ROW } from "./practices-sheet";
import type { Cell, SheetDescription, Validation } from "./types";

export const PAYOUTS_SHEET = "Uitbetalingen";
const HEADER_ROW = 4;
/** First register row; columns A (year) and B (AGB code) identify it. */
export const PAYOUTS_FIRST_ROW = HEADER_ROW + 1;
export const PAYOUT_HEADERS = ["Jaar", "AGB-code", "Praktijk", "Te betalen", "Vervaldatum", "Factuurnummer", "Factuurdatum", "Gefactureerd", "Betaald", "Betaaldatum", "Verschil", "Status"];
/** The columns (0-based) the controller fills in: invoice number to paid date. */
export const MANUAL_COLUMNS = [5, 6, 7, 8, 9];
export const STATUS_COLUMN = "L";
/** Column A labels of the rows below the register: never payments, so a read-back skips them. */
export const PAYOUT_TOTAL_LABELS = ["Totaal", "Openstaand (te betalen − betaald)"] as const;

/** Rows of the register (one blank row when there are none), so every range stays well-formed. */
export function registerRowCount(rows: readonly RegisterRow[]): number {
  return Math.max(1, rows.length);
}

/** Where the register ends and its totals stand, for Controle's ranges. */
export function payoutsLayout(rows: readonly RegisterRow[]) {
  const last = HEADER_ROW + registerRowCount(rows);
  return { first: PAYOUTS_FIRST_ROW, last, totalRow: last + 2, openRow: last + 3 };
}

const manualCell = (value: Typed, format?: string): Cell | null => (value === null ? null : { value, format });
const amount = (value: Typed) => (typeof value === "number" ? new Dec(value) : new Dec(0));

/** The formulas of register row `row`: wrapped lookups, so a practice that is gone gives 0 and a status, never #N/A. */
function rowCells(item: RegisterRow, row: number, lineCount: number): (Cell | null)[] {
  const { record } = item;
  const difference = payoutDifference(item.due, record);
  const differenceCell: Cell = { formula: `=IF(ISNUMBER(I${row}),ROUND(I${row}-D${row},2),"")`, result: difference === null ? "" : difference.toNumber(), format: FORMAT.money };
  // Text typed as an amount is named on its row (and counted on Controle) instead of spreading #VALUE!.
  const notNumber = (c: string) => `AND(${c}${row}<>"",NOT(ISNUMBER(${c}${row})))`;
  const status = `IF(OR(${notNumber("H")},${notNumber("I")}),"${NOT_A_NUMBER}",IF(${notNumber("G")},"${INVOICE_DATE_NOT_A_DATE}",IF(${notNumber("J")},"${PAID_DATE_NOT_A_DATE}",IF(I${row}="",IF(D${row}=0,"Geen bedrag",IF(H${row}="","Nog te factureren","Gefactureerd, niet betaald")),IF(ROUND(I${row}-D${row},2)=0,"Betaald",IF(I${row}>D${row},"Te veel betaald","Te weinig betaald"))))))`;
  const typed = [
    manualCell(record.invoiceNumber, FORMAT.text),
    manualCell(record.invoiceDate, FORMAT.date),
    manualCell(record.invoiced, FORMAT.money),
    manualCell(record.paid, FORMAT.money),
    manualCell(record.paidDate, FORMAT.date),
  ];
  const id: Cell[] = [{ value: item.year, format: FORMAT.year }, { value: item.agb, format: FORMAT.text }, { value: item.name }];
  // A year outside the forecast has no Begroting sheet to look in: nothing due, the status says why.
  if (!item.budgeted) return [...id, null, null, ...typed, differenceCell, { value: YEAR_NOT_BUDGETED }];
  const ref = sheetRef(budgetSheetName(item.year));
  const lastLine = FIRST_DATA_ROW + Math.max(1, lineCount) - 1;
  // Looked up by AGB code, not by row: a payment stays with its practice when Praktijken is re-sorted.
  const match = `MATCH(B${row},${ref}$B$${FIRST_DATA_ROW}:$B$${lastLine},0)`;
  const lookup = (col: string, missing: string) => `=IF(ISNA(${match}),${missing},INDEX(${ref}$${col}$${FIRST_DATA_ROW}:$${col}$${lastLine},${match}))`;
  return [
    ...id,
    { formula: lookup(BUDGET_COLUMN.compensation, "0"), result: item.due === null ? 0 : item.due.toNumber(), format: FORMAT.money },
    { formula: lookup(BUDGET_COLUMN.payoutDue, '""'), result: item.dueDate === null ? "" : excelSerial(item.dueDate), format: FORMAT.date },
    ...typed,
    differenceCell,
    { formula: `=IF(ISNA(${match}),"${NOT_FOUND}",${status})`, result: item.status },
  ];
}

/**
 * Uitbetalingen: the payout register. Amount and due date come from the Begroting sheets; the
 * controller types invoice and payment; difference and status are formulas. `payments` are
 * the typed values of an earlier build, matched on AGB code + year; those no practice-year
 * takes any more are kept as rows at the bottom until a person clears them.
 *
 * @example
 * describePayouts(forecast(params, practices, 2025, 4), readPayments(values)).cells[4][11]?.result // "Nog te factureren"
 */
export function describePayouts(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord> = new Map()): SheetDescription {
  const grid = new Grid();
  const rows = payoutRegister(years, payments);
  const layout = payoutsLayout(rows);
  grid.set(1, 1, text("Uitbetalingen compensatie overhead"));
  grid.set(
    2,
    1,
    text(
      "Eén rij per praktijk per jaar. Vul factuur en betaling in de gele kolommen in; die blijven bewaard bij opnieuw opbouwen. " +
        `Betalingen van een praktijk die niet meer op Praktijken staat (of een andere AGB-code kreeg) blijven onderaan staan met status “${NOT_FOUND}”, tot u hun gele cellen leegmaakt.`,
    ),
  );
  grid.setRow(HEADER_ROW, 1, PAYOUT_HEADERS.map(text));
  const lineCount = new Map(years.map((y) => [y.year, y.lines.length]));
  rows.forEach((item, i) => grid.setRow(PAYOUTS_FIRST_ROW + i, 1, rowCells(item, PAYOUTS_FIRST_ROW + i, lineCount.get(item.year) ?? 0)));

  const { first, last, totalRow, openRow } = layout;
  // ROUND(SUM(…),2) as the sheet does: typed amounts need not be whole cents.
  const sum = (values: Dec[]) => cents(values.reduce((a, b) => a.plus(b), new Dec(0)));
  const due = sum(rows.map((r) => r.due ?? new Dec(0)));
  const paid = sum(rows.map((r) => amount(r.record.paid)));
  const total = (col: string, result: Dec): Cell => ({ formula: `=ROUND(SUM(${col}${first}:${col}${last}),2)`, result: result.toNumber(), format: FORMAT.money });
  grid.setRow(totalRow, 1, [text(PAYOUT_TOTAL_LABELS[0]), null, null, total("D", due), null, null, null, total("H", sum(rows.map((r) => amount(r.record.invoiced)))), total("I", paid)]);
  grid.setRow(openRow, 1, [text(PAYOUT_TOTAL_LABELS[1]), null, null, { formula: `=ROUND(D${totalRow}-I${totalRow},2)`, result: cents(due.minus(paid)).toNumber(), format: FORMAT.money }]);
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
      { range: range(first, 6, last, 10), style: "input" },
      { range: range(totalRow, 1, openRow, PAYOUT_HEADERS.length), style: "total" },
    ],
    validations: payoutValidations(first, last),
    conditionalFormats: [
      { range: range(first, 12, last, 12), formula: `OR(L${first}="Te veel betaald",L${first}="Te weinig betaald",L${first}="${NOT_A_NUMBER}",L${first}="${INVOICE_DATE_NOT_A_DATE}",L${first}="${PAID_DATE_NOT_A_DATE}",L${first}="${NOT_FOUND}",L${first}="${YEAR_NOT_BUDGETED}")`, style: "bad" },
      { range: range(first, 12, last, 12), formula: `L${first}="Betaald"`, style: "ok" },
    ],
    charts: [],
    inputRanges: [range(first, 6, last, 10)],
    manualColumns: MANUAL_COLUMNS,
    firstDataRow: first,
    print: { landscape: true, fitToWidth: true },
  };
}

/** The typed columns of Uitbetalingen: amounts are numbers, dates are dates (Dutch messages). */
function payoutValidations(first: number, last: number): Validation[] {
  const col = (c: number) => range(first, c, last, c);
  const date = (c: number, title: string): Validation => ({
    range: col(c),
    kind: "date",
    min: DATE_RANGE.min,
    max: DATE_RANGE.max,
    title,
    prompt: "Een datum, bijvoorbeeld 15-7-2025.",
    error: `${title}: typ een datum, bijvoorbeeld 15-7-2025 (geen tekst).`,
  });
  const amount = (c: number, title: string): Validation => ({
    range: col(c),
    kind: "decimal",
    min: -1e9,
    max: 1e9,
    title,
    prompt: "Bedrag in euro's, een getal (bijvoorbeeld 1250,50).",
    error: `${title}: typ een bedrag als getal, bijvoorbeeld 1250,50 (geen “€” of “,-”).`,
  });
  return [date(7, "Factuurdatum"), amount(8, "Gefactureerd"), amount(9, "Betaald"), date(10, "Betaaldatum")];
}
