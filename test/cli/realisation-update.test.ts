/**
 * Issue 11.5 in a built .xlsx: a controller types realisation on Realisatie (hours above the
 * budget, text where hours belong, an invoiced amount), LibreOffice recalculates and the row and
 * Controle say so; `poh-budget --update` keeps every typed cell with its practice, schema-valid.
 * Runs the compiled CLI: `npm run build:cli` first.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { column } from "../../src/workbook/a1";
import { RCOL } from "../../src/workbook/realisation-columns";
import { readCachedValues, recalculateWithLibreOffice } from "../support/libreoffice";
import { byAddress, controleOutcome } from "../support/person";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");
const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
const valid = (file: string) => execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" });

const CSV = [
  "praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum",
  "Huisartsenpraktijk De Linde;01012345;Emmelhage;2350;Aanvullend;;01-01-2024;",
  "Gezondheidshuis De Vaart;01089012;Kreilhof;4010;Aanvullend;4,5;01-01-2024;",
  "Praktijk Het Anker;01023456;Emmelhage;1800;Basis;;01-03-2026;",
  "Huisartsen Zuiderkruis;01034567;Zuid;2350;Extra;;;",
].join("\n");
/** An empty cell and an empty text are the same to a reader. */
const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
const COLUMNS = Array.from({ length: RCOL.above }, (_, i) => column(i + 1));
/** What the controller types on Realisatie (row → column letter → value). */
const TYPED: Record<number, Record<string, ExcelJS.CellValue>> = {
  5: { D: 40, E: 45.5, I: 2500.75 }, // De Linde: 4 h a week, 192 h budgeted; K2 invoiced
  6: { D: 9999 }, // De Vaart: far above its budget
  7: { E: "tien uur" }, // Het Anker: text where hours belong
};

describe("Realisatie in a built .xlsx", () => {
  it("names hours above the budget and text on the row and on Controle (LibreOffice), and --update keeps what was typed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "poh-realisatie-"));
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    expect(run(["--scheme", "vpg", "--practices", "p.csv", "--year", "2026", "--years", "2", "--hourly-cost", "52.5", "--out", "begroting.xlsx"], dir).status).toBe(0);
    const file = path.join(dir, "begroting.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet("Realisatie")!;
    for (const [row, cells] of Object.entries(TYPED)) for (const [col, value] of Object.entries(cells)) sheet.getCell(`${col}${row}`).value = value;
    await book.xlsx.writeFile(file);

    const at = byAddress(await recalculateWithLibreOffice(fs.readFileSync(file), "realisatie"));
    expect(["AN5", "AN6", "AN7", "AN8"].map((a) => at("Realisatie", a))).toEqual(["Binnen de begroting", "Meer uren dan begroot", "Invoer is geen getal", "Nog niets ingevuld"]);
    // De Linde: 2350 patients → 4 h a week, 48 weeks: 192 h; K1 = 40 h × 52.50 = 2100; K2 = the invoiced 2500.75; year 4600.75.
    expect(["R5", "S5", "V5", "P5"].map((a) => at("Realisatie", a))).toEqual([2100, 2500.75, 4600.75, 192]);
    // 192 h × 52.50 = 10080 budgeted; 4600.75 − 10080 = −5479.25; K1 budget 48 h × 52.50 = 2520: 2100 − 2520 = −420.
    expect(["AC5", "AH5", "AD5", "Y5"].map((a) => at("Realisatie", a))).toEqual([10080, -5479.25, -420, 2520]);
    // Text counts as nothing, never #VALUE!.
    expect(COLUMNS.map((c) => String(at("Realisatie", `${c}7`))).filter((v) => v.startsWith("#"))).toEqual([]);
    expect(controleOutcome(at, "Realisatie: uren binnen de begroting")).toBe("Meer uren dan begroot: Realisatie rij 6 (Gezondheidshuis De Vaart)");
    expect(controleOutcome(at, "Realisatie: invoer is een getal")).toBe("Invoer is geen getal: Realisatie rij 7 (Praktijk Het Anker)");

    // Praktijken re-sorted (Zuiderkruis first), then --update: the typed cells follow their AGB codes.
    const edit = new ExcelJS.Workbook();
    await edit.xlsx.readFile(file);
    const praktijken = edit.getWorksheet("Praktijken")!;
    const rows = [5, 6, 7, 8].map((r) => [1, 2, 3, 4, 5, 6, 7, 8].map((c) => praktijken.getCell(r, c).value));
    [rows[3], rows[0], rows[1], rows[2]].forEach((values, i) => values.forEach((v, c) => (praktijken.getCell(5 + i, c + 1).value = v)));
    await edit.xlsx.writeFile(file);
    const update = run(["--update", "begroting.xlsx"], dir);
    expect([update.status, update.stderr]).toEqual([0, ""]);
    const cached = byAddress(await readCachedValues(fs.readFileSync(file)));
    expect(["B5", "D5", "B6", "D6", "E6", "I6", "D7", "E8"].map((a) => cached("Realisatie", a) ?? null)).toEqual(["01034567", null, "01012345", 40, 45.5, 2500.75, 9999, "tien uur"]);
    expect(cached("Realisatie", "AN8")).toBe("Invoer is geen getal");
    expect(valid(file)).toContain("valid");
    // And what LibreOffice computes from the rebuilt file is what it cached, on every cell of Realisatie's practices.
    const again = byAddress(await recalculateWithLibreOffice(fs.readFileSync(file), "realisatie-update"));
    for (let r = 5; r <= 8; r++) for (const c of COLUMNS) expect([`${c}${r}`, blank(again("Realisatie", `${c}${r}`))]).toEqual([`${c}${r}`, blank(cached("Realisatie", `${c}${r}`))]);
  }, 300_000);
});
