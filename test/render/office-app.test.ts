/**
 * Issue 9.3: a build has no application-wide side effects. The calculation mode is an
 * application setting shared by every open workbook (and not saved): never written. API
 * calculation is suspended per write batch, screen updating once, and the build calculates
 * its own sheets. A build started while a cell is being edited waits for the edit to end.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { paneRun, type ExcelLike } from "../../src/taskpane/excel-run";
import { build } from "../../src/taskpane/pipeline";
import { buildOn, NEW_SAMPLE } from "../support/memory";
import { renderAtScale } from "../support/scale";

describe("no application-wide side effects", () => {
  it("suspends API calculation in every write batch and screen updating once, never sets the calculation mode, and calculates its sheets", async () => {
    // 500 practices with room for 100 kB per request: several write batches.
    const { host, description } = await renderAtScale(500, 100_000);
    const syncs = host.syncs.length;
    expect(syncs).toBeGreaterThan(4);
    // Syncs 1 and 2 stand for the reads; the last is the switch.
    expect(host.calculationSuspendedSyncs).toEqual(Array.from({ length: syncs - 3 }, (_, i) => i + 3));
    expect(host.screenUpdatingSuspended).toBe(1);
    expect(host.calculationModeSets).toBe(0);
    expect([...host.calculatedSheets].sort()).toEqual(description.sheets.map((s) => s.name).sort());
  }, 120_000);

  it.each(["Manual", "Automatic"])("leaves a workbook calculated %s as it was through a build and a rebuild", async (mode) => {
    const host = new MemoryExcel({ calculate: false });
    host.state.calculationMode = mode;
    expect(await buildOn(host, NEW_SAMPLE)).toMatchObject({ kind: "built" });
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect([host.state.calculationMode, host.calculationModeSets, host.screenUpdatingSuspended]).toEqual([mode, 0, 2]);
  });
});

describe("a build started while a cell is being edited", () => {
  it("waits until the edit ends (Excel.run with delayForCellEdit), then builds", async () => {
    const host = new MemoryExcel({ calculate: false });
    host.beginCellEdit();
    let settled = false;
    const pending = build(paneRun(host as unknown as ExcelLike), NEW_SAMPLE, { language: "nl" }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([settled, host.syncs.length]).toEqual([false, 0]);
    host.endCellEdit();
    expect(await pending).toMatchObject({ kind: "built" });
  });

  it("says what to do on a host that fails the batch instead, and writes nothing", async () => {
    const host = new MemoryExcel({ calculate: false });
    const before = host.snapshot();
    host.beginCellEdit();
    expect(await buildOn(host, NEW_SAMPLE)).toEqual({
      kind: "failed",
      text: "De begroting kon niet worden opgebouwd (stap: werkmap lezen). Melding van Excel: “Excel is bezig met het bewerken van een cel; rond die af (Enter of Esc) en probeer het opnieuw”. Er is nog niets geschreven.",
    });
    expect(host.snapshot()).toEqual(before);
  });
});
