/**
 * `poh-budget`: builds the budget workbook from a practices CSV (or a bundled sample) without
 * Excel. Exit codes: 0 written, 1 bad practices (nothing written), 2 bad options or files.
 */
import fs from "fs";
import path from "path";
import type { BudgetYear } from "../core/budget";
import { ArgumentError } from "../core/errors";
import { message, type Language } from "../core/messages";
import { formatProblem, importPractices } from "../import/practices";
import { renderXlsx } from "../render/xlsx";
import { SAMPLE_PRACTICES_CSV, VPG_EXAMPLE_CSV } from "../samples/sample";
import { describeWorkbookWithBudgets } from "../workbook/describe";
import { CHECKS_SHEET } from "../workbook/checks-sheet";
import type { WorkbookDescription } from "../workbook/types";
import { writeFileAtomic } from "./atomic-write";
import { helpText, parseFlags } from "./flags";
import { cliOptions } from "./options";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  today: Date;
}

const defaultIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd(), today: new Date() };

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const parsed = parseFlags(argv);
  // Options are not parsed yet when they are wrong, so the language is looked up by hand.
  const guessLanguage: Language = argv.some((a, i) => a === "--lang=en" || (a === "--lang" && argv[i + 1] === "en")) ? "en" : "nl";
  if ("unknown" in parsed) return usageError(io, message(guessLanguage, "unknownFlag", { arg: parsed.unknown }));
  if ("missingValue" in parsed) return usageError(io, message(guessLanguage, "flagNeedsValue", { arg: parsed.missingValue }));
  let options;
  try {
    options = cliOptions(parsed, io.today);
  } catch (error) {
    if (error instanceof ArgumentError) return usageError(io, message(guessLanguage, error.key, error.params));
    throw error;
  }
  const lang = options.language;
  if (options.help) {
    io.out(helpText());
    return 0;
  }
  if (options.version) {
    io.out(packageVersion());
    return 0;
  }
  const resolve = (file: string) => path.resolve(io.cwd, file);
  if (options.sampleCsv !== null) {
    const target = resolve(options.sampleCsv);
    if (!fs.existsSync(path.dirname(target))) return usageError(io, message(lang, "folderNotFound", { arg: "--sample-csv", value: path.dirname(options.sampleCsv) }));
    writeFileAtomic(target, Buffer.from(SAMPLE_PRACTICES_CSV, "utf8"));
    io.out(lang === "nl" ? `Voorbeeld-CSV geschreven: ${target}` : `Sample CSV written: ${target}`);
    if (options.sample === null && options.practicesFile === null) return 0;
  }

  let csv: Uint8Array | string;
  let source: string;
  if (options.practicesFile !== null) {
    source = options.practicesFile;
    if (!fs.existsSync(resolve(source)) || !fs.statSync(resolve(source)).isFile()) return usageError(io, message(lang, "fileNotFound", { arg: "--practices", value: source }));
    csv = fs.readFileSync(resolve(source));
  } else {
    source = options.sample === "vpg" ? "vpg-voorbeeld.csv" : "voorbeeld-praktijken.csv";
    csv = options.sample === "vpg" ? VPG_EXAMPLE_CSV : SAMPLE_PRACTICES_CSV;
  }
  const imported = importPractices(csv);
  if (imported.errors.length > 0) {
    for (const problem of imported.errors) io.err(formatProblem(lang, problem));
    io.err(message(lang, "importFailed", { count: imported.errors.length, file: source }));
    return 1;
  }
  const target = resolve(options.out);
  if (!fs.existsSync(path.dirname(target))) return usageError(io, message(lang, "folderNotFound", { arg: "--out", value: path.dirname(options.out) }));

  const input = { scheme: options.scheme, practices: imported.practices, budgetYear: options.budgetYear, years: options.years };
  const { description, budgets } = describeWorkbookWithBudgets(input);
  writeFileAtomic(target, await renderXlsx(description));
  const [first] = budgets;
  for (const line of summary(lang, target, imported.practices.length, imported.ignoredColumns, first, description)) io.out(line);
  return 0;
}

/** The version in package.json, found from here whether this runs compiled (lib/) or as source. */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

function usageError(io: Io, text: string): number {
  io.err(text);
  return 2;
}

function summary(lang: Language, file: string, practices: number, ignored: readonly string[], year: BudgetYear, description: WorkbookDescription): string[] {
  const euro = (n: { toNumber(): number }) => new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" }).format(n.toNumber());
  const checks = description.sheets.find((s) => s.name === CHECKS_SHEET)!;
  const failing = checks.cells.filter((row) => row[1]?.formula && row[1].result !== "OK").map((row) => `${row[0]?.value}: ${row[1]?.result}`);
  const t = year.totals;
  const nl = lang === "nl";
  return [
    nl ? `Geschreven: ${file}` : `Written: ${file}`,
    nl ? `${practices} praktijken, tabbladen: ${description.sheets.map((s) => s.name).join(", ")}` : `${practices} practices, sheets: ${description.sheets.map((s) => s.name).join(", ")}`,
    ...(ignored.length > 0 ? [nl ? `Genegeerde kolommen: ${ignored.join(", ")}` : `Ignored columns: ${ignored.join(", ")}`] : []),
    nl ? `Begroting ${year.year}:` : `Budget ${year.year}:`,
    `  ${nl ? "formatie" : "formation"}: ${euro(t.formationCost)} (${nl ? "gemeente" : "municipality"} ${euro(t.municipalityPart)}, ${nl ? "zorgverzekeraar" : "insurer"} ${euro(t.insurerPart)})`,
    `  ${nl ? "compensatie overhead" : "overhead compensation"}: ${euro(t.compensation)}`,
    `  ${nl ? "totaal gemeente" : "municipality total"}: ${euro(t.municipalityTotal)} (${nl ? "incidenteel" : "incidental"} ${euro(t.incidental)}, ${nl ? "structureel" : "structural"} ${euro(t.structural)})`,
    failing.length === 0 ? (nl ? "Controle: alles OK" : "Checks: all OK") : `${nl ? "Controle" : "Checks"}: ${failing.join("; ")}`,
  ];
}
