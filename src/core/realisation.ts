/**
 * Realisation (issue 11.5): what a practice actually delivered in the budget year, per quarter,
 * against what the Begroting budgeted. A controller types the hours (or, where known, the amount
 * invoiced); everything else follows, as the Realisatie sheet computes it.
 */
import type { BudgetLine, BudgetYear } from "./budget";
import { cents, Dec, hours, sum, ZERO } from "./decimal";
import type { SchemeParameters } from "./parameters";
import type { Typed } from "./payouts";
import { monthlyWeeklyHours } from "./rules";

export const QUARTERS = [1, 2, 3, 4] as const;

/** What a controller types per practice on Realisatie (matched on AGB code + year). */
export interface RealisationRecord {
  /** Hours delivered in quarter 1 to 4, as typed. */
  hours: [Typed, Typed, Typed, Typed];
  /** The amount invoiced in quarter 1 to 4, where known: then that quarter's realised cost. */
  invoiced: [Typed, Typed, Typed, Typed];
  /** Where it was typed (year, AGB code, name of its row), so a kept row stands as it stood. */
  year?: number;
  agb?: string;
  name?: string;
}

export const NO_REALISATION: RealisationRecord = { hours: [null, null, null, null], invoiced: [null, null, null, null] };

/** @example realisationKey("01000001", 2025) // "01000001|2025" */
export const realisationKey = (agb: string, year: number): string => `${agb}|${year}`;

/** Nothing typed on a record. @example isEmptyRealisation(NO_REALISATION) // true */
export const isEmptyRealisation = (r: RealisationRecord): boolean => [...r.hours, ...r.invoiced].every((v) => v === null);

export const REALISATION_NOT_FOUND = "Praktijk niet gevonden";
export const REALISATION_NOT_A_NUMBER = "Invoer is geen getal";
export const ABOVE_BUDGET = "Meer uren dan begroot";
export const WITHIN_BUDGET = "Binnen de begroting";
export const NOTHING_TYPED = "Nog niets ingevuld";
/** A practice's row whose Praktijken row now holds another practice (re-sorted, removed): the sheet says so until a rebuild. */
export const PRACTICES_MOVED = "Praktijken gewijzigd: bouw opnieuw op";
/** The status of a kept row typed for another budget year: named with its year. @example otherYear(2025) // "Realisatie 2025: niet het begrotingsjaar" */
export const otherYear = (year: number): string => `Realisatie ${year}: niet het begrotingsjaar`;

/** The figures of one practice's row (all 0 on a free row or a kept row). */
export interface RealisationFigures {
  budgetHours: Dec[];
  budgetHoursYear: Dec;
  hoursYear: Dec;
  cost: Dec[];
  costYear: Dec;
  municipality: Dec;
  insurer: Dec;
  budgetCost: Dec[];
  budgetCostYear: Dec;
  /** Realised − budgeted per quarter; null for a quarter where nothing is typed yet. */
  difference: (Dec | null)[];
  differenceYear: Dec;
  /** Difference / budget, 4 decimals; null when the budget is 0 (or nothing typed in the quarter). */
  percent: (Dec | null)[];
  percentYear: Dec | null;
}

export interface RealisationRow {
  /** The free Praktijken row it shows (0-based), or null. */
  free: number | null;
  /** A kept row: typed for a practice or year the budget year no longer has. */
  kept: boolean;
  year: number;
  agb: string;
  name: string;
  record: RealisationRecord;
  /** Null on a free row and a kept row: nothing budgeted there. */
  figures: RealisationFigures | null;
  status: string;
  /** Realised hours of the year above the budgeted annual hours. */
  above: boolean;
  /** A kept row: why it is kept (practice not found, or another year), whatever is typed on it. */
  reason?: string;
}

const isNumber = (v: Typed): v is number => typeof v === "number";
/** Text or TRUE/FALSE typed where a number belongs (COUNTA ≠ COUNT on the sheet). */
const hasNonNumber = (r: RealisationRecord) => [...r.hours, ...r.invoiced].some((v) => v !== null && !isNumber(v));
/** @example percentOf(new Dec(-50), new Dec(200))?.toString() // "-0.25" */
const percentOf = (difference: Dec, budget: Dec): Dec | null => (budget.isZero() ? null : difference.div(budget).toDecimalPlaces(4));

/**
 * The figures of `line` with `record` typed on it. Budgeted cost per quarter telescopes over
 * cumulative hours, ROUND(ROUND(cum_k hours,2) × rate,2) − the same through quarter k−1, so the
 * four quarters add up exactly to the Begroting's Formatiekosten (cum_4 is its Jaaruren).
 *
 * @example
 * realisationFigures(params, budget, 0, { ...NO_REALISATION, hours: [100, null, null, null] }).cost[0].toString() // "7500" at €75
 */
export function realisationFigures(params: SchemeParameters, budget: BudgetYear, index: number, record: RealisationRecord): RealisationFigures {
  const line: BudgetLine = budget.lines[index];
  const rate = budget.rates.hourlyCost;
  const monthEntitled = budget.months.map((m) => m.entitled);
  const months = monthlyWeeklyHours(line.entitledHours, line.span, params.capacityHours, monthEntitled);
  const annual = (weekHours: Dec) => hours(weekHours.times(params.weeksPerYear).div(12));
  const budgetHours = QUARTERS.map((q) => annual(sum(months.slice(3 * q - 3, 3 * q))));
  const cumulativeCost = (q: number) => (q === 0 ? ZERO : cents(annual(sum(months.slice(0, 3 * q))).times(rate)));
  const budgetCost = QUARTERS.map((q) => cumulativeCost(q).minus(cumulativeCost(q - 1)));
  const cost = QUARTERS.map((q) => {
    const invoiced = record.invoiced[q - 1];
    const typedHours = record.hours[q - 1];
    if (isNumber(invoiced)) return cents(invoiced);
    return isNumber(typedHours) ? cents(new Dec(typedHours).times(rate)) : ZERO;
  });
  const costYear = cents(sum(cost));
  const municipality = cents(costYear.times(params.municipalityShare));
  const budgetCostYear = line.formationCost;
  const typedIn = (q: number) => record.hours[q - 1] !== null || record.invoiced[q - 1] !== null;
  const difference = QUARTERS.map((q) => (typedIn(q) ? cost[q - 1].minus(budgetCost[q - 1]) : null));
  const differenceYear = costYear.minus(budgetCostYear);
  return {
    budgetHours,
    budgetHoursYear: line.annualHours,
    hoursYear: hours(sum(record.hours.filter(isNumber))),
    cost,
    costYear,
    municipality,
    insurer: costYear.minus(municipality),
    budgetCost,
    budgetCostYear,
    difference,
    differenceYear,
    percent: difference.map((d, i) => (d === null ? null : percentOf(d, budgetCost[i]))),
    percentYear: percentOf(differenceYear, budgetCostYear),
  };
}

/** The status of a practice's row as the sheet computes it. @example practiceStatus(NO_REALISATION, false) // "Nog niets ingevuld" */
export function practiceStatus(record: RealisationRecord, above: boolean): string {
  if (hasNonNumber(record)) return REALISATION_NOT_A_NUMBER;
  if (isEmptyRealisation(record)) return NOTHING_TYPED;
  return above ? ABOVE_BUDGET : WITHIN_BUDGET;
}

/** The status of a kept row: "" once cleared, text named first, then why it is kept. */
function keptStatus(record: RealisationRecord, reason: string): string {
  if (isEmptyRealisation(record)) return "";
  return hasNonNumber(record) ? REALISATION_NOT_A_NUMBER : reason;
}

/** Parses a key back (for records without year and AGB code of their own). */
function keyParts(key: string): { agb: string; year: number } {
  const [agb, year] = key.split("|");
  return { agb, year: Number(year) };
}

/**
 * The rows of Realisatie: each practice of the budget year (the first line with an AGB code
 * takes its record), `freeRows` free rows, then every record no practice took (a practice gone,
 * or another budget year), kept until a person clears it.
 *
 * @example
 * realisationRows(params, budget, new Map(), 25).length // budget.lines.length + 25
 */
export function realisationRows(params: SchemeParameters, budget: BudgetYear, records: ReadonlyMap<string, RealisationRecord>, freeRows: number): RealisationRow[] {
  const taken = new Set<string>();
  const rows: RealisationRow[] = budget.lines.map((line, index) => {
    const agb = line.practice.agb;
    const key = realisationKey(agb, budget.year);
    const record = (!taken.has(key) && records.get(key)) || NO_REALISATION;
    taken.add(key);
    const figures = realisationFigures(params, budget, index, record);
    // The sheet names a row without AGB code "not found" once something is typed on it.
    const above = agb !== "" && figures.hoursYear.gt(figures.budgetHoursYear);
    const status = agb === "" ? (isEmptyRealisation(record) ? "" : REALISATION_NOT_FOUND) : practiceStatus(record, above);
    return { free: null, kept: false, year: budget.year, agb, name: line.practice.name, record, figures, status, above };
  });
  for (let i = 0; i < freeRows; i++) rows.push({ free: i, kept: false, year: budget.year, agb: "", name: "", record: NO_REALISATION, figures: null, status: "", above: false });
  const kept: RealisationRow[] = [];
  for (const [key, record] of records) {
    if (taken.has(key)) continue;
    const parts = keyParts(key);
    const year = record.year ?? parts.year;
    const reason = year === budget.year ? REALISATION_NOT_FOUND : otherYear(year);
    kept.push({ free: null, kept: true, year, agb: record.agb ?? parts.agb, name: record.name ?? "", record, figures: null, status: keptStatus(record, reason), above: false, reason });
  }
  kept.sort((a, b) => a.year - b.year);
  return [...rows, ...kept];
}
