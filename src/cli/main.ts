/**
 * `poh-budget`: builds the budget workbook from a practices CSV (or a bundled sample) without
 * Excel. Exit codes (EXIT): 0 written; 1 bad practices (nothing written); 2 a bad option, or an
 * output refused before anything is built; 4 the output could not be written (the old file
 * is intact); 3, from bin/, an unexpected error.
 */
import fs from "fs";
import path from "path";
import type { BudgetYear } from "../core/budget";
import { ArgumentError } from "../core/errors";
import { message, type Language, type MessageKey, type MessageParams } from "../core/messages";
import { formatProblem, importPractices } from "../import/practices";
import type { Writable } from "stream";
import { MAX_XLSX_PRACTICES, writeXlsx } from "../render/xlsx";
import { samplePracticesCsv, VPG_EXAMPLE_CSV } from "../samples/sample";
import { describeWorkbookStreamed } from "../workbook/describe";
import { CHECKS_SHEET } from "../workbook/checks-sheet";
import type { SheetDescription } from "../workbook/types";
import { removeStaleTemporaries, writeFileAtomic, WriteError } from "./atomic-write";
import { helpText, parseFlags } from "./flags";
import { cliOptions, type CliOptions } from "./options";
import { outputTarget, type OutputTarget } from "./target";
import { echoed, echoedParams, visible } from "./terminal";
import { zipProblem } from "./zip-check";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  today: Date;
}

const defaultIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l), cwd: process.cwd(), today: new Date() };

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const say = { out: (line: string) => io.out(visible(line)), err: (line: string) => io.err(visible(line)) };
  // Options are not parsed yet when they are wrong, so the language is looked up by hand.
  const guessLanguage: Language = argv.some((a, i) => a === "--lang=en" || (a === "--lang" && argv[i + 1] === "en")) ? "en" : "nl";
  // Whoever asks for help gets it, also when another flag is wrong.
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(helpText());
    return 0;
  }
  const parsed = parseFlags(argv);
  if ("unknown" in parsed) return usageError(say, guessLanguage, "unknownFlag", { arg: parsed.unknown });
  if ("missingValue" in parsed) return usageError(say, guessLanguage, "flagNeedsValue", { arg: parsed.missingValue });
  let options;
  try {
    options = cliOptions(parsed, io.today);
  } catch (error) {
    if (error instanceof ArgumentError) return usageError(say, guessLanguage, error.key, error.params);
    throw error;
  }
  const lang = options.language;
  if (options.version) {
    io.out(packageVersion());
    return 0;
  }
  const resolve = (file: string) => path.resolve(io.cwd, file);
  try {
    return await build(options, resolve, say);
  } catch (error) {
    if (error instanceof ArgumentError) return usageError(say, lang, error.key, error.params);
    if (error instanceof WriteError) {
      say.err(message(lang, error.key, { ...echoedParams(error.params), outcome: message(lang, error.params.existed ? "keptOld" : "nothingWritten") }));
      return EXIT.writeFailed;
    }
    throw error;
  }
}

/** Exit codes, as the README's table lists them. */
export const EXIT = { written: 0, badPractices: 1, usage: 2, writeFailed: 4 } as const;

async function build(options: CliOptions, resolve: (file: string) => string, say: Pick<Io, "out" | "err">): Promise<number> {
  const lang = options.language;
  const practicesPath = options.practicesFile === null ? null : resolve(options.practicesFile);
  if (practicesPath !== null && (!fs.existsSync(practicesPath) || !fs.statSync(practicesPath).isFile())) throw new ArgumentError("fileNotFound", { arg: "--practices", value: options.practicesFile! });
  const inputs = practicesPath === null ? [] : [practicesPath];
  const force = options.force;

  if (options.sampleCsv !== null) {
    const target = outputTarget(resolve(options.sampleCsv), "--sample-csv", { force, inputs, mustBeNew: true, shown: options.sampleCsv });
    const bytes = Buffer.from(samplePracticesCsv(options.budgetYear), "utf8");
    await writeChecked(target, (out) => void out.end(bytes), null, say, lang);
    say.out(lang === "nl" ? `Voorbeeld-CSV geschreven: ${target.path}` : `Sample CSV written: ${target.path}`);
    if (!options.build) return EXIT.written;
    inputs.push(target.path);
  }
  const target = outputTarget(resolve(options.out), "--out", { force, inputs, shown: options.out });

  const source = practicesPath !== null ? options.practicesFile! : options.sample === "vpg" ? "vpg-voorbeeld.csv" : "voorbeeld-praktijken.csv";
  const csv = practicesPath !== null ? fs.readFileSync(practicesPath) : options.sample === "vpg" ? VPG_EXAMPLE_CSV : samplePracticesCsv(options.budgetYear);
  const imported = importPractices(csv);
  for (const warning of imported.warnings) say.err(formatProblem(lang, { ...warning, params: echoedParams(warning.params) }));
  if (imported.errors.length > 0) {
    for (const problem of imported.errors) say.err(formatProblem(lang, { ...problem, params: echoedParams(problem.params) }));
    say.err(message(lang, "importFailed", { count: imported.errors.length, file: String(echoed(source)) }));
    return EXIT.badPractices;
  }
  if (imported.practices.length > MAX_XLSX_PRACTICES) {
    say.err(message(lang, "tooManyPractices", { count: imported.practices.length, max: MAX_XLSX_PRACTICES }));
    return EXIT.badPractices;
  }

  const input = { scheme: options.scheme, practices: imported.practices, budgetYear: options.budgetYear, years: options.years };
  // Sheets are made one at a time and dropped once written; the summary keeps only what it shows.
  const { description, budgets } = describeWorkbookStreamed(input);
  const written: { names: string[]; checks: SheetDescription | null } = { names: [], checks: null };
  function* noted(): Generator<SheetDescription> {
    for (const sheet of description.sheets) {
      written.names.push(sheet.name);
      if (sheet.name === CHECKS_SHEET) written.checks = sheet;
      yield sheet;
    }
  }
  await writeChecked(target, (out) => writeXlsx({ ...description, sheets: noted() }, out), zipProblem, say, lang);
  for (const line of summary(lang, target.path, imported.practices.length, imported.ignoredColumns, budgets[0], written.names, written.checks!)) say.out(line);
  return EXIT.written;
}

/** An atomic write onto a checked target, after removing what killed runs left beside it. */
async function writeChecked(target: OutputTarget, produce: (out: Writable) => Promise<void> | void, verify: ((file: string) => string | null) | null, say: Pick<Io, "err">, lang: Language): Promise<void> {
  for (const stale of removeStaleTemporaries(target.path)) say.err(message(lang, "staleTemporaryRemoved", { path: stale }));
  try {
    await writeFileAtomic(target.path, produce, { verify: verify ?? undefined, keepFrom: target.existing });
  } catch (error) {
    if (error instanceof WriteError) throw new WriteError(error.key, { ...error.params, existed: target.existing ? 1 : 0 });
    throw error;
  }
}

/** The version in package.json, found from here whether this runs compiled (lib/) or as source. */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

function usageError(say: Pick<Io, "err">, lang: Language, key: MessageKey, params: MessageParams): number {
  say.err(message(lang, key, echoedParams(params)));
  return EXIT.usage;
}

function summary(lang: Language, file: string, practices: number, ignored: readonly string[], year: BudgetYear, sheetNames: readonly string[], checks: SheetDescription): string[] {
  const euro = (n: { toNumber(): number }) => new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" }).format(n.toNumber());
  const failing = checks.cells.filter((row) => row[1]?.formula && row[1].result !== "OK").map((row) => `${row[0]?.value}: ${row[1]?.result}`);
  const t = year.totals;
  const nl = lang === "nl";
  return [
    nl ? `Geschreven: ${file}` : `Written: ${file}`,
    nl ? `${practices} praktijken, tabbladen: ${sheetNames.join(", ")}` : `${practices} practices, sheets: ${sheetNames.join(", ")}`,
    ...(ignored.length > 0 ? [nl ? `Genegeerde kolommen: ${ignored.map(echoed).join(", ")}` : `Ignored columns: ${ignored.map(echoed).join(", ")}`] : []),
    nl ? `Begroting ${year.year}:` : `Budget ${year.year}:`,
    `  ${nl ? "formatie" : "formation"}: ${euro(t.formationCost)} (${nl ? "gemeente" : "municipality"} ${euro(t.municipalityPart)}, ${nl ? "zorgverzekeraar" : "insurer"} ${euro(t.insurerPart)})`,
    `  ${nl ? "compensatie overhead" : "overhead compensation"}: ${euro(t.compensation)}`,
    `  ${nl ? "totaal gemeente" : "municipality total"}: ${euro(t.municipalityTotal)} (${nl ? "incidenteel" : "incidental"} ${euro(t.incidental)}, ${nl ? "structureel" : "structural"} ${euro(t.structural)})`,
    failing.length === 0 ? (nl ? "Controle: alles OK" : "Checks: all OK") : `${nl ? "Controle" : "Checks"}: ${failing.join("; ")}`,
  ];
}
