/**
 * Inserting and deleting whole rows in the in-memory host (`getRange("43:44").insert("Down")`,
 * `.delete("Up")`), with what Excel does to every reference in the workbook: a reference at or
 * below an inserted row moves down with its cell (a range that spans the row grows; one that
 * ends just above it does not), a reference below deleted rows moves up, a range loses the
 * deleted rows, and a reference wholly inside them becomes #REF!. That holds for formulas on
 * every sheet (on the sheet itself for unqualified references), defined names and chart
 * sources; the sheet's cells, row heights, locks, validations and conditional formats move.
 */
import { cell, column, parseRange } from "../workbook/a1";
import { mapReferences, referenceText } from "../workbook/references";
import type { LockEntry } from "./protection";
import type { MemorySheet } from "./state";

/** Moves row r by an insert of `count` rows at `at` (count > 0), or a delete of rows at…at−count−1 (count < 0); null when deleted. */
function moved(r: number, at: number, count: number): number | null {
  if (count > 0) return r >= at ? r + count : r;
  const end = at - count; // first row after the deleted ones
  return r < at ? r : r >= end ? r + count : null;
}

/** A span of rows after the change, or null when all of it was deleted. */
function movedSpan(top: number, bottom: number, at: number, count: number): [number, number] | null {
  if (count > 0) return [moved(top, at, count)!, moved(bottom, at, count)!];
  const end = at - count;
  const newTop = top >= at && top < end ? at : moved(top, at, count)!;
  const newBottom = bottom >= at && bottom < end ? at - 1 : moved(bottom, at, count)!;
  return newBottom < newTop ? null : [newTop, newBottom];
}

/** A formula (or a name's or chart's reference) with its references to `sheet` moved; `own`: the text lives on that sheet. */
export function moveReferences(text: string, sheet: string, own: boolean, at: number, count: number): string {
  // Text on another sheet that does not name this one has nothing to move.
  if (!own && !text.toLowerCase().includes(sheet.toLowerCase().replace(/'/g, "''"))) return text;
  return mapReferences(text, (ref, written) => {
    if (ref.sheet !== null ? ref.sheet.toLowerCase() !== sheet.toLowerCase() : !own) return written;
    const span = movedSpan(ref.start.row, ref.end?.row ?? ref.start.row, at, count);
    if (!span) return `${ref.prefix}#REF!`;
    return referenceText({ ...ref, start: { ...ref.start, row: span[0] }, end: ref.end && { ...ref.end, row: span[1] } });
  });
}

function moveAddress(address: string, at: number, count: number): string | null {
  const { top, left, bottom, right } = parseRange(address);
  const span = movedSpan(top, bottom, at, count);
  if (!span) return null;
  return span[0] === span[1] && left === right ? cell(span[0], left) : `${column(left)}${span[0]}:${column(right)}${span[1]}`;
}

/** Inserts (count > 0) or deletes (count < 0) whole rows of `target` at `at`, adjusting `sheets` and `names`. */
export function moveRows(sheets: readonly MemorySheet[], names: Map<string, string>, target: MemorySheet, at: number, count: number): void {
  const rekey = <T>(map: Map<string, T>) =>
    new Map(
      [...map].flatMap(([key, value]) => {
        const [r, c] = key.split(",").map(Number);
        const row = moved(r, at, count);
        return row === null ? [] : [[`${row},${c}`, value] as [string, T]];
      }),
    );
  target.cells = rekey(target.cells);
  target.rowHeights = new Map([...target.rowHeights].flatMap(([r, h]) => (moved(r, at, count) === null ? [] : [[moved(r, at, count)!, h] as [number, number]])));
  target.locks = target.locks.flatMap((lock): LockEntry[] => {
    const span = movedSpan(lock.top, lock.bottom, at, count);
    return span ? [{ ...lock, top: span[0], bottom: span[1] }] : [];
  });
  target.validations = target.validations.flatMap((v) => (moveAddress(v.range, at, count) ? [{ ...v, range: moveAddress(v.range, at, count)! }] : []));
  target.conditionalFormats = target.conditionalFormats.flatMap((f) => (moveAddress(f.range, at, count) ? [{ ...f, range: moveAddress(f.range, at, count)! }] : []));
  for (const sheet of sheets) {
    for (const entry of sheet.cells.values()) if (entry.formula) entry.formula = moveReferences(entry.formula, target.name, sheet === target, at, count);
    for (const chart of sheet.charts) chart.source = moveReferences(chart.source, target.name, false, at, count);
  }
  for (const [name, ref] of names) names.set(name, moveReferences(ref, target.name, false, at, count));
}
