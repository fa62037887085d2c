/**
 * The rules of PRODUCT.md ("The money, rule by rule"), one pure function each.
 * Every rounding here is mirrored by a ROUND in the workbook's formulas.
 */
import { cents, dec, Dec, hours, hoursDown, type DecLike } from "./decimal";
import { isoDate, monthIndex, parseIsoDate } from "./dates";
import type { IsoDate } from "./types";

/** Normpraktijken of a practice (unrounded). @example normpractices(3525, 2350).toString() // "1.5" */
export function normpractices(patients: DecLike, normpracticeSize: DecLike): Dec {
  return dec(patients).div(normpracticeSize);
}

/**
 * Weekly POH hours a practice is entitled to: normpraktijken × hours per normpraktijk
 * (NOP: 4 h per normpraktijk), rounded to 2 decimals.
 *
 * @example
 * entitledWeeklyHours(1000, "4", 2350).toString() // "1.7"
 */
export function entitledWeeklyHours(patients: DecLike, hoursPerNormpractice: DecLike, normpracticeSize: DecLike): Dec {
  return hours(dec(patients).times(hoursPerNormpractice).div(normpracticeSize));
}

/**
 * NOP "herverdeling": when the contracted hours are fewer than the hours all practices are
 * entitled to, each gets entitled × available / total, rounded down so the sum never exceeds
 * what was contracted. A capacity of 0 means no cap.
 *
 * @example
 * redistributedHours("4", "46", "50").toString() // "3.68"
 */
export function redistributedHours(entitled: DecLike, capacity: DecLike, totalEntitled: DecLike): Dec {
  const cap = dec(capacity);
  const total = dec(totalEntitled);
  if (cap.lte(0) || total.lte(cap)) return dec(entitled);
  return hoursDown(dec(entitled).times(cap).div(total));
}

/**
 * Calendar months a practice is active in `year`, start and end month counted whole.
 *
 * @example
 * monthsActive("2025-09-15", null, 2025) // 4
 */
export function monthsActive(startDate: IsoDate | null, endDate: IsoDate | null, year: number): number {
  return Math.max(0, lastActiveMonth(endDate, year) - firstActiveMonth(startDate, year) + 1);
}

/**
 * First month of `year` the practice is active (January = 1); above 12 when it starts later.
 *
 * @example
 * firstActiveMonth("2025-09-15", 2025) // 9
 */
export function firstActiveMonth(startDate: IsoDate | null, year: number): number {
  return startDate === null ? 1 : Math.max(1, monthIndex(startDate, year));
}

/**
 * Last month of `year` the practice is active (December = 12); below 1 when it ended before.
 *
 * @example
 * lastActiveMonth("2025-06-30", 2025) // 6
 */
export function lastActiveMonth(endDate: IsoDate | null, year: number): number {
  return endDate === null ? 12 : Math.min(12, monthIndex(endDate, year));
}

/**
 * The first and last month of `year` in which the practice is active, or null when it is not
 * active in that year at all (started later, or ended before).
 *
 * @example
 * activeMonthSpan("2025-09-15", null, 2025) // { first: 9, last: 12 }
 * activeMonthSpan(null, "2026-12-31", 2027) // null
 */
export function activeMonthSpan(startDate: IsoDate | null, endDate: IsoDate | null, year: number): { first: number; last: number } | null {
  const first = firstActiveMonth(startDate, year);
  const last = lastActiveMonth(endDate, year);
  return last < first ? null : { first, last };
}

/**
 * NOP "herverdeling" month by month (issue 8, PRODUCT.md): a practice's weekly hours in each
 * month of the year (index 0 = January), 0 outside its active months. In a month where the
 * practices active then are entitled to more than the capacity, it gets its share of the
 * capacity (redistributedHours); in a month where the capacity suffices it keeps what it is
 * entitled to. `monthEntitled[m]` is that month's total entitlement.
 *
 * @example
 * // A (4 h) all year, B (4 h) from July, capacity 5: A keeps 4 h until June, then 2.5 h.
 * monthlyWeeklyHours("4", { first: 1, last: 12 }, "5", [...Array(6).fill(4), ...Array(6).fill(8)]).map(String)
 * // ["4", "4", "4", "4", "4", "4", "2.5", "2.5", "2.5", "2.5", "2.5", "2.5"]
 */
export function monthlyWeeklyHours(entitled: DecLike, span: { first: number; last: number } | null, capacity: DecLike, monthEntitled: readonly DecLike[]): Dec[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    if (span === null || month < span.first || month > span.last) return new Dec(0);
    return redistributedHours(entitled, capacity, monthEntitled[i]);
  });
}

/**
 * Weekly hours averaged over the active months, to 2 decimals (the Begroting's "Uren per week").
 *
 * @example
 * hoursAverage("39", 12).toString() // "3.25" (4 h for 6 months, 2.5 h for 6)
 */
export function hoursAverage(hourMonths: DecLike, months: number): Dec {
  return months === 0 ? new Dec(0) : hours(dec(hourMonths).div(months));
}

/**
 * Annual POH hours from the weekly hours of each active month added up (hour-months):
 * hour-months × weeks / 12, to 2 decimals; for a practice without redistribution this is
 * annualHours(weekly, weeks, months).
 *
 * @example
 * annualHoursOfMonths("48", "48").toString() // "192" (4 h for 12 months: 4 × 12 × 48 / 12)
 */
export function annualHoursOfMonths(hourMonths: DecLike, weeksPerYear: DecLike): Dec {
  return hours(dec(hourMonths).times(weeksPerYear).div(12));
}

/**
 * Room rent from hour-months (VPG ch. 14: per POH hour): hour-months × weeks × rent / 12, in cents.
 *
 * @example
 * annualRentOfMonths("96", "10", "48").toString() // "3840" (8 h for 12 months)
 */
export function annualRentOfMonths(hourMonths: DecLike, rentPerHour: DecLike, weeksPerYear: DecLike): Dec {
  return cents(dec(hourMonths).times(weeksPerYear).times(rentPerHour).div(12));
}

/** Annual POH hours: weekly × weeks × months / 12, to 2 decimals. @example annualHours("8", "48", 12).toString() // "384" */
export function annualHours(weeklyHours: DecLike, weeksPerYear: DecLike, months: number): Dec {
  return hours(dec(weeklyHours).times(weeksPerYear).times(months).div(12));
}

/** Formation cost: annual hours × hourly cost, in cents. @example formationCost("384", "52.50").toString() // "20160" */
export function formationCost(annual: DecLike, hourlyCost: DecLike): Dec {
  return cents(dec(annual).times(hourlyCost));
}

/**
 * Splits an amount between municipality and insurer; the insurer gets the rest, so the two
 * parts always add up to the amount.
 *
 * @example
 * splitAmount("10000.01", "0.5") // { municipality: 5000.01, insurer: 5000.00 }
 */
export function splitAmount(amount: DecLike, municipalityShare: DecLike): { municipality: Dec; insurer: Dec } {
  const municipality = cents(dec(amount).times(municipalityShare));
  return { municipality, insurer: dec(amount).minus(municipality) };
}

/** Room rent contribution (VPG ch. 14: 384 h × €10). @example annualRent("8", "10", "48", 12).toString() // "3840" */
export function annualRent(weeklyHours: DecLike, rentPerHour: DecLike, weeksPerYear: DecLike, months: number): Dec {
  return cents(dec(weeklyHours).times(weeksPerYear).times(rentPerHour).times(months).div(12));
}

/** One-off onboarding consultation (VPG ch. 14: 2 h/month × 12 × €55). @example onboardingCost("2", "12", "55").toString() // "1320" */
export function onboardingCost(hoursPerMonth: DecLike, months: DecLike, rate: DecLike): Dec {
  return cents(dec(hoursPerMonth).times(months).times(rate));
}

/** Overhead compensation: rate × overhead, in cents. @example compensation("0.5", "5660").toString() // "2830" */
export function compensation(rate: DecLike, overhead: DecLike): Dec {
  return cents(dec(rate).times(overhead));
}

/**
 * Payout moment (VPG ch. 14): a year's compensation is paid in one sum after the first
 * `afterMonths` months of deployment in that year, or after the last month if it ends sooner.
 * Returns null when the practice is not active in that year.
 *
 * @example
 * payoutDueDate("2025-03-01", null, 2025, 4) // "2025-07-01"
 */
export function payoutDueDate(startDate: IsoDate | null, endDate: IsoDate | null, year: number, afterMonths: number): IsoDate | null {
  if (monthsActive(startDate, endDate, year) === 0) return null;
  const last = lastActiveMonth(endDate, year);
  return isoDate(year, Math.min(firstActiveMonth(startDate, year) + afterMonths - 1, last) + 1, 1);
}

/** Whether `year` is the calendar year of the start date (onboarding is due then). */
export function isStartYear(startDate: IsoDate | null, year: number): boolean {
  return startDate !== null && parseIsoDate(startDate)?.year === year;
}

/**
 * A rate indexed for a later year, compounding and rounded to cents each year as tariffs are.
 * `indexes[i]` applies to the (i+1)-th year after the base year.
 *
 * @example
 * indexedRate("100", ["0.03", "0.02"], 2).toString() // "105.06"
 */
export function indexedRate(base: DecLike, indexes: readonly string[], yearsAfterBase: number): Dec {
  let rate = dec(base);
  for (let i = 0; i < yearsAfterBase; i++) rate = cents(rate.times(new Dec(1).plus(indexes[i] ?? "0")));
  return rate;
}
