/**
 * One page of a sheet as a table, formatted roughly as Excel shows it: number formats, the
 * fills and fonts the renderer set (the yellow input cells, the header fill), column widths,
 * wrapped headers, and the selected cell. Colours go through the CSSOM: the demo's
 * Content-Security-Policy allows no style attributes.
 */
import type { MemorySheet, MemoryWorkbook } from "../host/state";
import { column } from "../workbook/a1";
import { el } from "../taskpane/dom";
import { contrast, MIN_CONTRAST, parseHex } from "../taskpane/contrast";
import { serialToIso } from "../workbook/read-back";

export const ROWS_PER_PAGE = 100;
/** Excel's default column width (8.43 characters, 64 px at 11 pt), at the grid's scale. */
const DEFAULT_WIDTH = 48;
const PX_PER_POINT = 1.25;
const ROW_HEAD_WIDTH = 36;

/** What a number format shows: euros, percentages and plain numbers with their decimals, dates dd-mm-jjjj. */
export function display(value: string | number | boolean | null | undefined, format: string | undefined): string {
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  if (!format) return String(value).replace(".", ",");
  if (/d+[-/]m+[-/]y+/i.test(format)) return serialToIso(value).split("-").reverse().join("-");
  const section = format.split(";")[0];
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: section.includes(",") || section.includes("€") };
  if (section.includes("%")) return new Intl.NumberFormat("nl-NL", { ...options, style: "percent" }).format(value);
  if (section.includes("€")) return new Intl.NumberFormat("nl-NL", { ...options, style: "currency", currency: "EUR" }).format(value);
  return new Intl.NumberFormat("nl-NL", options).format(value);
}

/** The page's background behind an unfilled cell, for the contrast of a cell's own font colour. */
const sheetBackground = () => (document.documentElement.dataset.theme === "dark" ? "#1e1e1e" : "#ffffff");

/** A cell's fill and font as Excel shows them; a font colour that would not read on its background gives way. */
function paint(td: HTMLElement, fill: string | undefined, font: string | undefined): void {
  const background = parseHex(fill) ? fill! : null;
  if (background) {
    td.style.setProperty("background-color", background);
    td.style.setProperty("color", "#1f1f1f"); // Excel keeps a filled cell's text dark in every theme
  }
  const behind = parseHex(background ?? sheetBackground())!;
  if (font && parseHex(font) && contrast(parseHex(font)!, behind) >= MIN_CONTRAST) td.style.setProperty("color", font);
}

export interface Selection {
  row: number;
  col: number;
}

export function drawGrid(state: MemoryWorkbook, sheet: MemorySheet, page: number, selected: Selection, box: { bottom: number; right: number }): HTMLTableElement {
  const first = page * ROWS_PER_PAGE + 1;
  const last = Math.min(box.bottom, first + ROWS_PER_PAGE - 1);
  // Excel's widths are in points of its 11 pt Calibri; the grid's 11 px fallback font (Segoe UI,
  // DejaVu Sans) runs wider, so PX_PER_POINT keeps a header that fits in Excel fitting here. A fixed layout holds the columns to them, as Excel does: a long note is cut at the
  // column's edge (its whole text in the cell's tooltip and the formula bar), not widening it.
  const widths = Array.from({ length: box.right }, (_, c) => Math.round(PX_PER_POINT * (sheet.columnWidths.get(c + 1) ?? DEFAULT_WIDTH)));
  const cols = widths.map((width) => {
    const col = el("col");
    col.style.setProperty("width", `${width}px`);
    return col;
  });
  const head = el("tr", {}, [el("th", { scope: "col", class: "corner" }, [el("span", { class: "visually-hidden" }, ["Rij"])]), ...cols.map((_, c) => el("th", { scope: "col" }, [column(c + 1)]))]);
  const rows: HTMLElement[] = [head];
  for (let r = first; r <= last; r++) {
    const cells = [el("th", { scope: "row" }, [String(r)])];
    for (let c = 1; c <= box.right; c++) {
      const cell = state.cell(sheet, r, c);
      const value = state.valueAt(sheet, r, c);
      // Text runs on over empty cells to its right, as in Excel (titles, notes).
      const spill = typeof value === "string" && !cell?.format?.wrap && !cell?.format?.fill && (state.valueAt(sheet, r, c + 1) ?? "") === "";
      const classes = [typeof value === "number" ? "num" : "", spill ? "spill" : "", cell?.format?.bold ? "bold" : "", cell?.format?.wrap ? "wrap" : "", r === selected.row && c === selected.col ? "selected" : ""];
      const shown = display(value, cell?.numberFormat);
      const td = el("td", { class: classes.join(" ").trim(), "data-address": `${column(c)}${r}`, "data-row": String(r), "data-col": String(c), ...(shown.length > 12 ? { title: shown } : {}) }, [shown]);
      paint(td, cell?.format?.fill, cell?.format?.fontColor);
      cells.push(td);
    }
    rows.push(el("tr", {}, cells));
  }
  const table = el("table", { "aria-label": `${sheet.name}, rijen ${first}–${last}` }, [el("colgroup", {}, [el("col", { class: "row-head" }), ...cols]), el("tbody", {}, rows)]);
  table.style.setProperty("width", `${ROW_HEAD_WIDTH + widths.reduce((a, b) => a + b, 0)}px`);
  return table;
}
