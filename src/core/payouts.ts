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
}

export const NO_PAYMENT: PaymentRecord = { invoiceNumber: null, invoiceDate: null, invoiced: null, paid: null, paidDate: null };

/** "#VALUE!" is what the sheet shows when text was typed where an amount belongs. */
export type PayoutStatus = "Geen bedrag" | "Nog te factureren" | "Gefactureerd, niet betaald" | "Betaald" | "Te veel betaald" | "Te weinig betaald" | "#VALUE!";

/** @example payoutKey("01000001", 2025) // "01000001|2025" */
export const payoutKey = (agb: string, year: number): string => `${agb}|${year}`;

/**
 * The status of one payout, as the Uitbetalingen formula computes it.
 *
 * @example
 * payoutStatus(new Dec(2830), { ...NO_PAYMENT, paid: 2830 }) // "Betaald"
 */
export function payoutStatus(due: Dec, record: PaymentRecord): PayoutStatus {
  if (record.paid === null) {
    if (due.isZero()) return "Geen bedrag";
    return record.invoiced === null ? "Nog te factureren" : "Gefactureerd, niet betaald";
  }
  if (typeof record.paid !== "number") return "#VALUE!";
  const difference = new Dec(record.paid).minus(due).toDecimalPlaces(2);
  if (difference.isZero()) return "Betaald";
  return difference.gt(0) ? "Te veel betaald" : "Te weinig betaald";
}

/** Paid minus due, to the cent; null when nothing is paid yet. */
export function payoutDifference(due: Dec, record: PaymentRecord): Dec | "#VALUE!" | null {
  if (record.paid === null) return null;
  return typeof record.paid === "number" ? new Dec(record.paid).minus(due).toDecimalPlaces(2) : "#VALUE!";
}
