/** The Controle lines about the formation payments on Uitbetalingen (issue 11.2). */
import type { BudgetYear } from "../core/budget";
import { cents, Dec, sum } from "../core/decimal";
import { COMPENSATION_KIND, scheduleOf } from "../core/formation-schedule";
import type { RegisterRow } from "../core/payouts";
import { sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import type { Check } from "./check";
import { FORMAT } from "./formats";
import { parameterRow, PARAMETERS_SHEET } from "./parameters-sheet";
import { payeeCheck } from "./payee-totals";
import { KIND_COLUMN, payoutsLayout, PAYOUTS_SHEET, type PayoutParameters } from "./payouts-sheet";

/** What Controle says when a schedule cell on Uitgangspunten differs from the one the rows were built for. */
export const SCHEDULE_CHANGED = "Betaalschema gewijzigd: bouw opnieuw op";

/**
 * Per year: the formation instalments add up to the Begroting's municipality part (to the cent);
 * the schedule on Uitgangspunten is the one the rows were built for; the totals per payee add up
 * to the register's total.
 *
 * @example formationChecks(register, years, params).map((c) => c.label)[0] // "Formatietermijnen 2026 gelijk aan Gemeente op Begroting 2026"
 */
export function formationChecks(register: readonly RegisterRow[], years: readonly BudgetYear[], params: PayoutParameters): Check[] {
  const u = sheetRef(PAYOUTS_SHEET);
  const layout = payoutsLayout(register);
  const col = (c: string) => `${u}$${c}$${layout.first}:$${c}$${layout.last}`;
  const schedule = scheduleOf(params);
  const perYear = years.map((y): Check => {
    const due = sum(register.filter((r) => r.year === y.year && r.kind !== COMPENSATION_KIND).map((r) => r.due ?? new Dec(0)));
    const total = `${sheetRef(budgetSheetName(y.year))}$${BUDGET_COLUMN.municipality}$${budgetLayout(y.lines.length).totalRow}`;
    return {
      label: `Formatietermijnen ${y.year} gelijk aan Gemeente op ${budgetSheetName(y.year)}`,
      deviation: {
        formula: `=ROUND(SUMIFS(${col("D")},${col("A")},${y.year},${col(KIND_COLUMN)},"<>${COMPENSATION_KIND}")-${total},2)`,
        result: cents(due.minus(y.totals.municipalityPart)).toNumber(),
        format: FORMAT.money,
      },
      problem: "De termijnen tellen niet op tot het gemeentedeel van de formatie",
      explanation: "De formatietermijnen van het jaar op Uitbetalingen samen, min het totaal van kolom Gemeente op de Begroting. Een praktijk die na het opbouwen op Praktijken is toegevoegd of twee keer met dezelfde AGB-code staat, telt niet goed mee: bouw opnieuw op.",
      where: { sheet: PAYOUTS_SHEET, cell: `D${layout.first}` },
    };
  });
  const changed: Check = {
    label: "Betaalschema formatie zoals gebouwd",
    // The rows follow the schedule of the build: another value typed on Uitgangspunten takes a rebuild.
    deviation: { formula: `=IF(AND(Formatie_termijnen=${schedule.perYear},Formatie_vooraf=${schedule.inAdvance ? 1 : 0}),0,1)`, result: 0, format: FORMAT.whole },
    problem: SCHEDULE_CHANGED,
    explanation: `Uitbetalingen heeft termijnen ${schedule.perYear === 4 ? "per kwartaal" : "per maand"}, ${schedule.inAdvance ? "vooraf" : "achteraf"}. Staat op Uitgangspunten een ander schema, bouw dan opnieuw op (paneel: Opnieuw opbouwen, of poh-budget --update); getypte betalingen blijven bewaard.`,
    where: { sheet: PARAMETERS_SHEET, cell: `C${parameterRow("formationInstalments")}` },
  };
  const registerDue = cents(sum(register.map((r) => r.due ?? new Dec(0))));
  return [...perYear, changed, payeeCheck(register, years, layout, PAYOUTS_SHEET, u, registerDue)];
}
