/**
 * Renders a workbook description into Excel through Office.js: every sheet is built under a
 * temporary name in as few requests as the 5 MB limit allows, then swapped in at the end in
 * one request. A failure before the swap removes the temporary sheets: the workbook stays
 * as it was.
 */
import { ArgumentError } from "../../core/errors";
import { column, parseRange } from "../../workbook/a1";
import type { SheetDescription, Validation, WorkbookDescription } from "../../workbook/types";
import { STYLE_LOOKS } from "../styles";
import { planWrites, TEMP_PREFIX, type WriteBlock } from "./plan";
import { REGISTRY_KEY, registryOf, type Registry } from "./registry";

/** What the renderer needs to know of the workbook before it writes (read in one sync). */
export interface WorkbookState {
  sheetNames: string[];
  nameItems: string[];
  registry: Registry | null;
  calculationMode: string;
}

export type RenderStep = "writing" | "formatting" | "swapping" | "cleaning";

export interface RenderOptions {
  /** Whether the host supports an ExcelApi requirement set, e.g. "1.9". */
  supports: (version: string) => boolean;
  onProgress?: (step: RenderStep, done: number, total: number) => void;
}

/** A build step that failed; the workbook was restored. */
export class BuildError extends Error {
  constructor(
    readonly step: RenderStep,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "BuildError";
  }
}

const POINTS_PER_CHARACTER = 6;
const color = (rgb: string) => `#${rgb}`;

function writeBlock(sheet: Excel.Worksheet, description: SheetDescription, block: WriteBlock): void {
  const width = description.cells[0]?.length ?? 1;
  const range = sheet.getRange(`A${block.top}:${column(width)}${block.bottom}`);
  range.formulas = block.formulas;
  range.numberFormat = block.formats;
}

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

function formatSheet(sheet: Excel.Worksheet, description: SheetDescription, supports: RenderOptions["supports"]): void {
  description.columnWidths.forEach((width, i) => (sheet.getRange(`${column(i + 1)}1`).format.columnWidth = width * POINTS_PER_CHARACTER));
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
  if (description.frozenRows > 0) sheet.freezePanes.freezeRows(description.frozenRows);
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
  for (const chartDescription of description.charts) {
    const local = (ref: string) => sheet.getRange(ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
    const [first, ...rest] = chartDescription.series;
    const chart = sheet.charts.add(chartDescription.type === "columnStacked" ? "ColumnStacked" : "ColumnClustered", local(first.values), "Columns");
    chart.title.text = chartDescription.title;
    const firstSeries = chart.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(local(chartDescription.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(local(s.values));
      series.setXAxisValues(local(chartDescription.categories));
    }
    const { top, left } = parseRange(chartDescription.anchor.cell);
    chart.setPosition(chartDescription.anchor.cell, `${column(left + chartDescription.anchor.columns)}${top + chartDescription.anchor.rows}`);
  }
  if (supports("1.9")) {
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}

/** Sheets the description would write over that the add-in did not make. */
export function takenSheetNames(description: WorkbookDescription, state: WorkbookState): string[] {
  const ours = new Set((state.registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
  const existing = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  return description.sheets.map((s) => s.name).filter((n) => existing.has(n.toLowerCase()) && !ours.has(n.toLowerCase()));
}

export async function renderWorkbook(context: Excel.RequestContext, description: WorkbookDescription, state: WorkbookState, options: RenderOptions): Promise<void> {
  const taken = takenSheetNames(description, state);
  if (taken.length > 0) throw new ArgumentError("sheetTaken", { arg: "", name: taken[0] });
  const plan = planWrites(description);
  const workbook = context.workbook;
  const total = plan.requests.length + 1;
  const suspend = () => {
    if (options.supports("1.9")) workbook.application.suspendScreenUpdatingUntilNextSync();
  };
  // Set once a request that adds the temporary sheets may have reached Excel.
  let tempsCreated = false;
  let step: RenderStep = "writing";
  try {
    const temps: Excel.Worksheet[] = [];
    for (let i = 0; i < plan.requests.length; i++) {
      suspend();
      if (i === 0) {
        if (options.supports("1.8")) workbook.application.calculationMode = "Manual";
        for (const leftover of state.sheetNames.filter((n) => n.startsWith(TEMP_PREFIX))) workbook.worksheets.getItem(leftover).delete();
        for (const name of plan.tempNames) temps.push(workbook.worksheets.add(name));
      }
      for (const block of plan.requests[i]) writeBlock(temps[block.sheet], description.sheets[block.sheet], block);
      if (i === plan.requests.length - 1) {
        step = "formatting";
        description.sheets.forEach((sheet, index) => formatSheet(temps[index], sheet, options.supports));
      }
      tempsCreated = true;
      await context.sync();
      options.onProgress?.(step, i + 1, total);
    }

    step = "swapping";
    suspend();
    const existing = new Set(state.sheetNames.map((n) => n.toLowerCase()));
    for (const name of description.names.map((n) => n.name)) if (state.nameItems.some((n) => n.toLowerCase() === name.toLowerCase())) workbook.names.getItem(name).delete();
    for (const old of state.registry?.sheets ?? []) if (existing.has(old.name.toLowerCase())) workbook.worksheets.getItem(old.name).delete();
    description.sheets.forEach((sheet, index) => {
      temps[index].name = sheet.name;
      temps[index].position = index;
    });
    for (const { name, ref } of description.names) workbook.names.add(name, `=${ref}`);
    workbook.settings.add(REGISTRY_KEY, JSON.stringify(registryOf(description)));
    if (options.supports("1.8")) workbook.application.calculationMode = state.calculationMode === "Manual" ? "Manual" : "Automatic";
    temps[Math.min(2, temps.length - 1)].activate();
    await context.sync();
    options.onProgress?.(step, total, total);
  } catch (error) {
    if (tempsCreated) {
      options.onProgress?.("cleaning", 0, 1);
      const sheets = workbook.worksheets.load("items/name");
      await context.sync();
      for (const sheet of sheets.items) if (sheet.name.startsWith(TEMP_PREFIX)) sheet.delete();
      if (options.supports("1.8")) workbook.application.calculationMode = state.calculationMode === "Manual" ? "Manual" : "Automatic";
      await context.sync();
    }
    throw error instanceof ArgumentError ? error : new BuildError(step, error);
  }
}
