/**
 * The cell references inside an A1 formula, found once for everyone who rewrites them: the
 * R1C1 form (./r1c1), a formula copied to another cell, rows inserted or deleted (the host).
 * Outside string literals only ("…" with "" inside); a name followed by "(" is a function
 * (LOG10 is not a cell), a number is no reference (1E5 holds no E5), and a sheet prefix
 * ('Begroting 2026'! or Blad1!) stays with its reference. Whole rows and columns (5:7, A:C) are
 * not references here: the workbook has none, and the Office.js build never copies a formula
 * that holds one (see plan.ts).
 */
import { column } from "./a1";

/** One corner of a reference: 1-based row and column, and which of them carry a `$`. */
export interface Corner {
  row: number;
  col: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

export interface Reference {
  /** The sheet prefix as written ("'Begroting 2026'!"), "" when the reference is on its own sheet. */
  prefix: string;
  /** The sheet it names, unquoted; null when unqualified. */
  sheet: string | null;
  start: Corner;
  /** The second corner of a range (A5:C9); undefined for a single cell. */
  end?: Corner;
}

/** Excel's largest column (XFD) and row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

const [QUOTE, APOSTROPHE, BANG, PAREN, COLON, DOT, DOLLAR, BACKSLASH] = [34, 39, 33, 40, 58, 46, 36, 92];

/** Letters (accented ones too), digits, _ . $ \: the characters of a name, a function or a reference. */
const isIdentifier = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === DOT || c === DOLLAR || c === BACKSLASH || c > 127;

/** Characters from..to of the formula as a corner ("B$5"), or null when they are no cell reference (a name, TRUE, a column past XFD). */
function cornerAt(formula: string, from: number, to: number): Corner | null {
  let i = from;
  const colAbsolute = formula.charCodeAt(i) === DOLLAR;
  if (colAbsolute) i++;
  let col = 0;
  const lettersFrom = i;
  for (let c = formula.charCodeAt(i); i < to && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)); c = formula.charCodeAt(++i)) col = col * 26 + (c & 0x1f);
  if (i === lettersFrom || i - lettersFrom > 3 || col > MAX_COLUMN) return null;
  const rowAbsolute = formula.charCodeAt(i) === DOLLAR;
  if (rowAbsolute) i++;
  let row = 0;
  const digitsFrom = i;
  for (let c = formula.charCodeAt(i); i < to && c >= 48 && c <= 57; c = formula.charCodeAt(++i)) row = row * 10 + (c - 48);
  return i === to && i > digitsFrom && row >= 1 && row <= MAX_ROW ? { col, row, colAbsolute, rowAbsolute } : null;
}

/** A corner as A1 text. @example cornerText({ row: 5, col: 3, rowAbsolute: true, colAbsolute: false }) // "C$5" */
export function cornerText(corner: Corner): string {
  return `${corner.colAbsolute ? "$" : ""}${column(corner.col)}${corner.rowAbsolute ? "$" : ""}${corner.row}`;
}

/** A reference as A1 text, with its prefix. @example referenceText(ref) // "'Begroting 2026'!$B5:C9" */
export function referenceText(ref: Reference): string {
  return `${ref.prefix}${cornerText(ref.start)}${ref.end ? `:${cornerText(ref.end)}` : ""}`;
}

/**
 * Rewrites every cell reference of a formula with `replace`, which gets it parsed and as written and returns the new text.
 * Whole rows or columns (5:7, A:C) are left as they are; `onWholeLines` hears of them.
 * A hand-written scan, not a regular expression: a build turns a million formulas into R1C1 form at national scale.
 * @example mapReferences("=A1+'Blad 2'!B$2", (r) => referenceText({ ...r, start: { ...r.start, row: r.start.row + 1 } })) // "=A2+'Blad 2'!B$3"
 */
export function mapReferences(formula: string, replace: (ref: Reference, text: string) => string, onWholeLines?: () => void): string {
  let out = "";
  // Text from `copied` up to where the scan is has no reference in it: it is copied in one slice.
  let copied = 0;
  let i = 0;
  const n = formula.length;
  const code = (j: number) => formula.charCodeAt(j); // NaN past the end
  // The end of an identifier-like run starting at `from` (letters, digits, _ . $).
  const word = (from: number) => {
    let j = from;
    while (j < n && isIdentifier(code(j))) j++;
    return j;
  };
  // The closing quote of a quoted run opened at `from` (a doubled quote inside it is one quote).
  const closing = (from: number, quote: number) => {
    let j = from + 1;
    while (j < n && !(code(j) === quote && code(j + 1) !== quote)) j += code(j) === quote ? 2 : 1;
    return j;
  };
  while (i < n) {
    const c = code(i);
    if (c === QUOTE) {
      i = closing(i, QUOTE) + 1;
      continue;
    }
    let prefix = "";
    let sheet: string | null = null;
    let at = i;
    if (c === APOSTROPHE) {
      const j = closing(i, APOSTROPHE);
      if (code(j + 1) !== BANG) {
        i = j + 1;
        continue;
      }
      prefix = formula.slice(i, j + 2);
      sheet = formula.slice(i + 1, j).replace(/''/g, "'");
      at = j + 2;
    } else if ((c >= 48 && c <= 57) || c === DOT) {
      // A number (1E5, 2.5E3) or a row range (5:7) is skipped whole: its exponent is no column.
      const end = word(i);
      if (code(end) === COLON && isIdentifier(code(end + 1))) onWholeLines?.();
      i = end;
      continue;
    } else if (!isIdentifier(c)) {
      i++;
      continue;
    }
    let end = word(at);
    if (!prefix && code(end) === BANG) {
      prefix = formula.slice(i, end + 1);
      sheet = formula.slice(i, end);
      at = end + 1;
      end = word(at);
    }
    const start = code(end) === PAREN ? null : cornerAt(formula, at, end);
    if (!start) {
      // Letters before a colon that are no cell: whole columns (A:C).
      if (code(end) === COLON && /^\$?[A-Za-z]{1,3}$/.test(formula.slice(at, end))) onWholeLines?.();
      i = end;
      continue;
    }
    let last = end;
    let second: Corner | undefined;
    if (code(end) === COLON) {
      const after = word(end + 1);
      const corner = code(after) === PAREN || code(after) === BANG ? null : cornerAt(formula, end + 1, after);
      if (corner) {
        second = corner;
        last = after;
      }
    }
    out += formula.slice(copied, i) + replace({ prefix, sheet, start, end: second }, formula.slice(i, last));
    copied = i = last;
  }
  return out + formula.slice(copied);
}
