/** Reads what a build needs from the open workbook, in two syncs. */
import { PARAMETERS_SHEET } from "../../workbook/parameters-sheet";
import { PAYOUTS_SHEET } from "../../workbook/payouts-sheet";
import { PRACTICES_SHEET } from "../../workbook/practices-sheet";
import type { Values } from "../../workbook/read-back";
import { parseRegistry, REGISTRY_KEY } from "./registry";
import type { WorkbookState } from "./render";

export interface WorkbookContents {
  state: WorkbookState;
  /** Values from A1 of the input sheets, null where the sheet does not exist. */
  parameters: Values | null;
  practices: Values | null;
  payouts: Values | null;
  /** Address of the constant cells of each registered sheet (null: none, or not supported). */
  constants: Map<string, string | null>;
}

/** Pads a used range's values so that row 0 is sheet row 1 and column 0 is column A. */
function fromA1(values: unknown[][], rowIndex: number, columnIndex: number): Values {
  const pad = new Array<unknown>(columnIndex).fill("");
  return [...Array.from({ length: rowIndex }, () => [] as unknown[]), ...values.map((row) => [...pad, ...row])];
}

export async function readWorkbook(context: Excel.RequestContext, supports: (version: string) => boolean): Promise<WorkbookContents> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name");
  const setting = workbook.settings.getItemOrNullObject(REGISTRY_KEY).load("value");
  const application = supports("1.8") ? workbook.application.load("calculationMode") : null;
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const registry = setting.isNullObject ? null : parseRegistry(setting.value);
  const has = (name: string) => sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
  const usedRange = (name: string) => (has(name) ? workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("values,rowIndex,columnIndex") : null);
  const ranges = { parameters: usedRange(PARAMETERS_SHEET), practices: usedRange(PRACTICES_SHEET), payouts: registry?.sheets.some((s) => s.name === PAYOUTS_SHEET) ? usedRange(PAYOUTS_SHEET) : null };
  const special = new Map<string, Excel.RangeAreas>();
  if (supports("1.9")) {
    for (const sheet of registry?.sheets ?? []) {
      if (has(sheet.name)) special.set(sheet.name, workbook.worksheets.getItem(sheet.name).getRange().getSpecialCellsOrNullObject("Constants").load("address"));
    }
  }
  await context.sync();

  const valuesOf = (range: Excel.Range | null) => (range && !range.isNullObject ? fromA1(range.values, range.rowIndex, range.columnIndex) : range ? [] : null);
  const constants = new Map<string, string | null>();
  for (const [name, areas] of special) constants.set(name, areas.isNullObject ? null : areas.address);
  return {
    state: { sheetNames, nameItems: names.items.map((n) => n.name), registry, calculationMode: application?.calculationMode ?? "Automatic" },
    parameters: valuesOf(ranges.parameters),
    practices: valuesOf(ranges.practices),
    payouts: valuesOf(ranges.payouts),
    constants,
  };
}
