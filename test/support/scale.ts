/** Made-up municipalities of any size, for the scale tests and the benchmark. */
import { SCHEMES } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { MemoryExcel } from "../../src/host/memory-excel";
import { planWrites } from "../../src/render/office/plan";
import { renderWorkbook } from "../../src/render/office/render";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";

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

/**
 * Renders n practices × 4 years into an empty in-memory workbook, as the task pane does after
 * its two reads (counted as two syncs). No calculation: this counts requests.
 */
export async function renderAtScale(n: number) {
  const host = new MemoryExcel({ calculate: false });
  const description = describeWorkbook(scaleInput(n));
  await host.run(async (context) => {
    const state = { sheetNames: ["Blad1"], nameItems: [], registry: null };
    await context.sync();
    await context.sync();
    await renderWorkbook(context as unknown as Excel.RequestContext, description, state);
  });
  return { host, description, totalBytes: planWrites(description).totalBytes };
}
