/**
 * Issue 8.3, "Bad input is named, not spread": a person types text as patients, negative
 * hours, clears a practice row and types text as a date on Uitbetalingen. Controle names
 * sheet, row, column and reason, live; the Begroting keeps numbers, never negative, and the
 * cleared row costs nothing. In the pane's host (HyperFormula) and in an .xlsx recalculated
 * by LibreOffice; and the validations that should have stopped it are there, in Dutch.
 */
import ExcelJS from "exceljs";
import { MemoryExcel } from "../../src/host/memory-excel";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { SAMPLE_PRACTICES_CSV } from "../../src/samples/sample";
import { column } from "../../src/workbook/a1";
import { describeWorkbook } from "../../src/workbook/describe";
import { dataRowCount } from "../../src/workbook/practices-sheet";
import { byAddress, type ValueAt } from "../support/person";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";

const SAMPLE = () =>
  describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "46", hourlyCost: "52.50" }), practices: importPractices(SAMPLE_PRACTICES_CSV).practices, budgetYear: 2026, years: 4 });

const YEARS = [2026, 2027, 2028, 2029];
const TOTAL_ROW = 5 + dataRowCount(12);
/** Cost columns of a Begroting sheet: normpraktijken to compensation, and the incidental part. */
const COST_COLUMNS = ["G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "T", "V"];

const EXPECTED = {
  practices: "Praktijken rij 6, patiënten: geen getal en nog 1 rij(en)",
  hours: "uren per week: negatief",
  dates: "Uitbetalingen rij 5, factuurdatum: geen datum (Huisartsenpraktijk De Linde)",
};

/** What a person sees after the edits, whichever engine calculated it. */
function expectNamedNotSpread(valueAt: ValueAt, controle: (label: string) => unknown): void {
  expect(controle("Invoer op Praktijken is geldig")).toBe(EXPECTED.practices);
  expect(valueAt("Praktijken", "L6")).toBe("patiënten: geen getal");
  expect(valueAt("Praktijken", "L7")).toBe(EXPECTED.hours);
  expect(controle("Datums op Uitbetalingen zijn datums")).toBe(EXPECTED.dates);
  for (const year of YEARS) {
    const sheet = `Begroting ${year}`;
    for (const col of COST_COLUMNS) {
      for (let row = 5; row <= TOTAL_ROW; row++) {
        const v = valueAt(sheet, `${col}${row}`);
        if (row === TOTAL_ROW && !["H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "T", "V"].includes(col)) continue;
        expect([`${sheet}!${col}${row}`, typeof v]).toEqual([`${sheet}!${col}${row}`, "number"]);
        expect([`${sheet}!${col}${row}`, (v as number) >= 0]).toEqual([`${sheet}!${col}${row}`, true]);
      }
      // The cleared row (Praktijken row 8) costs nothing: no HIS, no insurance.
      expect([`${sheet}!${col}8`, valueAt(sheet, `${col}8`)]).toEqual([`${sheet}!${col}8`, 0]);
    }
    expect([valueAt(sheet, "D8") ?? "", valueAt(sheet, "E8") ?? "", valueAt(sheet, "F8"), valueAt(sheet, "U8") ?? ""]).toEqual(["", "", 0, ""]);
    // Text as patients: no normpraktijken, no hours; negative hours: 0 hours.
    expect([valueAt(sheet, "G6"), valueAt(sheet, "H6"), valueAt(sheet, "H7")]).toEqual([0, 0, 0]);
  }
  for (const sheet of ["Controle", "Meerjarenraming", "Uitbetalingen", ...YEARS.map((y) => `Begroting ${y}`)]) {
    for (let row = 1; row <= 60; row++)
      for (let col = 1; col <= 22; col++) {
        const v = valueAt(sheet, `${column(col)}${row}`);
        if (typeof v === "string" && v.startsWith("#")) throw new Error(`${sheet}!${column(col)}${row} is ${v}`);
      }
  }
}

describe("bad input is named on Controle, not spread", () => {
  it("in the pane's workbook: text as patients, negative hours, a cleared row and text as a date, recalculated without a rebuild", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    expect(valueOf(host, "Controle", "B5")).toBeDefined();
    await typeInto(host, "Praktijken", "D6", [["veel"]]);
    await typeInto(host, "Praktijken", "F7", [["-4"]]);
    await typeInto(host, "Praktijken", "A8:H8", [["", "", "", "", "", "", "", ""]]);
    await typeInto(host, "Uitbetalingen", "G5", [["begin maart"]]); // "1 maart" is a date to a Dutch Excel
    const controle = (label: string) => {
      for (let row = 5; row < 80; row++) if (valueOf(host, "Controle", `A${row}`) === label) return valueOf(host, "Controle", `B${row}`);
      throw new Error(`no check ${label}`);
    };
    expectNamedNotSpread((sheet, address) => valueOf(host, sheet, address), controle);
  });

  it("in the .xlsx, edited as a person would and recalculated by LibreOffice", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(SAMPLE())) as unknown as ArrayBuffer);
    const practices = book.getWorksheet("Praktijken")!;
    practices.getCell("D6").value = "veel";
    practices.getCell("F7").value = -4;
    for (let c = 1; c <= 8; c++) practices.getCell(8, c).value = null;
    book.getWorksheet("Uitbetalingen")!.getCell("G5").value = "begin maart";
    const valueAt = await recalculateWithLibreOffice(Buffer.from(await book.xlsx.writeBuffer()), "bad-input");
    const at: ValueAt = byAddress(valueAt);
    const controle = (label: string) => {
      for (let row = 5; row < 80; row++) if (at("Controle", `A${row}`) === label) return at("Controle", `B${row}`);
      throw new Error(`no check ${label}`);
    };
    expectNamedNotSpread(at, controle);
  }, 180_000);

  it("says OK for the sample as built, in the core's cached values", () => {
    const controle = SAMPLE().sheets.find((s) => s.name === "Controle")!;
    const outcome = (label: string) => controle.cells.find((r) => r[0]?.value === label)?.[1]?.result;
    expect(outcome("Invoer op Praktijken is geldig")).toBe("OK");
    expect(outcome("Datums op Uitbetalingen zijn datums")).toBe("OK");
  });
});

describe("data validation with a Dutch message on every input column", () => {
  const PRAKTIJKEN = { B: "custom", D: "whole", E: "list", F: "decimal", G: "date", H: "date" } as const;
  const UITBETALINGEN = { G: "date", H: "decimal", I: "decimal", J: "date" } as const;

  it("is written into the .xlsx", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(SAMPLE())) as unknown as ArrayBuffer);
    for (const [sheet, columns, row] of [["Praktijken", PRAKTIJKEN, 40], ["Uitbetalingen", UITBETALINGEN, 9]] as const) {
      for (const [col, type] of Object.entries(columns)) {
        const v = book.getWorksheet(sheet)!.getCell(`${col}${row}`).dataValidation;
        expect([sheet, col, v?.type, v?.allowBlank, v?.showErrorMessage]).toEqual([sheet, col, type, true, true]);
        expect(v?.error).toMatch(/typ|Kies/);
        expect(v?.prompt?.length).toBeGreaterThan(10);
      }
    }
    const patients = book.getWorksheet("Praktijken")!.getCell("D6").dataValidation;
    expect(patients).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0], error: "Patiënten: typ een geheel getal van 0 of meer (geen tekst, geen decimalen)." });
    expect(book.getWorksheet("Praktijken")!.getCell("B5").dataValidation.formulae).toEqual(["AND(ISTEXT(B5),LEN(B5)=8,ISNUMBER(--B5))"]);
  });

  it("is set through Office.js in the pane's workbook, with prompt and error alert", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    const kinds = { custom: "custom", whole: "wholeNumber", list: "list", decimal: "decimal", date: "date" } as const;
    for (const [sheet, columns] of [["Praktijken", PRAKTIJKEN], ["Uitbetalingen", UITBETALINGEN]] as const) {
      const validations = host.state.sheet(sheet)!.validations;
      for (const [col, type] of Object.entries(columns)) {
        const v = validations.find((x) => x.range.startsWith(`${col}5:${col}`));
        expect([sheet, col, v?.kind, v?.errorAlert?.showAlert, v?.errorAlert?.style, v?.prompt?.showPrompt]).toEqual([sheet, col, kinds[type], true, "Stop", true]);
        expect(v?.errorAlert?.message).toMatch(/typ|Kies/);
      }
    }
    const patients = host.state.sheet("Praktijken")!.validations.find((v) => v.kind === "wholeNumber")!;
    expect(patients).toMatchObject({ rule: { formula1: 0, operator: "GreaterThanOrEqualTo" }, errorAlert: { title: "Patiënten", message: "Patiënten: typ een geheel getal van 0 of meer (geen tekst, geen decimalen)." } });
    expect(host.state.sheet("Praktijken")!.validations.find((v) => v.kind === "date")!.rule).toEqual({ formula1: "1990-01-01", formula2: "2100-12-31", operator: "Between" });
  });
});
