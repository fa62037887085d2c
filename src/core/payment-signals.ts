/**
 * What a controller checks on one payment row besides its status (issue 8.6): each signal is
 * a formula of its own on Uitbetalingen, and this is its mirror for the cached values.
 */
import { excelSerial } from "./dates";
import { Dec } from "./decimal";
import type { PaymentRecord } from "./payouts";
import type { IsoDate } from "./types";

/** The signals in the order of their columns on Uitbetalingen, with the text the Signalen column joins. */
export const SIGNALS = {
  invoicedNotDue: "gefactureerd ≠ te betalen",
  paidNotInvoiced: "betaald ≠ gefactureerd",
  paidBeforeDue: "betaald vóór de vervaldatum",
  paidWithoutInvoice: "betaald zonder factuur",
  overdue: "achterstallig op de peildatum",
} as const;
export type Signal = keyof typeof SIGNALS;
export const SIGNAL_KEYS = Object.keys(SIGNALS) as Signal[];

const isNumber = (v: unknown): v is number => typeof v === "number";
const roundedDifference = (a: number, b: Dec | number) => new Dec(a).minus(b).toDecimalPlaces(2);

/**
 * The signals of one payment row, as the signal columns compute them. `due` null means the
 * row's practice is not found (or its year not budgeted, or a free row without a practice):
 * its status says so and it has no signals. `peildatum` null: no overdue check.
 *
 * @example
 * paymentSignals(new Dec(2830), "2026-05-01", { ...NO_PAYMENT, paid: 2830, paidDate: 46100 }, "2026-12-01") // ["paidBeforeDue", "paidWithoutInvoice"]
 */
export function paymentSignals(due: Dec | null, dueDate: IsoDate | null, record: PaymentRecord, peildatum: IsoDate | null): Signal[] {
  if (due === null) return [];
  const { invoiceNumber, invoiceDate, invoiced, paid, paidDate } = record;
  const dueSerial = dueDate === null ? null : excelSerial(dueDate);
  const found: Record<Signal, boolean> = {
    invoicedNotDue: isNumber(invoiced) && !roundedDifference(invoiced, due).isZero(),
    paidNotInvoiced: isNumber(paid) && isNumber(invoiced) && !roundedDifference(paid, invoiced).isZero(),
    paidBeforeDue: isNumber(paidDate) && dueSerial !== null && paidDate < dueSerial,
    paidWithoutInvoice: isNumber(paid) && (invoiceNumber === null || invoiceDate === null || invoiced === null),
    overdue:
      dueSerial !== null &&
      peildatum !== null &&
      due.gt(0) &&
      dueSerial < excelSerial(peildatum) &&
      (isNumber(paid) ? roundedDifference(paid, due).lt(0) : paid === null),
  };
  return SIGNAL_KEYS.filter((s) => found[s]);
}

/** The Signalen column's text: the signals joined by "; " ("" when none). */
export const signalText = (signals: readonly Signal[]): string => signals.map((s) => SIGNALS[s]).join("; ");
