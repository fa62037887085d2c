import type { BudgetYear } from "../core/budget";
import { cents, Dec, sum } from "../core/decimal";
import type { SchemeParameters } from "../core/parameters";
import { ABOVE_BUDGET, PRACTICES_MOVED, realisationRows, REALISATION_NOT_A_NUMBER, REALISATION_NOT_FOUND, WITHIN_BUDGET, type RealisationRecord, type RealisationRow } from "../core/realisation";
import { column, range } from "./a1";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import { FIRST_DATA_ROW, freeRowCount } from "./practices-sheet";
import { columnFormat, dataRowCells, keptRowCells, RCOL, REALISATION_HEADERS, REALISATION_MANUAL_COLUMNS, STATUS_LETTER, TOTAL_COLUMNS } from "./realisation-columns";
import type { SheetDescription, Validation } from "./types";

export const REALISATION_SHEET = "Realisatie";
const HEADER_ROW = FIRST_DATA_ROW - 1;
/** Column A labels of rows that are no realisation (a read-back skips them). */
export const REALISATION_LABELS = { total: "Totaal", kept: "Bewaard: praktijk of jaar niet in de begroting" } as const;

/**
 * The rows as the sheet lays them out: the budget year's practices, the free rows (as many as
 * Praktijken has), then the kept rows. Realisatie and Controle both use this one.
 *
 * @example
 * sheetRealisation(params, budget, new Map()).length // practices + free rows
 */
export function sheetRealisation(params: SchemeParameters, budget: BudgetYear, records: ReadonlyMap<string, RealisationRecord>): RealisationRow[] {
  return realisationRows(params, budget, records, freeRowCount(budget.lines.length));
}

/**
 * Where the data rows end, the totals stand and the kept rows begin (after a title row).
 *
 * @example
 * realisationLayout(rows) // { first: 5, dataLast: 41, totalRow: 42, keptTitle: 44, keptFirst: 45, last: 44 + kept }
 */
export function realisationLayout(rows: readonly RealisationRow[]) {
  const data = rows.filter((r) => !r.kept).length;
  const kept = rows.length - data;
  const dataLast = FIRST_DATA_ROW + data - 1;
  const totalRow = dataLast + 1;
  const keptTitle = totalRow + 2;
  return { first: FIRST_DATA_ROW, dataLast, totalRow, keptTitle, keptFirst: keptTitle + 1, kept, last: kept > 0 ? keptTitle + kept : totalRow };
}

/** The sheet row of each row of `rows` (kept rows below the totals). @example sheetRowOf(rows)[0] // 5 */
export function sheetRowOf(rows: readonly RealisationRow[]): number[] {
  const layout = realisationLayout(rows);
  let kept = 0;
  return rows.map((r, i) => (r.kept ? layout.keptFirst + kept++ : FIRST_DATA_ROW + i));
}

/** The core's column sums of the data rows, by 1-based column (what ROUND(SUM(…),2) gives). */
function totals(rows: readonly RealisationRow[]): Map<number, number> {
  const out = new Map<number, number>();
  const data = rows.filter((r) => !r.kept);
  const typedSum = (pick: (r: RealisationRow) => unknown) => cents(sum(data.map((r) => pick(r)).filter((v): v is number => typeof v === "number"))).toNumber();
  for (let k = 0; k < 4; k++) {
    out.set(RCOL.hours + k, typedSum((r) => r.record.hours[k]));
    out.set(RCOL.invoiced + k, typedSum((r) => r.record.invoiced[k]));
  }
  const f = (pick: (fig: NonNullable<RealisationRow["figures"]>) => Dec | null) => typedSum((r) => (r.figures ? pick(r.figures)?.toNumber() : null));
  for (let k = 0; k < 4; k++) {
    out.set(RCOL.budgetHours + k, f((x) => x.budgetHours[k]));
    out.set(RCOL.cost + k, f((x) => x.cost[k]));
    out.set(RCOL.budgetCost + k, f((x) => x.budgetCost[k]));
    out.set(RCOL.difference + k, f((x) => x.difference[k]));
  }
  const singles: [number, (x: NonNullable<RealisationRow["figures"]>) => Dec][] = [
    [RCOL.budgetHoursYear, (x) => x.budgetHoursYear],
    [RCOL.hoursYear, (x) => x.hoursYear],
    [RCOL.costYear, (x) => x.costYear],
    [RCOL.municipality, (x) => x.municipality],
    [RCOL.insurer, (x) => x.insurer],
    [RCOL.budgetCostYear, (x) => x.budgetCostYear],
    [RCOL.differenceYear, (x) => x.differenceYear],
  ];
  for (const [col, pick] of singles) out.set(col, f(pick));
  return out;
}

/**
 * Realisatie: per practice of the budget year the hours delivered per quarter (typed, or the
 * amount invoiced), against the hours and formation cost the Begroting budgeted, with the
 * municipality's and insurer's parts and the difference in euros and percent. `records` are the
 * typed values of an earlier build, by AGB code + year; those no practice takes any more stay
 * as rows at the bottom until a person clears them.
 *
 * @example
 * describeRealisation(params, budgets[0], new Map()).name // "Realisatie"
 */
export function describeRealisation(params: SchemeParameters, budget: BudgetYear, records: ReadonlyMap<string, RealisationRecord> = new Map()): SheetDescription {
  const rows = sheetRealisation(params, budget, records);
  const layout = realisationLayout(rows);
  const { first, dataLast, totalRow, keptTitle, last } = layout;
  const width = REALISATION_HEADERS.length;
  const grid = new Grid();
  grid.set(1, 1, text(`Realisatie POH-GGZ Jeugd ${budget.year}`));
  grid.setRow(2, 1, [text("Jaar"), { value: budget.year, format: FORMAT.year }]);
  grid.set(
    3,
    1,
    text(
      "Typ per kwartaal de geleverde uren, of het gefactureerde bedrag waar dat bekend is (dat is dan de realisatie van dat kwartaal). Begroot komt van de Begroting van dit jaar; de gele cellen blijven bewaard bij opnieuw opbouwen. " +
        `Ingevulde realisatie van een praktijk die niet meer op Praktijken staat, of van een ander begrotingsjaar, blijft onderaan staan tot u de gele cellen leegmaakt.`,
    ),
  );
  grid.setRow(HEADER_ROW, 1, REALISATION_HEADERS.map(text));
  const rowOf = sheetRowOf(rows);
  rows.forEach((row, i) => grid.setRow(rowOf[i], 1, row.kept ? keptRowCells(row, rowOf[i]) : dataRowCells(row, rowOf[i], budget.year)));
  const sums = totals(rows);
  grid.set(totalRow, 1, text(REALISATION_LABELS.total));
  for (const col of TOTAL_COLUMNS) {
    const letter = column(col);
    grid.set(totalRow, col, { formula: `=ROUND(SUM(${letter}${first}:${letter}${dataLast}),2)`, result: sums.get(col)!, format: columnFormat(col) });
  }
  const [budgetYearCell, differenceCell] = [column(RCOL.budgetCostYear), column(RCOL.differenceYear)].map((l) => `${l}${totalRow}`);
  const budgetTotal = new Dec(sums.get(RCOL.budgetCostYear)!);
  grid.set(totalRow, RCOL.percentYear, {
    formula: `=IF(${budgetYearCell}=0,"",ROUND(${differenceCell}/${budgetYearCell},4))`,
    result: budgetTotal.isZero() ? "" : new Dec(sums.get(RCOL.differenceYear)!).div(budgetTotal).toDecimalPlaces(4).toNumber(),
    format: FORMAT.share,
  });
  if (layout.kept > 0) grid.set(keptTitle, 1, text(REALISATION_LABELS.kept));
  const columnWidths = headerWidths(REALISATION_HEADERS, REALISATION_HEADERS.map((_, i) => (i === 0 ? 30 : i === 1 ? 11 : i === 2 ? 7 : i === RCOL.status - 1 ? 22 : 11)));
  const typedRange = (top: number, bottom: number) => range(top, RCOL.hours, bottom, RCOL.hours + 7);
  const blocks: [number, number][] = [[first, dataLast], ...(layout.kept > 0 ? [[layout.keptFirst, last] as [number, number]] : [])];
  const statusRange = range(first, RCOL.status, last, RCOL.status);
  const s = `${STATUS_LETTER}${first}`;
  return {
    name: REALISATION_SHEET,
    kind: "realisation",
    cells: grid.build(width),
    columnWidths,
    frozenRows: HEADER_ROW,
    frozenColumns: 3,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:B2", style: "subtitle" },
      { range: "A3", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, width), style: "header" },
      ...blocks.map(([top, bottom]) => ({ range: typedRange(top, bottom), style: "input" as const })),
      { range: range(totalRow, 1, totalRow, width), style: "total" },
      ...(layout.kept > 0 ? [{ range: `A${keptTitle}`, style: "subtitle" as const }] : []),
    ],
    validations: blocks.flatMap(([top, bottom]) => realisationValidations(top, bottom)),
    conditionalFormats: [
      { range: statusRange, formula: `OR(${s}="${REALISATION_NOT_A_NUMBER}",${s}="${ABOVE_BUDGET}",${s}="${REALISATION_NOT_FOUND}",${s}="${PRACTICES_MOVED}",LEFT(${s},11)="Realisatie ")`, style: "bad" },
      { range: statusRange, formula: `${s}="${WITHIN_BUDGET}"`, style: "ok" },
    ],
    charts: [],
    inputRanges: blocks.map(([top, bottom]) => typedRange(top, bottom)),
    manualColumns: REALISATION_MANUAL_COLUMNS,
    firstDataRow: first,
    // Four parts on paper, each with practice, AGB code and year: what is typed (to Gefactureerd
    // K4), hours and realised cost (to Zorgverzekeraar), budget and difference in euros (to
    // Verschil jaar), then the percentages and the status.
    print: printSetup(columnWidths, { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, titleColumns: 3, breaks: [RCOL.invoiced + 3, RCOL.insurer, RCOL.differenceYear], area: range(1, 1, last, width) }),
  };
}

/** Hours are a number of 0 or more; an amount invoiced a number (Dutch messages). */
function realisationValidations(top: number, bottom: number): Validation[] {
  return [
    {
      range: range(top, RCOL.hours, bottom, RCOL.hours + 3),
      kind: "decimal",
      min: 0,
      max: 100_000,
      title: "Uren",
      prompt: "Geleverde uren in het kwartaal, een getal (bijvoorbeeld 96,5).",
      error: "Uren: typ het aantal geleverde uren als getal, 0 of meer (bijvoorbeeld 96,5).",
    },
    {
      range: range(top, RCOL.invoiced, bottom, RCOL.invoiced + 3),
      kind: "decimal",
      min: -1e9,
      max: 1e9,
      title: "Gefactureerd",
      prompt: "Gefactureerd bedrag in euro's, waar bekend (bijvoorbeeld 7250,50). Leeg: uren × uurtarief.",
      error: "Gefactureerd: typ een bedrag als getal, bijvoorbeeld 7250,50 (geen “€” of “,-”).",
    },
  ];
}
