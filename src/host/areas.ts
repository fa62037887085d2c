/** Special cells as Excel reports them: an address of areas, not of single cells. */
import { cell } from "../workbook/a1";

/**
 * Cells as areas, as Excel reports special cells: runs of adjacent cells in a row, and a run
 * repeated on the rows below merged into one block (B5:H604, not 4,200 single cells).
 */
export function areas(cells: [number, number][]): string[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) byRow.set(r, [...(byRow.get(r) ?? []), c]);
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const columns = byRow.get(r)!.sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const c of columns) {
      const last = spans[spans.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else spans.push([c, c]);
    }
    const keys = new Set<string>();
    for (const [left, right] of spans) {
      const key = `${left}:${right}`;
      keys.add(key);
      const area = open.get(key);
      if (area && area.bottom === r - 1) area.bottom = r;
      else {
        if (area) done.push(area);
        open.set(key, { top: r, bottom: r, left, right });
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left).map((a) => (a.top === a.bottom && a.left === a.right ? cell(a.top, a.left) : `${cell(a.top, a.left)}:${cell(a.bottom, a.right)}`));
}
