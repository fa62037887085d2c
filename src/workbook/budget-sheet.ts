import type { BudgetLine, BudgetYear } from "../core/budget";
import { excelSerial } from "../core/dates";
import { MODEL_LABELS } from "../core/models";
import { activeMonthSpan } from "../core/rules";
import { absolute, column, range } from "./a1";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { parametersLayout, BUDGET_YEAR_NAME } from "./parameters-sheet";
import { dataRowCount, FIRST_DATA_ROW, isDateCell, practiceRef, practiceRowRange } from "./practices-sheet";
import type { Cell, Scalar, SheetDescription } from "./types";

/** @example budgetSheetName(2025) // "Begroting 2025" */
export const budgetSheetName = (year: number): string => `Begroting ${year}`;

/** The year cell of a Begroting sheet: every formula of the sheet reads its year here. */
const YEAR_CELL = absolute(2, 2);

interface Column {
  header: string;
  format?: string;
  /** The formula of data row `r` (Praktijken row `r` is the same practice). */
  formula: (r: number, t: number) => string;
  result: (line: BudgetLine) => Scalar;
  /** Summed in the totals row. */
  total?: boolean;
}

const c = (letter: string, r: number) => `${letter}${r}`;

/**
 * The practice's first month in the sheet's year as rules.firstActiveMonth gives it (above 12 when it starts later).
 * A start date that is no date (text, negative) counts as not active (13): named on Controle, never #VALUE!.
 */
const firstMonth = (r: number) => {
  const s = practiceRef(r, "startDate");
  return `IF(${s}="",1,IF(${isDateCell(s)},MAX(1,(YEAR(${s})-${YEAR_CELL})*12+MONTH(${s})),13))`;
};
/** The practice's last month in the sheet's year as rules.lastActiveMonth gives it (below 1 when it ended before; 0 for an end date that is no date). */
const lastMonth = (r: number) => {
  const e = practiceRef(r, "endDate");
  return `IF(${e}="",12,IF(${isDateCell(e)},MIN(12,(YEAR(${e})-${YEAR_CELL})*12+MONTH(${e})),0))`;
};
/** A Praktijken row with nothing typed in it: a cleared practice costs nothing. */
const emptyRow = (r: number) => `COUNTA(${practiceRowRange(r)})=0`;
/** Patients as a number: text or a negative count is 0 (and named on Controle). */
const patients = (r: number) => `IF(ISNUMBER(${practiceRef(r, "patients")}),MAX(0,${practiceRef(r, "patients")}),0)`;
/** The weekly hours override as a number: text or negative is 0 (and named on Controle). */
const hoursOverride = (r: number) => `IF(ISNUMBER(${practiceRef(r, "weeklyHours")}),MAX(0,${practiceRef(r, "weeklyHours")}),0)`;

/** The columns of a Begroting sheet, A to V. Each formula mirrors one rule of src/core/rules.ts. */
function columns(offset: number): Column[] {
  const rate = (key: Parameters<typeof parametersLayout.rateRef>[1]) => parametersLayout.rateRef(offset, key);
  return [
    { header: "Praktijk", formula: (r) => `=${practiceRef(r, "name")}&""`, result: (l) => l.practice.name },
    { header: "AGB-code", formula: (r) => `=${practiceRef(r, "agb")}&""`, result: (l) => l.practice.agb },
    { header: "Model", formula: (r) => `=${practiceRef(r, "model")}&""`, result: (l) => MODEL_LABELS[l.practice.model] },
    {
      header: "Eerste maand",
      format: FORMAT.whole,
      // Blank in a year the practice is not active at all: no month 21 or -11 on the sheet (issue 8).
      formula: (r) => `=IF(OR(${emptyRow(r)},${lastMonth(r)}<${firstMonth(r)}),"",${firstMonth(r)})`,
      result: (l) => activeMonthSpan(l.practice.startDate, l.practice.endDate, l.year)?.first ?? "",
    },
    {
      header: "Laatste maand",
      format: FORMAT.whole,
      formula: (r) => `=IF(OR(${emptyRow(r)},${lastMonth(r)}<${firstMonth(r)}),"",${lastMonth(r)})`,
      result: (l) => activeMonthSpan(l.practice.startDate, l.practice.endDate, l.year)?.last ?? "",
    },
    { header: "Maanden actief", format: FORMAT.whole, formula: (r) => `=IF(${c("D", r)}="",0,${c("E", r)}-${c("D", r)}+1)`, result: (l) => l.monthsActive },
    { header: "Normpraktijken", format: FORMAT.hours, formula: (r) => `=${patients(r)}/Normpraktijk`, result: (l) => l.normpractices.toNumber() },
    {
      header: "Recht op uren per week",
      format: FORMAT.hours,
      total: true,
      formula: (r) => `=IF(${c("F", r)}=0,0,IF(${practiceRef(r, "weeklyHours")}="",ROUND(${patients(r)}*Uren_per_normpraktijk/Normpraktijk,2),${hoursOverride(r)}))`,
      result: (l) => l.entitledHours.toNumber(),
    },
    {
      header: "Uren per week",
      format: FORMAT.hours,
      total: true,
      // NOP herverdeling; ROUND(…,10) first removes binary noise before rounding down.
      formula: (r, t) => `=IF(AND(Capaciteit_uren>0,$H$${t}>Capaciteit_uren),ROUNDDOWN(ROUND(${c("H", r)}*Capaciteit_uren/$H$${t},10),2),${c("H", r)})`,
      result: (l) => l.weeklyHours.toNumber(),
    },
    { header: "Jaaruren", format: FORMAT.hours, total: true, formula: (r) => `=ROUND(${c("I", r)}*Weken_per_jaar*${c("F", r)}/12,2)`, result: (l) => l.annualHours.toNumber() },
    { header: "Formatiekosten", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("J", r)}*${rate("hourlyCost")},2)`, result: (l) => l.formationCost.toNumber() },
    { header: "Gemeente", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("K", r)}*Aandeel_gemeente,2)`, result: (l) => l.municipalityPart.toNumber() },
    { header: "Zorgverzekeraar", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("K", r)}-${c("L", r)},2)`, result: (l) => l.insurerPart.toNumber() },
    {
      header: "Inwerken (eenmalig)",
      format: FORMAT.money,
      total: true,
      formula: (r) =>
        // Active (F > 0) means the start date is blank or a date: YEAR never sees text.
        `=IF(${c("F", r)}=0,0,IF(${practiceRef(r, "startDate")}="",0,IF(YEAR(${practiceRef(r, "startDate")})=${YEAR_CELL},ROUND(Inwerk_uren_per_maand*Inwerk_maanden*${rate("onboardingRate")},2),0)))`,
      result: (l) => l.onboarding.toNumber(),
    },
    { header: "Huur ruimte", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("I", r)}*Weken_per_jaar*${rate("rentPerHour")}*${c("F", r)}/12,2)`, result: (l) => l.rent.toNumber() },
    { header: "HIS-licentie", format: FORMAT.money, total: true, formula: (r) => `=IF(${c("F", r)}>0,${rate("hisLicence")},0)`, result: (l) => l.his.toNumber() },
    { header: "Verzekering", format: FORMAT.money, total: true, formula: (r) => `=IF(${c("F", r)}>0,${rate("insurance")},0)`, result: (l) => l.insurance.toNumber() },
    { header: "Overhead", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("N", r)}+${c("O", r)}+${c("P", r)}+${c("Q", r)},2)`, result: (l) => l.overhead.toNumber() },
    {
      header: "Compensatie %",
      format: FORMAT.share,
      formula: (r) => {
        const m = practiceRef(r, "model");
        // Blank = Aanvullend, as the importer reads it (0 on a cleared row); an unknown model gets 0 and is named on Controle.
        return `=IF(${m}="",IF(${emptyRow(r)},0,Vergoeding_aanvullend),IF(${m}="Basis",Vergoeding_basis,IF(${m}="Aanvullend",Vergoeding_aanvullend,IF(${m}="Extra",Vergoeding_extra,0))))`;
      },
      result: (l) => l.compensationRate.toNumber(),
    },
    { header: "Compensatie overhead", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("S", r)}*${c("R", r)},2)`, result: (l) => l.compensation.toNumber() },
    {
      header: "Uitbetaling vanaf",
      format: FORMAT.date,
      // VPG ch. 14: paid after the first four months of deployment in the year.
      formula: (r) => `=IF(${c("F", r)}=0,"",DATE(${YEAR_CELL},MIN(${c("D", r)}+Uitbetaling_na_maanden-1,${c("E", r)})+1,1))`,
      result: (l) => (l.payoutDue === null ? "" : excelSerial(l.payoutDue)),
    },
    {
      header: "Incidenteel (gemeente)",
      format: FORMAT.money,
      total: true,
      formula: (r) => `=ROUND(${c("S", r)}*${c("N", r)},2)+IF(Formatie_incidenteel=1,${c("L", r)},0)`,
      result: (l) => l.incidental.toNumber(),
    },
  ];
}

/** Where the totals and the summary stand on a Begroting sheet with `practiceCount` practices. */
export function budgetLayout(practiceCount: number) {
  const totalRow = FIRST_DATA_ROW + dataRowCount(practiceCount);
  return { totalRow, summaryTop: totalRow + 2 };
}

export const BUDGET_COLUMN = { weeklyHours: "I", formationCost: "K", municipality: "L", insurer: "M", overhead: "R", compensation: "T", payoutDue: "U", incidental: "V" } as const;

/**
 * Begroting *year*: per practice every step from patients to compensation and payout date,
 * the totals, and the municipality's costs split into incidental and structural (BBV).
 */
export function describeBudget(budget: BudgetYear, offset: number, practiceCount: number): SheetDescription {
  const cols = columns(offset);
  const grid = new Grid();
  const { totalRow, summaryTop } = budgetLayout(practiceCount);
  grid.set(1, 1, text(`Begroting POH-GGZ Jeugd ${budget.year}`));
  grid.setRow(2, 1, [text("Jaar"), { formula: offset === 0 ? `=${BUDGET_YEAR_NAME}` : `=${BUDGET_YEAR_NAME}+${offset}`, result: budget.year, format: FORMAT.year }]);
  grid.setRow(4, 1, cols.map((col) => text(col.header)));
  budget.lines.forEach((line, i) => {
    const r = FIRST_DATA_ROW + i;
    grid.setRow(r, 1, cols.map((col): Cell => ({ formula: col.formula(r, totalRow), result: col.result(line), format: col.format })));
  });
  grid.set(totalRow, 1, text("Totaal"));
  const totals = budget.totals;
  const totalResult: Record<string, number> = {
    H: budget.entitledHoursTotal.toNumber(),
    I: totals.weeklyHours.toNumber(),
    J: totals.annualHours.toNumber(),
    K: totals.formationCost.toNumber(),
    L: totals.municipalityPart.toNumber(),
    M: totals.insurerPart.toNumber(),
    N: totals.onboarding.toNumber(),
    O: totals.rent.toNumber(),
    P: totals.his.toNumber(),
    Q: totals.insurance.toNumber(),
    R: totals.overhead.toNumber(),
    T: totals.compensation.toNumber(),
    V: totals.incidental.toNumber(),
  };
  cols.forEach((col, i) => {
    if (!col.total) return;
    const letter = column(i + 1);
    grid.set(totalRow, i + 1, { formula: `=ROUND(SUM(${letter}${FIRST_DATA_ROW}:${letter}${totalRow - 1}),2)`, result: totalResult[letter], format: col.format });
  });

  const summary: [string, string, number][] = [
    ["Gemeente: formatie", `=L${totalRow}`, totals.municipalityPart.toNumber()],
    ["Gemeente: compensatie overhead", `=T${totalRow}`, totals.compensation.toNumber()],
    ["Totaal gemeente", `=ROUND(B${summaryTop}+B${summaryTop + 1},2)`, totals.municipalityTotal.toNumber()],
    ["waarvan incidenteel", `=V${totalRow}`, totals.incidental.toNumber()],
    ["waarvan structureel", `=ROUND(B${summaryTop + 2}-B${summaryTop + 3},2)`, totals.structural.toNumber()],
    ["Zorgverzekeraar: formatie", `=M${totalRow}`, totals.insurerPart.toNumber()],
    ["Totale kosten formatie", `=K${totalRow}`, totals.formationCost.toNumber()],
  ];
  summary.forEach(([label, formula, result], i) => grid.setRow(summaryTop + i, 1, [text(label), { formula, result, format: FORMAT.money }]));
  const width = cols.length;
  return {
    name: budgetSheetName(budget.year),
    kind: "budget",
    cells: grid.build(width),
    columnWidths: [30, 11, 12, 8, 8, 8, 10, 10, 10, 10, 14, 14, 14, 12, 12, 11, 11, 12, 10, 14, 12, 14],
    frozenRows: 4,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:B2", style: "subtitle" },
      { range: range(4, 1, 4, width), style: "header" },
      { range: range(totalRow, 1, totalRow, width), style: "total" },
      { range: range(summaryTop + 2, 1, summaryTop + 2, 2), style: "total" },
    ],
    validations: [],
    conditionalFormats: [],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: FIRST_DATA_ROW,
    print: { landscape: true, fitToWidth: true },
  };
}

