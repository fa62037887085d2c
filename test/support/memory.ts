import { MemoryExcel } from "../../src/host/memory-excel";
import { parseCell } from "../../src/workbook/a1";
import type { ExcelRun } from "../../src/taskpane/pipeline";
import { build, type BuildOptions, type BuildRequest } from "../../src/taskpane/pipeline";

/** The host's run, typed as Excel.run: the host implements the subset the renderer uses. */
export const runOf = (host: MemoryExcel): ExcelRun => host.run as unknown as ExcelRun;

export function buildOn(host: MemoryExcel, request: BuildRequest, options: Partial<BuildOptions> = {}) {
  return build(runOf(host), request, { language: "nl", ...options });
}

export const NEW_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "flevoland", budgetYear: 2026, years: 4, hourlyCost: "52.50", withSample: true } };

/** Types values into cells as a person would (through the host, not the renderer). */
export async function typeInto(host: MemoryExcel, sheet: string, address: string, rows: unknown[][]): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = rows;
    await context.sync();
  });
}

export function valueOf(host: MemoryExcel, sheet: string, address: string): unknown {
  const s = host.state.sheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseCell(address);
  return host.state.valueAt(s, row, col);
}
