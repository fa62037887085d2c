import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { describeWorkbook } from "../../src/workbook/describe";
import { importPractices } from "../../src/import/practices";
import { SAMPLE_PRACTICES_CSV, samplePracticesCsv, sampleScheme } from "../../src/samples/sample";
import { mismatches } from "../support/hyperformula";
import { readCachedValues, recalculateWithLibreOffice } from "../support/libreoffice";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "poh-budget-"));
}

const TEN_ERRORS = [
  "praktijk;agb;patienten;model;uren_per_week;startdatum;einddatum",
  "Malformed AGB;01A00002;2350;;;;",
  "Goed;01000001;2350;;;;",
  "Dubbel;01000001;2350;;;;",
  ";01000004;2350;;;;",
  "Negatief;01000005;-5;;;;",
  "Geen getal;01000006;veel;;;;",
  "Uren;01000007;2350;;-4;;",
  "Model;01000008;2350;Premium;;;",
  "Datum;01000009;2350;;;31-02-2025;",
  "Volgorde;01000010;2350;;;01-06-2025;01-01-2025",
  "Zeven;1000011;2350;;;;",
].join("\n");

describe("poh-budget", () => {
  it("builds the bundled sample for next year with no arguments, and LibreOffice reproduces every cached value", async () => {
    const dir = tempDir();
    const { code, stdout } = run([], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("begroting-voorbeeld.xlsx");
    expect(stdout).toContain("Controle: alles OK");
    const file = fs.readFileSync(path.join(dir, "begroting-voorbeeld.xlsx"));
    const nextYear = new Date().getFullYear() + 1; // like every default, the sample budgets next year
    const expected = describeWorkbook({
      // Flevoland with Polderland's 46 h and compensation by model (issue 11.7).
      scheme: sampleScheme(),
      practices: importPractices(samplePracticesCsv(nextYear)).practices,
      budgetYear: nextYear,
      years: 4,
    });
    // The file's cached values are the core's …
    expect(mismatches(expected, await readCachedValues(file))).toEqual([]);
    // … and LibreOffice, recalculating every formula, gets the same cents.
    expect(mismatches(expected, await recalculateWithLibreOffice(file, "sample")).slice(0, 10)).toEqual([]);
  });

  it("builds the sample with a split and a compensation, and says on Uitgangspunten whose choice the compensation is", async () => {
    const dir = tempDir();
    expect(run([], dir).code).toBe(0);
    const at = await readCachedValues(fs.readFileSync(path.join(dir, "begroting-voorbeeld.xlsx")));
    const year = new Date().getFullYear() + 1;
    const begroting = (row: number, col: number) => at(`Begroting ${year}`, row, col);
    // De Linde (row 5): its formation split 50/50 and Aanvullend's 50% of its overhead.
    expect(begroting(4, 11)).toBeGreaterThan(0);
    expect(begroting(4, 11)).toBe(begroting(4, 12));
    expect([begroting(4, 18), begroting(4, 19)]).toEqual([0.5, Math.round((begroting(4, 17) as number) * 50) / 100]);
    // Polderweg (row 9): Extra, but at its own 75%.
    expect(begroting(8, 18)).toBe(0.75);
    const sources = Array.from({ length: 30 }, (_, r) => at("Uitgangspunten", r, 4));
    expect(sources).toContain("Keuze van gemeente Polderland (voorbeeld): compensatie per model zoals VPG h. 6 en 14");
  });

  it("takes --budget per year and shows the room on the Meerjarenraming; a year outside the forecast is refused", async () => {
    const dir = tempDir();
    const year = new Date().getFullYear() + 1;
    expect(run(["--budget", `${year}=120.000`, "--budget", `${year + 2}=1000`], dir).code).toBe(0);
    const at = await readCachedValues(fs.readFileSync(path.join(dir, "begroting-voorbeeld.xlsx")));
    expect([at("Meerjarenraming", 4, 10), at("Meerjarenraming", 5, 10), at("Meerjarenraming", 6, 10)]).toEqual([120000, "", 1000]);
    expect(at("Meerjarenraming", 4, 11)).toBe(Math.round((120000 - (at("Meerjarenraming", 4, 7) as number)) * 100) / 100);
    const refused = run(["--budget", `${year - 1}=1000`], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--budget: jaar ${year - 1} ligt niet in de raming (${year}–${year + 3})`);
    expect(run(["--budget", "veel"], dir).stderr).toContain("--budget: verwacht jaar=bedrag, bijvoorbeeld 2027=120000, niet “veel”");
  });

  it("builds the VPG worked example: €5,660 overhead and €2,830 compensation", async () => {
    const dir = tempDir();
    expect(run(["--sample", "vpg"], dir).code).toBe(0);
    const valueAt = await readCachedValues(fs.readFileSync(path.join(dir, "begroting-vpg-voorbeeld.xlsx")));
    expect(valueAt("Begroting 2025", 4, 17)).toBe(5660);
    expect(valueAt("Begroting 2025", 4, 19)).toBe(2830);
  });

  it("takes the issue's example command with every scheme flag", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "practices.csv"), SAMPLE_PRACTICES_CSV);
    const args = ["--scheme", "flevoland", "--practices", "practices.csv", "--year", "2025", "--years", "4", "--hourly-cost", "52,50", "--capacity", "40", "--municipality-share", "60%", "--wage-index", "3,944%", "--price-index", "2027=2%", "--rate-aanvullend", "0.25", "--out", "begroting.xlsx"];
    const { code, stdout } = run(args, dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Begroting 2025");
    const valueAt = await readCachedValues(fs.readFileSync(path.join(dir, "begroting.xlsx")));
    expect(valueAt("Uitgangspunten", 10, 2)).toBe(0.6); // Aandeel_gemeente
    expect(valueAt("Begroting 2025", 4, 18)).toBe(0.25); // Aanvullend rate
  });

  it("reports ten kinds of bad rows with their row numbers, exits 1 and writes nothing", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "fout.csv"), TEN_ERRORS);
    const { code, stderr } = run(["--practices", "fout.csv", "--out", "uit.xlsx"], dir);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("Rij "))).toHaveLength(10);
    expect(lines.at(-1)).toBe("10 fout(en) in fout.csv; er is niets geschreven.");
    expect(fs.readdirSync(dir)).toEqual(["fout.csv"]);
  });

  it("leaves an existing output file untouched when the input is bad", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "fout.csv"), TEN_ERRORS);
    fs.writeFileSync(path.join(dir, "uit.xlsx"), "earlier");
    // A file it did not make is refused before the input is read (exit 2) …
    expect(run(["--practices", "fout.csv", "--out", "uit.xlsx"], dir).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, "uit.xlsx"), "utf8")).toBe("earlier");
    // … and with --force (replace it) the bad input still stops the run before anything is written.
    expect(run(["--practices", "fout.csv", "--out", "uit.xlsx", "--force"], dir).code).toBe(1);
    expect(fs.readFileSync(path.join(dir, "uit.xlsx"), "utf8")).toBe("earlier");
    // So does a workbook it made: read back, then the bad CSV stops the run; the file is byte for byte as it was.
    expect(run(["--out", "eigen.xlsx"], dir).code).toBe(0);
    const own = fs.readFileSync(path.join(dir, "eigen.xlsx"));
    expect(run(["--practices", "fout.csv", "--out", "eigen.xlsx"], dir).code).toBe(1);
    expect(fs.readFileSync(path.join(dir, "eigen.xlsx")).equals(own)).toBe(true);
  });

  it.each([
    [["--bogus"], "onbekende optie --bogus; zie poh-budget --help"],
    [["--scheme", "zeeland"], "--scheme: onbekende regeling “zeeland”; kies vpg, flevoland of custom"],
    [["--practices", "weg.csv"], "--practices: bestand “weg.csv” bestaat niet"],
    [["--hourly-cost", "-3"], "--hourly-cost: mag niet negatief zijn (-3)"],
    [["--municipality-share", "150%"], "--municipality-share: mag niet groter zijn dan 100 (150)"],
    [["--years", "0"], "--years: moet groter dan 0 zijn (0)"],
    [["--out", "begroting.csv"], "--out: de uitvoer moet op .xlsx eindigen (“begroting.csv”)"],
    [["--wage-index", "2040=3%"], "--wage-index: jaar 2040 ligt niet na het begrotingsjaar binnen de raming (2027–2029)"],
    [["--year"], "--year heeft een waarde nodig"],
    [["--hourly-cost", "50%"], "--hourly-cost: verwacht een bedrag of aantal, geen percentage (“50%”)"],
    [["--lang", "fr"], "--lang: onbekende taal “fr”; kies nl of en"],
    [["--year", "1800"], "--year: kies een waarde van 2000 tot 2200 (1800)"],
    [["--year", "2201"], "--year: kies een waarde van 2000 tot 2200 (2201)"],
  ])("refuses %j with a clear message and exit code 2", (args, text) => {
    const { code, stderr } = run(args[0] === "--year" ? args : [...args, "--year", "2026"], tempDir());
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(text);
  });

  it("lists every option in Dutch and English with --help, each number with its bounds", () => {
    const { code, stdout } = run(["--help"], tempDir());
    expect(code).toBe(0);
    expect(stdout).toContain("kosten formatie per uur");
    expect(stdout).toContain("formation cost per hour");
    expect(stdout).toContain("--hourly-cost <€>   [0–10000]");
    expect(stdout).toContain("--municipality-share <0,5|50%>   [0–1 / 0–100%]");
    expect(stdout).toContain("--year <jaar>   [2000–2200]");
    expect(stdout).toContain("--weeks-per-year <weken>   [> 0–53]");
    expect(stdout).toContain("--force");
    expect(stdout).toContain("--update <bestand.xlsx>");
    expect(stdout).toContain("poh-budget --update begroting.xlsx");
    expect(stdout).toContain("with --out into another, new file");
  });

  it("shows the help when --help comes with a bad flag", () => {
    const { code, stdout } = run(["--bogus", "--help", "--year", "1800"], tempDir());
    expect(code).toBe(0);
    expect(stdout).toContain("Gebruik / usage: poh-budget");
  });

  it("builds the same sample for the same year with and without --out", async () => {
    const dir = tempDir();
    const plain = run([], dir);
    const named = run(["--out", "x.xlsx"], dir);
    expect([plain.code, named.code]).toEqual([0, 0]);
    const budgetLine = (stdout: string) => stdout.split("\n").filter((l) => !l.startsWith("Geschreven"));
    expect(budgetLine(named.stdout)).toEqual(budgetLine(plain.stdout));
    expect(plain.stdout).toContain(`Begroting ${new Date().getFullYear() + 1}:`);
    const [a, b] = [await readCachedValues(fs.readFileSync(path.join(dir, "begroting-voorbeeld.xlsx"))), await readCachedValues(fs.readFileSync(path.join(dir, "x.xlsx")))];
    expect(b(`Begroting ${new Date().getFullYear() + 1}`, 30, 10)).toBe(a(`Begroting ${new Date().getFullYear() + 1}`, 30, 10));
  });

  it("echoes input shortened and with escape characters made visible", () => {
    const dir = tempDir();
    const header = `praktijk;agb;patienten;\u001b[2J\u001b[31mpwned\u0007${"x".repeat(300)}`;
    fs.writeFileSync(path.join(dir, "p.csv"), `${header}\nDe Linde;0101234;2350;\n`);
    const { code, stdout, stderr } = run(["--practices", "p.csv", "--out", "uit.xlsx"], dir);
    expect(code).toBe(1);
    const printed = stdout + stderr;
    // eslint-disable-next-line no-control-regex -- no control character may be printed
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(printed).toContain("Rij 2: AGB-code “0101234” heeft 7 cijfers");
    fs.writeFileSync(path.join(dir, "p.csv"), `${header}\nDe Linde;01012345;2350;\n`);
    const ok = run(["--practices", "p.csv", "--out", "uit.xlsx"], dir);
    expect(ok.code).toBe(0);
    // The importer already drops what XML cannot carry (ESC, BEL); the rest is shortened.
    const ignored = ok.stdout.split("\n").find((l) => l.startsWith("Genegeerde kolommen"))!;
    expect(ignored).toContain("[2J[31mpwnedxxx");
    expect(ignored.length).toBeLessThan(120);
    // A flag's value is echoed with its escapes made visible.
    const flag = run(["--scheme", `\u001b[2J\u001b[31mzeeland\u009b${"y".repeat(200)}`], dir);
    expect(flag.code).toBe(2);
    // eslint-disable-next-line no-control-regex -- no control character may be printed
    expect(flag.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(flag.stderr).toContain("“\\x1B[2J\\x1B[31mzeeland\\x9Byyy");
    expect(flag.stderr.length).toBeLessThan(200);
  });

  it("prints the version of package.json with --version", () => {
    const { code, stdout } = run(["--version"], tempDir());
    expect(code).toBe(0);
    expect(stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string }).version);
  });

  it("speaks English with --lang en", () => {
    const { stderr } = run(["--lang", "en", "--hourly-cost", "x"], tempDir());
    expect(stderr.trim()).toBe("--hourly-cost: expects a number, not “x”");
  });
});
