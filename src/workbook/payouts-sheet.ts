import type { BudgetYear } from "../core/budget";
import { cents, Dec } from "../core/decimal";
import { INVOICE_DATE_NOT_A_DATE, NOT_A_NUMBER, NOT_FOUND, PAID_DATE_NOT_A_DATE, payoutRegister, YEAR_NOT_BUDGETED, type PaymentRecord, type RegisterRow, type Typed } from "../core/payouts";
import type { IsoDate } from "../core/types";
import { range } from "./a1";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import { LINE_HEADER, payoutRowCells, ROW_HEADERS, SIGNAL_HEADERS, SIGNAL_TEXT_ROW, SIGNALEN_COLUMN } from "./payout-row";
import { formationRowCells, type YearBlock } from "./formation-row";
import { payeeTotals } from "./payee-totals";
import { scheduleOf } from "../core/formation-schedule";
import type { SchemeParameters } from "../core/parameters";
import { SIGNALS, SIGNAL_KEYS } from "../core/payment-signals";
import { PEILDATUM_NAME } from "./peildatum";
import { DATE_RANGE, freeRowCount } from "./practices-sheet";
import type { Cell, SheetDescription, Validation } from "./types";

export { KIND_COLUMN, PAYEE_COLUMN, SIGNAL_COLUMNS, SIGNALEN_COLUMN, STATUS_COLUMN } from "./payout-row";

export const PAYOUTS_SHEET = "Uitbetalingen";
const HEADER_ROW = 4;
/** First register row; columns A (year) and B (AGB code) identify it. */
export const PAYOUTS_FIRST_ROW = HEADER_ROW + 1;
export const PAYOUT_HEADERS = ["Jaar", "AGB-code", "Praktijk", "Te betalen", "Vervaldatum", "Factuurnummer", "Factuurdatum", "Gefactureerd", "Betaald", "Betaaldatum", "Verschil", "Status", "Signalen", ...SIGNAL_HEADERS, LINE_HEADER, ...ROW_HEADERS];
/** The columns (0-based) the controller fills in: invoice number to paid date. */
export const MANUAL_COLUMNS = [5, 6, 7, 8, 9];
/** Column A labels of the rows below the register: never payments, so a read-back skips them. */
export const PAYOUT_TOTAL_LABELS = ["Totaal", "Openstaand (te betalen − betaald)"] as const;
/** Column A of the first row below the register's totals (the totals per payee): a read-back stops there. */
export { PAYEE_SECTION_LABEL } from "./payee-totals";
/** What the register needs of the parameters: the formation's schedule and the capacity its month hours follow. */
export type PayoutParameters = Pick<SchemeParameters, "formationInstalments" | "formationInAdvance" | "capacityHours">;

/** Rows of the register (one blank row when there are none), so every range stays well-formed. */
export function registerRowCount(rows: readonly RegisterRow[]): number {
  return Math.max(1, rows.length);
}

/** Where the register ends and its totals stand, for Controle's ranges. */
export function payoutsLayout(rows: readonly RegisterRow[]) {
  const last = HEADER_ROW + registerRowCount(rows);
  return { first: PAYOUTS_FIRST_ROW, last, totalRow: last + 2, openRow: last + 3, payeeTop: last + 5 };
}

const amount = (value: Typed) => (typeof value === "number" ? new Dec(value) : new Dec(0));

/**
 * The register as the sheet lays it out: each year's practices, then as many free rows as
 * Praktijken has (a practice typed there enters Uitbetalingen on recalculation), then the kept
 * rows; overdue is checked against `peildatum`. Uitbetalingen and Controle both use this one.
 *
 * @example
 * sheetRegister(forecast(params, practices, 2026, 4), new Map(), "2026-12-01").length // (12 + 25) × 4
 */
export function sheetRegister(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord>, peildatum: IsoDate | null, params: PayoutParameters = { capacityHours: "0" }): RegisterRow[] {
  return payoutRegister(years, payments, { freeRows: freeRowCount(years[0]?.lines.length ?? 0), peildatum, schedule: scheduleOf(params), capacityHours: params.capacityHours });
}

/** Per year, where its compensation rows stand and where its formation rows begin (sheet rows). */
function yearBlocks(rows: readonly RegisterRow[]): Map<number, YearBlock> {
  const blocks = new Map<number, YearBlock>();
  rows.forEach((item, i) => {
    const row = PAYOUTS_FIRST_ROW + i;
    const block = blocks.get(item.year) ?? { compensationFirst: row, compensationLast: row, formationFirst: 0 };
    if (item.orphan) return;
    if (item.instalment === null) block.compensationLast = row;
    else if (block.formationFirst === 0) block.formationFirst = row;
    blocks.set(item.year, block);
  });
  return blocks;
}

/**
 * Uitbetalingen: the payout register. Amount and due date come from the Begroting sheets; the
 * controller types invoice and payment; difference, status and the signals (invoiced ≠ due,
 * paid ≠ invoiced, paid before the due date, paid without an invoice, overdue on the Peildatum)
 * are formulas. `payments` are the typed values of an earlier build, matched on AGB code +
 * year; those no practice-year takes any more are kept as rows at the bottom until a person
 * clears them. Each year ends with free rows for the free rows of Praktijken.
 *
 * @example
 * describePayouts(forecast(params, practices, 2025, 4), readPayments(values), "2025-12-01").cells[4][11]?.result // "Nog te factureren"
 */
export function describePayouts(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord> = new Map(), peildatum: IsoDate | null = null, params: PayoutParameters = { capacityHours: "0" }): SheetDescription {
  const grid = new Grid();
  const rows = sheetRegister(years, payments, peildatum, params);
  const schedule = scheduleOf(params);
  const layout = payoutsLayout(rows);
  grid.set(1, 1, text("Uitbetalingen: compensatie overhead en formatie"));
  grid.set(
    2,
    1,
    text(
      "Alles wat de gemeente betaalt. Eerst per jaar de compensatie overhead (één bedrag per praktijk na de eerste maanden inzet, VPG h. 14, aan de praktijk), dan per jaar het gemeentedeel van de formatie in termijnen volgens het betaalschema op Uitgangspunten (Formatie_termijnen, Formatie_vooraf), naar de uren per maand, aan de werkgever (Praktijken, kolom Werkgever; leeg = de praktijk). " +
        "Per jaar lege rijen voor een praktijk die op een vrije rij van Praktijken wordt getypt. Vul factuur en betaling in de gele kolommen in; die blijven bewaard bij opnieuw opbouwen. Onder het register: wat elke ontvanger per jaar krijgt. " +
        `Signalen noemt wat een controleur nakijkt: gefactureerd of betaald afwijkend, betaald vóór de vervaldatum of zonder factuur, en achterstallig (vervaldatum vóór de ${PEILDATUM_NAME} op Uitgangspunten, niet volledig betaald). ` +
        `Betalingen van een praktijk die niet meer op Praktijken staat (of een andere AGB-code kreeg) blijven onderaan staan met status “${NOT_FOUND}”, tot u hun gele cellen leegmaakt.`,
    ),
  );
  // What each signal column flags, in the words Signalen joins (its formula reads them here).
  grid.setRow(SIGNAL_TEXT_ROW, 14, SIGNAL_KEYS.map((s) => text(SIGNALS[s])));
  grid.setRow(HEADER_ROW, 1, PAYOUT_HEADERS.map(text));
  const lineCount = new Map(years.map((y) => [y.year, y.lines.length]));
  const blocks = yearBlocks(rows);
  rows.forEach((item, i) => {
    const row = PAYOUTS_FIRST_ROW + i;
    const lines = lineCount.get(item.year) ?? 0;
    grid.setRow(row, 1, item.instalment === null ? payoutRowCells(item, row, lines) : formationRowCells(item, row, lines, blocks.get(item.year)!, schedule));
  });

  const { first, last, totalRow, openRow } = layout;
  // ROUND(SUM(…),2) as the sheet does: typed amounts need not be whole cents.
  const sum = (values: Dec[]) => cents(values.reduce((a, b) => a.plus(b), new Dec(0)));
  const due = sum(rows.map((r) => r.due ?? new Dec(0)));
  const paid = sum(rows.map((r) => amount(r.record.paid)));
  const total = (col: string, result: Dec): Cell => ({ formula: `=ROUND(SUM(${col}${first}:${col}${last}),2)`, result: result.toNumber(), format: FORMAT.money });
  grid.setRow(totalRow, 1, [text(PAYOUT_TOTAL_LABELS[0]), null, null, total("D", due), null, null, null, total("H", sum(rows.map((r) => amount(r.record.invoiced)))), total("I", paid)]);
  grid.setRow(openRow, 1, [text(PAYOUT_TOTAL_LABELS[1]), null, null, { formula: `=ROUND(D${totalRow}-I${totalRow},2)`, result: cents(due.minus(paid)).toNumber(), format: FORMAT.money }]);
  const payees = payeeTotals(rows, years, layout);
  payees.cells.forEach((cells, i) => grid.setRow(layout.payeeTop + i, 1, cells));
  const columnWidths = headerWidths(PAYOUT_HEADERS, [8, 12, 30, 14, 13, 16, 13, 14, 14, 13, 12, 20, 30, ...SIGNAL_HEADERS.map(() => 12), 10, 20, 30, 10, 12, 12]);
  return {
    name: PAYOUTS_SHEET,
    kind: "payouts",
    cells: grid.build(PAYOUT_HEADERS.length),
    columnWidths,
    frozenRows: HEADER_ROW,
    // Year, AGB code and practice stay in view, and repeat on every printed page.
    frozenColumns: 3,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(SIGNAL_TEXT_ROW, 14, SIGNAL_TEXT_ROW, 13 + SIGNAL_KEYS.length), style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, PAYOUT_HEADERS.length), style: "header" },
      { range: range(first, 6, last, 10), style: "input" },
      // Status and Signalen wrap: their texts are longer than a printed column is wide.
      { range: range(first, 12, last, 13), style: "wrap" },
      { range: range(totalRow, 1, openRow, PAYOUT_HEADERS.length), style: "total" },
      ...payees.styles,
    ],
    validations: payoutValidations(first, last),
    conditionalFormats: [
      { range: range(first, 12, last, 12), formula: `OR(L${first}="Te veel betaald",L${first}="Te weinig betaald",L${first}="${NOT_A_NUMBER}",L${first}="${INVOICE_DATE_NOT_A_DATE}",L${first}="${PAID_DATE_NOT_A_DATE}",L${first}="${NOT_FOUND}",L${first}="${YEAR_NOT_BUDGETED}")`, style: "bad" },
      { range: range(first, 12, last, 12), formula: `L${first}="Betaald"`, style: "ok" },
      { range: range(first, 13, last, 13), formula: `${SIGNALEN_COLUMN}${first}<>""`, style: "bad" },
    ],
    charts: [],
    inputRanges: [range(first, 6, last, 10)],
    manualColumns: MANUAL_COLUMNS,
    firstDataRow: first,
    // Four parts on paper, each with year, AGB code and practice: amount, due date and invoice
    // (to Gefactureerd), payment and status (to Signalen), then each signal's column.
    print: printSetup(columnWidths, { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, titleColumns: 3, breaks: [8, 13, 19], area: range(1, 1, layout.payeeTop + payees.cells.length - 1, PAYOUT_HEADERS.length) }),
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
