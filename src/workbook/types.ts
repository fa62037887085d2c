/**
 * The workbook description: everything a renderer needs to write the budget workbook, and
 * nothing about how. The Office.js renderer and the .xlsx writer both render this, and decide
 * nothing about content.
 */
export type Scalar = string | number | boolean;

/** One cell. `null` in a sheet's grid is an empty cell. */
export interface Cell {
  /** A constant: a label, or a value a person may change. Text is always text, never a formula. */
  value?: Scalar;
  /** A native Excel formula, starting with "=", with A1 references and invariant function names. */
  formula?: string;
  /** What the calculation core says the formula gives: the cached value, and the parity oracle. */
  result?: Scalar;
  /** Number format in the invariant (en-US) form, e.g. `"€ "#,##0.00`; Excel localises it. */
  format?: string;
}

/** `wrap`: body text that wraps within its column (long explanations), so a printout keeps its width. */
export type StyleName = "title" | "subtitle" | "header" | "total" | "input" | "note" | "ok" | "bad" | "wrap";

export interface RangeStyle {
  /** A1 range on the sheet, e.g. "A4:V4". */
  range: string;
  style: StyleName;
}

/**
 * A data validation: what Excel accepts in a range, with a Dutch prompt (shown on selecting a
 * cell) and error (shown when a person types something else). Blank is always allowed.
 */
export type Validation = ValidationText &
  (
    | { kind: "list"; values: string[] }
    /** A whole number, or a number, at least `min`, and at most `max` if given. */
    | { kind: "whole" | "decimal"; min: number; max?: number }
    /** A date between `min` and `max` (ISO dates). */
    | { kind: "date"; min: string; max: string }
    /** A formula that must be TRUE, written for the range's top-left cell, relative like Excel's (no "="). */
    | { kind: "custom"; formula: string }
  );

export interface ValidationText {
  range: string;
  /** Short title of the prompt and the error box, e.g. "Patiënten". */
  title: string;
  prompt: string;
  error: string;
}

/** A conditional format: `formula` is written for the range's top-left cell, relative like Excel's. */
export interface ConditionalFormat {
  range: string;
  formula: string;
  style: "ok" | "bad";
}

export interface ChartSeries {
  name: string;
  /** Absolute A1 range of the values, with sheet name. */
  values: string;
  /** Drawn as a line with markers over the columns: a total the columns' parts add up to. */
  line?: boolean;
}

export interface ChartDescription {
  title: string;
  /** Title of the value axis (what the numbers are). */
  valueAxisTitle: string;
  type: "columnStacked" | "columnClustered";
  /** Absolute A1 range of the category labels (the years). */
  categories: string;
  series: ChartSeries[];
  /** Where it stands: top-left cell and size in cells. */
  anchor: { cell: string; columns: number; rows: number };
}

export type SheetKind = "parameters" | "practices" | "budget" | "forecast" | "insurer" | "payouts" | "realisation" | "checks";

export interface SheetDescription {
  name: string;
  kind: SheetKind;
  /** Rows of cells from A1; every row has the same length (a whole 2-D block). */
  cells: (Cell | null)[][];
  columnWidths: number[];
  frozenRows: number;
  /**
   * Heights in points of rows whose wrapped text needs more than one line (row, height):
   * neither LibreOffice nor Excel grows a row to its wrapped text when opening a file.
   */
  rowHeights?: [number, number][];
  /** Columns kept in view when scrolling right (the practice's name), 0 for none. */
  frozenColumns: number;
  styles: RangeStyle[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartDescription[];
  /** Columns (0-based) a person fills in by hand on a generated sheet; a rebuild keeps them. */
  manualColumns: number[];
  /** Ranges where a person types (inputs); anything typed elsewhere counts as an edit of a generated sheet. */
  inputRanges: string[];
  /** First row (1-based) of the data rows, below the header. */
  firstDataRow: number;
  print: PrintSetup;
}

/** A header or footer in three parts, in Excel's codes (&P page, &N pages; a literal "&" is "&&"). */
export interface PageTexts {
  left: string;
  center: string;
  right: string;
}

/**
 * How a sheet prints on A4: at a fixed `scale`, with a page break after each of `columnBreaks`
 * (Excel ignores manual breaks when fitting to a width, and a wide sheet fitted to one page
 * prints too small to read), the scale chosen so that every part fits one page wide.
 */
export interface PrintSetup {
  landscape: boolean;
  /** Percent, at least MIN_SCALE (./page), so 11-point text prints at 8 points or more. */
  scale: number;
  /** 1-based columns after which a new page starts (the column groups of the Begroting). */
  columnBreaks: number[];
  /** Rows repeated at the top of every page, e.g. "4:4". */
  titleRows: string;
  /** Columns repeated at the left of every page, e.g. "A:A" (the practice's name). */
  titleColumns?: string;
  /** What a printout holds when not the whole used range (Praktijken: not the empty spare rows below the free rows). */
  area?: string;
  header: PageTexts;
  footer: PageTexts;
}

export interface DefinedName {
  name: string;
  /** Absolute reference with sheet, e.g. "Uitgangspunten!$C$5". */
  ref: string;
}

export interface WorkbookDescription {
  sheets: SheetDescription[];
  names: DefinedName[];
}

/**
 * A workbook description whose sheets are made one at a time, in workbook order, as a writer
 * that streams asks for them; each can be dropped once written, so the whole workbook never
 * sits in memory at once. The sheets are the same as those of the WorkbookDescription.
 *
 * @example
 * for (const sheet of describeWorkbookStreamed(input).description.sheets) write(sheet);
 */
export interface StreamedWorkbook {
  /** Sheets, made on demand; iterate once. */
  sheets: Iterable<SheetDescription>;
  names: DefinedName[];
  /** Practices on the Praktijken sheet: a writer's limits are checked before any sheet is made. */
  practiceCount: number;
}
