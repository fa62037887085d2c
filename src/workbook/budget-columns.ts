/**
 * The columns of a Begroting sheet, A to AH: each formula mirrors one rule of src/core/rules.ts,
 * and row `r` of the sheet is row `r` of Praktijken (free rows included).
 */
import type { BudgetLine, CapacityMonth } from "../core/budget";
import { Dec } from "../core/decimal";
import { excelSerial } from "../core/dates";
import { MODEL_LABELS } from "../core/models";
import { redistributedHours } from "../core/rules";
import { absolute, column } from "./a1";
import { FORMAT } from "./formats";
import { parametersLayout } from "./parameters-sheet";
import { isDateCell, practiceRef, practiceRowRange } from "./practices-sheet";
import type { Scalar } from "./types";

export interface BudgetColumn {
  header: string;
  format?: string;
  /** The formula of data row `r` (Praktijken row `r` is the same practice). */
  formula: (r: number) => string;
  result: (line: BudgetLine) => Scalar;
  /** What the formula gives on a free row (nothing typed on Praktijken): "" or 0. */
  blank: Scalar;
  /** Summed in the totals row. */
  total?: boolean;
}

/** Where the columns look: the sheet's year cell and the row of each month's entitlement (the capacity block). */
export interface ColumnContext {
  offset: number;
  yearCell: string;
  /** The cell holding the total entitlement of month `m` (1–12). */
  monthEntitled: (month: number) => string;
  months: readonly CapacityMonth[];
  capacity: string;
}

export const MONTH_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;
/** The first month column (W): weekly hours in January, after redistribution. */
export const FIRST_MONTH_COLUMN = 23;
const MONTHS = `${column(FIRST_MONTH_COLUMN)}`;
const monthsOf = (r: number) => `${MONTHS}${r}:${column(FIRST_MONTH_COLUMN + 11)}${r}`;

const c = (letter: string, r: number) => `${letter}${r}`;

/** The practice's first month in the sheet's year as rules.firstActiveMonth gives it; a start date that is no date counts as not active (13). */
const firstMonth = (r: number, year: string) => {
  const s = practiceRef(r, "startDate");
  return `IF(${s}="",1,IF(${isDateCell(s)},MAX(1,(YEAR(${s})-${year})*12+MONTH(${s})),13))`;
};
/** The practice's last month in the sheet's year as rules.lastActiveMonth gives it (0 for an end date that is no date). */
const lastMonth = (r: number, year: string) => {
  const e = practiceRef(r, "endDate");
  return `IF(${e}="",12,IF(${isDateCell(e)},MIN(12,(YEAR(${e})-${year})*12+MONTH(${e})),0))`;
};
/** A Praktijken row with nothing typed in it (a free row, or a cleared one) costs nothing. */
const emptyRow = (r: number) => `COUNTA(${practiceRowRange(r)})=0`;
/** Patients as a number: text or a negative count is 0 (and named on Controle). */
const patients = (r: number) => `IF(ISNUMBER(${practiceRef(r, "patients")}),MAX(0,${practiceRef(r, "patients")}),0)`;
/** The weekly hours override as a number: text or negative is 0 (and named on Controle). */
const hoursOverride = (r: number) => `IF(ISNUMBER(${practiceRef(r, "weeklyHours")}),MAX(0,${practiceRef(r, "weeklyHours")}),0)`;
/** ROUND(…,10) first removes binary noise that would otherwise tip a half cent. */
const round2 = (x: string) => `ROUND(ROUND(${x},10),2)`;

/** The weekly hours of `line` in month `month` (1–12), as the month column computes it. */
function monthHours(line: BudgetLine, month: number, ctx: ColumnContext): number {
  const span = line.span;
  if (span === null || month < span.first || month > span.last) return 0;
  return redistributedHours(line.entitledHours, ctx.capacity, ctx.months[month - 1].entitled).toNumber();
}

/** The 34 columns of a Begroting sheet. */
export function budgetColumns(ctx: ColumnContext): BudgetColumn[] {
  const rate = (key: Parameters<typeof parametersLayout.rateRef>[1]) => parametersLayout.rateRef(ctx.offset, key);
  const year = ctx.yearCell;
  const number = (n: Dec | number) => (typeof n === "number" ? n : n.toNumber());
  const base: BudgetColumn[] = [
    { header: "Praktijk", formula: (r) => `=${practiceRef(r, "name")}&""`, result: (l) => l.practice.name, blank: "" },
    { header: "AGB-code", formula: (r) => `=${practiceRef(r, "agb")}&""`, result: (l) => l.practice.agb, blank: "" },
    { header: "Model", formula: (r) => `=${practiceRef(r, "model")}&""`, result: (l) => MODEL_LABELS[l.practice.model], blank: "" },
    {
      header: "Eerste maand",
      format: FORMAT.whole,
      // Blank in a year the practice is not active at all: no month 21 or -11 on the sheet (issue 8).
      formula: (r) => `=IF(OR(${emptyRow(r)},${lastMonth(r, year)}<${firstMonth(r, year)}),"",${firstMonth(r, year)})`,
      result: (l) => l.span?.first ?? "",
      blank: "",
    },
    {
      header: "Laatste maand",
      format: FORMAT.whole,
      formula: (r) => `=IF(OR(${emptyRow(r)},${lastMonth(r, year)}<${firstMonth(r, year)}),"",${lastMonth(r, year)})`,
      result: (l) => l.span?.last ?? "",
      blank: "",
    },
    { header: "Maanden actief", format: FORMAT.whole, formula: (r) => `=IF(${c("D", r)}="",0,${c("E", r)}-${c("D", r)}+1)`, result: (l) => l.monthsActive, blank: 0 },
    { header: "Normpraktijken", format: FORMAT.hours, formula: (r) => `=${patients(r)}/Normpraktijk`, result: (l) => number(l.normpractices), blank: 0 },
    {
      header: "Recht op uren per week",
      format: FORMAT.hours,
      total: true,
      formula: (r) => `=IF(${c("F", r)}=0,0,IF(${practiceRef(r, "weeklyHours")}="",ROUND(${patients(r)}*Uren_per_normpraktijk/Normpraktijk,2),${hoursOverride(r)}))`,
      result: (l) => number(l.entitledHours),
      blank: 0,
    },
    {
      header: "Uren per week (gemiddeld)",
      format: FORMAT.hours,
      total: true,
      // The months W:AH carry the NOP herverdeling; this is their average over the active months.
      formula: (r) => `=IF(${c("F", r)}=0,0,${round2(`SUM(${monthsOf(r)})/${c("F", r)}`)})`,
      result: (l) => number(l.weeklyHours),
      blank: 0,
    },
    { header: "Jaaruren", format: FORMAT.hours, total: true, formula: (r) => `=${round2(`SUM(${monthsOf(r)})*Weken_per_jaar/12`)}`, result: (l) => number(l.annualHours), blank: 0 },
    { header: "Formatiekosten", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("J", r)}*${rate("hourlyCost")},2)`, result: (l) => number(l.formationCost), blank: 0 },
    { header: "Gemeente", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("K", r)}*Aandeel_gemeente,2)`, result: (l) => number(l.municipalityPart), blank: 0 },
    { header: "Zorgverzekeraar", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("K", r)}-${c("L", r)},2)`, result: (l) => number(l.insurerPart), blank: 0 },
    {
      header: "Inwerken (eenmalig)",
      format: FORMAT.money,
      total: true,
      formula: (r) =>
        // Active (F > 0) means the start date is blank or a date: YEAR never sees text.
        `=IF(${c("F", r)}=0,0,IF(${practiceRef(r, "startDate")}="",0,IF(YEAR(${practiceRef(r, "startDate")})=${year},ROUND(Inwerk_uren_per_maand*Inwerk_maanden*${rate("onboardingRate")},2),0)))`,
      result: (l) => number(l.onboarding),
      blank: 0,
    },
    { header: "Huur ruimte", format: FORMAT.money, total: true, formula: (r) => `=${round2(`SUM(${monthsOf(r)})*Weken_per_jaar*${rate("rentPerHour")}/12`)}`, result: (l) => number(l.rent), blank: 0 },
    { header: "HIS-licentie", format: FORMAT.money, total: true, formula: (r) => `=IF(${c("F", r)}>0,${rate("hisLicence")},0)`, result: (l) => number(l.his), blank: 0 },
    { header: "Verzekering", format: FORMAT.money, total: true, formula: (r) => `=IF(${c("F", r)}>0,${rate("insurance")},0)`, result: (l) => number(l.insurance), blank: 0 },
    { header: "Overhead", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("N", r)}+${c("O", r)}+${c("P", r)}+${c("Q", r)},2)`, result: (l) => number(l.overhead), blank: 0 },
    {
      header: "Compensatie %",
      format: FORMAT.share,
      formula: (r) => {
        const m = practiceRef(r, "model");
        const own = practiceRef(r, "compensationRate");
        // Blank = Aanvullend, as the importer reads it (0 on a cleared row); an unknown model gets 0 and is named on Controle.
        const byModel = `IF(${m}="",IF(${emptyRow(r)},0,Vergoeding_aanvullend),IF(${m}="Basis",Vergoeding_basis,IF(${m}="Aanvullend",Vergoeding_aanvullend,IF(${m}="Extra",Vergoeding_extra,0))))`;
        // VPG ch. 12/14: the practice's own rate wins; one outside 0–100% or text gives 0 and is named on Controle.
        return `=IF(ISNUMBER(${own}),IF(AND(${own}>=0,${own}<=1),${own},0),IF(${own}="",${byModel},0))`;
      },
      result: (l) => number(l.compensationRate),
      blank: 0,
    },
    { header: "Compensatie overhead", format: FORMAT.money, total: true, formula: (r) => `=ROUND(${c("S", r)}*${c("R", r)},2)`, result: (l) => number(l.compensation), blank: 0 },
    {
      header: "Uitbetaling vanaf",
      format: FORMAT.date,
      // VPG ch. 14: paid after the first four months of deployment in the year.
      formula: (r) => `=IF(${c("F", r)}=0,"",DATE(${year},MIN(${c("D", r)}+Uitbetaling_na_maanden-1,${c("E", r)})+1,1))`,
      result: (l) => (l.payoutDue === null ? "" : excelSerial(l.payoutDue)),
      blank: "",
    },
    {
      header: "Incidenteel (gemeente)",
      format: FORMAT.money,
      total: true,
      formula: (r) => `=ROUND(${c("S", r)}*${c("N", r)},2)+IF(Formatie_incidenteel=1,${c("L", r)},0)`,
      result: (l) => number(l.incidental),
      blank: 0,
    },
  ];
  // Issue 8: the capacity holds month by month. In a month whose entitlement is above Capaciteit_uren, each practice active then gets its share.
  const months: BudgetColumn[] = MONTH_NAMES.map((name, i) => {
    const month = i + 1;
    const entitled = ctx.monthEntitled(month);
    return {
      header: name,
      format: FORMAT.hours,
      total: true,
      formula: (r) =>
        `=IF($F${r}=0,0,IF(AND(${month}>=$D${r},${month}<=$E${r}),IF(AND(Capaciteit_uren>0,${entitled}>Capaciteit_uren),ROUNDDOWN(ROUND($H${r}*Capaciteit_uren/${entitled},10),2),$H${r}),0))`,
      result: (l) => monthHours(l, month, ctx),
      blank: 0,
    };
  });
  return [...base, ...months];
}

/** @example monthColumn(7) // "AC" (July) */
export const monthColumn = (month: number): string => column(FIRST_MONTH_COLUMN + month - 1);
/** An absolute reference to a cell of the capacity block: under the month's own column. */
export const blockCell = (row: number, month: number): string => absolute(row, FIRST_MONTH_COLUMN + month - 1);
