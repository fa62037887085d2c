/** A1 addressing helpers. Rows and columns passed here are 1-based, as in Excel. */

/** @example column(1) // "A"; column(27) // "AA" */
export function column(index: number): string {
  let n = index;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** @example cell(3, 2) // "B3" */
export function cell(row: number, col: number): string {
  return `${column(col)}${row}`;
}

/** @example absolute(3, 2) // "$B$3" */
export function absolute(row: number, col: number): string {
  return `$${column(col)}$${row}`;
}

/** @example range(4, 1, 4, 22) // "A4:V4" */
export function range(top: number, left: number, bottom: number, right: number): string {
  return `${cell(top, left)}:${cell(bottom, right)}`;
}

/** A sheet name as a formula reference prefix, quoted when needed. @example sheetRef("Begroting 2025") // "'Begroting 2025'!" */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** Splits "A4" into 1-based row and column. @example parseCell("B3") // { row: 3, col: 2 } */
export function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new RangeError(`not an A1 cell: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Splits "A4:V9" into its corners (a single cell is its own corners). */
export function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.split(":");
  const start = parseCell(a);
  const end = parseCell(b);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
