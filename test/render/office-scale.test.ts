import { MemoryExcel } from "../../src/host/memory-excel";
import { SCHEMES } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { describeWorkbook } from "../../src/workbook/describe";
import { renderWorkbook } from "../../src/render/office/render";
import { planWrites } from "../../src/render/office/plan";

const MB4 = 4 * 1024 * 1024;
const MB5 = 5 * 1024 * 1024;

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

/** Renders n practices × 4 years into an empty workbook (no calculation: this counts requests). */
export async function renderAtScale(n: number) {
  const host = new MemoryExcel({ calculate: false });
  const description = describeWorkbook({ scheme: SCHEMES.flevoland, practices: practices(n), budgetYear: 2026, years: 4 });
  await host.run(async (context) => {
    const state = { sheetNames: ["Blad1"], nameItems: [], registry: null, calculationMode: "Automatic" };
    // Two reads precede a build in the task pane (sheets, then inputs); they are counted here as two syncs.
    await context.sync();
    await context.sync();
    await renderWorkbook(context as unknown as Excel.RequestContext, description, state, { supports: () => true });
  });
  return { host, description, totalBytes: planWrites(description).totalBytes };
}

describe("requests at scale", () => {
  it.each([12, 500])("builds %i practices × 4 years in at most 10 syncs", async (n) => {
    const { host } = await renderAtScale(n);
    expect(host.syncs.length).toBeLessThanOrEqual(10);
    expect(host.largestRequestBytes).toBeLessThanOrEqual(MB5);
  });

  it("builds 5,000 practices × 4 years within 6 + ⌈total bytes / 4 MB⌉ syncs, no request over 5 MB", async () => {
    const { host } = await renderAtScale(5000);
    expect(host.syncs.length).toBeLessThanOrEqual(6 + Math.ceil(host.totalRequestBytes / MB4));
    expect(host.largestRequestBytes).toBeLessThanOrEqual(MB5);
    expect(host.state.sheet("Uitbetalingen")!.cells.size).toBeGreaterThan(20000 * 12 - 1);
  }, 300_000);
});
