/**
 * The formatting of a generated sheet through Office.js, in two parts:
 * - `formatCells`: what belongs to the cells (styles, row heights, the unlocked inputs, data
 *   validation, conditional formats). It goes on the new sheet as it is built, and travels with
 *   the cells when the switch copies them into an existing sheet (Range.copyFrom, "All").
 * - `formatSheet`: what belongs to the sheet (column widths, frozen rows, charts, page setup).
 *   A sheet that is new gets it as it is built; an existing sheet rebuilt in place gets it once
 *   the new budget is committed (./switch), since copying cells does not carry it.
 * Every API here is in ExcelApi 1.9 or earlier, which the manifest requires (the page layout,
 * print titles, headers and page breaks are 1.9).
 */
import { column, parseRange } from "../../workbook/a1";
import type { SheetDescription, Validation } from "../../workbook/types";
import { PAGE_MARGINS } from "../../workbook/page";
import { STYLE_LOOKS } from "../styles";

const POINTS_PER_CHARACTER = 6;
const color = (rgb: string) => `#${rgb}`;

/** A validation as an Office.js rule (ExcelApi 1.8); a custom formula is relative to the range's top-left cell, as in Excel. */
export function officeRule(v: Validation): Excel.DataValidationRule {
  switch (v.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: v.values.join(",") } };
    case "whole":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        v.max === undefined ? { formula1: v.min, operator: "GreaterThanOrEqualTo" } : { formula1: v.min, formula2: v.max, operator: "Between" };
      return v.kind === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "date":
      return { date: { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "custom":
      return { custom: { formula: `=${v.formula}` } };
  }
}

export function formatCells(sheet: Excel.Worksheet, description: SheetDescription): void {
  for (const { range, style } of description.styles) {
    const look = STYLE_LOOKS[style];
    const format = sheet.getRange(range).format;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.size) format.font.size = look.size;
    if (look.color) format.font.color = color(look.color);
    if (look.fill) format.fill.color = color(look.fill);
    if (look.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
    if (look.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
    if (look.wrap) format.wrapText = true;
    if (look.rowHeight) format.rowHeight = look.rowHeight;
  }
  for (const [row, height] of description.rowHeights ?? []) sheet.getRange(`A${row}`).format.rowHeight = height;
  // Cells start locked: once the sheet is protected only the inputs take typing.
  for (const range of description.inputRanges) sheet.getRange(range).format.protection.locked = false;
  for (const v of description.validations) {
    const target = sheet.getRange(v.range);
    target.dataValidation.rule = officeRule(v);
    target.dataValidation.ignoreBlanks = true;
    target.dataValidation.prompt = { showPrompt: true, title: v.title, message: v.prompt };
    target.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.error };
  }
  for (const f of description.conditionalFormats) {
    const look = STYLE_LOOKS[f.style];
    const conditional = sheet.getRange(f.range).conditionalFormats.add("Custom");
    conditional.custom.rule.formula = `=${f.formula}`;
    conditional.custom.format.fill.color = color(look.fill!);
    conditional.custom.format.font.color = color(look.color!);
  }
}

/** Column widths, frozen rows, charts (on this sheet's own ranges) and page setup; all of it may be set again. */
export function formatSheet(sheet: Excel.Worksheet, description: SheetDescription): void {
  // One request operation per run of columns of the same width.
  const widths = description.columnWidths;
  for (let start = 0; start < widths.length; ) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end++;
    sheet.getRange(`${column(start + 1)}1:${column(end + 1)}1`).format.columnWidth = widths[start] * POINTS_PER_CHARACTER;
    start = end + 1;
  }
  // The header rows and the practice's name stay in view (freezeAt: ExcelApi 1.7).
  if (description.frozenColumns > 0) sheet.freezePanes.freezeAt(`A1:${column(description.frozenColumns)}${Math.max(1, description.frozenRows)}`);
  else if (description.frozenRows > 0) sheet.freezePanes.freezeRows(description.frozenRows);
  else sheet.freezePanes.unfreeze();
  for (const chartDescription of description.charts) {
    const local = (ref: string) => sheet.getRange(ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
    const [first, ...rest] = chartDescription.series;
    const chart = sheet.charts.add(chartDescription.type === "columnStacked" ? "ColumnStacked" : "ColumnClustered", local(first.values), "Columns");
    chart.title.text = chartDescription.title;
    // From 0, so a small difference between years does not look double (ExcelApi 1.1).
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.title.text = chartDescription.valueAxisTitle;
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(local(chartDescription.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(local(s.values));
      series.setXAxisValues(local(chartDescription.categories));
      // A total drawn over the stacked columns (ExcelApi 1.7).
      if (s.line) {
        series.chartType = "LineMarkers";
        series.markerStyle = "Circle";
      }
    }
    const { top, left } = parseRange(chartDescription.anchor.cell);
    chart.setPosition(chartDescription.anchor.cell, `${column(left + chartDescription.anchor.columns)}${top + chartDescription.anchor.rows}`);
  }
  formatPage(sheet, description);
}

/**
 * A4 at the description's scale with its column breaks, print titles and area, header and
 * footer (all ExcelApi 1.9). Breaks are cleared first: a sheet rebuilt in place keeps its old ones.
 */
function formatPage(sheet: Excel.Worksheet, description: SheetDescription): void {
  const print = description.print;
  const layout = sheet.pageLayout;
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = { scale: print.scale };
  layout.printOrder = "DownThenOver";
  layout.setPrintMargins("Inches", { ...PAGE_MARGINS });
  layout.setPrintTitleRows(print.titleRows.replace(/(\d+)/g, "$$$1"));
  if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns.replace(/([A-Z]+)/g, "$$$1"));
  if (print.area) layout.setPrintArea(print.area);
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.header.left;
  page.centerHeader = print.header.center;
  page.rightHeader = print.header.right;
  page.leftFooter = print.footer.left;
  page.centerFooter = print.footer.center;
  page.rightFooter = print.footer.right;
  sheet.verticalPageBreaks.removePageBreaks();
  for (const after of print.columnBreaks) sheet.verticalPageBreaks.add(`${column(after + 1)}1`);
}
