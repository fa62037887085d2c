import type { BudgetYear } from "./budget";
import type { IsoDate } from "./types";
import { Dec } from "./decimal";
import { paymentSignals, type Signal } from "./payment-signals";
import { COMPENSATION_KIND, type Schedule } from "./formation-schedule";
import { formationRows } from "./formation-register";

/** A typed value is kept as it was typed: text, a number, a date (Excel serial) or a boolean. */
export type Typed = string | number | boolean | null;

/** What a controller types per practice-year on the Uitbetalingen sheet (matched on AGB code + year). */
export interface PaymentRecord {
  invoiceNumber: Typed;
  invoiceDate: Typed;
  invoiced: Typed;
  paid: Typed;
  paidDate: Typed;
  /**
   * Where it was typed (year, AGB code, practice name of its row), read back with it: a record
   * whose practice is gone keeps its row under these, so nothing typed is lost.
   */
  year?: number;
  agb?: string;
  name?: string;
  /** Which payment of the practice-year (issue 11.2): absent = the overhead compensation. */
  kind?: string;
}

export const NO_PAYMENT: PaymentRecord = { invoiceNumber: null, invoiceDate: null, invoiced: null, paid: null, paidDate: null };

/** The status of a row whose AGB code is not (or no longer) on that year's Begroting sheet. */
export const NOT_FOUND = "Praktijk niet gevonden";
/** The status of a kept row of a year the forecast no longer covers (no Begroting sheet to look in). */
export const YEAR_NOT_BUDGETED = "Jaar niet in de begroting";

/** The status of a row where text (or TRUE/FALSE) was typed where an amount belongs: named, never #VALUE!. */
export const NOT_A_NUMBER = "Bedrag is geen getal";
/** The status of a row where text was typed where a date belongs (after the amounts are checked). */
export const INVOICE_DATE_NOT_A_DATE = "Factuurdatum is geen datum";
export const PAID_DATE_NOT_A_DATE = "Betaaldatum is geen datum";

export type PayoutStatus =
  /** A free row (no practice typed on its Praktijken row) with nothing typed on it. */
  | ""
  | "Geen bedrag"
  | "Nog te factureren"
  | "Gefactureerd, niet betaald"
  | "Betaald"
  | "Te veel betaald"
  | "Te weinig betaald"
  | typeof NOT_A_NUMBER
  | typeof INVOICE_DATE_NOT_A_DATE
  | typeof PAID_DATE_NOT_A_DATE
  | typeof NOT_FOUND
  | typeof YEAR_NOT_BUDGETED;

/** Nothing typed on a record (every typed column empty). */
export const isEmptyRecord = (r: PaymentRecord): boolean => [r.invoiceNumber, r.invoiceDate, r.invoiced, r.paid, r.paidDate].every((v) => v === null);

/**
 * The key a typed row is kept under: AGB code + year (+ the kind for a formation instalment; the
 * compensation keeps the key of workbooks before issue 11.2).
 *
 * @example payoutKey("01000001", 2025) // "01000001|2025"; with "Formatie K2": "01000001|2025|Formatie K2"
 */
export const payoutKey = (agb: string, year: number, kind: string = COMPENSATION_KIND): string => (kind === COMPENSATION_KIND ? `${agb}|${year}` : `${agb}|${year}|${kind}`);

/**
 * The status of one payout, as the Uitbetalingen formula computes it; `due` null means the
 * practice was not found on the Begroting sheet of its year.
 *
 * @example
 * payoutStatus(new Dec(2830), { ...NO_PAYMENT, paid: 2830 }) // "Betaald"
 * payoutStatus(null, { ...NO_PAYMENT, paid: 2830 }) // "Praktijk niet gevonden"
 */
export function payoutStatus(due: Dec | null, record: PaymentRecord): PayoutStatus {
  if (due === null) return NOT_FOUND;
  const typedAmount = (v: Typed) => v !== null && typeof v !== "number";
  if (typedAmount(record.invoiced) || typedAmount(record.paid)) return NOT_A_NUMBER;
  if (typedAmount(record.invoiceDate)) return INVOICE_DATE_NOT_A_DATE;
  if (typedAmount(record.paidDate)) return PAID_DATE_NOT_A_DATE;
  if (record.paid === null) {
    if (due.isZero()) return "Geen bedrag";
    return record.invoiced === null ? "Nog te factureren" : "Gefactureerd, niet betaald";
  }
  const difference = new Dec(record.paid).minus(due).toDecimalPlaces(2);
  if (difference.isZero()) return "Betaald";
  return difference.gt(0) ? "Te veel betaald" : "Te weinig betaald";
}

/** Paid minus due (0 when the practice is not found), to the cent; null when nothing (or no number) is paid. */
export function payoutDifference(due: Dec | null, record: PaymentRecord): Dec | null {
  return typeof record.paid === "number" ? new Dec(record.paid).minus(due ?? 0).toDecimalPlaces(2) : null;
}

/** One row of the payout register. */
export interface RegisterRow {
  /** A free row: the index (0-based) of the free Praktijken row it shows; null for every other row. */
  free: number | null;
  /**
   * Where its AGB code is found among the year's lines (0-based, the first with that code, as
   * MATCH finds it); null when it is not (or the year is not budgeted).
   */
  line: number | null;
  year: number;
  agb: string;
  name: string;
  /** "Compensatie overhead" or a formation instalment ("Formatie K1"). */
  kind: string;
  /** Who is paid: the practice for the compensation, its employer (payee) for the formation. */
  payee: string;
  /** A formation instalment: its number in the year and the hours its amount follows; null for the compensation. */
  instalment: { k: number; cumulativeHours: Dec; totalHours: Dec } | null;
  /** The compensation of this practice-year; null when its AGB code is not in that year's budget. */
  due: Dec | null;
  dueDate: IsoDate | null;
  record: PaymentRecord;
  /** A kept row: typed for a practice-year the budget no longer has (removed, AGB code changed, year gone). */
  orphan: boolean;
  /** The year has a Begroting sheet (false only for kept rows of a year outside the forecast). */
  budgeted: boolean;
  status: PayoutStatus;
  /** What a controller should look at besides the status (issue 8.6), in column order. */
  signals: Signal[];
}

/** How the register is laid out and checked. */
export interface RegisterOptions {
  /** Free rows per year after that year's practices (one per free row of Praktijken). */
  freeRows?: number;
  /** The reference date of the overdue check; null or absent: none. */
  peildatum?: IsoDate | null;
  /** The formation's payment schedule: with it, each year's formation instalments follow the compensation rows. */
  schedule?: Schedule;
  /** Capaciteit_uren (the month hours after redistribution depend on it); absent = "0". */
  capacityHours?: string;
}

/** The status of a row as the sheet computes it: "" for a row without AGB code and nothing typed (a free row). */
export function rowStatus(agb: string, due: Dec | null, record: PaymentRecord): PayoutStatus {
  return agb === "" && isEmptyRecord(record) ? "" : payoutStatus(due, record);
}

/** A free row of the register: it shows whatever practice is typed on free Praktijken row `i`; as built, none. */
export function freeRow(i: number, year: number, kind: string, instalment: RegisterRow["instalment"]): RegisterRow {
  return { free: i, line: null, year, agb: "", name: "", kind, payee: "", instalment, due: null, dueDate: null, record: NO_PAYMENT, orphan: false, budgeted: true, status: "", signals: [] };
}

/** Parses a payoutKey back (for records that carry no year and AGB code of their own). */
function keyParts(key: string): { agb: string; year: number } {
  const [agb, year] = key.split("|");
  return { agb, year: Number(year) };
}

/**
 * The rows of Uitbetalingen: one per practice × year of the budget (year by year, each year's
 * practices followed by its `freeRows` free rows), then every typed record that none of those
 * took (year by year, in the order they stood), so a payment outlives its practice until a
 * person clears it. Each row carries its status and its signals (overdue against `peildatum`).
 *
 * @example
 * payoutRegister(forecast(params, [a], 2025, 1), new Map([["09999999|2025", { ...NO_PAYMENT, paid: 10, name: "Weg" }]]))
 * // [{ agb: a.agb, orphan: false, … }, { agb: "09999999", name: "Weg", orphan: true, status: "Praktijk niet gevonden", … }]
 */
export function payoutRegister(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord>, options: RegisterOptions = {}): RegisterRow[] {
  const peildatum = options.peildatum ?? null;
  const freeRows = options.freeRows ?? 0;
  const rows: RegisterRow[] = [];
  const taken = new Set<string>();
  const signals = (due: Dec | null, dueDate: IsoDate | null, record: PaymentRecord) => paymentSignals(due, dueDate, record, peildatum);
  // The sheet looks every row's AGB code up on the Begroting of its year: the first line with that code.
  const firstLine = new Map<number, Map<string, number>>();
  for (const y of years) {
    const first = new Map<string, number>();
    y.lines.forEach((l, i) => first.has(l.practice.agb) || first.set(l.practice.agb, i));
    firstLine.set(y.year, first);
  }
  for (const y of years) {
    const first = firstLine.get(y.year)!;
    for (const own of y.lines) {
      const agb = own.practice.agb;
      const key = payoutKey(agb, y.year);
      const record = payments.get(key) ?? NO_PAYMENT;
      taken.add(key);
      const index = first.get(agb)!;
      const { compensation: due, payoutDue: dueDate } = y.lines[index];
      const status = rowStatus(agb, due, record);
      const name = own.practice.name;
      rows.push({ free: null, line: index, year: y.year, agb, name, kind: COMPENSATION_KIND, payee: name, instalment: null, due, dueDate, record, orphan: false, budgeted: true, status, signals: signals(due, dueDate, record) });
    }
    // A free row shows whatever practice is typed on its Praktijken row; as built, none.
    for (let i = 0; i < freeRows; i++) rows.push(freeRow(i, y.year, COMPENSATION_KIND, null));
  }
  if (options.schedule) rows.push(...formationRows(years, payments, { firstLine, freeRows, schedule: options.schedule, capacityHours: options.capacityHours ?? "0", taken, signals }));
  const kept: RegisterRow[] = [];
  for (const [key, record] of payments) {
    if (taken.has(key)) continue;
    const parts = keyParts(key);
    const year = record.year ?? parts.year;
    const agb = record.agb ?? parts.agb;
    const budget = years.find((y) => y.year === year);
    // The sheet looks the AGB code up like any row's, so a duplicate row finds its practice here too.
    const index = budget && agb !== "" ? firstLine.get(year)!.get(agb) ?? null : null;
    const kind = record.kind ?? COMPENSATION_KIND;
    // A formation instalment kept here is one the schedule no longer has (or a second row of one): nothing due.
    const line = index === null || kind !== COMPENSATION_KIND ? undefined : budget!.lines[index];
    const due = line ? line.compensation : null;
    const dueDate = line?.payoutDue ?? null;
    const status = budget ? rowStatus(agb, due, record) : YEAR_NOT_BUDGETED;
    const name = record.name ?? "";
    kept.push({ free: null, line: line ? index : null, year, agb, name, kind, payee: name, instalment: null, due, dueDate, record, orphan: true, budgeted: budget !== undefined, status, signals: budget ? signals(due, dueDate, record) : [] });
  }
  kept.sort((a, b) => a.year - b.year);
  return [...rows, ...kept];
}
