import type { BudgetYear } from "./budget";
import type { IsoDate } from "./types";
import { Dec } from "./decimal";

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

/** @example payoutKey("01000001", 2025) // "01000001|2025" */
export const payoutKey = (agb: string, year: number): string => `${agb}|${year}`;

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
  const difference = new Dec(record.paid as number).minus(due).toDecimalPlaces(2);
  if (difference.isZero()) return "Betaald";
  return difference.gt(0) ? "Te veel betaald" : "Te weinig betaald";
}

/** Paid minus due (0 when the practice is not found), to the cent; null when nothing (or no number) is paid. */
export function payoutDifference(due: Dec | null, record: PaymentRecord): Dec | null {
  return typeof record.paid === "number" ? new Dec(record.paid).minus(due ?? 0).toDecimalPlaces(2) : null;
}

/** One row of the payout register. */
export interface RegisterRow {
  year: number;
  agb: string;
  name: string;
  /** The compensation of this practice-year; null when its AGB code is not in that year's budget. */
  due: Dec | null;
  dueDate: IsoDate | null;
  record: PaymentRecord;
  /** A kept row: typed for a practice-year the budget no longer has (removed, AGB code changed, year gone). */
  orphan: boolean;
  /** The year has a Begroting sheet (false only for kept rows of a year outside the forecast). */
  budgeted: boolean;
  status: PayoutStatus;
}

/** Parses a payoutKey back (for records that carry no year and AGB code of their own). */
function keyParts(key: string): { agb: string; year: number } {
  const [agb, year] = key.split("|");
  return { agb, year: Number(year) };
}

/**
 * The rows of Uitbetalingen: one per practice × year of the budget (year by year), then every
 * typed record that none of those took (year by year, in the order they stood), so a payment
 * outlives its practice until a person clears it.
 *
 * @example
 * payoutRegister(forecast(params, [a], 2025, 1), new Map([["09999999|2025", { ...NO_PAYMENT, paid: 10, name: "Weg" }]]))
 * // [{ agb: a.agb, orphan: false, … }, { agb: "09999999", name: "Weg", orphan: true, status: "Praktijk niet gevonden", … }]
 */
export function payoutRegister(years: readonly BudgetYear[], payments: ReadonlyMap<string, PaymentRecord>): RegisterRow[] {
  const rows: RegisterRow[] = [];
  const taken = new Set<string>();
  for (const y of years) {
    for (const line of y.lines) {
      const key = payoutKey(line.practice.agb, y.year);
      const record = payments.get(key) ?? NO_PAYMENT;
      taken.add(key);
      const due = line.compensation;
      rows.push({ year: y.year, agb: line.practice.agb, name: line.practice.name, due, dueDate: line.payoutDue, record, orphan: false, budgeted: true, status: payoutStatus(due, record) });
    }
  }
  const kept: RegisterRow[] = [];
  for (const [key, record] of payments) {
    if (taken.has(key)) continue;
    const parts = keyParts(key);
    const year = record.year ?? parts.year;
    const agb = record.agb ?? parts.agb;
    const budget = years.find((y) => y.year === year);
    // The sheet looks the AGB code up like any row's, so a duplicate row finds its practice here too.
    const line = budget?.lines.find((l) => l.practice.agb === agb);
    const due = line ? line.compensation : null;
    const status = budget ? payoutStatus(due, record) : YEAR_NOT_BUDGETED;
    kept.push({ year, agb, name: record.name ?? "", due, dueDate: line?.payoutDue ?? null, record, orphan: true, budgeted: budget !== undefined, status });
  }
  kept.sort((a, b) => a.year - b.year);
  return [...rows, ...kept];
}
