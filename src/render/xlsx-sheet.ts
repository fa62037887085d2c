/**
 * One sheet of the description through ExcelJS's streaming worksheet writer: row by row, each
 * row committed (written and dropped) as soon as its cells and styles are set, so a sheet of
 * any length costs the memory of one row plus what the zip has in flight.
 */
import type ExcelJS from "exceljs";
import { cellText } from "../core/text";
import { column, parseRange } from "../workbook/a1";
import type { Cell, SheetDescription, Validation } from "../workbook/types";
import { SHEET_PERMISSIONS } from "./protection";
import { PAGE_MARGINS } from "../workbook/page";
import { FONT, STYLE_LOOKS, type StyleLook } from "./styles";
import { drained, finished, type SheetWriter, type StreamingWorkbook } from "./xlsx-stream";

const argb = (rgb: string) => `FF${rgb}`;

/**
 * Functions newer than Excel 2007 are stored with the "_xlfn." prefix in the file (ECMA-376
 * and Excel's own files); without it Excel and LibreOffice read #NAME?. Office.js and the
 * formula engines take the plain name.
 */
export const storedFormula = (formula: string) => formula.replace(/\bISFORMULA\(/g, "_xlfn.ISFORMULA(");

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: storedFormula(cell.formula.slice(1)), result: cell.result as ExcelJS.CellFormulaValue["result"] };
  // A string is always written as text: a name like "=HYPERLINK(…)" never becomes a formula.
  // The importer warned about and removed what XML cannot carry; cellText keeps any other text
  // from making the part unreadable (one bad character blanks every text cell in LibreOffice).
  return typeof cell.value === "string" ? cellText(cell.value) : (cell.value ?? null);
}

/** A validation as ExcelJS writes it: blank allowed, the prompt on selection, a stop message on anything else. */
export function xlsxValidation(v: Validation): ExcelJS.DataValidation {
  const text = { allowBlank: true, showInputMessage: true, promptTitle: v.title, prompt: v.prompt, showErrorMessage: true, errorTitle: v.title, error: v.error } as const;
  switch (v.kind) {
    case "list":
      return { type: "list", formulae: [`"${v.values.join(",")}"`], ...text };
    case "whole":
    case "decimal":
      return v.max === undefined
        ? { type: v.kind, operator: "greaterThanOrEqual", formulae: [v.min], ...text }
        : { type: v.kind, operator: "between", formulae: [v.min, v.max], ...text };
    case "date":
      // ExcelJS writes a date formula as its serial.
      return { type: "date", operator: "between", formulae: [new Date(`${v.min}T00:00:00Z`), new Date(`${v.max}T00:00:00Z`)], ...text };
    case "custom":
      return { type: "custom", formulae: [v.formula], ...text };
  }
}

/** Layers a look over a style, as the looks of overlapping ranges add up (later ranges win). */
function applyLook(style: Partial<ExcelJS.Style>, look: StyleLook): void {
  if (look.bold || look.italic || look.size || look.color) {
    // Named, or LibreOffice draws the cell in its default serif.
    style.font = { ...FONT, ...style.font, bold: look.bold, italic: look.italic, size: look.size ?? style.font?.size ?? FONT.size, color: look.color ? { argb: argb(look.color) } : undefined };
  }
  if (look.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.borderTop || look.borderBottom) {
    style.border = { ...style.border, ...(look.borderTop ? { top: { style: "thin" } } : {}), ...(look.borderBottom ? { bottom: { style: "thin" } } : {}) };
  }
  if (look.wrap) style.alignment = { wrapText: true, vertical: "top" };
}

interface StyledRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  look: StyleLook;
  /** Index in the sheet's list: part of the key of a combined style. */
  index: number;
  /** An input range: its cells are unlocked, so a person types there on the protected sheet. */
  unlocked?: boolean;
}

/**
 * The sheet's protection as ExcelJS models it: no password, and for each permission `true`
 * where a person may (ExcelJS writes `formatColumns="0"`, not protected), while `objects` and
 * `scenarios` are `false` where they are protected.
 */
export function xlsxProtection(): Partial<ExcelJS.WorksheetProtection> {
  const { editObjects, editScenarios, ...rest } = SHEET_PERMISSIONS;
  return { ...rest, objects: editObjects, scenarios: editScenarios };
}

/**
 * Style objects shared by every cell with the same format and looks. ExcelJS's style manager
 * keeps a style's id by object, so a shared object costs one lookup instead of a new style
 * per cell — and a shared object is never changed after it is made.
 */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  /** Cells in no styled range (most of them): by format alone, without building a key. */
  private readonly plain = new Map<string, Partial<ExcelJS.Style>>();

  get(format: string | undefined, looks: StyledRange[], numeric: boolean): Partial<ExcelJS.Style> {
    // Unformatted numbers get "General", unformatted text none: keep them apart, as ExcelJS does.
    const base = format ?? (numeric ? "\u0000number" : "\u0000text");
    if (looks.length === 0) {
      let style = this.plain.get(base);
      if (!style) this.plain.set(base, (style = format ? { numFmt: format } : {}));
      return style;
    }
    const key = `${base}\u0001${looks.map((l) => l.index).join(",")}`;
    let style = this.styles.get(key);
    if (!style) {
      style = {};
      if (format) style.numFmt = format;
      for (const range of looks) applyLook(style, range.look);
      // Every cell is locked by default (the protected sheet refuses writes there): only inputs are not.
      if (looks.some((l) => l.unlocked)) style.protection = { locked: false };
      this.styles.set(key, style);
    }
    return style;
  }
}

const isNumeric = (cell: Cell | null): boolean => typeof (cell?.formula !== undefined ? cell.result : cell?.value) === "number";

/** Sets the cells of row `r` (1-based) with their formats and looks, then commits the row. */
function writeRow(ws: SheetWriter, sheet: SheetDescription, r: number, ranges: StyledRange[], styles: StyleCache, heights: ReadonlyMap<number, number>): void {
  const cells = sheet.cells[r - 1] ?? [];
  const here = ranges.filter((s) => s.top <= r && r <= s.bottom);
  const row = ws.getRow(r);
  const height = heights.get(r) ?? here.reduce<number | undefined>((h, s) => s.look.rowHeight ?? h, undefined);
  if (height) row.height = height;
  const width = here.reduce((w, s) => Math.max(w, s.right), cells.length);
  for (let c = 1; c <= width; c++) {
    const cell = cells[c - 1] ?? null;
    const looks = here.length === 0 ? here : here.filter((s) => s.left <= c && c <= s.right);
    if (!cell && looks.length === 0) continue;
    const target = row.getCell(c);
    if (cell) target.value = cellValue(cell);
    target.style = styles.get(cell?.format, looks, isNumeric(cell));
  }
  row.commit();
}

/**
 * ExcelJS keeps every formula cell it writes, by address, for shared formulas, which the
 * description never uses: that would hold the whole sheet, and a plain object with a new key
 * per cell is slow too. This table forgets what it is given.
 */
const NO_SHARED_FORMULAS: Record<string, unknown> = new Proxy({}, { set: () => true, get: () => undefined });

/** A4, landscape, at the description's scale: not fitted to a width, which would drop the column breaks. */
export function xlsxPageSetup(sheet: SheetDescription): Partial<ExcelJS.PageSetup> {
  return {
    orientation: sheet.print.landscape ? "landscape" : "portrait",
    paperSize: 9,
    fitToPage: false,
    scale: sheet.print.scale,
    margins: { ...PAGE_MARGINS },
    // Each part of the Begroting from top to bottom, then the next part.
    pageOrder: "downThenOver",
  };
}

/**
 * The header and footer in Excel's codes, in Calibri at the cells' size: they shrink with the
 * print scale (Excel's and LibreOffice's default), so they print as large as the cells.
 */
export function xlsxHeaderFooter(sheet: SheetDescription): Partial<ExcelJS.HeaderFooter> {
  const font = `&"${FONT.name},Regular"&${FONT.size}`;
  const part = (code: string, text: string) => (text ? `&${code}${font}${text}` : "");
  const three = (t: SheetDescription["print"]["header"]) => part("L", t.left) + part("C", t.center) + part("R", t.right);
  const header = three(sheet.print.header);
  const footer = three(sheet.print.footer);
  return { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
}

/**
 * ExcelJS writes row breaks only: the column breaks go right after them, where CT_Worksheet
 * puts <colBreaks>. A break's id is the 0-based index of the first column of the next page.
 */
function writeColumnBreaks(ws: SheetWriter, breaks: readonly number[]): void {
  if (breaks.length === 0) return;
  const writeRowBreaks = ws._writeRowBreaks.bind(ws);
  ws._writeRowBreaks = () => {
    writeRowBreaks();
    const items = breaks.map((col) => `<brk id="${col}" max="1048575" man="1"/>`).join("");
    ws.stream.write(`<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${items}</colBreaks>`);
  };
}

/**
 * Writes a sheet and commits it; resolves when all its bytes have gone to the zip. `beforeCommit`
 * adds what must be tied to the sheet while it is still open (the chart's drawing).
 *
 * @example
 * await writeSheet(streamingWorkbook(out), describePractices(practices))
 */
export async function writeSheet(book: StreamingWorkbook, sheet: SheetDescription, beforeCommit?: (ws: SheetWriter) => void): Promise<void> {
  const ws = book.addSheet(sheet.name, {
    views: [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns, topLeftCell: `${column(sheet.frozenColumns + 1)}${sheet.frozenRows + 1}` }],
    pageSetup: xlsxPageSetup(sheet),
    headerFooter: xlsxHeaderFooter(sheet),
  });
  ws.pageSetup.printTitlesRow = sheet.print.titleRows;
  if (sheet.print.titleColumns) ws.pageSetup.printTitlesColumn = sheet.print.titleColumns;
  // ExcelJS puts a "$" before each corner ("A1" → "$A1", a row-relative area LibreOffice misreads): "A$1" makes it "$A$1".
  if (sheet.print.area) ws.pageSetup.printArea = sheet.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
  writeColumnBreaks(ws, sheet.print.columnBreaks);
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  // ExcelJS supports range validations but its typings lack them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) validations.add(v.range, xlsxValidation(v));
  for (const f of sheet.conditionalFormats) {
    const look = STYLE_LOOKS[f.style];
    ws.addConditionalFormatting({
      ref: f.range,
      rules: [{ type: "expression", priority: 1, formulae: [f.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill!) } }, font: { color: { argb: argb(look.color!) } } } }],
    });
  }
  const ranges: StyledRange[] = sheet.styles.map(({ range, style }, index) => ({ ...parseRange(range), look: STYLE_LOOKS[style], index }));
  // Input ranges are ranges without a look that unlock their cells, empty ones (free rows) too.
  sheet.inputRanges.forEach((range, i) => ranges.push({ ...parseRange(range), look: {}, index: sheet.styles.length + i, unlocked: true }));
  const lastRow = ranges.reduce((n, s) => Math.max(n, s.bottom), sheet.cells.length);
  ws._formulae = NO_SHARED_FORMULAS;
  // Synchronous despite the promise: ExcelJS only computes a hash for a password, and there is none.
  void ws.protect("", xlsxProtection());
  const styles = new StyleCache();
  const heights = new Map(sheet.rowHeights ?? []);
  for (let r = 1; r <= lastRow; r++) {
    writeRow(ws, sheet, r, ranges, styles, heights);
    const wait = drained(ws.stream, book.failure);
    if (wait) await wait;
  }
  beforeCommit?.(ws);
  ws.commit();
  await finished(ws.stream, book.failure);
}
