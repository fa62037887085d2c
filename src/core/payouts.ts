import { Dec } from "./decimal";

/** What a controller types per practice-year on the Uitbetalingen sheet (matched on AGB code + year). */
export interface PaymentRecord {
  invoiceNumber: string | null;
  /** Excel serial date as typed. */
  invoiceDate: number | null;
  invoiced: number | null;
  paid: number | null;
  paidDate: number | null;
}

export const NO_PAYMENT: PaymentRecord = { invoiceNumber: null, invoiceDate: null, invoiced: null, paid: null, paidDate: null };

export type PayoutStatus = "Geen bedrag" | "Nog te factureren" | "Gefactureerd, niet betaald" | "Betaald" | "Te veel betaald" | "Te weinig betaald";

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
  const difference = new Dec(record.paid).minus(due).toDecimalPlaces(2);
  if (difference.isZero()) return "Betaald";
  return difference.gt(0) ? "Te veel betaald" : "Te weinig betaald";
}

/** Paid minus due, to the cent; null when nothing is paid yet. */
export function payoutDifference(due: Dec, record: PaymentRecord): Dec | null {
  return record.paid === null ? null : new Dec(record.paid).minus(due).toDecimalPlaces(2);
}
