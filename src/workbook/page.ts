/**
 * How the sheets look on paper and on screen beyond their cells: the page header and footer
 * every sheet shares, and column widths that keep a header's words whole.
 */
import { column, parseRange } from "./a1";
import type { PageTexts, PrintSetup, SheetDescription } from "./types";

const NONE: PageTexts = { left: "", center: "", right: "" };

export interface PrintOptions {
  /** Rows repeated at the top of every page, e.g. "4:4". */
  titleRows: string;
  /** How many columns from A repeat at the left of every page (the practice's name). */
  titleColumns?: number;
  /** 1-based columns after which a new page starts. */
  breaks?: number[];
  area?: string;
}

/**
 * A sheet's landscape print setup with the scale at which each part fits one page wide; the
 * header and footer come from the workbook (withPageTexts).
 *
 * @example
 * printSetup([30, 12, 12], { titleRows: "4:4", titleColumns: 1 }).titleColumns // "A:A"
 */
export function printSetup(widths: readonly number[], options: PrintOptions): PrintSetup {
  const titleColumns = options.titleColumns ?? 0;
  const breaks = options.breaks ?? [];
  return {
    landscape: true,
    scale: scaleForParts(widths, titleColumns, breaks),
    columnBreaks: breaks,
    titleRows: options.titleRows,
    ...(titleColumns > 0 ? { titleColumns: `A:${column(titleColumns)}` } : {}),
    ...(options.area ? { area: options.area } : {}),
    header: NONE,
    footer: NONE,
  };
}

export interface PageInfo {
  /** The municipality's name as typed (Uitgangspunten), or "" when none is known. */
  municipality: string;
  budgetYear: number;
  /** The day of the build, dd-mm-jjjj. */
  buildDate: string;
}

/** Text as a header takes it: "&" starts a code there, so a literal one is doubled. */
const literal = (text: string) => text.replace(/&/g, "&&");

/**
 * The header (municipality, sheet, budget year) and footer (build date, page n of m) of a
 * printed sheet, the same in the .xlsx and through Office.js.
 *
 * @example
 * pageTexts("Begroting 2026", { municipality: "Polderland", budgetYear: 2026, buildDate: "01-07-2026" }).footer.right // "pagina &P van &N"
 */
export function pageTexts(sheetName: string, info: PageInfo): { header: PageTexts; footer: PageTexts } {
  return {
    header: {
      left: literal(info.municipality ? `Gemeente ${info.municipality}` : "POH-GGZ Jeugd"),
      center: literal(sheetName),
      right: `Begrotingsjaar ${info.budgetYear}`,
    },
    footer: { left: `Gemaakt op ${info.buildDate}`, center: "", right: "pagina &P van &N" },
  };
}

/** The sheet with the workbook's header and footer on its print setup, and its wrapped rows' heights. */
export function withPageTexts(sheet: SheetDescription, info: PageInfo): SheetDescription {
  const rowHeights = wrappedRowHeights(sheet);
  return { ...sheet, print: { ...sheet.print, ...pageTexts(sheet.name, info) }, ...(rowHeights.length ? { rowHeights } : {}) };
}

/** Points a line of 11-point text takes in a row (Excel's default row is 15). */
const LINE_HEIGHT = 15;
/** Width of a character of body text in column-width units, in the widest font (DejaVu Sans). */
const bodyCharWidth = (ch: string) => (/[ijl.,:;'|! ]/.test(ch) ? 0.42 : /[ftr()\-–]/.test(ch) ? 0.6 : /[mwMW%]/.test(ch) ? 1.35 : /[A-Z]/.test(ch) ? 1.05 : 0.88);

/**
 * Lines a text takes in a column of `width` characters, wrapped between words as a
 * spreadsheet does (a word longer than the column takes lines of its own).
 *
 * @example
 * wrappedLines("Aandeel gemeente en compensatiepercentages op Uitgangspunten.", 36) // 2
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, width - 1.5);
  const charWidth = (ch: string) => bodyCharWidth(ch) * (bold ? 1.12 : 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const w = [...word].reduce((sum, ch) => sum + charWidth(ch), 0);
    const needed = used === 0 ? w : used + charWidth(" ") + w;
    if (needed <= room) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.max(0, Math.ceil(w / room) - 1);
      used = w % room || room;
    }
  }
  return lines;
}

/**
 * The rows of the sheet's "wrap" and "header" ranges whose text (a label, or a formula's
 * result) needs more than one line, at the height of their most lines.
 */
function wrappedRowHeights(sheet: SheetDescription): [number, number][] {
  const lines = new Map<number, number>();
  for (const { range, style } of sheet.styles) {
    if (style !== "wrap" && style !== "header") continue;
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) {
      const row = sheet.cells[r - 1];
      if (!row) continue;
      for (let c = left; c <= right; c++) {
        const cell = row[c - 1];
        const shown = cell?.formula !== undefined ? cell.result : cell?.value;
        if (typeof shown !== "string" || shown.length < (sheet.columnWidths[c - 1] ?? 8) - 1) continue;
        const n = wrappedLines(shown, sheet.columnWidths[c - 1] ?? 8, style === "header");
        if (n > (lines.get(r) ?? 1)) lines.set(r, n);
      }
    }
  }
  return [...lines].sort(([a], [b]) => a - b).map(([r, n]) => [r, n * LINE_HEIGHT]);
}

/**
 * Characters of column width a bold header word needs, measured for the widest font it may
 * be drawn in: LibreOffice without Calibri uses DejaVu Sans, whose bold letters are about a
 * digit wide (narrow ones less, m and capitals more). A word that does not fit breaks inside
 * itself ("Maande n"); one character of padding.
 */
export function wordWidth(word: string): number {
  let width = 1;
  for (const ch of word) width += /[ijl.,:;'|!]/.test(ch) ? 0.55 : /[ftr()]/.test(ch) ? 0.8 : /[mMW%]/.test(ch) ? 1.6 : /[A-Zw]/.test(ch) ? 1.35 : 1.1;
  return Math.ceil(width);
}

/**
 * Column widths at least as wide as the longest word of each header (wrapping then breaks
 * between words only).
 *
 * @example
 * headerWidths(["Maanden actief"], [8]) // [10]: "Maanden" stays whole
 */
export function headerWidths(headers: readonly string[], widths: readonly number[]): number[] {
  return widths.map((width, i) => Math.max(width, ...(headers[i] ?? "").split(/[\s/-]+/).map(wordWidth)));
}

/**
 * Pixels of a column of `width` characters, at the widest a spreadsheet draws it: Excel counts
 * 7 px a character (Calibri's digit), LibreOffice without Calibri 9.5 px (DejaVu Sans). A part
 * that fits at 9.5 px fits one page wide wherever it is printed.
 */
const columnPixels = (width: number) => Math.round(width * 9.5 + 5);
/** Printable width of A4 landscape at 96 dpi between margins of 0.4 inch (PAGE_MARGINS), a little kept spare. */
const PRINTABLE_PIXELS = (11.69 - 0.8) * 96 * 0.98;
/**
 * Below this scale 11-point text prints under 8 points: LibreOffice draws it at 8.1 points at
 * 74% (and under 8 at 73%), so 75% keeps a margin.
 */
export const MIN_SCALE = 75;

/**
 * The print scale (percent) at which every part of a sheet fits one page wide: the repeated
 * title columns plus the widest group of columns between the page breaks.
 *
 * @example
 * scaleForParts([30, 10, 10, 10], 1, [2]) // 100: each part fits at full size
 */
export function scaleForParts(widths: readonly number[], titleColumns: number, breaks: readonly number[]): number {
  const titles = widths.slice(0, titleColumns).reduce((sum, w) => sum + columnPixels(w), 0);
  const ends = [...breaks, widths.length];
  let widest = 0;
  ends.forEach((end, i) => {
    const start = i === 0 ? titleColumns : ends[i - 1];
    widest = Math.max(widest, titles + widths.slice(start, end).reduce((sum, w) => sum + columnPixels(w), 0));
  });
  return Math.max(MIN_SCALE, Math.min(100, Math.floor((100 * PRINTABLE_PIXELS) / widest)));
}

/** Margins in inches: narrow at the sides so a part of the Begroting prints larger. */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;
