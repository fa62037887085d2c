/**
 * A rebuild reads of Uitbetalingen only the rows with a typed cell (issue 11.2 made the register
 * five rows per practice-year; reading it whole came to 8.6 MB at 5,000 practices, over Excel's
 * 5 MB response), in as many syncs as its response budget asks, and finds the same payments.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { queuePayoutsRead, readTypedPayouts, rowBlocks, rowsOfAreas } from "../../src/render/office/read-payouts";
import { readPayments, type Values } from "../../src/workbook/read-back";
import { buildOn, typeInto, valueOf } from "../support/memory";
import type { BuildRequest, ExcelRun } from "../../src/taskpane/pipeline";

const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 2, hourlyCost: "52.50", withSample: true } };

describe("reading the typed rows of Uitbetalingen", () => {
  it("takes the rows of an address of areas and joins rows close together into blocks", () => {
    expect(rowsOfAreas("Uitbetalingen!F5:J6,Uitbetalingen!H9,'Uitbetalingen'!$G$40")).toEqual([5, 6, 9, 40]);
    expect(rowBlocks([4, 5, 6, 9, 40, 41, 60])).toEqual([[4, 9], [40, 41], [60, 60]]);
  });

  it("finds the same payments as a read of the whole register, in several syncs when the budget is small", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
    // Payments on rows far apart: compensation rows and formation rows, as a controller types them through the year.
    const rows: number[] = [];
    for (let r = 5; r < 400; r++) if (typeof valueOf(host, "Uitbetalingen", `B${r}`) === "string" && /^\d{8}$/.test(valueOf(host, "Uitbetalingen", `B${r}`) as string) && r % 7 === 0) rows.push(r);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) await typeInto(host, "Uitbetalingen", `F${r}:I${r}`, [[`F-${r}`, 46100, 100 + r, 100 + r]]);

    const run = host.run as unknown as ExcelRun;
    let whole: Values = [];
    let sparse: Values = [];
    const before = host.syncs.length;
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Uitbetalingen");
      const used = sheet.getUsedRangeOrNullObject().load("values");
      const first = queuePayoutsRead(sheet);
      await context.sync();
      whole = used.values as unknown[][];
      sparse = await readTypedPayouts(context, sheet, first, 2_000);
    });
    // One sync for the first read, then batches of 2,000 bytes of rows (5 rows a batch at 400 bytes a row).
    expect(host.syncs.length - before).toBeGreaterThan(3);
    const found = readPayments(sparse);
    expect([...found.keys()].sort()).toEqual([...readPayments(whole).keys()].sort());
    expect(found.size).toBe(rows.length);
    expect([...found.values()].map((p) => p.invoiced).sort()).toEqual(rows.map((r) => 100 + r).sort());
    // The rows without a typed cell carry only their column A.
    expect(sparse.filter((row) => row.length > 1).length).toBeLessThan(rows.length * 8);
  });

  it("reads nothing more when nothing is typed: one sync, column A and the address", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
    const before = host.syncs.length;
    const run = host.run as unknown as ExcelRun;
    let sparse: Values = [];
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Uitbetalingen");
      const first = queuePayoutsRead(sheet);
      await context.sync();
      sparse = await readTypedPayouts(context, sheet, first);
    });
    expect(host.syncs.length - before).toBe(1);
    expect(readPayments(sparse).size).toBe(0);
    expect(sparse.every((row) => row.length <= 1)).toBe(true);
  });
});
