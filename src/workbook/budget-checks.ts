/** The Controle lines of each Begroting year: capacity month by month, the split, compensation, formulas intact. */
import type { BudgetYear } from "../core/budget";
import { Dec } from "../core/decimal";
import type { SchemeParameters } from "../core/parameters";
import { sheetRef } from "./a1";
import { MONTH_NAMES } from "./budget-columns";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import type { Check } from "./check";
import { FORMAT } from "./formats";
import { FIRST_DATA_ROW } from "./practices-sheet";

/** "OK: herverdeeld in 6 maand(en), jul–dec" — what the redistribution line says (core side). */
export function redistributionText(year: BudgetYear): string {
  const months = year.months.map((m, i) => (m.redistributed ? i + 1 : 0)).filter((m) => m > 0);
  if (months.length === 0) return "OK: niet nodig";
  const span = months.length === 1 ? MONTH_NAMES[months[0] - 1] : `${MONTH_NAMES[months[0] - 1]}–${MONTH_NAMES[months[months.length - 1] - 1]}`;
  return `OK: herverdeeld in ${months.length} maand(en), ${span}`;
}

const chooseMonth = (index: string) => `CHOOSE(${index},${MONTH_NAMES.map((m) => `"${m}"`).join(",")})`;

export function budgetChecks(params: SchemeParameters, practiceCount: number, years: readonly BudgetYear[]): Check[] {
  const layout = budgetLayout(practiceCount);
  const { totalRow, monthAppliesRow, monthCutRow, formulaCountRow, formulaFirstRow, formulaColumnRow } = layout;
  const lastLine = totalRow - 1;
  const capacity = new Dec(params.capacityHours);
  const list: Check[] = [];
  for (const year of years) {
    const name = budgetSheetName(year.year);
    const b = sheetRef(name);
    const t = year.totals;
    const monthTotals = `${b}$${BUDGET_COLUMN.firstMonth}$${totalRow}:$${BUDGET_COLUMN.lastMonth}$${totalRow}`;
    const busiest = year.months.reduce((max, m) => Dec.max(max, m.allocated), new Dec(0));
    list.push({
      label: `Uren binnen capaciteit ${year.year} (elke maand)`,
      // What the month columns say, so a typed-over hour or an error in a formula makes it fail.
      deviation: { formula: `=IF(Capaciteit_uren=0,0,MAX(0,ROUND(MAX(${monthTotals})-Capaciteit_uren,2)))`, result: capacity.gt(0) ? Dec.max(0, busiest.minus(capacity)).toNumber() : 0, format: FORMAT.hours },
      problem: "Meer uren dan de capaciteit",
      explanation: `De drukste maand van ${name} (kolommen jan–dec, rij Totaal) tegen Capaciteit_uren: uren per week van alle praktijken die dan actief zijn.`,
      where: { sheet: name, cell: `${BUDGET_COLUMN.firstMonth}${totalRow}` },
    });
    const blockRow = (row: number) => `${b}$${BUDGET_COLUMN.firstMonth}$${row}:$${BUDGET_COLUMN.lastMonth}$${row}`;
    const applies = blockRow(monthAppliesRow);
    const cutMost = year.months.reduce((max, m) => Dec.max(max, m.entitled.minus(m.allocated)), new Dec(0));
    list.push({
      label: `Herverdeling ${year.year}`,
      // Not a fault: it says when the NOP herverdeling applies; Afwijking = the most hours per week cut in a month.
      deviation: { formula: `=MAX(0,MAX(${blockRow(monthCutRow)}))`, result: cutMost.toNumber(), format: FORMAT.hours },
      problem: "",
      explanation: `Maanden waarin de praktijken die dan actief zijn recht hebben op meer uren dan Capaciteit_uren: ieder krijgt dan zijn deel van de capaciteit (NOP). Afwijking: de meeste uren per week die in een maand minder worden toegekend. Zie "Herverdeling per maand" op ${name}.`,
      where: { sheet: name, cell: `A${layout.monthTop}` },
      outcome: {
        formula: () =>
          `=IF(COUNT(${applies})=0,"OK: niet nodig","OK: herverdeeld in "&COUNT(${applies})&" maand(en), "&${chooseMonth(`MIN(${applies})`)}&IF(COUNT(${applies})>1,"–"&${chooseMonth(`MAX(${applies})`)},""))`,
        result: redistributionText(year),
      },
    });
    list.push({
      label: `Gemeente + zorgverzekeraar = formatie ${year.year}`,
      deviation: {
        formula: `=ROUND(${b}${BUDGET_COLUMN.municipality}${totalRow}+${b}${BUDGET_COLUMN.insurer}${totalRow}-${b}${BUDGET_COLUMN.formationCost}${totalRow},2)`,
        result: t.municipalityPart.plus(t.insurerPart).minus(t.formationCost).toNumber(),
        format: FORMAT.money,
      },
      problem: "Delen tellen niet op tot de formatiekosten",
      explanation: "De twee financiers samen betalen precies de formatie.",
      where: { sheet: name, cell: `${BUDGET_COLUMN.formationCost}${totalRow}` },
    });
    list.push({
      label: `Compensatie binnen overhead ${year.year}`,
      deviation: {
        formula: `=SUMPRODUCT((${b}${BUDGET_COLUMN.compensation}${FIRST_DATA_ROW}:${BUDGET_COLUMN.compensation}${lastLine}>${b}${BUDGET_COLUMN.overhead}${FIRST_DATA_ROW}:${BUDGET_COLUMN.overhead}${lastLine})*1)`,
        result: year.lines.filter((l) => l.compensation.gt(l.overhead)).length,
        format: FORMAT.whole,
      },
      problem: "Praktijken met meer compensatie dan overhead",
      explanation: "Aantal praktijken waar de compensatie de overheadkosten overschrijdt (VPG h. 14: 50–100%).",
      where: { sheet: name, cell: `${BUDGET_COLUMN.compensation}${FIRST_DATA_ROW}` },
    });
    const counts = `${b}$A$${formulaCountRow}:$${BUDGET_COLUMN.lastMonth}$${formulaCountRow}`;
    const firstColumn = `MIN(${b}$A$${formulaColumnRow}:$${BUDGET_COLUMN.lastMonth}$${formulaColumnRow})`;
    const firstRow = `INDEX(${b}$A$${formulaFirstRow}:$${BUDGET_COLUMN.lastMonth}$${formulaFirstRow},1,${firstColumn})`;
    list.push({
      label: `Formules op ${name} ongewijzigd`,
      deviation: { formula: `=SUM(${counts})`, result: 0, format: FORMAT.whole },
      problem: "Een berekende cel is overschreven",
      explanation: `Een cel met een formule op ${name} bevat nu een getal of tekst (het blad was niet beveiligd). De cijfers van die rij en de totalen kloppen dan niet: zet de formule terug of bouw opnieuw op.`,
      where: { sheet: name, cell: `A${formulaCountRow}` },
      outcome: {
        formula: (row) => `=IF(C${row}=0,"OK","${name} "&ADDRESS(${firstRow},${firstColumn},4)&" is geen formule meer"&IF(C${row}>1," (en nog "&(C${row}-1)&" cel(len))",""))`,
        result: "OK",
      },
    });
  }
  return list;
}
