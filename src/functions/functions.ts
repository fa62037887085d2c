/**
 * The custom functions of namespace GGZ. Each one coerces its arguments, calls its pure core
 * and returns a number; bad input becomes #VALUE! with a message naming the argument.
 * The JSDoc below is the source of functions.json (custom-functions-metadata).
 */
import type { Dec } from "../core/decimal";
import { booleanArg, countArg, modelOrRateArg, numberArg, partArg } from "./coerce";
import { compensationCore, DEFAULTS, hoursPerNormpracticeCore, overheadCore, rentCore, splitCore } from "./cores";
import { evaluate } from "./evaluate";

/* eslint-disable @typescript-eslint/no-explicit-any -- arguments are `any` on purpose: see the note below */

/**
 * The registrations the metadata plugin appends to this file (`CustomFunctions.associate(…)`)
 * bind to this name. Outside Excel (the pane opened in a browser, office.js not loaded) there
 * is no CustomFunctions: then nothing is registered instead of an uncaught ReferenceError.
 */
const CustomFunctions: { associate(id: string, implementation: (...args: any[]) => unknown): void } = (globalThis as { CustomFunctions?: { associate(id: string, implementation: (...args: any[]) => unknown): void } }).CustomFunctions ?? { associate: () => undefined };
void CustomFunctions; // read only by the appended registrations, which the compiler does not see

/**
 * Arguments are declared `any` (the metadata generator knows no unions) so that text, booleans
 * and empty cells reach us and get a clear message instead of Excel's bare #VALUE!.
 */

const MAX_HOURS = 168; // there are 168 hours in a week
const MAX_PATIENTS = 1_000_000; // far above any Dutch GP practice (a normpraktijk is 2,350)
const MAX_RATE_EUR = 100_000;
const MAX_AMOUNT = 1_000_000_000_000; // beyond this Excel's doubles cannot hold every cent

const MONTHS_RULE = { fallback: "12", max: 12, whole: true };
const months = (raw: any): number => countArg(raw, "months_active", MONTHS_RULE);
const weeklyHours = (raw: any) => numberArg(raw, "weekly_hours", { max: MAX_HOURS });

/**
 * Weekly POH-GGZ Jeugd hours of a practice: normpraktijken x hours per normpraktijk.
 * @customfunction POH_HOURS_PER_NORMPRACTICE
 * @helpurl https://localhost:3000/help.html
 * @param patients Registered patients of the practice.
 * @param [hours_per_normpractice] Weekly hours per normpraktijk (default 4, NOP).
 * @param [normpractice_size] Patients per normpraktijk (default 2350).
 * @returns Weekly hours, rounded to 2 decimals.
 */
export function pohHoursPerNormpractice(patients: any, hours_per_normpractice?: any, normpractice_size?: any): number {
  return evaluate(() =>
    hoursPerNormpracticeCore(
      numberArg(patients, "patients", { max: MAX_PATIENTS, whole: true }),
      numberArg(hours_per_normpractice, "hours_per_normpractice", { fallback: DEFAULTS.hoursPerNormpractice, max: MAX_HOURS }),
      numberArg(normpractice_size, "normpractice_size", { fallback: String(DEFAULTS.normpracticeSize), positive: true, max: MAX_PATIENTS, whole: true }),
    ),
  );
}

/**
 * Annual room rent contribution: weekly hours x weeks x rent per hour x months / 12.
 * @customfunction POH_RENT
 * @helpurl https://localhost:3000/help.html
 * @param weekly_hours Weekly POH hours in the practice.
 * @param [rent_per_hour] Rent contribution per hour (default 10 euro, VPG).
 * @param [weeks_per_year] Working weeks per year (default 48).
 * @param [months_active] Months active in the year (default 12).
 * @returns Annual rent in euros, rounded to cents.
 */
export function pohRent(weekly_hours: any, rent_per_hour?: any, weeks_per_year?: any, months_active?: any): number {
  return evaluate(() =>
    rentCore(
      weeklyHours(weekly_hours),
      numberArg(rent_per_hour, "rent_per_hour", { fallback: DEFAULTS.rentPerHour, max: MAX_RATE_EUR }),
      numberArg(weeks_per_year, "weeks_per_year", { fallback: DEFAULTS.weeksPerYear, positive: true, max: 53 }),
      months(months_active),
    ),
  );
}

/**
 * Overhead costs of a practice-year: onboarding (first year) + rent + HIS licence + insurance.
 * @customfunction POH_OVERHEAD
 * @helpurl https://localhost:3000/help.html
 * @param weekly_hours Weekly POH hours in the practice.
 * @param [first_year] TRUE in the year deployment starts (default TRUE).
 * @param [months_active] Months active in the year (default 12).
 * @returns Overhead in euros, rounded to cents.
 */
export function pohOverhead(weekly_hours: any, first_year?: any, months_active?: any): number {
  return evaluate(() => overheadCore(weeklyHours(weekly_hours), booleanArg(first_year, "first_year", true), months(months_active)));
}

/**
 * The municipality's overhead compensation for one practice-year.
 * @customfunction POH_COMPENSATION
 * @helpurl https://localhost:3000/help.html
 * @param weekly_hours Weekly POH hours in the practice.
 * @param [model_or_rate] "basis", "aanvullend" (default), "extra", or a rate from 0 to 1.
 * @param [first_year] TRUE in the year deployment starts (default TRUE).
 * @param [months_active] Months active in the year (default 12).
 * @returns Compensation in euros, rounded to cents.
 */
export function pohCompensation(weekly_hours: any, model_or_rate?: any, first_year?: any, months_active?: any): number {
  return evaluate(() =>
    compensationCore(
      weeklyHours(weekly_hours),
      modelOrRateArg(model_or_rate, "model_or_rate", "aanvullend"),
      booleanArg(first_year, "first_year", true),
      months(months_active),
    ),
  );
}

/**
 * One funder's part of an amount; the insurer gets the rest, so both parts add up.
 * @customfunction POH_SPLIT
 * @helpurl https://localhost:3000/help.html
 * @param amount The amount to split, in euros.
 * @param [municipality_share] The municipality's share from 0 to 1 (default 0.5, NOP).
 * @param [part] "gemeente"/"municipality" (default) or "verzekeraar"/"insurer".
 * @returns That funder's part in euros, rounded to cents.
 */
export function pohSplit(amount: any, municipality_share?: any, part?: any): number {
  return evaluate((): Dec =>
    splitCore(
      numberArg(amount, "amount", { max: MAX_AMOUNT }),
      numberArg(municipality_share, "municipality_share", { fallback: "0.5", max: 1 }),
      partArg(part, "part"),
    ),
  );
}
