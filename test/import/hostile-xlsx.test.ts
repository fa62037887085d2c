/**
 * End to end: a CSV whose practice name holds U+FFFE, imported and written through the .xlsx
 * renderer. Before the importer removed it, the shared strings were not well-formed XML and
 * LibreOffice opened the file with every text cell blank.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { SCHEMES } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { describeWorkbook } from "../../src/workbook/describe";
import { recalculateWithLibreOffice } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../test-output/import");
const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const CSV = [
  "praktijk;agb;locatie;patienten",
  "Huisartsenpraktijk De \uFFFELinde;01000001;Emmelhage;2350",
  "Gezondheidshuis De Vaart;01000002;Kreilhof;3000",
  "Praktijk ’t Hofje;01000003;Zeewolde\u001b;1800",
].join("\n");
const NAMES = ["Huisartsenpraktijk De Linde", "Gezondheidshuis De Vaart", "Praktijk ’t Hofje"];
const LOCATIONS = ["Emmelhage", "Kreilhof", "Zeewolde"];

describe("a CSV with U+FFFE in a name, written as .xlsx", () => {
  let xlsx: Buffer;

  beforeAll(async () => {
    const imported = importPractices(CSV);
    expect(imported.errors).toEqual([]);
    expect(imported.warnings.map((w) => w.row)).toEqual([2, 4]);
    const description = describeWorkbook({ scheme: SCHEMES.vpg, practices: imported.practices, budgetYear: 2026, years: 1 });
    xlsx = Buffer.from(await renderXlsx(description));
  });

  it("is valid against the ECMA-376 schemas (well-formed XML throughout)", () => {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "hostile-name.xlsx");
    fs.writeFileSync(file, xlsx);
    expect(() => execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" })).not.toThrow();
  });

  it("keeps every name and location as text when ExcelJS reads it back", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Praktijken")!;
    expect(NAMES.map((_, i) => sheet.getCell(`A${5 + i}`).value)).toEqual(NAMES);
    expect(LOCATIONS.map((_, i) => sheet.getCell(`C${5 + i}`).value)).toEqual(LOCATIONS);
    expect(workbook.getWorksheet("Begroting 2026")!.getCell("A6").result).toBe(NAMES[1]);
  });

  it("keeps every other text cell when LibreOffice opens it (the reported bug)", async () => {
    const value = await recalculateWithLibreOffice(xlsx, "hostile-name");
    expect(NAMES.map((_, i) => value("Praktijken", 4 + i, 0))).toEqual(NAMES);
    expect(LOCATIONS.map((_, i) => value("Praktijken", 4 + i, 2))).toEqual(LOCATIONS);
    expect(value("Praktijken", 3, 0)).toEqual(expect.any(String));
    expect(String(value("Praktijken", 3, 0))).not.toBe("");
    expect(value("Uitbetalingen", 4, 2)).toBe(NAMES[0]);
  });
});
