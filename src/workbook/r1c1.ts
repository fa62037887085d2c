/**
 * Formulas in R1C1 form and formulas copied to another cell. In R1C1 a relative reference is
 * an offset from the cell that holds it, so a column of formulas that differ only by their row
 * (=B5*C5, =B6*C6, …) is one text (=RC[-2]*RC[-1]): the Office.js renderer writes such a
 * column once and copies it down (Range.copyFrom replicates a source into an exact multiple
 * of its size, adjusting relative references as a paste does), and the in-memory host does
 * that paste with `translateFormula`, as Excel does.
 */
import { MAX_COLUMN, MAX_ROW, mapReferences, referenceText, type Corner, type Reference } from "./references";

function r1c1Corner(corner: Corner, row: number, col: number): string {
  const part = (letter: string, value: number, absolute: boolean, origin: number) => (absolute ? `${letter}${value}` : value === origin ? letter : `${letter}[${value - origin}]`);
  return part("R", corner.row, corner.rowAbsolute, row) + part("C", corner.col, corner.colAbsolute, col);
}

/** A reference in R1C1 form as seen from the cell at `row`, `col`, with its sheet prefix. */
const r1c1Reference = (ref: Reference, row: number, col: number) => `${ref.prefix}${r1c1Corner(ref.start, row, col)}${ref.end ? `:${r1c1Corner(ref.end, row, col)}` : ""}`;

/**
 * The formula as Excel's `formulasR1C1` would show it in the cell at `row`, `col` (1-based).
 * @example toR1C1("=B5*$C$1+'Begroting 2026'!D4", 5, 4) // "=RC[-2]*R1C3+'Begroting 2026'!R[-1]C"
 */
export function toR1C1(formula: string, row: number, col: number): string {
  return mapReferences(formula, (ref) => r1c1Reference(ref, row, col));
}

/**
 * The R1C1 form, or null when the formula holds whole rows or columns (5:7, A:C), which this
 * module does not move: a formula that must not be copied.
 * @example copyableR1C1("=SUM(5:7)", 5, 1) // null
 */
export function copyableR1C1(formula: string, row: number, col: number): string | null {
  let wholeLines = false;
  const text = mapReferences(formula, (ref) => r1c1Reference(ref, row, col), () => (wholeLines = true));
  return wholeLines ? null : text;
}

/**
 * The formula pasted `rows` down and `cols` right: relative parts move, `$` parts stay, and a
 * reference pushed off the sheet becomes #REF!, as after a paste in Excel.
 * @example translateFormula("=B5*$C$1", 3, 0) // "=B8*$C$1"
 * @example translateFormula("=A2", -2, 0) // "=#REF!"
 */
export function translateFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const move = (corner: Corner): Corner | null => {
    const moved = { ...corner, row: corner.rowAbsolute ? corner.row : corner.row + rows, col: corner.colAbsolute ? corner.col : corner.col + cols };
    return moved.row < 1 || moved.row > MAX_ROW || moved.col < 1 || moved.col > MAX_COLUMN ? null : moved;
  };
  return mapReferences(formula, (ref) => {
    const start = move(ref.start);
    const end = ref.end ? move(ref.end) : undefined;
    if (!start || end === null) return `${ref.prefix}#REF!`;
    return referenceText({ ...ref, start, end });
  });
}
