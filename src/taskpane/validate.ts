/**
 * The checks of the New budget fields, without any DOM: each rejected field gets a message that
 * says what it takes ("Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: 1999)"), the same
 * bounds the workbook and poh-budget hold the values to.
 */
import type { Language } from "../core/messages";
import { parseDecimalText } from "../core/numbers";
import { BUDGET_YEAR_RANGE, MAX_FORECAST_YEARS } from "../workbook/describe";
import { text } from "./texts";

export type FieldId = "budget-year" | "forecast-years" | "hourly-cost";
export const HOURLY_COST_MAX = 10_000;

export interface FieldValues {
  budgetYear: string;
  years: string;
  hourlyCost: string;
}

export type Checked = { ok: true; budgetYear: number; years: number; hourlyCost: string } | { ok: false; errors: { field: FieldId; text: string }[] };

const WHOLE = /^\s*\d+\s*$/;

/**
 * @example checkFields("nl", { budgetYear: "1999", years: "4", hourlyCost: "52,50" })
 * // { ok: false, errors: [{ field: "budget-year", text: "Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: 1999)" }] }
 */
export function checkFields(language: Language, values: FieldValues): Checked {
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(language, key, params);
  const typed = (value: string) => (value.trim() === "" ? t("empty") : value.trim());
  const group = (n: number) => n.toLocaleString(language === "nl" ? "nl-NL" : "en-GB");
  const errors: { field: FieldId; text: string }[] = [];

  const budgetYear = Number(values.budgetYear);
  if (!WHOLE.test(values.budgetYear) || budgetYear < BUDGET_YEAR_RANGE.min || budgetYear > BUDGET_YEAR_RANGE.max) {
    errors.push({ field: "budget-year", text: t("badYear", { label: t("budgetYear"), min: BUDGET_YEAR_RANGE.min, max: BUDGET_YEAR_RANGE.max, value: typed(values.budgetYear) }) });
  }
  const years = Number(values.years);
  if (!WHOLE.test(values.years) || years < 1 || years > MAX_FORECAST_YEARS) {
    errors.push({ field: "forecast-years", text: t("badYears", { label: t("years"), min: 1, max: MAX_FORECAST_YEARS, value: typed(values.years) }) });
  }
  // Amounts are cents in the workbook: a third decimal would be rounded away without a word.
  const cost = parseDecimalText(values.hourlyCost);
  const decimals = cost?.split(".")[1]?.length ?? 0;
  if (cost === null || Number(cost) < 0 || Number(cost) > HOURLY_COST_MAX || decimals > 2) {
    errors.push({ field: "hourly-cost", text: t("badAmount", { label: t("hourlyCost"), min: 0, max: group(HOURLY_COST_MAX), value: typed(values.hourlyCost) }) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, budgetYear, years, hourlyCost: cost! };
}
