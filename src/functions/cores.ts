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
  const onboarding = firstYear ? rules.onboardingCost(DEFAULTS.onboardingHoursPerMonth, DEFAULTS.onboardingMonths, DEFAULTS.onboardingRate) : ZERO;
  const rent = rules.annualRent(weeklyHours, DEFAULTS.rentPerHour, DEFAULTS.weeksPerYear, months);
  return onboarding.plus(rent).plus(DEFAULTS.hisLicence).plus(DEFAULTS.insurance);
}

/** @example compensationCore(new Dec(8), { model: "aanvullend" }, false, 12).toString() // "2170" */
export function compensationCore(weeklyHours: Dec, modelOrRate: { model: Model } | { rate: Dec }, firstYear: boolean, months: number): Dec {
  const rate = "rate" in modelOrRate ? modelOrRate.rate : new Dec(DEFAULTS.compensationRates[modelOrRate.model]);
  return rules.compensation(rate, overheadCore(weeklyHours, firstYear, months));
}

/** @example splitCore(new Dec("10000.01"), new Dec("0.5"), "insurer").toString() // "5000" */
export function splitCore(amount: Dec, municipalityShare: Dec, part: Part): Dec {
  // Money is cents: an amount typed with more decimals is rounded first, so both parts are whole cents.
  const split = rules.splitAmount(cents(amount), municipalityShare);
  return part === "municipality" ? split.municipality : split.insurer;
}
