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
  monthsActive: number;
  normpractices: Dec;
  entitledHours: Dec;
  weeklyHours: Dec;
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

export interface BudgetYear {
  year: number;
  rates: YearRates;
  /** Sum of entitled weekly hours of the practices active this year (before any redistribution). */
  entitledHoursTotal: Dec;
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
  const months = practices.map((p) => rules.monthsActive(p.startDate, p.endDate, year));
  const entitled = practices.map((p) => entitledHours(p, params));
  const entitledHoursTotal = sum(entitled.filter((_, i) => months[i] > 0));
  const lines = practices.map((practice, i) => budgetLine(params, rates, practice, months[i], entitled[i], entitledHoursTotal));
  return { year, rates, entitledHoursTotal, lines, totals: totalsOf(lines) };
}

function budgetLine(params: SchemeParameters, rates: YearRates, practice: Practice, months: number, entitled: Dec, entitledTotal: Dec): BudgetLine {
  const year = rates.year;
  const active = months > 0;
  const weeklyHours = active ? rules.redistributedHours(entitled, params.capacityHours, entitledTotal) : ZERO;
  const annualHours = rules.annualHours(weeklyHours, params.weeksPerYear, months);
  const formationCost = rules.formationCost(annualHours, rates.hourlyCost);
  const split = rules.splitAmount(formationCost, params.municipalityShare);
  const onboarding =
    active && rules.isStartYear(practice.startDate, year)
      ? rules.onboardingCost(params.onboardingHoursPerMonth, params.onboardingMonths, rates.onboardingRate)
      : ZERO;
  const rent = rules.annualRent(weeklyHours, rates.rentPerHour, params.weeksPerYear, months);
  const his = active ? rates.hisLicence : ZERO;
  const insurance = active ? rates.insurance : ZERO;
  const overhead = onboarding.plus(rent).plus(his).plus(insurance);
  const compensationRate = new Dec(params.compensationRates[practice.model]);
  const compensation = rules.compensation(compensationRate, overhead);
  const incidental = cents(compensationRate.times(onboarding)).plus(params.formationIncidental ? split.municipality : ZERO);
  return {
    practice,
    year,
    monthsActive: months,
    normpractices: rules.normpractices(practice.patients, params.normpracticeSize),
    entitledHours: active ? entitled : ZERO,
    weeklyHours,
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
