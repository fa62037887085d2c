/**
 * Zorgverzekeraar *jaar* (issue 11.3): the statement the municipality sends the insurer to
 * reconcile their split of the formation (NOP: "Noordoostpolder en Zilveren Kruis hanteren een
 * 50/50 verdeling"), per practice and per employer of the POH, from that year's Begroting.
 */
import type { BudgetLine, BudgetYear } from "../core/budget";
import { sum } from "../core/decimal";
import { employerTotals, type EmployerTotal } from "../core/insurer";
import { payee } from "../core/types";
import { column, range, sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT, hideZeros } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import { FIRST_DATA_ROW, PRACTICE_COLUMNS, practiceRef, PRACTICES_SHEET } from "./practices-sheet";
import type { Cell, Scalar, SheetDescription } from "./types";

/** @example insurerSheetName(2026) // "Zorgverzekeraar 2026" */
export const insurerSheetName = (year: number): string => `Zorgverzekeraar ${year}`;

const HEADER_ROW = 4;
export const INSURER_HEADERS = ["Praktijk", "AGB-code", "Werkgever POH", "Jaaruren", "Formatiekosten", "Aandeel zorgverzekeraar", "Aandeel gemeente"];
/** The statement's columns: the employer in C, the figures D (hours) to G (municipality). */
export const INSURER_COLUMN = { employer: "C", annualHours: "D", formationCost: "E", insurer: "F", municipality: "G" } as const;
const EMPLOYER_HEADERS = ["Werkgever", "Praktijken", "", "Jaaruren", "Formatiekosten", "Aandeel zorgverzekeraar", "Aandeel gemeente"];

/**
 * Where the rows stand on a statement with `practiceCount` practices and `employerCount`
 * employers: one row per Praktijken data row (row r is Begroting row r, free rows included),
 * the total, then the block "Per werkgever" and its total.
 *
 * @example insurerLayout(12, 10).totalRow // 42, as on the Begroting
 */
export function insurerLayout(practiceCount: number, employerCount: number) {
  const { totalRow } = budgetLayout(practiceCount);
  const blockTitleRow = totalRow + 2;
  const firstEmployerRow = blockTitleRow + 2;
  // One (empty) row when there are no employers, so every range stays well-formed.
  const lastEmployerRow = firstEmployerRow + Math.max(1, employerCount) - 1;
  // Then the practices typed on free rows of Praktijken without an employer (their own): they count at once, no rebuild needed.
  const newPracticesRow = lastEmployerRow + 1;
  return { totalRow, lastLine: totalRow - 1, blockTitleRow, blockHeaderRow: blockTitleRow + 1, firstEmployerRow, lastEmployerRow, newPracticesRow, blockTotalRow: newPracticesRow + 1 };
}

/** The last row of the block: practices typed on free rows since the build, each its own employer. */
export const NEW_PRACTICES_LABEL = "Nieuwe praktijken op vrije rijen (eigen werkgever)";

/** Begroting column J, Jaaruren (budget-columns.ts): the weekly hours of the months × weeks / 12. */
const ANNUAL_HOURS = "J";
/** A figure of the statement: its Begroting column, the line's value, and its format. */
const FIGURES = [
  { column: ANNUAL_HOURS, value: (l: BudgetLine) => l.annualHours, format: FORMAT.hours },
  { column: BUDGET_COLUMN.formationCost, value: (l: BudgetLine) => l.formationCost, format: FORMAT.money },
  { column: BUDGET_COLUMN.insurer, value: (l: BudgetLine) => l.insurerPart, format: FORMAT.money },
  { column: BUDGET_COLUMN.municipality, value: (l: BudgetLine) => l.municipalityPart, format: FORMAT.money },
] as const;
const EMPLOYER_FIGURES = ["annualHours", "formationCost", "insurerPart", "municipalityPart"] as const satisfies readonly (keyof EmployerTotal)[];

/**
 * The statement of one year: per Praktijken row its practice, AGB code, employer (blank on
 * Praktijken = the practice itself), annual hours, formation cost and both parts, all read
 * from Begroting *jaar*, so a practice typed on a free row appears on recalculation; the
 * totals; and per employer known at the build the same sums (a new employer needs a rebuild:
 * Controle says so).
 *
 * @example
 * describeInsurerStatement(forecast(params, practices, 2026, 1)[0], practices.length).name // "Zorgverzekeraar 2026"
 */
export function describeInsurerStatement(budget: BudgetYear, practiceCount: number): SheetDescription {
  const employers = employerTotals(budget.lines);
  const layout = insurerLayout(practiceCount, employers.length);
  const { totalRow, lastLine, blockTitleRow, blockHeaderRow, firstEmployerRow, blockTotalRow } = layout;
  const b = sheetRef(budgetSheetName(budget.year));
  const grid = new Grid();
  grid.set(1, 1, text(`Overzicht zorgverzekeraar POH-GGZ Jeugd ${budget.year}`));
  // Two short lines rather than one long one: a note is not wrapped, and a printed page is cut at its right edge.
  grid.set(2, 1, text(`Voor de afstemming met de zorgverzekeraar: zijn deel van de formatie per praktijk, uit ${budgetSheetName(budget.year)} (NOP: 50/50 met Zilveren Kruis).`));
  grid.set(3, 1, text("Werkgever leeg op Praktijken = de praktijk zelf. Een nieuwe werkgever komt na opnieuw opbouwen in het overzicht per werkgever; Controle meldt het."));
  grid.setRow(HEADER_ROW, 1, INSURER_HEADERS.map(text));
  for (let r = FIRST_DATA_ROW; r < totalRow; r++) {
    const line = budget.lines[r - FIRST_DATA_ROW] as BudgetLine | undefined;
    // A free row shows nothing until a practice is typed there (its zeros as empty cells).
    const format = (f: string) => (line ? f : hideZeros(f));
    const figure = (column: string, value: Scalar, f: string): Cell => ({ formula: `=${b}${column}${r}`, result: value, format: format(f) });
    const employer = practiceRef(r, "employer");
    grid.setRow(r, 1, [
      { formula: `=${b}A${r}`, result: line?.practice.name ?? "" },
      { formula: `=${b}B${r}`, result: line?.practice.agb ?? "" },
      // NOP: the practice that employs the POH for the others; blank = the practice itself.
      { formula: `=IF(${employer}="",${practiceRef(r, "name")}&"",${employer}&"")`, result: line ? payee(line.practice) : "" },
      ...FIGURES.map((f) => figure(f.column, line ? f.value(line).toNumber() : 0, f.format)),
    ]);
  }
  const t = budget.totals;
  const totals = [t.annualHours, t.formationCost, t.insurerPart, t.municipalityPart];
  const sumOf = (col: string, first: number, last: number, result: number, format: string): Cell => ({ formula: `=ROUND(SUM(${col}${first}:${col}${last}),2)`, result, format });
  const figureColumns = [INSURER_COLUMN.annualHours, INSURER_COLUMN.formationCost, INSURER_COLUMN.insurer, INSURER_COLUMN.municipality];
  grid.set(totalRow, 1, text("Totaal"));
  figureColumns.forEach((col, i) => grid.set(totalRow, 4 + i, sumOf(col, FIRST_DATA_ROW, lastLine, totals[i].toNumber(), FIGURES[i].format)));

  grid.set(blockTitleRow, 1, text("Per werkgever"));
  grid.setRow(blockHeaderRow, 1, EMPLOYER_HEADERS.map((h) => (h === "" ? null : text(h))));
  const lines = (col: string) => `$${col}$${FIRST_DATA_ROW}:$${col}$${lastLine}`;
  employers.forEach((e, i) => {
    const row = firstEmployerRow + i;
    // SUMPRODUCT with "=", not SUMIF: a name with * ? ~ or starting with < > = is no pattern here.
    const matches = `(${lines(INSURER_COLUMN.employer)}=$A${row})`;
    grid.setRow(row, 1, [
      text(e.employer),
      { formula: `=SUMPRODUCT(${matches}*(${lines("A")}<>""))`, result: e.practices, format: FORMAT.whole },
      null,
      ...EMPLOYER_FIGURES.map((key, k): Cell => ({ formula: `=ROUND(SUMPRODUCT(${matches}*${lines(figureColumns[k])}),2)`, result: e[key].toNumber(), format: FIGURES[k].format })),
    ]);
  });
  // The free rows (nothing on them at the build): a practice typed there with its employer blank is its own employer.
  const free = (col: string) => `$${col}$${FIRST_DATA_ROW + practiceCount}:$${col}$${lastLine}`;
  const ownEmployer = `(${PRACTICES_SHEET}!${free(column(PRACTICE_COLUMNS.employer))}="")`;
  grid.setRow(layout.newPracticesRow, 1, [
    text(NEW_PRACTICES_LABEL),
    { formula: `=SUMPRODUCT(${ownEmployer}*(${free("A")}<>""))`, result: 0, format: FORMAT.whole },
    null,
    ...figureColumns.map((col, k): Cell => ({ formula: `=ROUND(SUMPRODUCT(${ownEmployer}*${free(col)}),2)`, result: 0, format: FIGURES[k].format })),
  ]);
  grid.set(blockTotalRow, 1, text("Totaal per werkgever"));
  const blockTotal = (key: (typeof EMPLOYER_FIGURES)[number]) => sum(employers.map((e) => e[key])).toNumber();
  figureColumns.forEach((col, i) => grid.set(blockTotalRow, 4 + i, sumOf(col, firstEmployerRow, layout.newPracticesRow, blockTotal(EMPLOYER_FIGURES[i]), FIGURES[i].format)));

  const width = INSURER_HEADERS.length;
  const columnWidths = headerWidths(INSURER_HEADERS, [30, 11, 30, 10, 14, 15, 14]);
  return {
    name: insurerSheetName(budget.year),
    kind: "insurer",
    cells: grid.build(width),
    columnWidths,
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:A3", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, width), style: "header" },
      { range: range(totalRow, 1, totalRow, width), style: "total" },
      { range: `A${blockTitleRow}`, style: "subtitle" },
      { range: range(blockHeaderRow, 1, blockHeaderRow, width), style: "header" },
      { range: range(blockTotalRow, 1, blockTotalRow, width), style: "total" },
    ],
    validations: [],
    conditionalFormats: [],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: FIRST_DATA_ROW,
    // A4 landscape, the header row and the practice's name on every page.
    print: printSetup(columnWidths, { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, titleColumns: 1 }),
  };
}
