// Prints the sample's Begroting and Meerjarenraming to PDF with LibreOffice, as a finance
// officer would, and writes each page as a PNG into docs/ (the README shows them). Needs the
// compiled CLI (npm run build:cli), soffice and pdftoppm/pdftotext (poppler-utils).
// Run: node scripts/print-pages.js
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const lib = (name) => require(path.join(__dirname, "..", "lib", "src", name));
const { describeWorkbook } = lib("workbook/describe.js");
const { renderXlsx } = lib("render/xlsx.js");
const { SCHEMES, withParameters } = lib("core/schemes.js");
const { importPractices } = lib("import/practices.js");
const { samplePracticesCsv, SAMPLE_SETTINGS } = lib("samples/sample.js");

const YEAR = 2026;
const DOCS = path.join(__dirname, "..", "docs");

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "poh-print-"));
  // The sample municipality, gemeente Polderland, as the command and the pane build it.
  const scheme = withParameters(SCHEMES[SAMPLE_SETTINGS.scheme], { capacityHours: SAMPLE_SETTINGS.capacityHours, hourlyCost: SAMPLE_SETTINGS.hourlyCost, municipality: SAMPLE_SETTINGS.municipality });
  const input = { scheme, practices: importPractices(samplePracticesCsv(YEAR)).practices, budgetYear: YEAR, years: SAMPLE_SETTINGS.years, buildDate: `${YEAR}-07-01` };
  const xlsx = path.join(work, "begroting.xlsx");
  fs.writeFileSync(xlsx, await renderXlsx(describeWorkbook(input)));
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", "pdf", "--outdir", work, xlsx], { stdio: "pipe" });
  const pdf = path.join(work, "begroting.pdf");
  // The page header names the sheet: pick the pages of the first Begroting and the Meerjarenraming.
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const wanted = [
    [`Begroting ${YEAR}`, "print-begroting"],
    ["Meerjarenraming", "print-meerjarenraming"],
  ];
  for (const old of fs.readdirSync(DOCS).filter((f) => /^print-.*\.png$/.test(f))) fs.rmSync(path.join(DOCS, old));
  for (const [sheet, name] of wanted) {
    const numbers = pages.map((text, i) => ((text.split("\n")[0] ?? "").includes(` ${sheet} `) ? i + 1 : 0)).filter((n) => n > 0);
    numbers.forEach((n, i) => {
      const out = path.join(DOCS, numbers.length === 1 ? name : `${name}-${i + 1}`);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(n), "-l", String(n), "-singlefile", pdf, out]);
      console.log(`${path.relative(process.cwd(), out)}.png (pagina ${n})`);
    });
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
