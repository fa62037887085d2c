/**
 * The municipality's share of the formation paid in instalments (issue 11.2): how many per year
 * and whether in advance or afterwards is the municipality's choice (no seed fixes a schedule),
 * set on Uitgangspunten. Each instalment's amount follows the practice's hours month by month
 * (after redistribution), so a practice starting mid-year is paid nothing for the months before.
 */
import { cents, Dec, sum, ZERO } from "./decimal";
import { isoDate } from "./dates";
import type { SchemeParameters } from "./parameters";
import type { IsoDate } from "./types";

/** The kind of the overhead compensation row (VPG ch. 14: one sum after the first months). */
export const COMPENSATION_KIND = "Compensatie overhead";
const MONTH_LABELS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

export interface Schedule {
  /** 4 = per quarter, 12 = per month. */
  perYear: 4 | 12;
  /** Paid on the first day of the period (true) or the first day after it (false). */
  inAdvance: boolean;
}

/** Per quarter afterwards: the municipality's default choice (no seed sets a schedule). */
export const DEFAULT_SCHEDULE: Schedule = { perYear: 4, inAdvance: false };

/** The schedule the parameters set (absent: the default). @example scheduleOf(SCHEMES.vpg.params) // { perYear: 4, inAdvance: false } */
export function scheduleOf(params: Pick<SchemeParameters, "formationInstalments" | "formationInAdvance">): Schedule {
  return { perYear: params.formationInstalments === 12 ? 12 : 4, inAdvance: params.formationInAdvance ?? false };
}

/** @example formationKind({ perYear: 4, inAdvance: false }, 2) // "Formatie K2"; perYear 12, k 3: "Formatie mrt" */
export function formationKind(schedule: Schedule, k: number): string {
  return schedule.perYear === 4 ? `Formatie K${k}` : `Formatie ${MONTH_LABELS[k - 1]}`;
}

/** The kinds of a year's formation rows, in order. @example formationKinds(DEFAULT_SCHEDULE) // ["Formatie K1", …, "Formatie K4"] */
export const formationKinds = (schedule: Schedule): string[] => Array.from({ length: schedule.perYear }, (_, i) => formationKind(schedule, i + 1));

/** The month labels of a monthly schedule, as the sheet's CHOOSE lists them. */
export const FORMATION_MONTH_LABELS = MONTH_LABELS;

/**
 * The due date of instalment `k`: afterwards the first day after the period ends (quarter 4 of
 * 2026: 1 January 2027), in advance its first day.
 *
 * @example
 * instalmentDueDate({ perYear: 4, inAdvance: false }, 2026, 1) // "2026-04-01"
 */
export function instalmentDueDate(schedule: Schedule, year: number, k: number): IsoDate {
  const months = 12 / schedule.perYear;
  const month = schedule.inAdvance ? (k - 1) * months + 1 : k * months + 1;
  return month > 12 ? isoDate(year + 1, month - 12, 1) : isoDate(year, month, 1);
}

export interface Instalment {
  k: number;
  kind: string;
  amount: Dec;
  dueDate: IsoDate;
  /** Weekly hours of the months up to the end of this instalment's period, added up. */
  cumulativeHours: Dec;
  /** Weekly hours of the 12 months, added up. */
  totalHours: Dec;
}

/**
 * A practice-year's municipality part in instalments: amount_k = ROUND(part × cum_k / total, 2)
 * − ROUND(part × cum_{k−1} / total, 2), with cum the weekly hours of the months up to the period's
 * end; they add up to `part` exactly (0 each when there are no hours).
 *
 * @example
 * instalments(new Dec("1512"), [0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3].map((h) => new Dec(h)), DEFAULT_SCHEDULE, 2026).map((i) => i.amount.toString())
 * // ["0", "0", "756", "756"]
 */
export function instalments(part: Dec, monthHours: readonly Dec[], schedule: Schedule, year: number): Instalment[] {
  const months = 12 / schedule.perYear;
  const totalHours = sum(monthHours);
  const share = (cum: Dec) => (totalHours.isZero() ? ZERO : cents(part.times(cum).dividedBy(totalHours)));
  let before = ZERO;
  return Array.from({ length: schedule.perYear }, (_, i) => {
    const k = i + 1;
    const cumulativeHours = sum(monthHours.slice(0, k * months));
    const amount = share(cumulativeHours).minus(share(before));
    before = cumulativeHours;
    return { k, kind: formationKind(schedule, k), amount, dueDate: instalmentDueDate(schedule, year, k), cumulativeHours, totalHours };
  });
}
