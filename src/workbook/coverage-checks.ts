/**
 * Issue 11.4, budget coverage: per year of the forecast, whether the municipality's available
 * budget (typed on Uitgangspunten) covers what it pays (Totaal gemeente on the Meerjarenraming).
 * NOP: the costs are to be covered "binnen het huidige budget van de meerjarige begroting".
 */
import type { BudgetYear } from "../core/budget";
import { Dec } from "../core/decimal";
import { sheetRef } from "./a1";
import type { Check } from "./check";
import { COVERAGE_COLUMNS, FORECAST_SHEET, forecastRows } from "./forecast-sheet";
import { FORMAT } from "./formats";
import { parametersLayout } from "./parameters-sheet";

/** What the outcome of a year says without a shortfall, by what was typed. */
export const NO_BUDGET_TYPED = "OK: geen budget ingevuld";
export const OVER_BUDGET = "Kosten gemeente boven het beschikbare budget";

/**
 * One Controle line per year: the shortfall in euros (0 when the budget covers it, or none is
 * typed), and an outcome that says which; text typed as a budget is named, never read as 0.
 *
 * @example
 * coverageChecks(forecast(params, practices, 2026, 4), { 2028: "100000" })[2].deviation.result // the 2028 shortfall
 */
export function coverageChecks(years: readonly BudgetYear[], budgetLines: Readonly<Record<number, string>> = {}): Check[] {
  const m = sheetRef(FORECAST_SHEET);
  const { first } = forecastRows(years.length);
  return years.map((year, offset) => {
    const row = first + offset;
    const typed = parametersLayout.budgetLineRef(offset);
    const line = budgetLines[year.year];
    const shortfall = line === undefined ? new Dec(0) : Dec.max(0, year.totals.municipalityTotal.minus(line));
    return {
      label: `Budget dekt de kosten ${year.year}`,
      deviation: { formula: `=IF(ISNUMBER(${m}${COVERAGE_COLUMNS.room}${row}),MAX(0,-${m}${COVERAGE_COLUMNS.room}${row}),0)`, result: shortfall.toNumber(), format: FORMAT.money },
      problem: OVER_BUDGET,
      explanation: `Totaal gemeente ${year.year} (Meerjarenraming) tegen het beschikbare budget van dat jaar op Uitgangspunten. Afwijking: het tekort in euro's.`,
      where: { sheet: FORECAST_SHEET, cell: `${COVERAGE_COLUMNS.room}${row}` },
      outcome: {
        formula: (r) => `=IF(${typed}="","${NO_BUDGET_TYPED}",IF(NOT(ISNUMBER(${typed})),"Budget ${year.year} op Uitgangspunten is geen getal",IF(C${r}=0,"OK","${OVER_BUDGET}")))`,
        result: line === undefined ? NO_BUDGET_TYPED : shortfall.isZero() ? "OK" : OVER_BUDGET,
      },
    };
  });
}
