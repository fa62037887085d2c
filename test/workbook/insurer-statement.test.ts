/**
 * Issue 11.3, "The insurer's statement": a sheet per year with what the insurer finances per
 * practice and per employer, from the Begroting of that year, with Controle lines that its
 * total equals the Begroting's and that its block per employer is complete. Golden figures by
 * hand; formula parity with HyperFormula and LibreOffice; a practice with a new employer typed
 * on a free row of Praktijken appears live and is flagged until a rebuild.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { SCHEMES } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { MemoryExcel } from "../../src/host/memory-excel";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { samplePracticesCsv } from "../../src/samples/sample";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import type { SheetDescription } from "../../src/workbook/types";
import { EDGE_CASES, NO_PRACTICES, VPG_EXAMPLE } from "../fixtures/datasets";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";
import { lockedAt, protectionOf } from "../support/protection";
import { byAddress, controleOutcome, editAndRecalculate, failingLines, type ValueAt } from "../support/person";

const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const OUT = path.resolve(__dirname, "../../test-output/insurer-statement");

const practice = (name: string, agb: string, fields: Partial<Practice>): Practice => ({ name, agb, location: "", patients: 2350, model: "aanvullend", weeklyHours: null, startDate: null, endDate: null, ...fields });

/**
 * Flevoland (NOP): municipality share 0.5, € 52.50 an hour, 48 weeks, 4 h per normpraktijk of
 * 2,350 patients, no capacity cap (0). Alfa and Gamma have Zorggroep Noord as employer, Beta
 * employs its own POH.
 */
const GOLDEN: BudgetInput = {
  scheme: SCHEMES.flevoland,
  budgetYear: 2026,
  years: 2,
  practices: [
    practice("Praktijk Alfa", "01000001", { employer: "Zorggroep Noord" }),
    practice("Praktijk Beta", "01000002", { patients: 1175 }),
    practice("Praktijk Gamma", "01000003", { patients: 1000, startDate: "2026-07-01", employer: "Zorggroep Noord" }),
  ],
};
// 3 practices + 25 free rows (rows 5–32), Totaal in 33; "Per werkgever" in 35, its header 36,
// the two employers in 37–38 and their total in 39.
const TOTAL = 33;
const FIRST_FREE = 8;
/** The block: title, header, the two employers of the build, the row of new practices on free rows, its total. */
const [BLOCK_TITLE, FIRST_EMPLOYER, NEW_PRACTICES, BLOCK_TOTAL] = [35, 37, 39, 40];
const SHEET = "Zorgverzekeraar 2026";

const sheetOf = (input: BudgetInput, name: string): SheetDescription => describeWorkbook(input).sheets.find((s) => s.name === name)!;
/** The cached result (or constant) of a cell of a description, by A1 address. */
const cached = (sheet: SheetDescription): ValueAt =>
  byAddress((_, row, col) => {
    const c = sheet.cells[row]?.[col];
    return c?.formula !== undefined ? c.result : c?.value;
  });

describe("the insurer's statement", () => {
  it("stands after the Begroting sheets and Meerjarenraming, one per year, before Uitbetalingen", () => {
    expect(describeWorkbook(GOLDEN).sheets.map((s) => s.name)).toEqual([
      "Uitgangspunten",
      "Praktijken",
      "Begroting 2026",
      "Begroting 2027",
      "Meerjarenraming",
      "Zorgverzekeraar 2026",
      "Zorgverzekeraar 2027",
      "Uitbetalingen",
      "Realisatie",
      "Controle",
    ]);
  });

  it("gives per practice and per employer the hours, cost and parts computed by hand", () => {
    const at = cached(sheetOf(GOLDEN, SHEET));
    const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => at(SHEET, `${c}${r}`));
    // Alfa: 2,350 / 2,350 = 1 normpraktijk × 4 h = 4 h a week, 12 months: 4 × 12 × 48 / 12 = 192 h;
    //   192 × 52.50 = 10,080.00; the municipality 0.5 × 10,080 = 5,040.00, the insurer 10,080 − 5,040 = 5,040.00.
    expect(row(5)).toEqual(["Praktijk Alfa", "01000001", "Zorggroep Noord", 192, 10080, 5040, 5040]);
    // Beta: 1,175 / 2,350 × 4 = 2 h a week: 2 × 12 × 48 / 12 = 96 h; 96 × 52.50 = 5,040.00; halves 2,520.00.
    //   No employer on Praktijken: the practice itself.
    expect(row(6)).toEqual(["Praktijk Beta", "01000002", "Praktijk Beta", 96, 5040, 2520, 2520]);
    // Gamma: 1,000 × 4 / 2,350 = 1.702… → 1.70 h a week from July, 6 months: 1.70 × 6 × 48 / 12 = 40.80 h;
    //   40.80 × 52.50 = 2,142.00; halves 1,071.00.
    expect(row(7)).toEqual(["Praktijk Gamma", "01000003", "Zorggroep Noord", 40.8, 2142, 1071, 1071]);
    // A free row shows nothing.
    expect(row(FIRST_FREE)).toEqual(["", "", "", 0, 0, 0, 0]);
    // Totaal: 192 + 96 + 40.80 = 328.80 h; 10,080 + 5,040 + 2,142 = 17,262.00; halves 8,631.00.
    expect(row(TOTAL)).toEqual(["Totaal", undefined, undefined, 328.8, 17262, 8631, 8631]);
    expect(at(SHEET, `A${BLOCK_TITLE}`)).toBe("Per werkgever");
    // Zorggroep Noord (first on row 5): Alfa + Gamma = 2 practices, 192 + 40.80 = 232.80 h,
    //   10,080 + 2,142 = 12,222.00, insurer 5,040 + 1,071 = 6,111.00, municipality 6,111.00.
    expect(row(FIRST_EMPLOYER)).toEqual(["Zorggroep Noord", 2, undefined, 232.8, 12222, 6111, 6111]);
    // Praktijk Beta: itself, 96 h, 5,040.00, 2,520.00 each.
    expect(row(FIRST_EMPLOYER + 1)).toEqual(["Praktijk Beta", 1, undefined, 96, 5040, 2520, 2520]);
    // No practice typed on a free row yet.
    expect(row(NEW_PRACTICES)).toEqual(["Nieuwe praktijken op vrije rijen (eigen werkgever)", 0, undefined, 0, 0, 0, 0]);
    // Per employer together: 232.80 + 96 = 328.80 h, 12,222 + 5,040 = 17,262.00, the sheet's total.
    expect(row(BLOCK_TOTAL)).toEqual(["Totaal per werkgever", undefined, undefined, 328.8, 17262, 8631, 8631]);
    // 2027, no indexation: Gamma all year, 1.70 × 12 × 48 / 12 = 81.60 h; 81.60 × 52.50 = 4,284.00, insurer 2,142.00.
    const next = cached(sheetOf(GOLDEN, "Zorgverzekeraar 2027"));
    expect(["D7", "E7", "F7"].map((a) => next("Zorgverzekeraar 2027", a))).toEqual([81.6, 4284, 2142]);
  });

  it("is a generated sheet: protected, no input, A4 landscape with the header row repeated, frozen header and name", () => {
    const sheet = sheetOf(GOLDEN, SHEET);
    expect(sheet.kind).toBe("insurer");
    expect([sheet.inputRanges, sheet.manualColumns, sheet.validations]).toEqual([[], [], []]);
    expect(sheet.print).toMatchObject({ landscape: true, titleRows: "4:4", titleColumns: "A:A" });
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([4, 1]);
    expect(sheet.cells[4][4]?.format).toBe('"€ "#,##0.00;[Red]-"€ "#,##0.00');
    // Every figure is a formula on the Begroting of its year, same row; the employer on Praktijken.
    expect(sheet.cells[4].map((c) => c?.formula)).toEqual([
      "='Begroting 2026'!A5",
      "='Begroting 2026'!B5",
      '=IF(Praktijken!I5="",Praktijken!A5&"",Praktijken!I5&"")',
      "='Begroting 2026'!J5",
      "='Begroting 2026'!K5",
      "='Begroting 2026'!M5",
      "='Begroting 2026'!L5",
    ]);
  });

  it("says OK on both Controle lines as built", () => {
    const at = cached(sheetOf(GOLDEN, "Controle"));
    for (const label of [`${SHEET}: gelijk aan de Begroting`, `${SHEET}: elke werkgever in het overzicht`, "Zorgverzekeraar 2027: elke werkgever in het overzicht"])
      expect([label, controleOutcome(at, label)]).toEqual([label, "OK"]);
  });
});

const SAMPLE: BudgetInput = { scheme: SCHEMES.flevoland, practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 4 };
/** Praktijk Delta with a new employer on the first free row, as a person types it (A–J). */
const DELTA = ["Praktijk Delta", "01000004", "", 2350, "Aanvullend", null, null, null, "Zorggroep Zuid", null];

/** Praktijk Epsilon on the next free row without an employer: its own, counted at once in the block's last row. */
const EPSILON = ["Praktijk Epsilon", "01000005", "", 1175, "Aanvullend", null, null, null, null, null];

/** After Epsilon was typed: on the statement and in the block (new practices, own employer); nothing to rebuild for. */
function expectEpsilonCounted(at: ValueAt): void {
  // Epsilon: 1,175 / 2,350 × 4 = 2 h a week, 96 h, 5,040.00, insurer 2,520.00 (as Beta).
  expect(["A", "C", "D", "E", "F"].map((c) => at(SHEET, `${c}${FIRST_FREE + 1}`))).toEqual(["Praktijk Epsilon", "Praktijk Epsilon", 96, 5040, 2520]);
  expect(["B", "D", "E", "F"].map((c) => at(SHEET, `${c}${NEW_PRACTICES}`))).toEqual([1, 96, 5040, 2520]);
  // Totaal and the block alike: 17,262 + 5,040 = 22,302.00.
  expect([at(SHEET, `E${TOTAL}`), at(SHEET, `E${BLOCK_TOTAL}`)]).toEqual([22302, 22302]);
  expect(controleOutcome(at, `${SHEET}: elke werkgever in het overzicht`)).toBe("OK");
  expect(failingLines(at)).toEqual([]);
}

/** After Delta was typed: it shows on the statement, counts in the total, and only the block per employer misses it. */
function expectDeltaLive(at: ValueAt): void {
  // Delta: 1 normpraktijk, 192 h, 10,080.00, insurer 5,040.00 (as Alfa).
  expect(["A", "B", "C", "D", "E", "F", "G"].map((c) => at(SHEET, `${c}${FIRST_FREE}`))).toEqual(["Praktijk Delta", "01000004", "Zorggroep Zuid", 192, 10080, 5040, 5040]);
  // Totaal: 17,262 + 10,080 = 27,342.00; insurer 8,631 + 5,040 = 13,671.00.
  expect([at(SHEET, `E${TOTAL}`), at(SHEET, `F${TOTAL}`)]).toEqual([27342, 13671]);
  expect(at("Begroting 2026", `M${TOTAL}`)).toBe(13671);
  // The block still lists the two employers of the build.
  expect(at(SHEET, `E${BLOCK_TOTAL}`)).toBe(17262);
  expect(controleOutcome(at, `${SHEET}: gelijk aan de Begroting`)).toBe("OK");
  expect(controleOutcome(at, `${SHEET}: elke werkgever in het overzicht`)).toBe("Formatiekosten van een werkgever die niet in het overzicht per werkgever staat: bouw opnieuw op");
  // Delta runs in 2027 too; nothing else fails.
  // Uitbetalingen's totals per payee miss the new employer as well (issue 11.2), until the same rebuild.
  expect(failingLines(at).map(([label]) => label)).toEqual([`${SHEET}: elke werkgever in het overzicht`, "Zorgverzekeraar 2027: elke werkgever in het overzicht", "Totalen per ontvanger gelijk aan het register"]);
}

describe("the statement's formulas", () => {
  it.each([
    ["the golden case", GOLDEN],
    ["the sample municipality (Het Anker employs for two others)", SAMPLE],
    ["edge cases", EDGE_CASES],
    ["the VPG example (the municipality pays all)", VPG_EXAMPLE],
    ["no practices", NO_PRACTICES],
  ])("recalculate %s in HyperFormula to the core's cents", (_, input: BudgetInput) => {
    const workbook = describeWorkbook(input);
    const hf = calculate(workbook);
    const statements = workbook.sheets.filter((s) => s.kind === "insurer" || s.name === "Controle");
    expect(statements.length).toBe(input.years + 1);
    expect(mismatches({ ...workbook, sheets: statements }, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    hf.destroy();
  });

  it("show a practice typed on a free row live in HyperFormula, with a new employer flagged", () => {
    const workbook = describeWorkbook(GOLDEN);
    const hf = calculate(workbook);
    const practices = hf.getSheetId("Praktijken")!;
    hf.setCellContents({ sheet: practices, row: FIRST_FREE - 1, col: 0 }, [DELTA.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v === "" ? null : v))]);
    expectDeltaLive(byAddress(hyperFormulaValue(hf)));
    hf.destroy();
  });

  it("count a practice typed on a free row without an employer at once, in HyperFormula: no rebuild needed", () => {
    const workbook = describeWorkbook(GOLDEN);
    const hf = calculate(workbook);
    const practices = hf.getSheetId("Praktijken")!;
    hf.setCellContents({ sheet: practices, row: FIRST_FREE, col: 0 }, [EPSILON.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v === "" ? null : v))]);
    expectEpsilonCounted(byAddress(hyperFormulaValue(hf)));
    hf.destroy();
  });

  it("recalculate in LibreOffice to the core's cents", async () => {
    const workbook = describeWorkbook(GOLDEN);
    const statements = workbook.sheets.filter((s) => s.kind === "insurer" || s.name === "Controle");
    expect(mismatches({ ...workbook, sheets: statements }, await recalculateWithLibreOffice(await renderXlsx(workbook), "insurer-parity")).slice(0, 10)).toEqual([]);
  }, 180_000);

  it("show a practice typed on a free row live in the .xlsx recalculated by LibreOffice, with a new employer flagged", async () => {
    const xlsx = await renderXlsx(describeWorkbook(GOLDEN));
    const at = await editAndRecalculate(xlsx, "insurer-statement", (book: ExcelJS.Workbook) => {
      const sheet = book.getWorksheet("Praktijken")!;
      DELTA.forEach((v, i) => (sheet.getCell(FIRST_FREE, i + 1).value = v === "" ? null : v));
    });
    expectDeltaLive(at);
  }, 240_000);

  it("are in an .xlsx that validates against the ECMA-376 schemas, the statement protected", async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "insurer-statement.xlsx");
    const xlsx = await renderXlsx(describeWorkbook(SAMPLE));
    fs.writeFileSync(file, xlsx);
    expect(execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" })).toMatch(/insurer-statement\.xlsx: valid/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(SHEET)!;
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "4:4" });
  });
});

describe("the statement in the pane's workbook", () => {
  // The sample: 12 practices, the first free row 17, Totaal in 42; Het Anker employs the POH for Kerkstraat (row 7) and Noordermeer (row 13).
  const [free, total] = [17, 42];
  const zuid = ["Praktijk Delta", "'01000004", "", 2350, "Aanvullend", "", "", "", "Zorggroep Zuid", ""];

  /** The statement's Controle lines that are not OK (the payment lines depend on today's date: the Peildatum). */
  const failing = (at: ValueAt) => failingLines(at).filter(([label]) => label.startsWith("Zorgverzekeraar"));

  it("shows a new employer live, flags it, and a rebuild takes it into the block per employer", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, NEW_SAMPLE)).toMatchObject({ kind: "built" });
    // Nothing typed: a rebuild finds no edit of a generated sheet to confirm (the employers' names are the sheet's own labels).
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expect([at(SHEET, "A7"), at(SHEET, "C7"), at(SHEET, "C13")]).toEqual(["Huisartsen Kerkstraat", "Gezondheidscentrum Het Anker", "Gezondheidscentrum Het Anker"]);
    expect(at(SHEET, `F${total}`)).toBe(at("Begroting 2026", `M${total}`));
    expect(failing(at)).toEqual([]);
    // Generated: protected, every cell locked.
    expect(protectionOf(host, SHEET).protected).toBe(true);
    expect(["A5", "C7", `F${total}`, `A${total + 4}`].map((a) => lockedAt(host, SHEET, a))).toEqual([true, true, true, true]);

    await typeInto(host, "Praktijken", `A${free}:J${free}`, [zuid]);
    expect([at(SHEET, `A${free}`), at(SHEET, `C${free}`)]).toEqual(["Praktijk Delta", "Zorggroep Zuid"]);
    expect(at(SHEET, `F${total}`)).toBe(at("Begroting 2026", `M${total}`));
    expect(controleOutcome(at, `${SHEET}: gelijk aan de Begroting`)).toBe("OK");
    expect(failing(at).map(([label]) => label)).toEqual([`${SHEET}: elke werkgever in het overzicht`, "Zorgverzekeraar 2027: elke werkgever in het overzicht", "Zorgverzekeraar 2028: elke werkgever in het overzicht", "Zorgverzekeraar 2029: elke werkgever in het overzicht"]);

    expect((await buildOn(host, { mode: "rebuild" }, { confirmed: true })).kind).toBe("built");
    expect(controleOutcome(at, `${SHEET}: elke werkgever in het overzicht`)).toBe("OK");
    const block = Array.from({ length: 20 }, (_, i) => at(SHEET, `A${total + 1 + 4 + i}`));
    expect(block).toContain("Zorggroep Zuid");
    expect(failing(at)).toEqual([]);
  });
});
