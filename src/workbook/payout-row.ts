/**
 * The cells of one Uitbetalingen row: who and what is due (looked up on the Begroting of its
 * year), what the controller typed, and the formulas that check it: difference, status, and a
 * column per signal (issue 8.6) that holds the row number when the signal applies, joined in
 * Signalen. Every formula is mirrored in src/core/payouts.ts and src/core/payment-signals.ts.
 */
import { flatText } from "./flat-text";
import { excelSerial } from "../core/dates";
import { INVOICE_DATE_NOT_A_DATE, NOT_A_NUMBER, NOT_FOUND, PAID_DATE_NOT_A_DATE, payoutDifference, YEAR_NOT_BUDGETED, type RegisterRow, type Typed } from "../core/payouts";
import { SIGNALS, SIGNAL_KEYS, signalText, type Signal } from "../core/payment-signals";
import { sheetRef } from "./a1";
import { budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { PEILDATUM_NAME } from "./peildatum";
import { dataRowCount, FIRST_DATA_ROW, practiceRef } from "./practices-sheet";
import { COMPENSATION_KIND } from "../core/formation-schedule";
import type { Cell } from "./types";

export const STATUS_COLUMN = "L";
export const SIGNALEN_COLUMN = "M";
/** The column of each signal (N to R): the row's number when the signal applies, else "". */
export const SIGNAL_COLUMNS: Record<Signal, string> = { invoicedNotDue: "N", paidNotInvoiced: "O", paidBeforeDue: "P", paidWithoutInvoice: "Q", overdue: "R" };
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const SIGNAL_HEADERS = SIGNAL_KEYS.map((s) => `${capitalised(SIGNALS[s])} (rij)`);
/** The row of the practice on the Begroting of the year ("" when its AGB code is not there): every lookup of the row reads it. */
export const LINE_COLUMN = "S";
export const LINE_HEADER = "Rij op Begroting";

const manualCell = (value: Typed, format?: string): Cell | null => (value === null ? null : { value, format });

/**
 * The signal formulas of row `r`. Every operand is tested with ISNUMBER before it is used
 * (text typed as an amount is the status's to name, never a #VALUE! here); a row whose practice
 * is not found (no Rij op Begroting), or a free row without practice, has none.
 */
function signalFormulas(r: number): Record<Signal, string> {
  const n = (c: string) => `ISNUMBER(${c}${r})`;
  const P = PEILDATUM_NAME;
  const conditions: Record<Signal, string> = {
    invoicedNotDue: `IF(${n("H")},IF(ROUND(H${r}-D${r},2)<>0,ROW(),""),"")`,
    paidNotInvoiced: `IF(AND(${n("I")},${n("H")}),IF(ROUND(I${r}-H${r},2)<>0,ROW(),""),"")`,
    paidBeforeDue: `IF(AND(${n("J")},${n("E")}),IF(J${r}<E${r},ROW(),""),"")`,
    paidWithoutInvoice: `IF(${n("I")},IF(OR(F${r}="",G${r}="",H${r}=""),ROW(),""),"")`,
    overdue: `IF(AND(${n("E")},${n("D")},ISNUMBER(${P})),IF(AND(D${r}>0,E${r}<${P}),IF(${n("I")},IF(ROUND(I${r}-D${r},2)<0,ROW(),""),IF(I${r}="",ROW(),"")),""),"")`,
  };
  return Object.fromEntries(SIGNAL_KEYS.map((s) => [s, `=IF(${LINE_COLUMN}${r}="","",${conditions[s]})`])) as Record<Signal, string>;
}

/** The row above the headers names each signal column's signal; Signalen reads the texts there. */
export const SIGNAL_TEXT_ROW = 3;
/** Signalen: the signals of the row joined by "; ", from the signal columns and their texts in row 3. */
const signalenFormula = (r: number) =>
  `=MID(${SIGNAL_KEYS.map((s) => `IF(${SIGNAL_COLUMNS[s]}${r}<>"","; "&${SIGNAL_COLUMNS[s]}$${SIGNAL_TEXT_ROW},"")`).join("&")},3,500)`;


/** The status formula: "" on a row without AGB code and nothing typed (a free row). */
function statusFormula(r: number): string {
  // Text typed as an amount is named on its row (and counted on Controle) instead of spreading #VALUE!.
  const notNumber = (c: string) => `AND(${c}${r}<>"",NOT(ISNUMBER(${c}${r})))`;
  const paid = `IF(I${r}="",IF(D${r}=0,"Geen bedrag",IF(H${r}="","Nog te factureren","Gefactureerd, niet betaald")),IF(ROUND(I${r}-D${r},2)=0,"Betaald",IF(I${r}>D${r},"Te veel betaald","Te weinig betaald")))`;
  const status = `IF(OR(${notNumber("H")},${notNumber("I")}),"${NOT_A_NUMBER}",IF(${notNumber("G")},"${INVOICE_DATE_NOT_A_DATE}",IF(${notNumber("J")},"${PAID_DATE_NOT_A_DATE}",${paid})))`;
  return `=IF(AND(B${r}="",COUNTA(F${r}:J${r})=0),"",IF(${LINE_COLUMN}${r}="","${NOT_FOUND}",${status}))`;
}

/** The columns after Rij op Begroting (issue 11.2): which payment, to whom, and the hours a formation instalment follows. */
export const KIND_COLUMN = "T";
export const PAYEE_COLUMN = "U";
export const INSTALMENT_COLUMN = "V";
export const CUMULATIVE_HOURS_COLUMN = "W";
export const TOTAL_HOURS_COLUMN = "X";
export const ROW_HEADERS = ["Betaling", "Ontvanger", "Termijn", "Uren t/m termijn", "Uren per jaar"];

/**
 * What the controller typed (F to J), and the formulas that check it: difference (K), status (L)
 * and the signals (M to R). The same on every row, compensation or formation.
 */
export function checkedCells(item: RegisterRow, row: number): (Cell | null)[] {
  const { record } = item;
  const difference = payoutDifference(item.due, record);
  const differenceCell: Cell = { formula: flatText(`=IF(ISNUMBER(I${row}),ROUND(I${row}-D${row},2),"")`), result: difference === null ? "" : difference.toNumber(), format: FORMAT.money };
  const typed = [
    manualCell(record.invoiceNumber, FORMAT.text),
    manualCell(record.invoiceDate, FORMAT.date),
    manualCell(record.invoiced, FORMAT.money),
    manualCell(record.paid, FORMAT.money),
    manualCell(record.paidDate, FORMAT.date),
  ];
  const formulas = signalFormulas(row);
  const signalCells: Cell[] = [
    { formula: flatText(signalenFormula(row)), result: signalText(item.signals) },
    ...SIGNAL_KEYS.map((s): Cell => ({ formula: flatText(formulas[s]), result: item.signals.includes(s) ? row : "", format: FORMAT.whole })),
  ];
  const status: Cell = item.budgeted ? { formula: flatText(statusFormula(row)), result: item.status } : { value: YEAR_NOT_BUDGETED };
  return [...typed, differenceCell, status, ...signalCells];
}

/** The last row of the Begroting (and Praktijken) rows a lookup reads: the practices and the free rows. */
export const lastLineRow = (lineCount: number): number => FIRST_DATA_ROW + dataRowCount(lineCount) - 1;

/**
 * Rij op Begroting (S): where the row's AGB code stands on the Begroting of its year. Looked up
 * by AGB code, not by row: a payment stays with its practice when Praktijken is re-sorted. A row
 * without AGB code finds nothing (not the first empty free row); one not found, "" (never #N/A).
 */
export function lineCell(item: RegisterRow, row: number, lineCount: number): Cell {
  const ref = sheetRef(budgetSheetName(item.year));
  return {
    formula: flatText(`=IF(B${row}="","",IFERROR(MATCH(B${row},${ref}$B$${FIRST_DATA_ROW}:$B$${lastLineRow(lineCount)},0)+${FIRST_DATA_ROW - 1},""))`),
    result: item.line === null ? "" : FIRST_DATA_ROW + item.line,
    format: FORMAT.whole,
  };
}

/**
 * The cells of a compensation (or kept) row `row` (columns A to X): wrapped lookups, so a
 * practice that is gone gives 0 and a status, never #N/A. `lineCount` is the number of
 * practices of the year (its Begroting has that many rows plus the free rows). A free row
 * (`item.free`) shows the AGB code and name typed on its Praktijken row, live.
 */
export function payoutRowCells(item: RegisterRow, row: number, lineCount: number): (Cell | null)[] {
  const practicesRow = item.free === null ? null : FIRST_DATA_ROW + lineCount + item.free;
  const live = (field: "agb" | "name") => ({ formula: flatText(`=IF(${practiceRef(practicesRow!, field)}="","",${practiceRef(practicesRow!, field)}&"")`), result: "" });
  const id: Cell[] =
    practicesRow === null
      ? [{ value: item.year, format: FORMAT.year }, { value: item.agb, format: FORMAT.text }, { value: item.name }]
      : [{ value: item.year, format: FORMAT.year }, live("agb"), live("name")];
  // The compensation is paid to the practice itself (VPG ch. 14); a kept row names whom it was typed for.
  const after: (Cell | null)[] = [{ value: item.kind }, { formula: `=C${row}&""`, result: item.payee }, null, null, null];
  // A year outside the forecast has no Begroting sheet to look in: nothing due, the status says why.
  if (!item.budgeted) return [...id, null, null, ...checkedCells(item, row), null, ...after];
  const ref = sheetRef(budgetSheetName(item.year));
  const lastLine = lastLineRow(lineCount);
  const s = `${LINE_COLUMN}${row}`;
  const lookup = (col: string, missing: string) => flatText(`=IF(${s}="",${missing},INDEX(${ref}$${col}$${FIRST_DATA_ROW}:$${col}$${lastLine},${s}-${FIRST_DATA_ROW - 1}))`);
  // A kept formation instalment (the schedule no longer has it) finds nothing: its line is "".
  const line = item.orphan && item.kind !== COMPENSATION_KIND ? null : lineCell(item, row, lineCount);
  return [
    ...id,
    { formula: lookup(BUDGET_COLUMN.compensation, "0"), result: item.due === null ? 0 : item.due.toNumber(), format: FORMAT.money },
    { formula: lookup(BUDGET_COLUMN.payoutDue, '""'), result: item.dueDate === null ? "" : excelSerial(item.dueDate), format: FORMAT.date },
    ...checkedCells(item, row),
    line,
    ...after,
  ];
}
