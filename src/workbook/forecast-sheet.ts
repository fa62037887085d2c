import type { BudgetYear } from "../core/budget";
import { cents, Dec, sum } from "../core/decimal";
import { parametersLayout } from "./parameters-sheet";
import { column, range, sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import type { Cell, SheetDescription } from "./types";

export const FORECAST_SHEET = "Meerjarenraming";
const HEADER_ROW = 4;
/** The formula columns of the Meerjarenraming: A (year) to J (structural), K and L (the available budget and the room it leaves). */
export const FORECAST_COLUMNS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"] as const;
/** The last column of the first printed part: Jaar to Compensatie overhead. */
const COSTS_PART_END = 7;
/** Issue 11.4: the municipality's need (Totaal gemeente), its available budget and the room left. */
export const COVERAGE_COLUMNS = { need: "H", budget: "K", room: "L" } as const;

/** The rows of the years on the Meerjarenraming. @example forecastRows(4) // { first: 5, last: 8 } */
export const forecastRows = (yearCount: number) => ({ first: HEADER_ROW + 1, last: HEADER_ROW + yearCount });

/**
 * The available budget of year `offset` (read from Uitgangspunten, "" when none is typed or it is
 * no number: Controle names that) and the room it leaves after the municipality's total.
 */
function coverageCells(row: number, offset: number, year: BudgetYear, line: string | undefined): Cell[] {
  const typed = parametersLayout.budgetLineRef(offset);
  const { need, budget } = COVERAGE_COLUMNS;
  return [
    { formula: `=IF(ISNUMBER(${typed}),${typed},"")`, result: line === undefined ? "" : Number(line), format: FORMAT.money },
    { formula: `=IF(${budget}${row}="","",ROUND(${budget}${row}-${need}${row},2))`, result: line === undefined ? "" : cents(new Dec(line).minus(year.totals.municipalityTotal)).toNumber(), format: FORMAT.money },
  ];
}

/**
 * Meerjarenraming: per year of the forecast the totals of its Begroting sheet (indexed rates),
 * the municipality's costs split into incidental and structural, and a chart by funder.
 */
export function describeForecast(years: readonly BudgetYear[], practiceCount: number, budgetLines: Readonly<Record<number, string>> = {}): SheetDescription {
  const { totalRow, summaryTop } = budgetLayout(practiceCount);
  const grid = new Grid();
  grid.set(1, 1, text("Meerjarenraming POH-GGZ Jeugd"));
  grid.set(2, 1, text("Per jaar de totalen van het tabblad Begroting van dat jaar, met loon- en prijsindexatie."));
  // NOP: the costs are covered "binnen het huidige budget van de meerjarige begroting".
  grid.set(3, 1, text("Beschikbaar budget: getypt op Uitgangspunten; Ruimte negatief = kosten boven het budget."));
  const headers = ["Jaar", "Uren per week", "Formatiekosten", "Gemeente: formatie", "Zorgverzekeraar: formatie", "Overhead", "Compensatie overhead", "Totaal gemeente", "waarvan incidenteel", "waarvan structureel", "Beschikbaar budget", "Ruimte (budget − totaal)"];
  grid.setRow(HEADER_ROW, 1, headers.map(text));
  years.forEach((year, i) => {
    const row = HEADER_ROW + 1 + i;
    const ref = (address: string) => `=${sheetRef(budgetSheetName(year.year))}${address}`;
    const t = year.totals;
    const cells: Cell[] = [
      { formula: ref("B2"), result: year.year, format: FORMAT.year },
      { formula: ref(`${BUDGET_COLUMN.weeklyHours}${totalRow}`), result: t.weeklyHours.toNumber(), format: FORMAT.hours },
      { formula: ref(`${BUDGET_COLUMN.formationCost}${totalRow}`), result: t.formationCost.toNumber(), format: FORMAT.money },
      { formula: ref(`${BUDGET_COLUMN.municipality}${totalRow}`), result: t.municipalityPart.toNumber(), format: FORMAT.money },
      { formula: ref(`${BUDGET_COLUMN.insurer}${totalRow}`), result: t.insurerPart.toNumber(), format: FORMAT.money },
      { formula: ref(`${BUDGET_COLUMN.overhead}${totalRow}`), result: t.overhead.toNumber(), format: FORMAT.money },
      { formula: ref(`${BUDGET_COLUMN.compensation}${totalRow}`), result: t.compensation.toNumber(), format: FORMAT.money },
      { formula: ref(`B${summaryTop + 2}`), result: t.municipalityTotal.toNumber(), format: FORMAT.money },
      { formula: ref(`B${summaryTop + 3}`), result: t.incidental.toNumber(), format: FORMAT.money },
      { formula: ref(`B${summaryTop + 4}`), result: t.structural.toNumber(), format: FORMAT.money },
      ...coverageCells(row, i, year, budgetLines[year.year]),
    ];
    grid.setRow(row, 1, cells);
  });
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + years.length;
  const totalRowHere = last + 1;
  grid.set(totalRowHere, 1, text("Totaal"));
  const sumOf = (key: "formationCost" | "municipalityPart" | "insurerPart" | "overhead" | "compensation" | "municipalityTotal" | "incidental" | "structural") =>
    sum(years.map((y) => y.totals[key])).toNumber();
  const totalKeys = [null, null, "formationCost", "municipalityPart", "insurerPart", "overhead", "compensation", "municipalityTotal", "incidental", "structural"] as const;
  totalKeys.forEach((key, i) => {
    if (!key) return;
    const letter = column(i + 1);
    grid.set(totalRowHere, i + 1, { formula: `=ROUND(SUM(${letter}${first}:${letter}${last}),2)`, result: sumOf(key), format: FORMAT.money });
  });
  const columnWidths = headerWidths(headers, [8, 10, 14, 14, 14, 13, 14, 14, 14, 14, 14, 16]);
  const own = (col: string) => `${sheetRef(FORECAST_SHEET)}$${col}$${first}:$${col}$${last}`;
  return {
    name: FORECAST_SHEET,
    kind: "forecast",
    cells: grid.build(headers.length),
    columnWidths,
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:A3", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, headers.length), style: "header" },
      { range: range(totalRowHere, 1, totalRowHere, headers.length), style: "total" },
    ],
    validations: [],
    conditionalFormats: [{ range: range(first, 12, last, 12), formula: `AND(ISNUMBER(L${first}),L${first}<0)`, style: "bad" }],
    charts: [
      {
        // The municipality's two parts at the bottom of each column and its total as a line,
        // so its total is read off at once; the value axis starts at 0 (renderers).
        title: "Kosten POH-GGZ Jeugd per jaar: gemeente en zorgverzekeraar",
        valueAxisTitle: "Euro per jaar",
        type: "columnStacked",
        categories: own("A"),
        series: [
          { name: "Gemeente: formatie", values: own("D") },
          { name: "Gemeente: compensatie overhead", values: own("G") },
          { name: "Zorgverzekeraar: formatie", values: own("E") },
          { name: "Totaal gemeente", values: own("H"), line: true },
        ],
        // On the first printed part (the costs, B–G): not in column A, which repeats on every page.
        anchor: { cell: `B${totalRowHere + 3}`, columns: COSTS_PART_END - 1, rows: 20 },
      },
    ],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: first,
    // Two parts on paper: the costs by funder (with the chart), then the municipality's total and its coverage.
    print: printSetup(columnWidths, { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, titleColumns: 1, breaks: [COSTS_PART_END] }),
  };
}
