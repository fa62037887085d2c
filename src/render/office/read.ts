/**
 * Reads what a build needs from the open workbook: two syncs, and one more (or, for a register
 * typed full at national scale, a few) for the typed rows of Uitbetalingen (./read-payouts).
 * Every API here is in ExcelApi 1.9, which the manifest requires.
 */
import { PARAMETERS_SHEET } from "../../workbook/parameters-sheet";
import { column } from "../../workbook/a1";
import { PAYOUTS_SHEET } from "../../workbook/payouts-sheet";
import { queuePayoutsRead, readTypedPayouts } from "./read-payouts";
import { PRACTICES_SHEET } from "../../workbook/practices-sheet";
import { REALISATION_READ_COLUMNS } from "../../workbook/realisation-read";
import { REALISATION_SHEET } from "../../workbook/realisation-sheet";
import type { Values } from "../../workbook/read-back";
import { reusableOptions, type ProtectedSheet } from "./protection";
import { parseRegistry, REGISTRY_KEY } from "./registry";
import type { WorkbookState } from "./render";

export interface WorkbookContents {
  state: WorkbookState;
  /** Values from A1 of the input sheets, null where the sheet does not exist. */
  parameters: Values | null;
  practices: Values | null;
  payouts: Values | null;
  realisation: Values | null;
  /** Address of the constant cells of each registered sheet (null: none, or not supported). */
  constants: Map<string, string | null>;
}

/** Pads a used range's values so that row 0 is sheet row 1 and column 0 is column A. */
function fromA1(values: unknown[][], rowIndex: number, columnIndex: number): Values {
  const pad = new Array<unknown>(columnIndex).fill("");
  return [...Array.from({ length: rowIndex }, () => [] as unknown[]), ...values.map((row) => [...pad, ...row])];
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookContents> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name,items/protection/protected,items/protection/options");
  // With their formulas: a switch that fails puts back a name it had pointed elsewhere (./repair).
  const names = workbook.names.load("items/name,items/formula");
  const setting = workbook.settings.getItemOrNullObject(REGISTRY_KEY).load("value");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const registry = setting.isNullObject ? null : parseRegistry(setting.value);
  // The generated sheets a build must lift the protection of first, and put back should it fail.
  const ours = new Set((registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
  const protectedSheets: ProtectedSheet[] = sheets.items
    .filter((s) => ours.has(s.name.toLowerCase()) && s.protection.protected)
    .map((s) => ({ name: s.name, options: reusableOptions(s.protection.options) }));
  const has = (name: string) => sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
  const usedRange = (name: string) => (has(name) ? workbook.worksheets.getItem(name).getUsedRangeOrNullObject().load("values,rowIndex,columnIndex") : null);
  // Of Uitbetalingen only what a rebuild keeps: the rows with a typed cell (./read-payouts).
  const payoutsSheet = registry?.sheets.some((s) => s.name === PAYOUTS_SHEET) && has(PAYOUTS_SHEET) ? workbook.worksheets.getItem(PAYOUTS_SHEET) : null;
  const payouts = payoutsSheet ? queuePayoutsRead(payoutsSheet) : null;
  // Of Realisatie likewise: name, AGB code, year and the typed quarters (A to K).
  const registered = (name: string) => registry?.sheets.some((s) => s.name === name) && has(name);
  const realisation = registered(REALISATION_SHEET) ? workbook.worksheets.getItem(REALISATION_SHEET).getRange(`A:${column(REALISATION_READ_COLUMNS)}`).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") : null;
  const ranges = { parameters: usedRange(PARAMETERS_SHEET), practices: usedRange(PRACTICES_SHEET), realisation };
  const special = new Map<string, Excel.RangeAreas>();
  for (const sheet of registry?.sheets ?? []) {
    if (has(sheet.name)) special.set(sheet.name, workbook.worksheets.getItem(sheet.name).getRange().getSpecialCellsOrNullObject("Constants").load("address"));
  }
  await context.sync();

  const valuesOf = (range: Excel.Range | null) => (range && !range.isNullObject ? fromA1(range.values, range.rowIndex, range.columnIndex) : range ? [] : null);
  const constants = new Map<string, string | null>();
  for (const [name, areas] of special) constants.set(name, areas.isNullObject ? null : areas.address);
  const payoutValues = payoutsSheet && payouts ? await readTypedPayouts(context, payoutsSheet, payouts) : null;
  return {
    state: {
      sheetNames,
      nameItems: names.items.map((n) => n.name),
      nameFormulas: Object.fromEntries(names.items.map((n) => [n.name, String(n.formula)])),
      registry,
      registryValue: setting.isNullObject ? undefined : setting.value,
      protectedSheets,
    },
    parameters: valuesOf(ranges.parameters),
    practices: valuesOf(ranges.practices),
    payouts: payoutValues,
    realisation: valuesOf(ranges.realisation),
    constants,
  };
}
