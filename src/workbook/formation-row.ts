/**
 * The cells of a formation instalment row on Uitbetalingen (issue 11.2). Every formation row of
 * a year has the same formulas in R1C1 form (its practice and instalment follow from its row
 * number), so a build copies them as one run: 5,000 practices × 4 quarters cost one row's text.
 * Mirrored in src/core/formation-register.ts and src/core/formation-schedule.ts.
 */
import { excelSerial } from "../core/dates";
import { FORMATION_MONTH_LABELS, type Schedule } from "../core/formation-schedule";
import type { RegisterRow } from "../core/payouts";
import { column, sheetRef } from "./a1";
import { budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FIRST_MONTH_COLUMN } from "./budget-columns";
import { flatText } from "./flat-text";
import { FORMAT } from "./formats";
import { CUMULATIVE_HOURS_COLUMN as W, checkedCells, INSTALMENT_COLUMN as V, lastLineRow, lineCell, LINE_COLUMN as S, TOTAL_HOURS_COLUMN as X } from "./payout-row";
import { FIRST_DATA_ROW, PRACTICE_COLUMNS, PRACTICES_SHEET } from "./practices-sheet";
import type { Cell } from "./types";

/** Where a year's rows stand: its compensation rows (practices and free rows) and its first formation row. */
export interface YearBlock {
  compensationFirst: number;
  compensationLast: number;
  formationFirst: number;
}

/**
 * The cells (A to X) of formation row `row`: year; AGB code and practice from the year's
 * compensation rows (practice i has rows formationFirst + i·N … + N − 1); the instalment's
 * amount and due date; the typed and checked columns as on every row; kind, payee (the employer
 * on Praktijken, else the practice) and the hours the amount follows.
 */
export function formationRowCells(item: RegisterRow, row: number, lineCount: number, block: YearBlock, schedule: Schedule): (Cell | null)[] {
  const n = schedule.perYear;
  const m = 12 / n;
  const offset = FIRST_DATA_ROW - 1;
  const last = lastLineRow(lineCount);
  const budget = sheetRef(budgetSheetName(item.year));
  const fromCompensation = (col: string) =>
    flatText(`=INDEX(${col}$${block.compensationFirst}:${col}$${block.compensationLast},INT((ROW()-${block.formationFirst})/${n})+1)&""`);
  const months = `${budget}$${column(FIRST_MONTH_COLUMN)}$${FIRST_DATA_ROW}:$${column(FIRST_MONTH_COLUMN + 11)}$${last}`;
  const month = (c: string) => `INDEX(${months},${S}${row}-${offset},${c})`;
  const part = `INDEX(${budget}$${BUDGET_COLUMN.municipality}$${FIRST_DATA_ROW}:$${BUDGET_COLUMN.municipality}$${last},${S}${row}-${offset})`;
  const share = (hours: string) => `ROUND(ROUND(${part}*${hours}/${X}${row},10),2)`;
  // amount_k = ROUND(part × cum_k / total) − ROUND(part × cum_{k−1} / total); the last is the part itself, so they add up to it exactly.
  const due = `=IF(OR(${S}${row}="",${X}${row}=0),0,ROUND(IF(${V}${row}=${n},${part},${share(`${W}${row}`)})-IF(${V}${row}=1,0,${share(`${W}${row - 1}`)}),2))`;
  // Afterwards: the first day after the period (quarter 4: 1 January of the next year, DATE rolls over); in advance: its first day.
  const dueMonth = schedule.inAdvance ? `(${V}${row}-1)*${m}+1` : `${V}${row}*${m}+1`;
  const employer = `${sheetRef(PRACTICES_SHEET)}$${column(PRACTICE_COLUMNS.employer)}$${FIRST_DATA_ROW}:$${column(PRACTICE_COLUMNS.employer)}$${last}`;
  const employerOf = `INDEX(${employer},${S}${row}-${offset})`;
  const kind = n === 4 ? `="Formatie K"&${V}${row}` : `="Formatie "&CHOOSE(${V}${row},${FORMATION_MONTH_LABELS.map((l) => `"${l}"`).join(",")})`;
  const periodMonths = Array.from({ length: m }, (_, j) => month(`${V}${row}*${m}-${m - 1 - j}`)).join("+");
  const allMonths = Array.from({ length: 12 }, (_, j) => month(String(j + 1))).join("+");
  const inst = item.instalment!;
  return [
    { value: item.year, format: FORMAT.year },
    { formula: fromCompensation("B"), result: item.agb, format: FORMAT.text },
    { formula: fromCompensation("C"), result: item.name },
    { formula: flatText(due), result: item.due === null ? 0 : item.due.toNumber(), format: FORMAT.money },
    { formula: flatText(`=IF(${S}${row}="","",DATE(A${row},${dueMonth},1))`), result: item.dueDate === null ? "" : excelSerial(item.dueDate), format: FORMAT.date },
    ...checkedCells(item, row),
    lineCell(item, row, lineCount),
    { formula: flatText(kind), result: item.kind },
    // NOP: one practice employs the POH for the others; the municipality pays the formation to it.
    { formula: flatText(`=IF(${S}${row}="",${"C" + row}&"",IF(${employerOf}="",${"C" + row}&"",${employerOf}&""))`), result: item.payee },
    { formula: `=MOD(ROW()-${block.formationFirst},${n})+1`, result: inst.k, format: FORMAT.whole },
    { formula: flatText(`=IF(${S}${row}="",0,IF(${V}${row}=1,0,${W}${row - 1})+${periodMonths})`), result: inst.cumulativeHours.toNumber(), format: FORMAT.hours },
    { formula: flatText(`=IF(${S}${row}="",0,${allMonths})`), result: inst.totalHours.toNumber(), format: FORMAT.hours },
  ];
}
