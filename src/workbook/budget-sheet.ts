import type { BudgetYear } from "../core/budget";
import { absolute, column, range } from "./a1";
import { blockCell, budgetColumns, FIRST_MONTH_COLUMN, monthColumn, MONTH_NAMES } from "./budget-columns";
import { flatText } from "./flat-text";
import { FORMAT, hideZeros } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import { dataRowCount, FIRST_DATA_ROW } from "./practices-sheet";
import type { Cell, SheetDescription } from "./types";

/** @example budgetSheetName(2025) // "Begroting 2025" */
export const budgetSheetName = (year: number): string => `Begroting ${year}`;

/** The year cell of a Begroting sheet: every formula of the sheet reads its year here. */
const YEAR_CELL = absolute(2, 2);
/** The labels of the capacity block's rows, under "Herverdeling per maand". */
const BLOCK_ROWS = ["Recht op uren per week", "Toegekend (uren per week)", "Ingekort door herverdeling", "Maand met herverdeling"] as const;

/**
 * Where the totals, the summary and the capacity block stand on a Begroting sheet with
 * `practiceCount` practices (the free rows come before the totals).
 */
export function budgetLayout(practiceCount: number) {
  const totalRow = FIRST_DATA_ROW + dataRowCount(practiceCount);
  const summaryTop = totalRow + 2;
  const monthTop = summaryTop + 8;
  return {
    totalRow,
    summaryTop,
    /** Header row of "Herverdeling per maand": its months under the month columns (W to AH), so they print with them. */
    monthTop,
    monthEntitledRow: monthTop + 1,
    monthAllocatedRow: monthTop + 2,
    monthCutRow: monthTop + 3,
    /** The month number where redistribution applies, "" where it does not. */
    monthAppliesRow: monthTop + 4,
    /** Under every column of the practice rows: how many of its cells are no formula (typed over), … */
    formulaCountRow: monthTop + 7,
    /** … the first such row, … */
    formulaFirstRow: monthTop + 8,
    /** … and the column's number when it has one (MIN gives Controle the first). */
    formulaColumnRow: monthTop + 9,
  };
}

/**
 * The last column of each printed part of a Begroting, after the practice's name: hours (to J,
 * Jaaruren), formation and overhead (to R, Overhead), compensation and payout (to V); then the months.
 */
export const BUDGET_PARTS = { hours: 10, costs: 18, compensation: 22 } as const;

const PART_TITLES: [number, string][] = [
  [2, "Uren"],
  [BUDGET_PARTS.hours + 1, "Formatie en overhead"],
  [BUDGET_PARTS.costs + 1, "Compensatie en uitbetaling"],
];

export const BUDGET_COLUMN = { weeklyHours: "I", formationCost: "K", municipality: "L", insurer: "M", overhead: "R", compensation: "T", payoutDue: "U", incidental: "V", firstMonth: monthColumn(1), lastMonth: monthColumn(12) } as const;

/**
 * Begroting *year*: per practice every step from patients to compensation and payout date,
 * the totals, and the municipality's costs split into incidental and structural (BBV).
 */
export function describeBudget(budget: BudgetYear, offset: number, practiceCount: number, capacityHours: string): SheetDescription {
  const layout = budgetLayout(practiceCount);
  const { totalRow, summaryTop, monthTop } = layout;
  const cols = budgetColumns({ offset, yearCell: YEAR_CELL, monthEntitled: (m) => blockCell(layout.monthEntitledRow, m), months: budget.months, capacity: capacityHours });
  const grid = new Grid();
  grid.set(1, 1, text(`Begroting POH-GGZ Jeugd ${budget.year}`));
  // A constant, as the sheet's name and title are: another budget year comes with a rebuild (issue 8).
  grid.setRow(2, 1, [text("Jaar"), { value: budget.year, format: FORMAT.year }]);
  // Each printed part (BUDGET_PARTS) says what it holds above its first column.
  PART_TITLES.forEach(([col, title]) => grid.set(3, col, text(title)));
  grid.set(3, FIRST_MONTH_COLUMN, text("Uren per week per maand, na herverdeling (NOP: capaciteit per maand)"));
  grid.setRow(4, 1, cols.map((col) => text(col.header)));
  budget.lines.forEach((line, i) => {
    const r = FIRST_DATA_ROW + i;
    grid.setRow(r, 1, cols.map((col): Cell => ({ formula: flatText(col.formula(r)), result: col.result(line), format: col.format })));
  });
  // The free rows: the same formulas on empty Praktijken rows, so a practice typed there counts on
  // recalculation; their zeros show as nothing (a rebuild gives a practice typed there the usual formats).
  for (let r = FIRST_DATA_ROW + budget.lines.length; r < totalRow; r++) grid.setRow(r, 1, cols.map((col): Cell => ({ formula: flatText(col.formula(r)), result: col.blank, format: hideZeros(col.format) })));

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
  budget.months.forEach((m, i) => (totalResult[monthColumn(i + 1)] = m.allocated.toNumber()));
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
  describeCapacityBlock(grid, budget, layout);
  const width = cols.length;
  describeFormulaCheck(grid, layout, width);
  // Never exactly 9: ExcelJS takes a width of 9 for its default and leaves it out of the file.
  const columnWidths = headerWidths(
    cols.map((col) => col.header),
    [30, 11, 12, 8, 10, 10, 10, 10, 10, 10, 14, 14, 14, 12, 12, 11, 11, 12, 10, 14, 12, 14, ...MONTH_NAMES.map(() => 7)],
  );
  return {
    name: budgetSheetName(budget.year),
    kind: "budget",
    cells: grid.build(width),
    columnWidths,
    frozenRows: 4,
    frozenColumns: 1,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2:B2", style: "subtitle" },
      { range: range(3, 1, 3, FIRST_MONTH_COLUMN), style: "note" },
      { range: range(4, 1, 4, width), style: "header" },
      { range: range(totalRow, 1, totalRow, width), style: "total" },
      { range: range(summaryTop + 2, 1, summaryTop + 2, 2), style: "total" },
      { range: range(monthTop, 1, monthTop, 1), style: "header" },
      { range: range(monthTop, FIRST_MONTH_COLUMN, monthTop, FIRST_MONTH_COLUMN + 11), style: "header" },
    ],
    validations: [],
    conditionalFormats: [],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: FIRST_DATA_ROW,
    // Four parts on paper, each with the practice's name (BUDGET_PARTS). The Formulecontrole
    // rows below the capacity block are for Controle, not for paper.
    print: printSetup(columnWidths, { titleRows: "4:4", titleColumns: 1, breaks: Object.values(BUDGET_PARTS), area: range(1, 1, layout.monthAppliesRow, width) }),
  };
}

/**
 * "Herverdeling per maand": per month the entitlement of the practices active then, what they
 * get together, how much the redistribution cut, and the month number where it applies (for
 * Controle). The month columns of the practices read the entitlement here.
 */
function describeCapacityBlock(grid: Grid, budget: BudgetYear, layout: ReturnType<typeof budgetLayout>): void {
  const { totalRow, monthTop, monthEntitledRow, monthAllocatedRow, monthCutRow, monthAppliesRow } = layout;
  grid.set(monthTop, 1, text("Herverdeling per maand"));
  grid.setRow(monthTop, FIRST_MONTH_COLUMN, MONTH_NAMES.map(text));
  BLOCK_ROWS.forEach((label, i) => grid.set(monthTop + 1 + i, 1, text(label)));
  const last = totalRow - 1;
  budget.months.forEach((m, i) => {
    const month = i + 1;
    const col = FIRST_MONTH_COLUMN + month - 1;
    const at = (row: number) => `${column(col)}${row}`;
    // Only active rows count: D and E are "" on a row that is not active this year, which no "<=" criterion matches.
    const entitled = `=ROUND(SUMIFS($H$${FIRST_DATA_ROW}:$H$${last},$D$${FIRST_DATA_ROW}:$D$${last},"<="&${month},$E$${FIRST_DATA_ROW}:$E$${last},">="&${month}),2)`;
    grid.set(monthEntitledRow, col, { formula: entitled, result: m.entitled.toNumber(), format: FORMAT.hours });
    grid.set(monthAllocatedRow, col, { formula: `=${monthColumn(month)}${totalRow}`, result: m.allocated.toNumber(), format: FORMAT.hours });
    grid.set(monthCutRow, col, { formula: `=ROUND(${at(monthEntitledRow)}-${at(monthAllocatedRow)},2)`, result: m.entitled.minus(m.allocated).toNumber(), format: FORMAT.hours });
    grid.set(monthAppliesRow, col, { formula: `=IF(AND(Capaciteit_uren>0,${at(monthEntitledRow)}>Capaciteit_uren),${month},"")`, result: m.redistributed ? month : "", format: FORMAT.whole });
  });
}

/**
 * "Formulecontrole": under each column of the practice rows, the cells that are no formula
 * any more (typed over on an unprotected sheet), so Controle can name the first one (issue 8).
 * ISFORMULA over a range: Excel 2013 and later, LibreOffice.
 */
function describeFormulaCheck(grid: Grid, layout: ReturnType<typeof budgetLayout>, width: number): void {
  const { totalRow, formulaCountRow, formulaFirstRow, formulaColumnRow } = layout;
  grid.set(formulaCountRow - 1, 1, text("Formulecontrole per kolom: cellen zonder formule, de eerste rij daarvan, en de kolom (voor Controle)"));
  for (let col = 1; col <= width; col++) {
    const letter = column(col);
    const cells = `${letter}${FIRST_DATA_ROW}:${letter}${totalRow - 1}`;
    grid.set(formulaCountRow, col, { formula: `=ROWS(${cells})-SUMPRODUCT(ISFORMULA(${cells})*1)`, result: 0, format: FORMAT.whole });
    grid.set(formulaFirstRow, col, { formula: `=IF(${letter}${formulaCountRow}=0,"",MATCH(FALSE(),ISFORMULA(${cells}),0)+${FIRST_DATA_ROW - 1})`, result: "", format: FORMAT.whole });
    grid.set(formulaColumnRow, col, { formula: `=IF(${letter}${formulaCountRow}=0,"",${col})`, result: "", format: FORMAT.whole });
  }
}
