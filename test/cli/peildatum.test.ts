/**
 * `poh-budget --peildatum` (issue 8.6): the reference date of the payment checks, today by
 * default. A bad date is refused (exit 2); `--update` keeps a Peildatum typed in the workbook
 * and moves a default one to today, and a flag overrides it, said in the summary.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { excelSerial, isoDate } from "../../src/core/dates";
import { PEILDATUM_ROW } from "../../src/workbook/parameters-sheet";
import { readCachedValues } from "../support/libreoffice";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");
const run = (args: string[], cwd: string) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "poh-peildatum-"));
const CSV = ["praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum", "Huisartsenpraktijk De Linde;01012345;Emmelhage;2940;Aanvullend;;01-01-2024;", "Praktijk Het Anker;01023456;Emmelhage;1800;Aanvullend;;01-03-2026;"].join("\n");
const BUILD = ["--scheme", "vpg", "--practices", "p.csv", "--year", "2026", "--years", "2", "--out", "b.xlsx"];
const now = new Date();
const TODAY = excelSerial(isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()));

async function peildatumOf(file: string): Promise<{ value: unknown; source: unknown; overdue: unknown }> {
  const at = await readCachedValues(fs.readFileSync(file));
  let overdue: unknown;
  for (let r = 4; r < 120; r++) if (at("Controle", r, 0) === "Niets achterstallig op de peildatum") overdue = at("Controle", r, 1);
  return { value: at("Uitgangspunten", PEILDATUM_ROW - 1, 2), source: at("Uitgangspunten", PEILDATUM_ROW - 1, 4), overdue };
}

/** Types `value` into the Peildatum cell (and, when given, the source beside it), as a person would. */
async function typePeildatum(file: string, value: number | null, source?: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet("Uitgangspunten")!;
  sheet.getCell(`C${PEILDATUM_ROW}`).value = value;
  if (source !== undefined) sheet.getCell(`E${PEILDATUM_ROW}`).value = source;
  await book.xlsx.writeFile(file);
}

describe("poh-budget --peildatum", () => {
  it("sets the Peildatum the overdue check uses; without it the Peildatum is today's date", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    const given = run([...BUILD, "--peildatum", "2026-07-01"], dir);
    expect([given.code, given.stderr]).toEqual([0, ""]);
    // De Linde (due 1-5-2026) and Het Anker (started in March, due 1-7-2026 — not before the Peildatum).
    expect(given.stdout).toContain("Niets achterstallig op de peildatum: Achterstallig op de peildatum: Uitbetalingen rij 5 (Huisartsenpraktijk De Linde)");
    expect(await peildatumOf(path.join(dir, "b.xlsx"))).toMatchObject({ value: excelSerial("2026-07-01"), source: expect.stringMatching(/^Eigen invoer/) as unknown });

    const dutch = run([...BUILD, "--peildatum", "15-01-2026", "--force"], dir);
    expect(dutch.code).toBe(0);
    expect(await peildatumOf(path.join(dir, "b.xlsx"))).toMatchObject({ value: excelSerial("2026-01-15"), overdue: "OK" });

    fs.rmSync(path.join(dir, "b.xlsx"));
    expect(run(BUILD, dir).code).toBe(0);
    expect(await peildatumOf(path.join(dir, "b.xlsx"))).toMatchObject({ value: TODAY, source: expect.stringMatching(/^Standaard: de datum van opbouwen \(\d+-\d+-\d{4}\)/) as unknown });
  });

  it("refuses a date that is none with exit 2, naming it, and says what it takes in the help", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    const bad = (value: string) => run([...BUILD, "--peildatum", value], dir);
    expect(bad("morgen")).toMatchObject({ code: 2, stderr: "--peildatum: “morgen” is geen datum (dd-mm-jjjj of jjjj-mm-dd)\n" });
    expect(bad("2026-02-30")).toMatchObject({ code: 2, stderr: "--peildatum: 2026-02-30 bestaat niet\n" });
    expect(bad("1980-01-01")).toMatchObject({ code: 2, stderr: "--peildatum: kies een waarde van 1990-01-01 tot 2100-12-31 (1980-01-01)\n" });
    expect(run([...BUILD, "--peildatum"], dir)).toMatchObject({ code: 2 });
    expect(fs.existsSync(path.join(dir, "b.xlsx"))).toBe(false);
    const help = run(["--help"], dir).stdout;
    expect(help).toContain("--peildatum <jjjj-mm-dd>   [1990-01-01–2100-12-31]");
    expect(help).toMatch(/peildatum van de betalingscontrole/);
    expect(help).toMatch(/reference date of the payment checks/);
  });

  it("--update keeps a Peildatum typed in the workbook, renews a default one, and a flag overrides it", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), CSV);
    expect(run(BUILD, dir).code).toBe(0);
    const file = path.join(dir, "b.xlsx");
    // A default from an earlier build (its source records that day): the rebuild takes today.
    await typePeildatum(file, excelSerial("2026-02-01"), "Standaard: de datum van opbouwen (1-2-2026). Typ een andere datum om die vast te houden; anders schuift hij mee bij opnieuw opbouwen.");
    expect(run(["--update", "b.xlsx"], dir).code).toBe(0);
    expect((await peildatumOf(file)).value).toBe(TODAY);

    // Typed by a person: kept.
    await typePeildatum(file, excelSerial("2026-08-15"));
    const kept = run(["--update", "b.xlsx"], dir);
    expect([kept.code, kept.stdout]).toEqual([0, expect.not.stringContaining("Van de opdrachtregel")]);
    expect(await peildatumOf(file)).toMatchObject({ value: excelSerial("2026-08-15"), source: expect.stringMatching(/^Eigen invoer/) as unknown });
    // A --scheme given replaces the parameters, not the Peildatum.
    expect(run(["--update", "b.xlsx", "--scheme", "vpg"], dir).code).toBe(0);
    expect((await peildatumOf(file)).value).toBe(excelSerial("2026-08-15"));

    const flag = run(["--update", "b.xlsx", "--peildatum", "2026-09-01"], dir);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain("Van de opdrachtregel: Peildatum 1-9-2026 (werkmap: 15-8-2026)");
    expect((await peildatumOf(file)).value).toBe(excelSerial("2026-09-01"));

    // Text that is no date: named by its cell, nothing written (exit 1).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.getWorksheet("Uitgangspunten")!.getCell(`C${PEILDATUM_ROW}`).value = "ooit";
    await book.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const refused = run(["--update", "b.xlsx"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Uitgangspunten C${PEILDATUM_ROW}: Peildatum: “ooit” is geen datum (dd-mm-jjjj of jjjj-mm-dd)`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
