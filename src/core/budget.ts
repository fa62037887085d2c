import { cents, Dec, sum, ZERO } from "./decimal";
import type { SchemeParameters } from "./parameters";
import * as rules from "./rules";
import type { IsoDate, Practice } from "./types";

/** The rates of one year of the forecast, indexed from the budget year's base prices. */
export interface YearRates {
  year: number;
  hourlyCost: Dec;
  rentPerHour: Dec;
  hisLicence: Dec;
  insurance: Dec;
  onboardingRate: Dec;
}

/** One practice in one year: every column of the Begroting sheet. */
export interface BudgetLine {
  practice: Practice;
  year: number;
  /** First and last active month of the year (January = 1); null when not active that year. */
  span: { first: number; last: number } | null;
  monthsActive: number;
  normpractices: Dec;
  entitledHours: Dec;
  /** Weekly hours averaged over the active months (after any redistribution), to 2 decimals. */
  weeklyHours: Dec;
  /** The weekly hours of each active month added up (after redistribution month by month). */
  hourMonths: Dec;
  annualHours: Dec;
  formationCost: Dec;
  municipalityPart: Dec;
  insurerPart: Dec;
  onboarding: Dec;
  rent: Dec;
  his: Dec;
  insurance: Dec;
  overhead: Dec;
  compensationRate: Dec;
  compensation: Dec;
  payoutDue: IsoDate | null;
  /** The municipality's one-off costs in this line (BBV): onboarding's share of the compensation, and a pilot's formation. */
  incidental: Dec;
}

export const TOTAL_KEYS = [
  "weeklyHours",
  "annualHours",
  "formationCost",
  "municipalityPart",
  "insurerPart",
  "onboarding",
  "rent",
  "his",
  "insurance",
  "overhead",
  "compensation",
  "incidental",
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];

export interface BudgetTotals extends Record<TotalKey, Dec> {
  /** What the municipality pays: its formation part plus the overhead compensation. */
  municipalityTotal: Dec;
  structural: Dec;
}

/** One month of the year as the capacity sees it (NOP herverdeling, month by month). */
export interface CapacityMonth {
  /** Weekly hours the practices active in this month are entitled to, together. */
  entitled: Dec;
  /** Weekly hours they get, together, after any redistribution. */
  allocated: Dec;
  /** The entitlement is above the capacity: everyone active is cut to a share of it. */
  redistributed: boolean;
}

export interface BudgetYear {
  year: number;
  rates: YearRates;
  /** Sum of entitled weekly hours of the practices active this year (before any redistribution). */
  entitledHoursTotal: Dec;
  /** January to December: entitlement, allocation and whether redistribution applies. */
  months: CapacityMonth[];
  lines: BudgetLine[];
  totals: BudgetTotals;
}

/**
 * Rates of `year`: the budget year at base prices, each later year indexed (wage index for
 * the hourly cost, price index for the rest), compounding.
 *
 * @example
 * yearRates(SCHEMES.vpg.params, 2025, 2025).rentPerHour.toString() // "10"
 */
export function yearRates(params: SchemeParameters, budgetYear: number, year: number): YearRates {
  const after = year - budgetYear;
  const price = (base: string) => rules.indexedRate(base, params.priceIndex, after);
  return {
    year,
    hourlyCost: rules.indexedRate(params.hourlyCost, params.wageIndex, after),
    rentPerHour: price(params.rentPerHour),
    hisLicence: price(params.hisLicence),
    insurance: price(params.insurance),
    onboardingRate: price(params.onboardingRate),
  };
}

function entitledHours(practice: Practice, params: SchemeParameters): Dec {
  if (practice.weeklyHours !== null) return new Dec(practice.weeklyHours);
  return rules.entitledWeeklyHours(practice.patients, params.hoursPerNormpractice, params.normpracticeSize);
}

/**
 * The budget of one year for all practices.
 *
 * @example
 * budgetYear(SCHEMES.vpg.params, [vpgExample], 2025, 2025).totals.compensation.toString() // "2830"
 */
export function budgetYear(params: SchemeParameters, practices: readonly Practice[], budgetYearNumber: number, year: number): BudgetYear {
  const rates = yearRates(params, budgetYearNumber, year);
  const spans = practices.map((p) => rules.activeMonthSpan(p.startDate, p.endDate, year));
  const entitled = practices.map((p, i) => (spans[i] === null ? ZERO : entitledHours(p, params)));
  const entitledHoursTotal = sum(entitled);
  // NOP herverdeling holds month by month: a practice starting in September cuts nobody's hours before September.
  const monthEntitled = Array.from({ length: 12 }, (_, i) => sum(entitled.filter((_, p) => covers(spans[p], i + 1))));
  const allocated = monthEntitled.map(() => ZERO);
  const lines = practices.map((practice, i) => {
    const monthly = rules.monthlyWeeklyHours(entitled[i], spans[i], params.capacityHours, monthEntitled);
    monthly.forEach((h, m) => (allocated[m] = allocated[m].plus(h)));
    return budgetLine(params, rates, practice, spans[i], entitled[i], sum(monthly));
  });
  const capacity = new Dec(params.capacityHours);
  const months = monthEntitled.map((e, m) => ({ entitled: e, allocated: allocated[m], redistributed: capacity.gt(0) && e.gt(capacity) }));
  return { year, rates, entitledHoursTotal, months, lines, totals: totalsOf(lines) };
}

const covers = (span: { first: number; last: number } | null, month: number) => span !== null && span.first <= month && month <= span.last;

function budgetLine(params: SchemeParameters, rates: YearRates, practice: Practice, span: { first: number; last: number } | null, entitled: Dec, hourMonths: Dec): BudgetLine {
  const year = rates.year;
  const months = span === null ? 0 : span.last - span.first + 1;
  const active = months > 0;
  const weeklyHours = active ? rules.hoursAverage(hourMonths, months) : ZERO;
  const annualHours = rules.annualHoursOfMonths(hourMonths, params.weeksPerYear);
  const formationCost = rules.formationCost(annualHours, rates.hourlyCost);
  const split = rules.splitAmount(formationCost, params.municipalityShare);
  const onboarding =
    active && rules.isStartYear(practice.startDate, year)
      ? rules.onboardingCost(params.onboardingHoursPerMonth, params.onboardingMonths, rates.onboardingRate)
      : ZERO;
  const rent = rules.annualRentOfMonths(hourMonths, rates.rentPerHour, params.weeksPerYear);
  const his = active ? rates.hisLicence : ZERO;
  const insurance = active ? rates.insurance : ZERO;
  const overhead = onboarding.plus(rent).plus(his).plus(insurance);
  // VPG ch. 12/14: a rate typed for the practice overrides its model's, whatever the scheme's rate is.
  const compensationRate = new Dec(practice.compensationRate ?? params.compensationRates[practice.model]);
  const compensation = rules.compensation(compensationRate, overhead);
  const incidental = cents(compensationRate.times(onboarding)).plus(params.formationIncidental ? split.municipality : ZERO);
  return {
    practice,
    year,
    span,
    monthsActive: months,
    normpractices: rules.normpractices(practice.patients, params.normpracticeSize),
    entitledHours: entitled,
    weeklyHours,
    hourMonths,
    annualHours,
    formationCost,
    municipalityPart: split.municipality,
    insurerPart: split.insurer,
    onboarding,
    rent,
    his,
    insurance,
    overhead,
    compensationRate,
    compensation,
    payoutDue: rules.payoutDueDate(practice.startDate, practice.endDate, year, params.payoutAfterMonths),
    incidental,
  };
}

/** Column totals: sums of the rounded line items, so a sheet adds up to the cent. */
export function totalsOf(lines: readonly BudgetLine[]): BudgetTotals {
  const totals = {} as Record<TotalKey, Dec>;
  for (const key of TOTAL_KEYS) totals[key] = sum(lines.map((l) => l[key]));
  const municipalityTotal = totals.municipalityPart.plus(totals.compensation);
  return { ...totals, municipalityTotal, structural: municipalityTotal.minus(totals.incidental) };
}

/**
 * The multi-year forecast (meerjarenraming): the budget year and the `years - 1` after it.
 *
 * @example
 * forecast(SCHEMES.flevoland.params, practices, 2025, 4).map((y) => y.year) // [2025, 2026, 2027, 2028]
 */
export function forecast(params: SchemeParameters, practices: readonly Practice[], budgetYearNumber: number, years: number): BudgetYear[] {
  return Array.from({ length: years }, (_, i) => budgetYear(params, practices, budgetYearNumber, budgetYearNumber + i));
}
