/**
 * Issue 9.1: Office.js batches are not transactional, so the in-memory host fails one
 * operation k of one batch (the operations before it applied, it and the rest not), and this
 * sweeps k over every operation of every batch of a new budget and a rebuild (the imports are
 * in office-atomic-import.test.ts, so that Jest runs the two at once). Each time the workbook
 * ends as the old one or the new one, never between, and the pane says which from its
 * read-back. A repair that fails itself is reported as such.
 */
import { buildOn } from "../support/memory";
import { builtBudget, cleanRun, emptyWorkbook, NEW_BUDGET, report, sweep, textOf } from "../support/fault-sweep";
import type { BuildRequest } from "../../src/taskpane/pipeline";

describe("a failure at any operation of any batch leaves the old budget or the new one", () => {
  const counts: Record<string, number> = {};
  afterAll(() => report("new budget, rebuild", counts));

  it.each<[string, typeof builtBudget, BuildRequest]>([
    ["a new budget in an empty workbook", emptyWorkbook, NEW_BUDGET],
    ["a new budget over an existing one", builtBudget, NEW_BUDGET],
    ["a rebuild", builtBudget, { mode: "rebuild" }],
  ])("%s", async (name, setup, request) => {
    const ended = await sweep(setup, request);
    counts[name] = ended.tried;
    // Both ends are reached: failures before the commit go back, failures after it go forward.
    expect(ended.old).toBeGreaterThan(0);
    expect(ended.new).toBeGreaterThan(0);
  }, 600_000);
});

describe("a repair that fails itself", () => {
  /** The rebuild's switch batch, and the operation at which it commits (the registry setting). */
  async function rebuildSwitch() {
    const base = await builtBudget();
    const { batches } = await cleanRun(base, { mode: "rebuild" });
    return { base, switchSync: batches.length };
  }

  it("is reported as such, with what the read-back shows: the temporary sheets still there", async () => {
    const { base, switchSync } = await rebuildSwitch();
    const host = base.fork();
    host.failAtOperation = { sync: switchSync, operation: 3 };
    // The read-back after the failure works; the repair's own batch is lost.
    host.failAtSync = switchSync + 2;
    const text = textOf(await buildOn(host, { mode: "rebuild" }, { confirmed: true }));
    expect(text).toMatch(/^De begroting kon niet worden opgebouwd \(stap: nieuwe bladen plaatsen\)\. Melding van Excel: “An internal error has occurred \(fault injected at operation 3 of request \d+\)”\. /);
    expect(text).toMatch(new RegExp(`Ook het herstel daarna mislukte: “The connection was lost during request ${switchSync + 2}”\\. `));
    expect(text).toMatch(/Nagelezen: de werkmap is niet helemaal hersteld \(er staan nog bladen die weg moeten: [^)]*\)\. Bouw de begroting opnieuw op; dat ruimt dit op\.$/);
    expect(text).toContain("~poh bouw 1");
    expect(text).toContain("~poh oud 1");
    // As it says: the next build clears it up.
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(host.state.sheets.filter((s) => s.name.startsWith("~poh"))).toEqual([]);
  });

  it("says the workbook could not be read back when the connection is gone for good", async () => {
    const { base, switchSync } = await rebuildSwitch();
    const host = base.fork();
    host.failFromSync = switchSync;
    const text = textOf(await buildOn(host, { mode: "rebuild" }, { confirmed: true }));
    expect(text).toBe(
      `De begroting kon niet worden opgebouwd (stap: nieuwe bladen plaatsen). Melding van Excel: “The connection was lost during request ${switchSync}”. ` +
        `Ook het herstel daarna mislukte: “The connection was lost during request ${switchSync + 1}”. ` +
        "De werkmap kon daarna niet worden nagelezen; controleer de bladen, of bouw de begroting opnieuw op.",
    );
  });

  it("says it in English too", async () => {
    const { base, switchSync } = await rebuildSwitch();
    const host = base.fork();
    host.failAtOperation = { sync: switchSync, operation: 3 };
    expect(textOf(await buildOn(host, { mode: "rebuild" }, { confirmed: true, language: "en" }))).toMatch(
      /^The budget could not be built \(step: putting the new sheets in place\)\. Excel said: “.+”\. Read back: the workbook is as it was before the build\.$/,
    );
  });
});
