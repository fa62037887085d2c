import { MemoryExcel } from "../../src/host/memory-excel";
import { buildOn, NEW_SAMPLE, typeInto } from "../support/memory";
import type { BuildRequest } from "../../src/taskpane/pipeline";

/** A workbook with a built sample budget and a typed payment, and how many syncs a rebuild takes. */
async function builtWorkbook(): Promise<MemoryExcel> {
  const host = new MemoryExcel();
  await buildOn(host, NEW_SAMPLE);
  await typeInto(host, "Uitbetalingen", "F5:J5", [["F-1", 46100, 1000, 1000, 46150]]);
  return host;
}

async function syncsOf(setup: () => Promise<MemoryExcel>, request: BuildRequest): Promise<number> {
  const host = await setup();
  const before = host.syncs.length;
  expect(await buildOn(host, request, { confirmed: true })).toMatchObject({ kind: "built" });
  return host.syncs.length - before;
}

describe("a failure at any sync leaves the workbook as it was", () => {
  const cases: [string, () => Promise<MemoryExcel>, BuildRequest][] = [
    ["a rebuild", builtWorkbook, { mode: "rebuild" }],
    ["a new budget in an empty workbook", async () => new MemoryExcel(), NEW_SAMPLE],
    ["an import", builtWorkbook, { mode: "import", csv: "praktijk;agb;patienten\nNieuw;01999999;4700\n" }],
  ];

  it.each(cases)("%s", async (_, setup, request) => {
    const syncs = await syncsOf(setup, request);
    expect(syncs).toBeGreaterThanOrEqual(3);
    for (let failing = 1; failing <= syncs; failing++) {
      const host = await setup();
      const before = host.snapshot();
      host.failAtSync = host.syncs.length + failing;
      const outcome = await buildOn(host, request, { confirmed: true });
      expect(outcome.kind).toBe("failed");
      // Said from what was done (nothing yet, while reading) or from the read-back after the repair.
      const text = outcome.kind === "failed" ? outcome.text : "";
      expect(text).toMatch(/^De begroting kon niet worden opgebouwd \(stap: [a-z ]+\)\. Melding van Excel: “The connection was lost during request \d+”\. /);
      expect(text).toMatch(text.includes("(stap: werkmap lezen)") ? /Er is nog niets geschreven\.$/ : /Nagelezen: de werkmap is zoals hij was vóór het opbouwen\.$/);
      expect(host.snapshot()).toEqual(before);
    }
  });
});
