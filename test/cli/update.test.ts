/**
 * poh-budget onto a workbook it made (issue 8, point 1): `--out existing.xlsx` and `--update`
 * read it back first — parameters on Uitgangspunten, practices on Praktijken, payments typed on
 * Uitbetalingen — as the task pane's rebuild does, and rewrite it with all of that kept. The
 * workbook is edited here as a person would, with ExcelJS (and once more through LibreOffice).
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { describeWorkbook } from "../../src/workbook/describe";
import { mismatches } from "../support/hyperformula";
import { readCachedValues, recalculateWithLibreOffice } from "../support/libreoffice";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");
const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const LIBREOFFICE_OUT = path.resolve(__dirname, "../../test-output/libreoffice/out");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "poh-update-"));
const valid = (file: string) => execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" });

const HEADER = "praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum";
const PRACTICES = [
  "Huisartsenpraktijk De Linde;01012345;Emmelhage;2940;Aanvullend;;01-01-2024;",
  "Gezondheidshuis De Vaart;01089012;Kreilhof;4010;Aanvullend;4,5;01-01-2024;",
  "Praktijk Het Anker;01023456;Emmelhage;1800;Basis;;01-03-2026;",
  "Huisartsen Zuiderkruis;01034567;Zuid;2350;Extra;;;",
];
const CSV = [HEADER, ...PRACTICES].join("\n");
const BUILD = ["--scheme", "vpg", "--practices", "p.csv", "--year", "2026", "--years", "2"];
const YEARS = [2026, 2027];
/** The typed columns of Uitbetalingen: invoice number, invoice date, invoiced, paid, paid date (F–J). */
const TYPED = ["F", "G", "H", "I", "J"];

/** What a controller typed on one register row: a value in every typed column, distinct per row. */
function typedFor(row: number): unknown[] {
  return [`F-${row}`, 46_000 + row, 1000 + row + 0.25, 900 + row + 0.5, 46_100 + row];
}

/** Edits the workbook as a person would: every register row paid, Uurtarief changed, one patient count changed. */
async function editAsAPerson(file: string, change: { hourlyCost?: number; patients?: { row: number; value: unknown } }): Promise<{ typedCells: number; rows: Map<string, number> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const payouts = book.getWorksheet("Uitbetalingen")!;
  let typedCells = 0;
  const rows = new Map<string, number>(); // "agb|year" → row
  for (let r = 5; r <= payouts.rowCount; r++) {
    const agb = payouts.getCell(`B${r}`).value;
    if (typeof agb !== "string" || !/^\d{8}$/.test(agb)) continue;
    rows.set(`${agb}|${Number(payouts.getCell(`A${r}`).value)}`, r);
    typedFor(r).forEach((value, i) => {
      payouts.getCell(`${TYPED[i]}${r}`).value = value as ExcelJS.CellValue;
      typedCells++;
    });
  }
  if (change.hourlyCost !== undefined) {
    const sheet = book.getWorksheet("Uitgangspunten")!;
    let found = false;
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === "Uurtarief") {
        sheet.getCell(`C${r}`).value = change.hourlyCost!;
        found = true;
      }
    });
    expect(found).toBe(true);
  }
  if (change.patients) book.getWorksheet("Praktijken")!.getCell(`D${change.patients.row}`).value = change.patients.value as ExcelJS.CellValue;
  await book.xlsx.writeFile(file);
  return { typedCells, rows };
}

/** The typed cells of the register that are as typed, by row (row numbers of the file they were typed in). */
function keptCells(valueAt: (sheet: string, row: number, col: number) => unknown, typedRows: Map<string, number>, only?: (key: string) => boolean): { kept: number; of: number } {
  // The rebuilt register may order rows differently: find each practice-year by AGB code and year.
  const at = new Map<string, number>();
  for (let r = 5; r < 5 + 1000; r++) {
    const agb = valueAt("Uitbetalingen", r - 1, 1);
    if (agb === undefined) break;
    // The compensation rows (issue 11.2: the formation instalments after them share AGB code and year).
    const kind = valueAt("Uitbetalingen", r - 1, 19);
    if (kind !== undefined && kind !== "Compensatie overhead") continue;
    at.set(`${agb as string}|${Number(valueAt("Uitbetalingen", r - 1, 0))}`, r);
  }
  let kept = 0;
  let of = 0;
  for (const [key, typedRow] of typedRows) {
    if (only && !only(key)) continue;
    const row = at.get(key);
    typedFor(typedRow).forEach((value, i) => {
      of++;
      if (row !== undefined && valueAt("Uitbetalingen", row - 1, 5 + i) === value) kept++;
    });
  }
  return { kept, of };
}

/** The core's figures for the edited inputs: Uurtarief 61.25 and De Linde (row 5) at 3,100 patients. */
function expectedAfterEdit(hourlyCost = "61.25") {
  const csv = CSV.replace("Emmelhage;2940;", "Emmelhage;3100;");
  return describeWorkbook({ scheme: withParameters(SCHEMES.vpg, { hourlyCost }), practices: importPractices(csv).practices, budgetYear: 2026, years: 2 });
}

/**
 * Mismatches outside what the payments drive: on Uitbetalingen only the amount and due date
 * looked up from the Begroting sheets count (difference, status and totals follow the payments),
 * and Controle is left out (it checks paid against due).
 */
const budgetMismatches = (expected: ReturnType<typeof describeWorkbook>, valueAt: (sheet: string, row: number, col: number) => unknown) =>
  mismatches(expected, valueAt).filter((m) => m.sheet !== "Controle" && (m.sheet !== "Uitbetalingen" || (/^[DE]\d+$/.test(m.address) && m.formula.includes("INDEX("))));

async function builtAndEdited(): Promise<{ dir: string; file: string; typedCells: number; rows: Map<string, number> }> {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "p.csv"), CSV);
  expect(run([...BUILD, "--out", "begroting.xlsx"], dir).code).toBe(0);
  const file = path.join(dir, "begroting.xlsx");
  const edit = await editAsAPerson(file, { hourlyCost: 61.25, patients: { row: 5, value: 3100 } });
  return { dir, file, ...edit };
}

describe("poh-budget onto a workbook it made", () => {
  it("(a) --out the same file: every typed payment cell stays, the changed parameter and patient count are in the figures (cached and recalculated by LibreOffice), schema-valid", async () => {
    const { dir, file, typedCells, rows } = await builtAndEdited();
    expect(typedCells).toBe(PRACTICES.length * YEARS.length * TYPED.length);
    const { code, stdout, stderr } = run(["--out", "begroting.xlsx"], dir);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain(`Gelezen uit ${file}: uitgangspunten, 4 praktijken, 8 rij(en) met betalingen`);
    expect(stdout).not.toContain("Van de opdrachtregel");
    const cached = await readCachedValues(fs.readFileSync(file));
    expect(keptCells(cached, rows)).toEqual({ kept: typedCells, of: typedCells });
    expect(cached("Praktijken", 4, 3)).toBe(3100);
    const expected = expectedAfterEdit();
    expect(budgetMismatches(expected, cached)).toEqual([]);
    const recalculated = await recalculateWithLibreOffice(fs.readFileSync(file), "update-a");
    expect(budgetMismatches(expected, recalculated).slice(0, 10)).toEqual([]);
    expect(keptCells(recalculated, rows)).toEqual({ kept: typedCells, of: typedCells });
    expect(valid(file)).toContain("valid");
  });

  it("(b) --update file.xlsx does the same in one command, also after the workbook went through LibreOffice", async () => {
    const { dir, file, typedCells, rows } = await builtAndEdited();
    // LibreOffice saves it as its own .xlsx (its shared strings, styles and zip).
    await recalculateWithLibreOffice(fs.readFileSync(file), "update-b");
    fs.copyFileSync(path.join(LIBREOFFICE_OUT, "update-b.xlsx"), file);
    const { code, stdout, stderr } = run(["--update", "begroting.xlsx"], dir);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("8 rij(en) met betalingen");
    const cached = await readCachedValues(fs.readFileSync(file));
    expect(keptCells(cached, rows)).toEqual({ kept: typedCells, of: typedCells });
    expect(budgetMismatches(expectedAfterEdit(), cached)).toEqual([]);
    expect(valid(file)).toContain("valid");
    // And once more, from the file it just wrote: nothing is lost on a second rebuild.
    expect(run(["--update", "begroting.xlsx"], dir).code).toBe(0);
    expect(keptCells(await readCachedValues(fs.readFileSync(file)), rows)).toEqual({ kept: typedCells, of: typedCells });
  });

  it("(c) --practices new.csv --out file.xlsx replaces the practices and keeps every payment, also of the practice that left (named on Controle)", async () => {
    const { dir, file, rows } = await builtAndEdited();
    // Het Anker leaves, a new practice comes; the other three stay (De Linde with its CSV count).
    fs.writeFileSync(path.join(dir, "nieuw.csv"), [HEADER, PRACTICES[0], PRACTICES[1], PRACTICES[3], "Praktijk Nieuwland;01045678;Noord;2000;Aanvullend;;01-01-2026;"].join("\n"));
    const { code, stdout, stderr } = run(["--practices", "nieuw.csv", "--out", "begroting.xlsx"], dir);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("praktijken uit nieuw.csv");
    expect(stdout).toContain("4 praktijken, tabbladen");
    const cached = await readCachedValues(fs.readFileSync(file));
    const expectedCells = 4 * YEARS.length * TYPED.length; // Het Anker's rows too: kept below the register
    expect(keptCells(cached, rows)).toEqual({ kept: expectedCells, of: expectedCells });
    const controle = Array.from({ length: 80 }, (_, i) => cached("Controle", i, 0)).map((line) => (typeof line === "string" ? line : ""));
    expect(controle.filter((line) => line.includes("(01023456)"))).toHaveLength(YEARS.length); // one line per kept row
    const names = Array.from({ length: 6 }, (_, i) => cached("Praktijken", 4 + i, 0));
    expect(names).toEqual(["Huisartsenpraktijk De Linde", "Gezondheidshuis De Vaart", "Huisartsen Zuiderkruis", "Praktijk Nieuwland", undefined, undefined]);
    expect(cached("Praktijken", 4, 3)).toBe(2940); // the CSV's count, not the one typed on the sheet
    // The new practice's register rows have nothing typed.
    for (let r = 4; r < 20; r++) {
      if (cached("Uitbetalingen", r, 1) !== "01045678") continue;
      expect(TYPED.map((_, i) => cached("Uitbetalingen", r, 5 + i) ?? "")).toEqual(["", "", "", "", ""]);
    }
    // The parameter typed on Uitgangspunten is kept.
    const expected = describeWorkbook({ scheme: withParameters(SCHEMES.vpg, { hourlyCost: "61.25" }), practices: importPractices(fs.readFileSync(path.join(dir, "nieuw.csv"))).practices, budgetYear: 2026, years: 2 });
    expect(budgetMismatches(expected, cached)).toEqual([]);
    expect(valid(file)).toContain("valid");
  });

  it("(d) a flag overrides what the workbook holds, and the summary says so", async () => {
    const { dir, file, typedCells, rows } = await builtAndEdited();
    const { code, stdout } = run(["--update", "begroting.xlsx", "--hourly-cost", "60", "--years", "3"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Van de opdrachtregel: Jaren 3 (werkmap: 2); Uurtarief 60,00 (werkmap: 61,25)");
    const cached = await readCachedValues(fs.readFileSync(file));
    const expected = describeWorkbook({ scheme: withParameters(SCHEMES.vpg, { hourlyCost: "60" }), practices: importPractices(CSV.replace("Emmelhage;2940;", "Emmelhage;3100;")).practices, budgetYear: 2026, years: 3 });
    expect(budgetMismatches(expected, cached)).toEqual([]);
    expect(keptCells(cached, rows)).toEqual({ kept: typedCells, of: typedCells });
    // In English too.
    const en = run(["--update", "begroting.xlsx", "--hourly-cost", "52.5", "--lang", "en"], dir);
    expect(en.stdout).toContain("From the command line: Uurtarief 52.50 (workbook: 60.00)");
    // Another scheme is named in words, as Uitgangspunten shows it (issue 13), never by its key.
    const other = run(["--update", "begroting.xlsx", "--scheme", "flevoland"], dir);
    expect(other.stdout).toContain("Van de opdrachtregel: Regeling Flevoland / Zilveren Kruis (structureel) (werkmap: VPG regioplan (pilot))");
  });

  it("(e) refuses an .xlsx it did not make with exit 2 and keeps it byte for byte; --force replaces it with a new budget", async () => {
    const dir = tempDir();
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Uitgangspunten").getCell("A1").value = "Mijn eigen uitgangspunten";
    foreign.addWorksheet("Praktijken").getCell("A1").value = "Mijn praktijken";
    const file = path.join(dir, "begroting.xlsx");
    await foreign.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    for (const args of [["--out", "begroting.xlsx"], ["--update", "begroting.xlsx"], ["--update", "begroting.xlsx", "--force"]]) {
      const { code, stdout, stderr } = run(args, dir);
      expect([args, code, stdout]).toEqual([args, 2, ""]);
      expect(stderr).toContain(`“begroting.xlsx” is geen werkmap van poh-budget (gemaakt door “Unknown”)`); // ExcelJS's default creator
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
    expect(run(["--out", "begroting.xlsx"], dir).stderr.trim()).toBe(
      "--out: “begroting.xlsx” is geen werkmap van poh-budget (gemaakt door “Unknown”); het bestand is niet gewijzigd. Gebruik --force om het te vervangen door een nieuwe begroting",
    );
    // A file by someone else, and a file that is no .xlsx at all, are named as such.
    foreign.creator = "Jan de Vries";
    await foreign.xlsx.writeFile(path.join(dir, "jan.xlsx"));
    expect(run(["--out", "jan.xlsx", "--lang", "en"], dir).stderr).toContain("“jan.xlsx” is not a workbook made by poh-budget (made by “Jan de Vries”)");
    fs.writeFileSync(path.join(dir, "tekst.xlsx"), "earlier");
    expect(run(["--out", "tekst.xlsx"], dir).stderr).toContain("(geen leesbare .xlsx: not a zip file (7 bytes))");
    expect(fs.readFileSync(path.join(dir, "tekst.xlsx"), "utf8")).toBe("earlier");
    // --force: replaced as a new build (the sample), which is then ours.
    const forced = run(["--out", "begroting.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).not.toContain("Gelezen uit");
    expect(run(["--update", "begroting.xlsx"], dir).stdout).toContain("Gelezen uit");
  });

  it("(f) a bad value typed on Praktijken or Uitgangspunten: exit 1, each named by sheet and cell, the file byte for byte intact", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    expect(run([...BUILD, "--out", "begroting.xlsx"], dir).code).toBe(0);
    const file = path.join(dir, "begroting.xlsx");
    await editAsAPerson(file, { patients: { row: 6, value: "veel" } });
    const before = fs.readFileSync(file);
    const { code, stdout, stderr } = run(["--update", "begroting.xlsx"], dir);
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr.trim().split("\n")).toEqual(["Praktijken D6: patienten: verwacht een getal, niet “veel”", "1 fout(en) in begroting.xlsx; er is niets geschreven."]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // A parameter out of its bounds is named too, both problems at once (in English with --lang en).
    await editAsAPerson(file, { hourlyCost: -5 });
    const both = run(["--out", "begroting.xlsx", "--lang", "en"], dir);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^Uitgangspunten C\d+: .*-5/m);
    expect(both.stderr).toContain("Praktijken D6:");
    expect(both.stderr).toContain("2 error(s) in begroting.xlsx; nothing was written.");
    expect(fs.readdirSync(dir).sort()).toEqual(["begroting.xlsx", "p.csv"]);
  });

  it("--update a.xlsx --out b.xlsx reads a and writes b, which must be new unless --force; a is not touched", async () => {
    const { dir, file, typedCells, rows } = await builtAndEdited();
    const before = fs.readFileSync(file);
    const { code, stdout } = run(["--update", "begroting.xlsx", "--out", "kopie.xlsx"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`Gelezen uit ${file}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(keptCells(await readCachedValues(fs.readFileSync(path.join(dir, "kopie.xlsx"))), rows)).toEqual({ kept: typedCells, of: typedCells });
    const again = run(["--update", "begroting.xlsx", "--out", "kopie.xlsx"], dir);
    expect([again.code, again.stderr.trim()]).toEqual([2, "--out: “kopie.xlsx” bestaat al; kies een andere naam (of --force om het te vervangen)"]);
    expect(run(["--update", "begroting.xlsx", "--out", "kopie.xlsx", "--force"], dir).code).toBe(0);
    const missing = run(["--update", "weg.xlsx"], dir);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, "--update: bestand “weg.xlsx” bestaat niet"]);
  });
});

describe("poh-budget --update with payments typed on formation instalments (issue 11.2)", () => {
  it("keeps each on its instalment's row (AGB code + year + kind), after the workbook went through LibreOffice", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    expect(run([...BUILD, "--out", "begroting.xlsx"], dir).code).toBe(0);
    const file = path.join(dir, "begroting.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const payouts = book.getWorksheet("Uitbetalingen")!;
    const result = (address: string) => {
      const v = payouts.getCell(address).value as { result?: unknown } | null;
      return v !== null && typeof v === "object" && "result" in v ? v.result : v;
    };
    // De Linde's second quarter of 2026 and Het Anker's fourth of 2027, as a person types them.
    const typed = new Map<string, unknown[]>();
    for (let r = 5; r <= payouts.rowCount; r++) {
      const key = `${String(result(`B${r}`))}|${Number(result(`A${r}`))}|${String(result(`T${r}`))}`;
      if (key !== "01012345|2026|Formatie K2" && key !== "01023456|2027|Formatie K4") continue;
      const values = [`FK-${r}`, 46_200 + r, result(`D${r}`), result(`D${r}`), 46_300 + r];
      values.forEach((v, i) => (payouts.getCell(`${TYPED[i]}${r}`).value = v as ExcelJS.CellValue));
      typed.set(key, values);
    }
    expect(typed.size).toBe(2);
    await book.xlsx.writeFile(file);
    await recalculateWithLibreOffice(fs.readFileSync(file), "update-formation");
    fs.copyFileSync(path.join(LIBREOFFICE_OUT, "update-formation.xlsx"), file);
    // A practice leaves, so the rows move: the payments follow their instalment, not their row.
    fs.writeFileSync(path.join(dir, "p.csv"), [HEADER, ...PRACTICES.filter((p) => !p.includes("01089012"))].join("\n"));
    const { code, stderr, stdout } = run(["--update", "begroting.xlsx", "--practices", "p.csv"], dir);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain("2 rij(en) met betalingen");
    const cached = await readCachedValues(fs.readFileSync(file));
    const found = new Map<string, unknown[]>();
    for (let r = 4; r < 1000 && cached("Uitbetalingen", r, 0) !== undefined; r++) {
      const key = `${String(cached("Uitbetalingen", r, 1))}|${Number(cached("Uitbetalingen", r, 0))}|${String(cached("Uitbetalingen", r, 19))}`;
      if (typed.has(key)) found.set(key, [0, 1, 2, 3, 4].map((i) => cached("Uitbetalingen", r, 5 + i)));
      if (typed.has(key)) expect(cached("Uitbetalingen", r, 11)).toBe("Betaald");
    }
    expect(found).toEqual(typed);
    expect(valid(file)).toContain("valid");
  }, 240_000);
});
