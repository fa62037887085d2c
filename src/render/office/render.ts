/**
 * Renders a workbook description into Excel through Office.js: every sheet is built under a
 * temporary name in as few requests as the 5 MB limit allows, then switched into place in
 * one request (./switch): an existing generated sheet keeps its identity and gets the new
 * cells, a new one is renamed into place. A failure at any operation of any request is
 * repaired from a read-back, to the old budget or the new one (./repair), and reported with
 * what that read-back shows. The new sheets are protected (no password), their input ranges
 * unlocked; the protection of the old ones is lifted first and put back on a failure.
 * No application setting is touched: calculation is suspended per request, not switched off.
 */
import { ArgumentError } from "../../core/errors";
import type { WorkbookDescription } from "../../workbook/types";
import { formatCells, formatSheet } from "./format";
import { planWrites, REQUEST_BUDGET_BYTES, TEMP_PREFIX, type WriteOperation } from "./plan";
import { liftProtection, type ProtectedSheet } from "./protection";
import type { Registry } from "./registry";
import { repairAfterFailure, type SwitchOutcome } from "./repair";
import { isTransient, PROBE_PREFIX, queuePrepare, queueSwitch, switchLayout } from "./switch";

export { officeRule } from "./format";
export type { SwitchOutcome } from "./repair";

/** What the renderer needs to know of the workbook before it writes (read in one sync). */
export interface WorkbookState {
  sheetNames: string[];
  nameItems: string[];
  /** Each name's formula as read, by name: a failed switch points a name back (./repair). */
  nameFormulas?: Record<string, string>;
  registry: Registry | null;
  /** The registry setting's value as read; undefined when there is none. */
  registryValue?: unknown;
  /** Generated sheets found protected; none when left out. */
  protectedSheets?: ProtectedSheet[];
}

export type RenderStep = "writing" | "formatting" | "swapping" | "cleaning";

export interface RenderOptions {
  onProgress?: (step: RenderStep, done: number, total: number) => void;
  /** Room for cell data per request; REQUEST_BUDGET_BYTES (under Excel's 5 MB) unless set. */
  requestBudgetBytes?: number;
}

/** A build step that failed; `outcome` is what the read-back after the repair found. */
export class BuildError extends Error {
  constructor(
    readonly step: RenderStep,
    readonly cause: unknown,
    readonly outcome: SwitchOutcome,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "BuildError";
  }
}

function write(sheet: Excel.Worksheet, operation: WriteOperation): void {
  if (operation.kind === "copy") {
    sheet.getRange(operation.target).copyFrom(sheet.getRange(operation.source), operation.copyType);
    return;
  }
  const range = sheet.getRange(operation.address);
  range.formulas = operation.formulas;
  if (operation.formats) range.numberFormat = operation.formats;
}

/** Sheets the description would write over that the add-in did not make. */
export function takenSheetNames(description: WorkbookDescription, state: WorkbookState): string[] {
  const ours = new Set((state.registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
  const existing = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  return description.sheets.map((s) => s.name).filter((n) => existing.has(n.toLowerCase()) && !ours.has(n.toLowerCase()));
}

export async function renderWorkbook(context: Excel.RequestContext, description: WorkbookDescription, state: WorkbookState, options: RenderOptions = {}): Promise<void> {
  const taken = takenSheetNames(description, state);
  if (taken.length > 0) throw new ArgumentError("sheetTaken", { arg: "", name: taken[0] });
  const workbook = context.workbook;
  const tempNames = description.sheets.map((_, i) => `${TEMP_PREFIX}${i + 1}`);
  const layout = switchLayout(description, state, tempNames);
  const plan = planWrites(description, options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES, layout.targets.map((t) => t !== null));
  const total = plan.requests.length + 1;
  const lifted: readonly ProtectedSheet[] = state.protectedSheets ?? [];
  let step: RenderStep = "writing";
  let switchSent = false;
  try {
    // Before anything is written: a sheet protected with a password stops the build here.
    await liftProtection(context, lifted);
    const temps: Excel.Worksheet[] = [];
    let charts: (Excel.ChartCollection | null)[] = [];
    for (let i = 0; i < plan.requests.length; i++) {
      // Per write batch, as the documentation advises for large writes; the switch calculates the sheets.
      workbook.application.suspendApiCalculationUntilNextSync();
      if (i === 0) {
        // What an interrupted build left goes first; then the backups and inserted rows (./switch).
        for (const leftover of state.sheetNames.filter(isTransient)) workbook.worksheets.getItem(leftover).delete();
        charts = queuePrepare(context, layout, state.nameItems.filter((n) => n.startsWith(PROBE_PREFIX)));
        for (const name of plan.tempNames) temps.push(workbook.worksheets.add(name));
      }
      for (const operation of plan.requests[i]) write(temps[operation.sheet], operation);
      if (i === plan.requests.length - 1) {
        step = "formatting";
        description.sheets.forEach((sheet, index) => {
          formatCells(temps[index], sheet);
          if (layout.targets[index] === null) formatSheet(temps[index], sheet);
        });
      }
      // One sync per request on purpose: each carries at most 5 MB, Excel's limit for one request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      options.onProgress?.(step, i + 1, total);
    }

    step = "swapping";
    switchSent = true;
    queueSwitch(context, description, layout, temps, charts);
    await context.sync();
    options.onProgress?.(step, total, total);
  } catch (error) {
    options.onProgress?.("cleaning", 0, 1);
    const outcome = await repairAfterFailure(context, description, layout, switchSent, lifted);
    // A password-protected sheet refuses the build before it writes: a problem to fix, once the workbook is back as it was.
    if (error instanceof ArgumentError && outcome.state === "old") throw error;
    throw new BuildError(step, error, outcome);
  }
}
