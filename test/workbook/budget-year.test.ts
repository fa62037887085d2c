/**
 * Issue 8.5, "The budget year is one truth": the sheets are built for one year (names, titles,
 * dates, the years of Uitbetalingen). Another year typed on Uitgangspunten changes no figure
 * of those sheets; Controle says they disagree until a rebuild moves the whole budget there.
 */
import { excelSerial } from "../../src/core/dates";
import { importPractices } from "../../src/import/practices";
import { MemoryExcel } from "../../src/host/memory-excel";
import { renderXlsx } from "../../src/render/xlsx";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { samplePracticesCsv } from "../../src/samples/sample";
import { describeWorkbook } from "../../src/workbook/describe";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";
import { controleOutcome, editAndRecalculate, failingLinesAnyDay, type ValueAt } from "../support/person";

const LABEL = "Begrotingsjaar hoort bij de bladen";
const DISAGREES = "Begrotingsjaar op Uitgangspunten is 2027, de bladen zijn van 2026: bouw opnieuw op";
/** Uitgangspunten C5: the Begrotingsjaar. */
const YEAR_CELL = "C5";

/** After 2027 was typed and before any rebuild: the 2026 sheets still say 2026 everywhere, and Controle says why. */
function expectStill2026(at: ValueAt): void {
  expect(controleOutcome(at, LABEL)).toBe(DISAGREES);
  expect(at("Begroting 2026", "B2")).toBe(2026);
  expect(at("Meerjarenraming", "A5")).toBe(2026);
  expect(at("Uitgangspunten", "A" + indexTableFirstYearRow(at))).toBe(2026);
  // A due date of a practice active all year: 1 May 2026 (VPG ch. 14: after four months), not 2027.
  const due = at("Begroting 2026", "U5") as number;
  expect(due).toBeGreaterThanOrEqual(excelSerial("2026-01-01"));
  expect(due).toBeLessThanOrEqual(excelSerial("2026-12-31"));
  expect(failingLinesAnyDay(at).map(([label]) => label)).toEqual([LABEL]);
}

function indexTableFirstYearRow(at: ValueAt): number {
  for (let row = 5; row < 80; row++) if (at("Uitgangspunten", `A${row}`) === "Jaar" && at("Uitgangspunten", `B${row}`) === "Loonindex") return row + 1;
  throw new Error("no index table");
}

describe("the budget year", () => {
  it("typed on Uitgangspunten in the pane's workbook: named on Controle, then moved by a rebuild with the typed payments kept", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Uitbetalingen", "F5", [["F-2026-001"]]);
    await typeInto(host, "Uitgangspunten", YEAR_CELL, [[2027]]);
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expectStill2026(at);

    expect((await buildOn(host, { mode: "rebuild" }, { confirmed: true })).kind).toBe("built");
    const names = host.state.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Begroting "))).toEqual(["Begroting 2027", "Begroting 2028", "Begroting 2029", "Begroting 2030"]);
    expect(controleOutcome(at, LABEL)).toBe("OK");
    expect(at("Begroting 2027", "B2")).toBe(2027);
    // The 2026 payment has no Begroting any more: kept, and named, until a person clears it.
    const kept = failingLinesAnyDay(at);
    expect(kept.map(([label]) => label)).toContain("Elke betaling hoort bij een praktijk in de begroting");
    let found = false;
    for (let row = 5; row < 4000 && !found; row++) found = valueOf(host, "Uitbetalingen", `F${row}`) === "F-2026-001" && valueOf(host, "Uitbetalingen", `A${row}`) === 2026;
    expect(found).toBe(true);
  });

  it("typed in the .xlsx and recalculated by LibreOffice: named on Controle, no figure moves", async () => {
    const description = describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "46", hourlyCost: "52.50" }), practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 4 });
    const xlsx = await renderXlsx(description);
    const before = await editAndRecalculate(xlsx, "budget-year-before", () => undefined);
    const at = await editAndRecalculate(xlsx, "budget-year-typed", (book) => {
      book.getWorksheet("Uitgangspunten")!.getCell(YEAR_CELL).value = 2027;
    });
    expectStill2026(at);
    for (const address of ["K42", "L42", "T42", "U5", "U9"]) expect([address, at("Begroting 2026", address)]).toEqual([address, before("Begroting 2026", address)]);
  }, 240_000);
});
