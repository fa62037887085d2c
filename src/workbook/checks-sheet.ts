import type { BudgetYear } from "../core/budget";
import { agbStatuses } from "../core/agb";
import { Dec } from "../core/decimal";
import { NO_PAYMENT, payoutKey, payoutStatus, type PaymentRecord } from "../core/payouts";
import type { SchemeParameters } from "../core/parameters";
import type { Practice } from "../core/types";
import { column, range, sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { payoutRowCount, PAYOUTS_SHEET, STATUS_COLUMN } from "./payouts-sheet";
import { dataRowCount, FIRST_DATA_ROW, PRACTICE_COLUMNS, PRACTICES_SHEET } from "./practices-sheet";
import type { Cell, SheetDescription } from "./types";

export const CHECKS_SHEET = "Controle";
const HEADER_ROW = 4;

interface Check {
  label: string;
  /** Formula of the deviation (0 = fine) and what the core says it is. */
  deviation: { formula: string; result: number; format: string };
  /** What the outcome says when the deviation is not 0. */
  problem: string;
  explanation: string;
}

export interface ChecksInput {
  params: SchemeParameters;
  practices: readonly Practice[];
  years: readonly BudgetYear[];
  payments: ReadonlyMap<string, PaymentRecord>;
}

function checks({ params, practices, years, payments }: ChecksInput): Check[] {
  const { totalRow } = budgetLayout(practices.length);
  const lastLine = totalRow - 1;
  const list: Check[] = [];
  const capacity = new Dec(params.capacityHours);
  for (const year of years) {
    const b = sheetRef(budgetSheetName(year.year));
    const t = year.totals;
    const over = capacity.gt(0) ? Dec.max(0, t.weeklyHours.minus(capacity)) : new Dec(0);
    list.push({
      label: `Uren binnen capaciteit ${year.year}`,
      deviation: { formula: `=IF(Capaciteit_uren=0,0,MAX(0,ROUND(${b}${BUDGET_COLUMN.weeklyHours}${totalRow}-Capaciteit_uren,2)))`, result: over.toNumber(), format: FORMAT.hours },
      problem: "Meer uren dan de capaciteit",
      explanation: "Som van de uren per week tegen Capaciteit_uren (NOP: herverdeling).",
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
    });
    const overCap = year.lines.filter((l) => l.compensation.gt(l.overhead)).length;
    list.push({
      label: `Compensatie binnen overhead ${year.year}`,
      deviation: {
        formula: `=SUMPRODUCT((${b}${BUDGET_COLUMN.compensation}${FIRST_DATA_ROW}:${BUDGET_COLUMN.compensation}${lastLine}>${b}${BUDGET_COLUMN.overhead}${FIRST_DATA_ROW}:${BUDGET_COLUMN.overhead}${lastLine})*1)`,
        result: overCap,
        format: FORMAT.whole,
      },
      problem: "Praktijken met meer compensatie dan overhead",
      explanation: "Aantal praktijken waar de compensatie de overheadkosten overschrijdt (VPG h. 14: 50–100%).",
    });
  }
  const rows = dataRowCount(practices.length);
  const checkColumn = column(PRACTICE_COLUMNS.check);
  const agbRange = `${sheetRef(PRACTICES_SHEET)}${checkColumn}${FIRST_DATA_ROW}:${checkColumn}${FIRST_DATA_ROW + rows - 1}`;
  list.push({
    label: "AGB-codes geldig en uniek",
    deviation: { formula: `=SUMPRODUCT((${agbRange}<>"OK")*(${agbRange}<>""))`, result: agbStatuses(practices).filter((s) => s !== "OK").length, format: FORMAT.whole },
    problem: "Ontbrekende, ongeldige of dubbele AGB-codes",
    explanation: "Zie de kolom Controle AGB-code op het tabblad Praktijken.",
  });
  const statusRange = `${sheetRef(PAYOUTS_SHEET)}${STATUS_COLUMN}${HEADER_ROW + 1}:${STATUS_COLUMN}${HEADER_ROW + payoutRowCount(years)}`;
  const wrongPayments = years.flatMap((y) => y.lines.map((l) => payoutStatus(l.compensation, payments.get(payoutKey(l.practice.agb, y.year)) ?? NO_PAYMENT)));
  list.push({
    label: "Betaald gelijk aan te betalen",
    deviation: {
      formula: `=SUMPRODUCT((${statusRange}="Te veel betaald")+(${statusRange}="Te weinig betaald"))`,
      result: wrongPayments.filter((s) => s === "Te veel betaald" || s === "Te weinig betaald").length,
      format: FORMAT.whole,
    },
    problem: "Betalingen die afwijken van het bedrag",
    explanation: "Aantal rijen op Uitbetalingen met te veel of te weinig betaald.",
  });
  const shares = ["Aandeel_gemeente", "Vergoeding_basis", "Vergoeding_aanvullend", "Vergoeding_extra"];
  const shareValues = [params.municipalityShare, params.compensationRates.basis, params.compensationRates.aanvullend, params.compensationRates.extra];
  list.push({
    label: "Percentages tussen 0 en 1",
    deviation: { formula: `=${shares.map((s) => `(${s}<0)+(${s}>1)`).join("+")}`, result: shareValues.filter((v) => new Dec(v).lt(0) || new Dec(v).gt(1)).length, format: FORMAT.whole },
    problem: "Een aandeel of compensatiepercentage ligt buiten 0–100%",
    explanation: "Aandeel gemeente en compensatiepercentages op Uitgangspunten.",
  });
  return list;
}

/** Controle: audit checks, each a formula that says OK or names the deviation. */
export function describeChecks(input: ChecksInput): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Controle"));
  grid.set(2, 1, text("Elke controle is een formule: OK, of de afwijking met een toelichting."));
  grid.setRow(HEADER_ROW, 1, ["Controle", "Uitkomst", "Afwijking", "Toelichting"].map(text));
  const list = checks(input);
  list.forEach((check, i) => {
    const row = HEADER_ROW + 1 + i;
    const outcome: Cell = { formula: `=IF(C${row}=0,"OK","${check.problem}")`, result: check.deviation.result === 0 ? "OK" : check.problem };
    grid.setRow(row, 1, [text(check.label), outcome, check.deviation, text(check.explanation)]);
  });
  const last = HEADER_ROW + list.length;
  const first = HEADER_ROW + 1;
  return {
    name: CHECKS_SHEET,
    kind: "checks",
    cells: grid.build(4),
    columnWidths: [44, 44, 12, 70],
    frozenRows: HEADER_ROW,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, 4), style: "header" },
    ],
    validations: [],
    conditionalFormats: [
      { range: range(first, 2, last, 2), formula: `B${first}="OK"`, style: "ok" },
      { range: range(first, 2, last, 2), formula: `B${first}<>"OK"`, style: "bad" },
    ],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: first,
    print: { landscape: true, fitToWidth: true },
  };
}
