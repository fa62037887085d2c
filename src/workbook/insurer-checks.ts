/** The Controle lines of each Zorgverzekeraar sheet: it agrees with the Begroting, and its block per employer is complete. */
import type { BudgetYear } from "../core/budget";
import { sum } from "../core/decimal";
import { employerTotals } from "../core/insurer";
import { sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import type { Check } from "./check";
import { FORMAT } from "./formats";
import { INSURER_COLUMN, insurerLayout, insurerSheetName } from "./insurer-sheet";

/**
 * Per year two lines. "gelijk aan de Begroting": the statement's insurer total equals the
 * Begroting's to the cent (what is sent to the insurer is what is budgeted). "elke werkgever
 * in het overzicht": the block per employer adds up to the statement's formation cost; an
 * employer typed on Praktijken after the build is not in that block (it lists the employers
 * known then), so the difference says to rebuild.
 *
 * @example
 * insurerChecks(years, 12).map((c) => c.label)[0] // "Zorgverzekeraar 2026: gelijk aan de Begroting"
 */
export function insurerChecks(years: readonly BudgetYear[], practiceCount: number): Check[] {
  const budgetTotal = budgetLayout(practiceCount).totalRow;
  return years.flatMap((year): Check[] => {
    const name = insurerSheetName(year.year);
    const s = sheetRef(name);
    const employers = employerTotals(year.lines);
    const { totalRow, blockTitleRow, blockTotalRow } = insurerLayout(practiceCount, employers.length);
    const insurer = `${INSURER_COLUMN.insurer}${totalRow}`;
    const cost = INSURER_COLUMN.formationCost;
    const statementInsurer = sum(year.lines.map((l) => l.insurerPart));
    return [
      {
        label: `${name}: gelijk aan de Begroting`,
        deviation: {
          formula: `=ROUND(${s}${insurer}-${sheetRef(budgetSheetName(year.year))}${BUDGET_COLUMN.insurer}${budgetTotal},2)`,
          result: statementInsurer.minus(year.totals.insurerPart).toNumber(),
          format: FORMAT.money,
        },
        problem: `Totaal zorgverzekeraar wijkt af van ${budgetSheetName(year.year)}: bouw opnieuw op`,
        explanation: `Het aandeel van de zorgverzekeraar op ${name} (rij Totaal) tegen de kolom Zorgverzekeraar van ${budgetSheetName(year.year)}, tot op de cent: wat naar de zorgverzekeraar gaat is wat begroot is.`,
        where: { sheet: name, cell: insurer },
      },
      {
        label: `${name}: elke werkgever in het overzicht`,
        deviation: {
          formula: `=ROUND(${s}${cost}${totalRow}-${s}${cost}${blockTotalRow},2)`,
          result: year.totals.formationCost.minus(sum(employers.map((e) => e.formationCost))).toNumber(),
          format: FORMAT.money,
        },
        problem: "Formatiekosten van een werkgever die niet in het overzicht per werkgever staat: bouw opnieuw op",
        explanation: `Het blok “Per werkgever” op ${name} noemt de werkgevers van de laatste opbouw; een werkgever die daarna op Praktijken is getypt telt wel mee in het totaal, maar niet in dat blok. Afwijking: formatiekosten die in het blok ontbreken. Opnieuw opbouwen (taakvenster, of poh-budget --update) neemt de werkgever op.`,
        where: { sheet: name, cell: `A${blockTitleRow}` },
      },
    ];
  });
}
