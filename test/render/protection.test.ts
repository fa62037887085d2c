/**
 * Issue 8 point 4 in Excel (the in-memory host): the generated sheets are protected without a
 * password, only the inputs unlocked; a build lifts the protection of the old sheets and puts
 * it back when it fails; a sheet protected with a password stops the build before it writes.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { officeProtection } from "../../src/render/office/protection";
import { parseRegistry, REGISTRY_KEY } from "../../src/render/office/registry";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";
import { lockedAt, protectionOf, protectSheet, unprotectSheet } from "../support/protection";

const BUDGET = "Begroting 2026";

async function built(): Promise<{ host: MemoryExcel; sheets: string[] }> {
  const host = new MemoryExcel();
  const outcome = await buildOn(host, NEW_SAMPLE);
  if (outcome.kind !== "built") throw new Error(`not built: ${JSON.stringify(outcome)}`);
  return { host, sheets: outcome.sheets };
}

/** The sheets the add-in registered as its own. */
function generatedSheets(host: MemoryExcel): string[] {
  return parseRegistry(JSON.parse(host.state.settings.get(REGISTRY_KEY)!))!.sheets.map((s) => s.name);
}

function expectAllProtected(host: MemoryExcel, sheets: string[]): void {
  for (const name of sheets) expect([name, protectionOf(host, name)]).toEqual([name, { protected: true, options: officeProtection(), password: null }]);
}

describe("the generated sheets in Excel are protected", () => {
  it("protects every generated sheet without a password: columns may be widened, rows not inserted", async () => {
    const { host, sheets } = await built();
    expect(sheets.length).toBeGreaterThanOrEqual(6);
    expectAllProtected(host, sheets);
    expect(officeProtection()).toMatchObject({ allowFormatColumns: true, allowFormatRows: true, allowInsertRows: false, allowDeleteRows: false, allowSort: false, allowAutoFilter: false, allowFormatCells: false, selectionMode: "Normal" });
    // A sheet that is not the add-in's is left alone.
    expect(protectionOf(host, "Blad1").protected).toBe(false);
  });

  it("unlocks the inputs only: Praktijken's rows and free rows, Uitgangspunten's values, Uitbetalingen's typed columns", async () => {
    const { host } = await built();
    for (const [sheet, address] of [["Praktijken", "A5"], ["Praktijken", "H5"], ["Praktijken", "A200"], ["Uitgangspunten", "C10"], ["Uitbetalingen", "F5"], ["Uitbetalingen", "J5"]]) {
      expect([sheet, address, lockedAt(host, sheet, address)]).toEqual([sheet, address, false]);
    }
    for (const [sheet, address] of [["Praktijken", "A4"], ["Praktijken", "L5"], ["Uitgangspunten", "B10"], ["Uitbetalingen", "D5"], ["Uitbetalingen", "K5"], [BUDGET, "K7"], ["Controle", "B5"]]) {
      expect([sheet, address, lockedAt(host, sheet, address)]).toEqual([sheet, address, true]);
    }
  });

  it("takes typing in the inputs and refuses it in a formula cell until the sheet is unprotected", async () => {
    const { host } = await built();
    await typeInto(host, "Praktijken", "D5", [[3000]]);
    await typeInto(host, "Uitbetalingen", "F5:J5", [["F-2026-001", 46100, 1000, 1000, 46150]]);
    await typeInto(host, "Uitgangspunten", "C10", [[60]]);
    expect(valueOf(host, "Praktijken", "D5")).toBe(3000);
    const before = valueOf(host, BUDGET, "K7");
    await expect(typeInto(host, BUDGET, "K7", [[99999]])).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(typeInto(host, "Uitbetalingen", "D5", [[1]])).rejects.toMatchObject({ code: "AccessDenied" });
    expect(valueOf(host, BUDGET, "K7")).toBe(before);
    // A deliberate Unprotect Sheet, then the overwrite is taken.
    await unprotectSheet(host, BUDGET);
    await typeInto(host, BUDGET, "K7", [[99999]]);
    expect(valueOf(host, BUDGET, "K7")).toBe(99999);
  });

  it("rebuilds a protected workbook, keeping what was typed, and leaves every sheet protected", async () => {
    const { host, sheets } = await built();
    await typeInto(host, "Uitbetalingen", "F5:J5", [["F-2026-001", 46100, 1000, 1000, 46150]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expectAllProtected(host, sheets);
    expect(valueOf(host, "Uitbetalingen", "F5")).toBe("F-2026-001");
    expect(lockedAt(host, "Uitbetalingen", "F5")).toBe(false);
  });

  it("protects again, on the next build, a sheet a person unprotected to overwrite a formula", async () => {
    const { host, sheets } = await built();
    await unprotectSheet(host, BUDGET);
    await typeInto(host, BUDGET, "K7", [[99999]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "confirm", edited: [{ sheet: BUDGET, cells: ["K7"] }] });
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(valueOf(host, BUDGET, "K7")).not.toBe(99999);
    expectAllProtected(host, sheets);
  });

  it("costs one request on a rebuild (lifting the protection) and none on a new budget", async () => {
    const host = new MemoryExcel({ calculate: false });
    await buildOn(host, NEW_SAMPLE);
    const newBudget = host.syncs.length;
    const rebuildSyncs = async (workbook: MemoryExcel) => {
      expect(await buildOn(workbook, { mode: "rebuild" })).toMatchObject({ kind: "built" });
      return workbook.syncs.length;
    };
    const unprotected = host.fork();
    for (const name of generatedSheets(unprotected)) await unprotectSheet(unprotected, name);
    const unprotectedBefore = unprotected.syncs.length;
    const withoutLift = (await rebuildSyncs(unprotected)) - unprotectedBefore;
    expect(await rebuildSyncs(host.fork())).toBe(withoutLift + 1);
    expect(newBudget).toBe(withoutLift);
  });
});

describe("a rebuild that fails half-way", () => {
  it("leaves every old sheet protected as it was, whichever request fails", async () => {
    const setup = async () => {
      const { host } = await built();
      await typeInto(host, "Uitbetalingen", "F5:J5", [["F-1", 46100, 1000, 1000, 46150]]);
      return host;
    };
    const clean = await setup();
    const start = clean.syncs.length;
    expect(await buildOn(clean, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const syncs = clean.syncs.length - start;
    for (let failing = 1; failing <= syncs; failing++) {
      const host = await setup();
      const before = host.snapshot();
      host.failAtSync = host.syncs.length + failing;
      expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "failed" });
      expect([failing, host.snapshot()]).toEqual([failing, before]);
      expectAllProtected(host, generatedSheets(host));
    }
  });
});

describe("a generated sheet a person protected with a password", () => {
  it.each(["throws", "ignored"] as const)("stops the build with a Dutch message naming it, before writing anything (unprotect without the password %s)", async (answer) => {
    const { host } = await built();
    // A later sheet, so that the ones before it were lifted and must be protected again.
    await unprotectSheet(host, "Meerjarenraming");
    await protectSheet(host, "Meerjarenraming", "geheim", { allowFormatColumns: true });
    host.wrongPassword = answer;
    const before = host.snapshot();
    const outcome = await buildOn(host, { mode: "rebuild" }, { confirmed: true });
    expect(outcome).toEqual({ kind: "problems", problems: [{ text: expect.stringContaining("Het blad “Meerjarenraming” is beveiligd met een wachtwoord") }] });
    expect(outcome.kind === "problems" && outcome.problems[0].text).toMatch(/Controleren > Beveiliging blad opheffen.*Er is niets gewijzigd\.$/);
    expect(host.snapshot()).toEqual(before);
    expect(host.state.sheets.some((s) => s.name.startsWith("~poh"))).toBe(false);
  });

  it("says so in English too", async () => {
    const { host } = await built();
    await unprotectSheet(host, "Praktijken");
    await protectSheet(host, "Praktijken", "geheim");
    const outcome = await buildOn(host, { mode: "rebuild" }, { language: "en" });
    expect(outcome).toEqual({ kind: "problems", problems: [{ text: expect.stringMatching(/^The sheet “Praktijken” is protected with a password.*Review > Unprotect Sheet.*Nothing has been changed\.$/) }] });
  });

  it("builds again once the person lifted it, and protects it without the password", async () => {
    const { host, sheets } = await built();
    await unprotectSheet(host, BUDGET);
    await protectSheet(host, BUDGET, "geheim");
    expect((await buildOn(host, { mode: "rebuild" })).kind).toBe("problems");
    await unprotectSheet(host, BUDGET, "geheim");
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expectAllProtected(host, sheets);
  });
});
