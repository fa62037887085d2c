/**
 * Uitbetalingen as a rebuild needs it, without reading every row. Since issue 11.2 the register
 * holds five rows per practice-year (the compensation and the formation instalments): its
 * values up to the typed columns came to 8.6 MB at 5,000 practices, over the 5 MB Excel allows a
 * response. So the first read takes column A (years and the labels of the rows below the
 * register) and where the typed cells (F–J) are; the second reads only the rows that hold
 * one, in as many syncs as keep each response under READ_BUDGET_BYTES.
 */
import { column, parseRange } from "../../workbook/a1";
import { KIND_COLUMN, MANUAL_COLUMNS, PAYEE_SECTION_LABEL, PAYOUTS_FIRST_ROW } from "../../workbook/payouts-sheet";
import type { Values } from "../../workbook/read-back";

/** What one sync's response may hold of the typed rows (Excel refuses a response over 5 MB). */
export const READ_BUDGET_BYTES = 3 * 1024 * 1024;
/** A generous size of a row's values A–J and T in a response (JSON), to plan the syncs. */
const ROW_BYTES = 400;
/** Typed rows this close are read as one block (fewer ranges; the rows between cost little). */
const MERGE_GAP = 8;

const TYPED = `${column(Math.min(...MANUAL_COLUMNS) + 1)}:${column(Math.max(...MANUAL_COLUMNS) + 1)}`;
const LAST_READ = column(Math.max(...MANUAL_COLUMNS) + 1);

export interface PayoutsFirstRead {
  labels: Excel.Range;
  typed: Excel.RangeAreas;
}

/** Queues the first read (column A, and the typed cells' address), for the sync that reads the other sheets. */
export function queuePayoutsRead(sheet: Excel.Worksheet): PayoutsFirstRead {
  return {
    labels: sheet.getRange("A:A").getUsedRangeOrNullObject(true).load("values,rowIndex"),
    typed: sheet.getRange(TYPED).getSpecialCellsOrNullObject("Constants").load("address"),
  };
}

/**
 * The rows (1-based) of an address of areas, as Excel reports special cells.
 *
 * @example rowsOfAreas("Uitbetalingen!F5:J6,Uitbetalingen!H9") // [5, 6, 9]
 */
export function rowsOfAreas(address: string): number[] {
  const rows = new Set<number>();
  for (const area of address.split(",")) {
    const { top, bottom } = parseRange(area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, ""));
    for (let r = top; r <= bottom; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * Consecutive rows as blocks, rows at most MERGE_GAP apart joined.
 *
 * @example rowBlocks([4, 5, 6, 40]) // [[4, 6], [40, 40]]
 */
export function rowBlocks(rows: readonly number[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (const r of rows) {
    const last = blocks[blocks.length - 1];
    if (last && r - last[1] <= MERGE_GAP) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

/**
 * The register's values as readPayments reads them (from A1; rows without a typed cell hold
 * only their column A): the header row, and A–J with the kind (T) of every row with a typed
 * cell above the totals per payee.
 */
export async function readTypedPayouts(context: Excel.RequestContext, sheet: Excel.Worksheet, first: PayoutsFirstRead, budgetBytes = READ_BUDGET_BYTES): Promise<Values> {
  const rows: unknown[][] = [];
  if (!first.labels.isNullObject) (first.labels.values as unknown[][]).forEach((v, i) => (rows[first.labels.rowIndex + i] = [v[0]]));
  // Below "Per ontvanger" stand totals, never payments: their constants (the years) are not read.
  const section = rows.findIndex((row) => row?.[0] === PAYEE_SECTION_LABEL);
  // The header row's texts are constants too: only rows of the register count.
  const typedRows = first.typed.isNullObject ? [] : rowsOfAreas(first.typed.address).filter((r) => r >= PAYOUTS_FIRST_ROW && (section < 0 || r < section + 1));
  if (typedRows.length === 0) return fill(rows);
  // With the header row: readPayments finds the kind column by its header.
  const blocks = rowBlocks([PAYOUTS_FIRST_ROW - 1, ...typedRows]);
  const kindAt = parseRange(`${KIND_COLUMN}1`).left - 1;
  for (let i = 0; i < blocks.length; ) {
    const batch: { top: number; values: Excel.Range; kinds: Excel.Range }[] = [];
    let bytes = 0;
    do {
      const [top, bottom] = blocks[i++];
      bytes += (bottom - top + 1) * ROW_BYTES;
      batch.push({ top, values: sheet.getRange(`A${top}:${LAST_READ}${bottom}`).load("values"), kinds: sheet.getRange(`${KIND_COLUMN}${top}:${KIND_COLUMN}${bottom}`).load("values") });
    } while (i < blocks.length && bytes + (blocks[i][1] - blocks[i][0] + 1) * ROW_BYTES <= budgetBytes);
    // A batch per response budget: one sync for all but a register typed full at national scale.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { top, values, kinds } of batch) {
      (values.values as unknown[][]).forEach((row, k) => {
        const full: unknown[] = [...row];
        while (full.length < kindAt) full.push("");
        full[kindAt] = (kinds.values as unknown[][])[k][0];
        rows[top - 1 + k] = full;
      });
    }
  }
  return fill(rows);
}

/** Holes of a sparse array as empty rows: Values has a row for every index. */
const fill = (rows: unknown[][]): Values => Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
