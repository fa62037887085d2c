/**
 * The pure cores behind the custom functions: checked decimals in, a decimal out. The
 * defaults are the VPG worked example's (VPG ch. 14), as PRODUCT.md specifies.
 */
import { cents, Dec, ZERO } from "../core/decimal";
import * as rules from "../core/rules";
import { SCHEMES } from "../core/schemes";
import type { Model } from "../core/types";
import type { Part } from "./coerce";

export const DEFAULTS = SCHEMES.vpg.params;

/** The defaults as decimals, parsed once: these functions are called for every cell that uses them. */
const D = {
  rentPerHour: new Dec(DEFAULTS.rentPerHour),
  weeksPerYear: new Dec(DEFAULTS.weeksPerYear),
  /** Rent per weekly hour per active month: 48 weeks × €10 / 12 = €40, exact (checked below). */
  rentPerWeeklyHourMonth: new Dec(DEFAULTS.weeksPerYear).times(DEFAULTS.rentPerHour).div(12),
  onboarding: rules.onboardingCost(DEFAULTS.onboardingHoursPerMonth, DEFAULTS.onboardingMonths, DEFAULTS.onboardingRate),
  yearlyFixed: new Dec(DEFAULTS.hisLicence).plus(DEFAULTS.insurance),
  rates: {
    basis: new Dec(DEFAULTS.compensationRates.basis),
    aanvullend: new Dec(DEFAULTS.compensationRates.aanvullend),
    extra: new Dec(DEFAULTS.compensationRates.extra),
  } as Record<Model, Dec>,
};
if (!D.rentPerWeeklyHourMonth.times(12).eq(D.weeksPerYear.times(D.rentPerHour))) throw new Error("the default rent factor must be exact");

/** @example hoursPerNormpracticeCore(new Dec(3525), new Dec(4), new Dec(2350)).toString() // "6" */
export function hoursPerNormpracticeCore(patients: Dec, hoursPerNormpractice: Dec, normpracticeSize: Dec): Dec {
  return rules.entitledWeeklyHours(patients, hoursPerNormpractice, normpracticeSize);
}

/** @example rentCore(new Dec(8), new Dec(10), new Dec(48), 6).toString() // "1920" */
export function rentCore(weeklyHours: Dec, rentPerHour: Dec, weeksPerYear: Dec, months: number): Dec {
  return rules.annualRent(weeklyHours, rentPerHour, weeksPerYear, months);
}

/**
 * Overhead of one practice-year: onboarding (first year only) + rent + HIS + insurance;
 * nothing in a year with no active month.
 *
 * @example
 * overheadCore(new Dec(8), true, 12).toString() // "5660"
 */
export function overheadCore(weeklyHours: Dec, firstYear: boolean, months: number): Dec {
  if (months === 0) return ZERO;
  // Same value as rules.annualRent with the defaults, in two multiplications (an exact factor).
  const rent = cents(weeklyHours.times(D.rentPerWeeklyHourMonth).times(months));
  return (firstYear ? D.onboarding.plus(rent) : rent).plus(D.yearlyFixed);
}

/** @example compensationCore(new Dec(8), { model: "aanvullend" }, false, 12).toString() // "2170" */
export function compensationCore(weeklyHours: Dec, modelOrRate: { model: Model } | { rate: Dec }, firstYear: boolean, months: number): Dec {
  const rate = "rate" in modelOrRate ? modelOrRate.rate : D.rates[modelOrRate.model];
  return rules.compensation(rate, overheadCore(weeklyHours, firstYear, months));
}

/** @example splitCore(new Dec("10000.01"), new Dec("0.5"), "insurer").toString() // "5000" */
export function splitCore(amount: Dec, municipalityShare: Dec, part: Part): Dec {
  // Money is cents: an amount typed with more decimals is rounded first, so both parts are whole cents.
  const split = rules.splitAmount(cents(amount), municipalityShare);
  return part === "municipality" ? split.municipality : split.insurer;
}
