/**
 * Issue 8.2, "A new practice counts": a practice typed on a free row of Praktijken enters every
 * Begroting, the Meerjarenraming and Controle on recalculation, without the add-in; one typed
 * below the free rows is named on Controle until a rebuild takes it in.
 */
import JSZip from "jszip";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { forecast } from "../../src/core/budget";
import type { Practice } from "../../src/core/types";
import { samplePracticesCsv, sampleScheme } from "../../src/samples/sample";
import { cents } from "../../src/core/decimal";
import { describeWorkbook } from "../../src/workbook/describe";
import { dataRowCount, freeRowCount, NOT_IN_BUDGET } from "../../src/workbook/practices-sheet";
import { MemoryExcel } from "../../src/host/memory-excel";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";
import { controleOutcome, editAndRecalculate, failingLinesAnyDay, type ValueAt } from "../support/person";

const SAMPLE_COUNT = 12;
const FIRST_FREE = 5 + SAMPLE_COUNT;
const TOTAL_ROW = 5 + dataRowCount(SAMPLE_COUNT);
const FIRST_BEYOND = TOTAL_ROW;
const YEARS = [2026, 2027, 2028, 2029];
/** As a person types them: the AGB code with an apostrophe, as the validation's prompt says, so the leading 0 stays. */
const NEW_PRACTICE = ["Praktijk Nieuwland", "'01999999", "Nieuwland", 2350, "Aanvullend", null, null, null];
const BEYOND = ["Praktijk Verweg", "'01888888", "", 1175, "Basis", null, null, null];
/** The same row in an .xlsx: the cell holds the text itself. */
const asStored = (row: unknown[]) => row.map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v));
const typeRow = (sheet: { getCell(row: number, col: number): { value: unknown } }, row: number, values: unknown[]) =>
  asStored(values).forEach((v, i) => (sheet.getCell(row, i + 1).value = v));
const BEYOND_TEXT = `Praktijken rij ${FIRST_BEYOND} (Praktijk Verweg): niet in de begroting, bouw opnieuw op`;

const PARAMS = sampleScheme();
const SAMPLE_PRACTICES = () => importPractices(samplePracticesCsv(2026)).practices;
const NEWCOMER: Practice = { name: "Praktijk Nieuwland", agb: "01999999", location: "Nieuwland", patients: 2350, model: "aanvullend", weeklyHours: null, startDate: null, endDate: null };
const WITH_NEWCOMER = () => forecast(PARAMS.params, [...SAMPLE_PRACTICES(), NEWCOMER], 2026, 4);

const sample = () =>
  describeWorkbook({ scheme: PARAMS, practices: SAMPLE_PRACTICES(), budgetYear: 2026, years: 4 });

describe("free rows on Praktijken", () => {
  it("are at least 25, or 20% of the practices", () => {
    expect([freeRowCount(0), freeRowCount(12), freeRowCount(125), freeRowCount(126), freeRowCount(5000)]).toEqual([25, 25, 25, 26, 1000]);
  });

  it("are formatted as input and carry the formulas of a practice on every Begroting, with nothing on them", () => {
    const description = sample();
    const practices = description.sheets.find((s) => s.name === "Praktijken")!;
    expect(practices.styles).toContainEqual({ range: `A5:J${TOTAL_ROW - 1}`, style: "input" });
    for (const year of YEARS) {
      const budget = description.sheets.find((s) => s.name === `Begroting ${year}`)!;
      const freeRow = budget.cells[FIRST_FREE - 1];
      expect(freeRow[0]?.formula).toBe(`=Praktijken!A${FIRST_FREE}&""`);
      // Nothing typed, nothing paid: every cost of a free row is 0 (the cached values the core wrote).
      expect(freeRow.slice(6, 22).map((c) => c?.result)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0]);
      expect(budget.cells[TOTAL_ROW - 1][0]?.value).toBe("Totaal");
    }
  });
});

/** What a person sees after typing a practice on the first free row, whichever engine calculated it. */
function expectNewPracticeCounted(at: ValueAt, before: ValueAt): void {
  for (const year of YEARS) {
    const sheet = `Begroting ${year}`;
    expect([sheet, at(sheet, `A${FIRST_FREE}`), at(sheet, `B${FIRST_FREE}`), at(sheet, `H${FIRST_FREE}`)]).toEqual([sheet, "Praktijk Nieuwland", "01999999", 4]);
    // The oracle: the core's budget with the newcomer as a 13th practice. Typed on a free row, it gives the same totals.
    const totals = WITH_NEWCOMER()[year - 2026].totals;
    expect([sheet, at(sheet, `K${TOTAL_ROW}`), at(sheet, `P${TOTAL_ROW}`), at(sheet, `L${TOTAL_ROW}`)]).toEqual([sheet, totals.formationCost.toNumber(), totals.his.toNumber(), totals.municipalityPart.toNumber()]);
    expect(at(sheet, `P${TOTAL_ROW}`)).toBeGreaterThan(before(sheet, `P${TOTAL_ROW}`) as number);
    expect(at(sheet, `K${FIRST_FREE}`)).toBeGreaterThan(0);
    // The sample compensates overhead by model (issue 11.7): Aanvullend, 50% of the newcomer's overhead.
    const newcomer = WITH_NEWCOMER()[year - 2026].lines[SAMPLE_COUNT];
    expect(at(sheet, `T${FIRST_FREE}`)).toBe(cents(newcomer.overhead.times("0.5")).toNumber());
    expect(at(sheet, `T${FIRST_FREE}`)).toBeGreaterThan(0);
  }
  // The Meerjarenraming follows the Begroting totals.
  expect(at("Meerjarenraming", "C5")).toBe(at("Begroting 2026", `K${TOTAL_ROW}`));
  expect(failingLinesAnyDay(at)).toEqual([]);
}

describe("printing Praktijken", () => {
  it("prints the practices and the free rows, not the 200 spare rows below them as empty pages", async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(sample()));
    const names = await zip.file("xl/workbook.xml")!.async("string");
    expect(names).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;Praktijken&apos;!$A$1:$M$${TOTAL_ROW - 1}</definedName>`);
  });
});

describe("a practice typed on a free row", () => {
  it("counts in the pane's workbook on recalculation, and a rebuild keeps it", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    const snapshot = new Map<string, unknown>();
    for (const year of YEARS) for (const col of ["H", "K", "P"]) snapshot.set(`Begroting ${year}!${col}${TOTAL_ROW}`, valueOf(host, `Begroting ${year}`, `${col}${TOTAL_ROW}`));
    const before: ValueAt = (sheet, address) => snapshot.get(`${sheet}!${address}`);
    await typeInto(host, "Praktijken", `A${FIRST_FREE}:H${FIRST_FREE}`, [NEW_PRACTICE]);
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expect(at("Meerjarenraming", "A5")).toBe(2026);
    expectNewPracticeCounted(at, before);
    const total = at("Begroting 2026", `K${TOTAL_ROW}`);

    const outcome = await buildOn(host, { mode: "rebuild" }, { confirmed: true });
    expect(outcome.kind).toBe("built");
    expect(valueOf(host, "Begroting 2026", `A${FIRST_FREE}`)).toBe("Praktijk Nieuwland");
    // 13 practices now: the totals move one row down, the figures stay.
    expect(valueOf(host, "Begroting 2026", `K${5 + dataRowCount(13)}`)).toBe(total);
  });

  it("counts in the .xlsx recalculated by LibreOffice, without the add-in", async () => {
    const xlsx = await renderXlsx(sample());
    const before = await editAndRecalculate(xlsx, "free-row-before", () => undefined);
    const at = await editAndRecalculate(xlsx, "free-row", (book) => {
      typeRow(book.getWorksheet("Praktijken")!, FIRST_FREE, NEW_PRACTICE);
    });
    expectNewPracticeCounted(at, before);
  }, 240_000);
});

describe("a practice typed below the free rows", () => {
  it("is named on Controle and on its row until a rebuild takes it in (pane)", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Praktijken", `A${FIRST_BEYOND}:H${FIRST_BEYOND}`, [BEYOND]);
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expect(controleOutcome(at, "Elke praktijk op Praktijken staat in de begroting")).toBe(BEYOND_TEXT);
    expect(at("Praktijken", `L${FIRST_BEYOND}`)).toBe(NOT_IN_BUDGET);
    expect(failingLinesAnyDay(at).map(([label]) => label)).toEqual(["Elke praktijk op Praktijken staat in de begroting"]);

    expect((await buildOn(host, { mode: "rebuild" }, { confirmed: true })).kind).toBe("built");
    expect(controleOutcome(at, "Elke praktijk op Praktijken staat in de begroting")).toBe("OK");
    expect(at("Begroting 2026", `A${5 + SAMPLE_COUNT}`)).toBe("Praktijk Verweg");
    expect(failingLinesAnyDay(at)).toEqual([]);
  });

  it("is named in the .xlsx recalculated by LibreOffice, also far below", async () => {
    const xlsx = await renderXlsx(sample());
    const at = await editAndRecalculate(xlsx, "beyond-free-rows", (book) => {
      typeRow(book.getWorksheet("Praktijken")!, FIRST_BEYOND, BEYOND);
    });
    expect(controleOutcome(at, "Elke praktijk op Praktijken staat in de begroting")).toBe(BEYOND_TEXT);
    const far = await editAndRecalculate(xlsx, "far-below-free-rows", (book) => {
      book.getWorksheet("Praktijken")!.getCell(`A${FIRST_BEYOND + 1000}`).value = "Praktijk Heel Ver";
    });
    expect(controleOutcome(far, "Elke praktijk op Praktijken staat in de begroting")).toBe(`Praktijken onder rij ${FIRST_BEYOND + 199}: niet in de begroting, bouw opnieuw op`);
  }, 240_000);
});
