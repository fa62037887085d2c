/** Made-up municipalities of any size, for the scale tests and the benchmark. */
import { SCHEMES } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { MemoryExcel, type SyncRecord } from "../../src/host/memory-excel";
import { planWrites } from "../../src/render/office/plan";
import { renderWorkbook } from "../../src/render/office/render";
import { build, type BuildRequest, type ExcelRun } from "../../src/taskpane/pipeline";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import type { Cell, WorkbookDescription } from "../../src/workbook/types";
import { utf8Bytes } from "../../src/core/text";
import { MANUAL_COLUMNS } from "../../src/workbook/payouts-sheet";
import { REALISATION_READ_COLUMNS } from "../../src/workbook/realisation-read";

export function practices(n: number): Practice[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Huisartsenpraktijk ${i + 1}`,
    agb: `01${String(i).padStart(6, "0")}`,
    location: "Plaats",
    patients: 1500 + ((i * 37) % 3000),
    model: (["basis", "aanvullend", "extra"] as const)[i % 3],
    weeklyHours: null,
    startDate: i % 5 === 0 ? "2025-03-01" : null,
    endDate: null,
  }));
}

export const scaleInput = (n: number, years = 4): BudgetInput => ({ scheme: SCHEMES.flevoland, practices: practices(n), budgetYear: 2026, years });

/** The practices as the CSV a finance officer imports. */
export function practicesCsv(n: number): string {
  const date = (iso: string | null) => (iso === null ? "" : iso.split("-").reverse().join("-"));
  const rows = practices(n).map((p) => [p.name, p.agb, p.location, p.patients, p.model, "", date(p.startDate), date(p.endDate)].join(";"));
  return ["praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum", ...rows].join("\n");
}

/**
 * Renders n practices × 4 years into an empty in-memory workbook, as the task pane does after
 * its two reads (counted as two syncs). No calculation: this counts requests. A smaller
 * `requestBudgetBytes` than Excel's limit splits the writes into more requests.
 */
export async function renderAtScale(n: number, requestBudgetBytes?: number) {
  const host = new MemoryExcel({ calculate: false });
  const description = describeWorkbook(scaleInput(n));
  await host.run(async (context) => {
    const state = { sheetNames: ["Blad1"], nameItems: [], registry: null };
    await context.sync();
    await context.sync();
    await renderWorkbook(context as unknown as Excel.RequestContext, description, state, { requestBudgetBytes });
  });
  return { host, description, totalBytes: planWrites(description).totalBytes };
}

/**
 * The task pane's own steps at scale: an import of n practices into a new budget, then a
 * rebuild, which reads Praktijken and Uitbetalingen back (the responses). With calculation, so
 * the read-back carries the values Excel would send. The syncs of each step, in order.
 */
export async function paneAtScale(n: number): Promise<{ imported: SyncRecord[]; rebuilt: SyncRecord[] }> {
  const host = new MemoryExcel();
  const run = host.run as unknown as ExcelRun;
  const step = async (request: BuildRequest) => {
    const from = host.syncs.length;
    const outcome = await build(run, request, { language: "nl", confirmed: true });
    if (outcome.kind !== "built") throw new Error(`${request.mode}: ${JSON.stringify(outcome).slice(0, 300)}`);
    return host.syncs.slice(from);
  };
  await step({ mode: "new", budget: { schemeId: "flevoland", budgetYear: 2026, years: 4, hourlyCost: "52.50", withSample: false } });
  const imported = await step({ mode: "import", csv: practicesCsv(n) });
  const rebuilt = await step({ mode: "rebuild" });
  return { imported, rebuilt };
}

/**
 * What a rebuild's read-back would carry, in UTF-8 bytes: the values of each used range as
 * Excel sends them (a formula's value is its result); of Uitbetalingen column A of every row
 * and A–J with the kind (T) of the rows holding a typed cell (src/render/office/read-payouts.ts).
 * For sizes where running the pane with calculation takes too long; at 500 practices the bench
 * shows it beside the measured figure.
 */
export function readBackBytes(description: WorkbookDescription): number {
  const columns = new Map([["Uitgangspunten", Infinity], ["Praktijken", Infinity], ["Realisatie", REALISATION_READ_COLUMNS]]);
  const shown = (c: Cell | null | undefined) => (c?.formula !== undefined ? (c.result ?? "") : (c?.value ?? ""));
  let bytes = 0;
  for (const sheet of description.sheets) {
    if (sheet.name === "Uitbetalingen") {
      const typed = sheet.cells.filter((row, r) => r >= 4 && MANUAL_COLUMNS.some((c) => row[c]?.value !== undefined && row[c]?.formula === undefined));
      bytes += utf8Bytes(JSON.stringify(sheet.cells.map((row) => [shown(row[0])])));
      bytes += utf8Bytes(JSON.stringify([sheet.cells[3], ...typed].map((row) => [...row.slice(0, Math.max(...MANUAL_COLUMNS) + 1).map(shown), shown(row[19])])));
      continue;
    }
    if (!columns.has(sheet.name)) continue;
    const width = columns.get(sheet.name)!;
    let last = 0;
    sheet.cells.forEach((row, r) => {
      if (row.some((c) => c && (c.formula !== undefined || (c.value !== undefined && c.value !== null)))) last = r;
    });
    bytes += utf8Bytes(JSON.stringify(sheet.cells.slice(0, last + 1).map((row) => row.slice(0, width).map(shown))));
  }
  return bytes;
}
