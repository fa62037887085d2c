/**
 * The columns of Realisatie, A to AO, and the formulas of one row. Row `r` is row `r` of
 * Praktijken and of the budget year's Begroting (free rows included): every formula has the
 * same R1C1 on every data row, so the Office plan copies one row down the sheet. Each formula
 * is mirrored in src/core/realisation.ts.
 */
import { QUARTERS, type RealisationFigures, type RealisationRow, ABOVE_BUDGET, NOTHING_TYPED, PRACTICES_MOVED, REALISATION_NOT_A_NUMBER, REALISATION_NOT_FOUND, WITHIN_BUDGET } from "../core/realisation";
import type { Dec } from "../core/decimal";
import type { Typed } from "../core/payouts";
import { column, sheetRef } from "./a1";
import { budgetSheetName } from "./budget-sheet";
import { monthColumn } from "./budget-columns";
import { flatText } from "./flat-text";
import { FORMAT, hideZeros } from "./formats";
import { parametersLayout } from "./parameters-sheet";
import { practiceRef } from "./practices-sheet";
import type { Cell } from "./types";

const q = (label: string) => QUARTERS.map((k) => `${label} K${k}`);
export const REALISATION_HEADERS = [
  "Praktijk",
  "AGB-code",
  "Jaar",
  ...q("Uren"),
  ...q("Gefactureerd"),
  ...q("Begrote uren"),
  "Begrote uren jaar",
  "Uren jaar",
  ...q("Kosten"),
  "Kosten jaar",
  "Gemeente",
  "Zorgverzekeraar",
  ...q("Begroot"),
  "Begroot jaar",
  ...q("Verschil"),
  "Verschil jaar",
  ...q("Verschil %"),
  "Verschil % jaar",
  "Status",
  "Boven begroting (rij)",
];

/** 1-based column numbers of each group (the quarter columns follow the first). */
export const RCOL = { hours: 4, invoiced: 8, budgetHours: 12, budgetHoursYear: 16, hoursYear: 17, cost: 18, costYear: 22, municipality: 23, insurer: 24, budgetCost: 25, budgetCostYear: 29, difference: 30, differenceYear: 34, percent: 35, percentYear: 39, status: 40, above: 41 } as const;
const L = (col: number) => column(col);
export const STATUS_LETTER = L(RCOL.status);
export const ABOVE_LETTER = L(RCOL.above);
/** The typed columns (0-based): Uren K1 to Gefactureerd K4. */
export const REALISATION_MANUAL_COLUMNS = Array.from({ length: 8 }, (_, i) => RCOL.hours - 1 + i);
/** Columns summed in the totals row (the percentages and status are not). */
export const TOTAL_COLUMNS = Array.from({ length: RCOL.differenceYear - RCOL.hours + 1 }, (_, i) => RCOL.hours + i);

const num = (d: Dec | null): Scalar => (d === null ? "" : d.toNumber());
type Scalar = string | number;
const typedCell = (value: Typed, format: string): Cell | null => (value === null ? null : { value, format });

/**
 * The formulas of data row `r`, by 1-based column (the live identity of a free row, and the computed columns).
 *
 * @example
 * rowFormulas(5, 2026).get(RCOL.hoursYear) // "=ROUND(SUM(D5:G5),2)"
 */
export function rowFormulas(r: number, year: number): Map<number, string> {
  const b = sheetRef(budgetSheetName(year));
  const rate = parametersLayout.rateRef(0, "hourlyCost");
  const typed = `${L(RCOL.hours)}${r}:${L(RCOL.invoiced + 3)}${r}`;
  // Hours of weekly-hour months as the Begroting's Jaaruren computes them: ROUND(ROUND(…,10),2).
  const hoursOf = (from: number, to: number) => `ROUND(ROUND(SUM(${b}${monthColumn(from)}${r}:${monthColumn(to)}${r})*Weken_per_jaar/12,10),2)`;
  const cumulative = (k: number) => `ROUND(${hoursOf(1, 3 * k)}*${rate},2)`;
  const f = new Map<number, string>([
    [1, `=${practiceRef(r, "name")}&""`],
    [2, `=${practiceRef(r, "agb")}&""`],
    [3, "=$B$2"],
    [RCOL.budgetHoursYear, `=${b}J${r}`],
    [RCOL.hoursYear, `=ROUND(SUM(${L(RCOL.hours)}${r}:${L(RCOL.hours + 3)}${r}),2)`],
    [RCOL.costYear, `=ROUND(SUM(${L(RCOL.cost)}${r}:${L(RCOL.cost + 3)}${r}),2)`],
    [RCOL.municipality, `=ROUND(${L(RCOL.costYear)}${r}*Aandeel_gemeente,2)`],
    [RCOL.insurer, `=ROUND(${L(RCOL.costYear)}${r}-${L(RCOL.municipality)}${r},2)`],
    [RCOL.budgetCostYear, `=${b}K${r}`],
    [RCOL.differenceYear, `=ROUND(${L(RCOL.costYear)}${r}-${L(RCOL.budgetCostYear)}${r},2)`],
    [RCOL.percentYear, `=IF(${L(RCOL.budgetCostYear)}${r}=0,"",ROUND(${L(RCOL.differenceYear)}${r}/${L(RCOL.budgetCostYear)}${r},4))`],
    // A practice's row holds its AGB code as built (what was typed belongs to it, whatever happens on
    // Praktijken); when Praktijken's row r has another practice now, the Begroting figures are not its own.
    // COUNTA counts text and TRUE/FALSE, COUNT only numbers: text typed is named here, never #VALUE!.
    [
      RCOL.status,
      `=IF(B${r}="",IF(COUNTA(${typed})=0,"","${REALISATION_NOT_FOUND}"),IF(B${r}<>${practiceRef(r, "agb")}&"","${PRACTICES_MOVED}",IF(COUNTA(${typed})<>COUNT(${typed}),"${REALISATION_NOT_A_NUMBER}",IF(COUNTA(${typed})=0,"${NOTHING_TYPED}",IF(${L(RCOL.hoursYear)}${r}>${L(RCOL.budgetHoursYear)}${r},"${ABOVE_BUDGET}","${WITHIN_BUDGET}")))))`,
    ],
    [RCOL.above, `=IF(AND(B${r}<>"",${L(RCOL.hoursYear)}${r}>${L(RCOL.budgetHoursYear)}${r}),ROW(),"")`],
  ]);
  QUARTERS.forEach((k, i) => {
    const [hours, invoiced, cost, budget, difference] = [RCOL.hours, RCOL.invoiced, RCOL.cost, RCOL.budgetCost, RCOL.difference].map((c) => `${L(c + i)}${r}`);
    f.set(RCOL.budgetHours + i, `=${hoursOf(3 * k - 2, 3 * k)}`);
    // An invoiced amount, where typed, is the quarter's realised cost; else the hours at the year's rate.
    f.set(RCOL.cost + i, `=IF(ISNUMBER(${invoiced}),ROUND(${invoiced},2),IF(ISNUMBER(${hours}),ROUND(${hours}*${rate},2),0))`);
    // Telescoping over cumulative hours: the four quarters add up exactly to the Begroting's Formatiekosten.
    f.set(RCOL.budgetCost + i, k === 1 ? `=${cumulative(1)}` : `=ROUND(${cumulative(k)}-${cumulative(k - 1)},2)`);
    // A quarter with nothing typed yet has no difference (not yet realised is not under budget).
    f.set(RCOL.difference + i, `=IF(COUNTA(${hours},${invoiced})=0,"",ROUND(${cost}-${budget},2))`);
    f.set(RCOL.percent + i, `=IF(OR(${difference}="",${budget}=0),"",ROUND(${difference}/${budget},4))`);
  });
  return f;
}

/** Number format per 1-based column. @example columnFormat(RCOL.costYear) // FORMAT.money */
export function columnFormat(col: number): string | undefined {
  if (col === 2) return FORMAT.text;
  if (col === 3) return FORMAT.year;
  if ((col >= RCOL.hours && col < RCOL.invoiced) || (col >= RCOL.budgetHours && col <= RCOL.hoursYear)) return FORMAT.hours;
  if (col >= RCOL.percent && col <= RCOL.percentYear) return FORMAT.share;
  if (col === RCOL.above) return FORMAT.whole;
  return col >= RCOL.invoiced && col <= RCOL.differenceYear ? FORMAT.money : undefined;
}

/** The core's value per computed column of a practice's row. */
function results(row: RealisationRow, figures: RealisationFigures | null): Map<number, Scalar> {
  const z = (d: Dec | null | undefined) => (d === undefined ? 0 : num(d));
  const out = new Map<number, Scalar>([
    [1, row.name],
    [2, row.agb],
    [3, row.year],
    [RCOL.budgetHoursYear, z(figures?.budgetHoursYear)],
    [RCOL.hoursYear, z(figures?.hoursYear)],
    [RCOL.costYear, z(figures?.costYear)],
    [RCOL.municipality, z(figures?.municipality)],
    [RCOL.insurer, z(figures?.insurer)],
    [RCOL.budgetCostYear, z(figures?.budgetCostYear)],
    [RCOL.differenceYear, z(figures?.differenceYear)],
    [RCOL.percentYear, figures ? num(figures.percentYear) : ""],
    [RCOL.status, row.status],
    [RCOL.above, row.above ? 0 : ""],
  ]);
  QUARTERS.forEach((_, i) => {
    out.set(RCOL.budgetHours + i, z(figures?.budgetHours[i]));
    out.set(RCOL.cost + i, z(figures?.cost[i]));
    out.set(RCOL.budgetCost + i, z(figures?.budgetCost[i]));
    out.set(RCOL.difference + i, figures ? num(figures.difference[i]) : "");
    out.set(RCOL.percent + i, figures ? num(figures.percent[i]) : "");
  });
  return out;
}

/**
 * The cells of data row `r` (a practice or a free row): the formulas with the core's values,
 * and the typed cells as the controller left them. Free rows hide their zeros.
 *
 * @example
 * dataRowCells(rows[0], 5, 2025)[RCOL.status - 1]?.result // "Nog niets ingevuld"
 */
export function dataRowCells(row: RealisationRow, r: number, year: number): (Cell | null)[] {
  const formulas = rowFormulas(r, year);
  const values = results(row, row.figures);
  const fmt = (col: number) => (row.free === null ? columnFormat(col) : hideZeros(columnFormat(col)));
  return REALISATION_HEADERS.map((_, i): Cell | null => {
    const col = i + 1;
    if (col >= RCOL.hours && col < RCOL.budgetHours) {
      const quarter = (col - RCOL.hours) % 4;
      return typedCell(col < RCOL.invoiced ? row.record.hours[quarter] : row.record.invoiced[quarter], columnFormat(col)!);
    }
    // A practice's name and AGB code are constants, as on Uitbetalingen: what is typed stays with its
    // practice when Praktijken is re-sorted or a row removed before a rebuild. A free row shows Praktijken live.
    if (col <= 2 && row.free === null) return col === 1 ? { value: row.name } : { value: row.agb, format: FORMAT.text };
    const value = col === RCOL.above && row.above ? r : values.get(col)!;
    return { formula: flatText(formulas.get(col)!), result: value, format: fmt(col) };
  });
}

/**
 * A kept row (a practice or year the budget year no longer has): as it stood, typed cells and a status; nothing computed.
 *
 * @example
 * keptRowCells(keptRow, 45)[RCOL.status - 1]?.result // "Praktijk niet gevonden"
 */
export function keptRowCells(row: RealisationRow, r: number): (Cell | null)[] {
  const typed = `${L(RCOL.hours)}${r}:${L(RCOL.invoiced + 3)}${r}`;
  const cells: (Cell | null)[] = REALISATION_HEADERS.map(() => null);
  cells[0] = { value: row.name };
  cells[1] = { value: row.agb, format: FORMAT.text };
  cells[2] = { value: row.year, format: FORMAT.year };
  row.record.hours.forEach((v, i) => (cells[RCOL.hours - 1 + i] = typedCell(v, FORMAT.hours)));
  row.record.invoiced.forEach((v, i) => (cells[RCOL.invoiced - 1 + i] = typedCell(v, FORMAT.money)));
  cells[RCOL.status - 1] = { formula: `=IF(COUNTA(${typed})=0,"",IF(COUNTA(${typed})<>COUNT(${typed}),"${REALISATION_NOT_A_NUMBER}","${row.reason ?? REALISATION_NOT_FOUND}"))`, result: row.status };
  return cells;
}
