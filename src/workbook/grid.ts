import type { Cell } from "./types";

/** Collects cells by 1-based row and column and yields them as one rectangular 2-D block. */
export class Grid {
  private readonly rows: (Cell | null)[][] = [];
  private width = 0;

  set(row: number, col: number, cell: Cell): void {
    const r = (this.rows[row - 1] ??= []);
    r[col - 1] = cell;
    if (col > this.width) this.width = col;
  }

  /** Writes cells left to right from `col`. */
  setRow(row: number, col: number, cells: (Cell | null)[]): void {
    cells.forEach((c, i) => {
      if (c) this.set(row, col + i, c);
    });
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The block, padded with nulls to a rectangle of at least `minWidth` columns. */
  build(minWidth = 0): (Cell | null)[][] {
    const width = Math.max(this.width, minWidth);
    const out = new Array<(Cell | null)[]>(this.rows.length);
    for (let i = 0; i < this.rows.length; i++) {
      const src = this.rows[i] ?? [];
      const row = new Array<Cell | null>(width);
      for (let c = 0; c < width; c++) row[c] = src[c] ?? null;
      out[i] = row;
    }
    return out;
  }
}

/** A label cell. */
export const text = (value: string): Cell => ({ value });
