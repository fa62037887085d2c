/**
 * Writes a workbook description as an .xlsx file with ExcelJS. Every formula carries the
 * core's value as its cached result, so Excel, LibreOffice and previewers show numbers at once.
 */
import ExcelJS from "exceljs";
import { parseRange } from "../workbook/a1";
import type { Cell, SheetDescription, WorkbookDescription } from "../workbook/types";
import { STYLE_LOOKS, type StyleLook } from "./styles";
import { addCharts } from "./xlsx-chart";

const argb = (rgb: string) => `FF${rgb}`;

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula.slice(1), result: cell.result as ExcelJS.CellFormulaValue["result"] };
  // A string is always written as text: a name like "=HYPERLINK(…)" never becomes a formula.
  return cell.value ?? null;
}

function applyLook(target: ExcelJS.Cell, look: StyleLook): void {
  if (look.bold || look.italic || look.size || look.color) {
    target.font = { ...target.font, bold: look.bold, italic: look.italic, size: look.size, color: look.color ? { argb: argb(look.color) } : undefined };
  }
  if (look.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.borderTop || look.borderBottom) {
    target.border = { ...target.border, ...(look.borderTop ? { top: { style: "thin" } } : {}), ...(look.borderBottom ? { bottom: { style: "thin" } } : {}) };
  }
  if (look.wrap) target.alignment = { wrapText: true, vertical: "top" };
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetDescription): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.pageSetup.printTitlesRow = `${sheet.frozenRows}:${sheet.frozenRows}`;
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  sheet.cells.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      target.value = cellValue(cell);
      if (cell.format) target.numFmt = cell.format;
    });
  });
  for (const { range, style } of sheet.styles) {
    const { top, left, bottom, right } = parseRange(range);
    const height = STYLE_LOOKS[style].rowHeight;
    if (height) for (let r = top; r <= bottom; r++) ws.getRow(r).height = height;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) applyLook(ws.getCell(r, c), STYLE_LOOKS[style]);
  }
  // ExcelJS supports range validations but its typings lack them.
  const validations = (ws as ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) {
    validations.add(v.range, { type: "list", allowBlank: true, formulae: [`"${v.values.join(",")}"`], showInputMessage: true, prompt: v.prompt, showErrorMessage: true, error: v.prompt });
  }
  for (const f of sheet.conditionalFormats) {
    const look = STYLE_LOOKS[f.style];
    ws.addConditionalFormatting({
      ref: f.range,
      rules: [{ type: "expression", priority: 1, formulae: [f.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill!) } }, font: { color: { argb: argb(look.color!) } } } }],
    });
  }
}

/**
 * The .xlsx bytes of a workbook description.
 *
 * @example
 * fs.writeFileSync("begroting.xlsx", await renderXlsx(describeWorkbook(input)))
 */
export async function renderXlsx(description: WorkbookDescription): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "POH-GGZ Jeugd begroting";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of description.sheets) writeSheet(workbook, sheet);
  for (const { name, ref } of description.names) workbook.definedNames.add(ref, name);
  return addCharts(Buffer.from(await workbook.xlsx.writeBuffer()), description);
}
