/**
 * `poh-budget`: builds the budget workbook from a practices CSV (or a bundled sample) without
 * Excel. Onto a workbook it made (--out existing.xlsx, --update) it reads that workbook back
 * first, as the task pane's rebuild does: parameters, practices and typed payments, with the
 * flags on top. Exit codes (EXIT): 0 written; 1 bad practices or bad values read back (nothing
 * written); 2 a bad option, or an output refused before anything is built (also an .xlsx it did
 * not make, without --force); 4 the output could not be written (the old file is intact); 3,
 * from bin/, an unexpected error.
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
import { describeWorkbookStreamed, type BudgetInput } from "../workbook/describe";
import { CHECKS_SHEET } from "../workbook/checks-sheet";
import type { SheetDescription } from "../workbook/types";
import { removeStaleTemporaries, writeFileAtomic, WriteError } from "./atomic-write";
import { helpText, parseFlags } from "./flags";
import { cliOptions, withFlags, type CliOptions, type Settings } from "./options";
import { outputTarget, sameFile, type OutputTarget } from "./target";
import { readExisting, type Existing } from "./existing";
import { Dec } from "../core/decimal";
import { PARAMETERS, scalarValue } from "../core/parameters";
import type { Practice } from "../core/types";
import { BUDGET_YEAR_NAME } from "../workbook/parameters-sheet";
import { dutchDate, PEILDATUM_NAME } from "../workbook/peildatum";
import { PRACTICES_SHEET } from "../workbook/practices-sheet";
import { formatSheetProblem, readParameters, readPayments, readPractices } from "../workbook/read-back";
import { readRealisation } from "../workbook/realisation-read";
import { echoed, echoedParams, visible } from "./terminal";
import { zipProblem } from "./zip-check";
import { buildMemory, readInputFile } from "./capacity";

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
  if (argv.some((a) => a === "--help" || a === "-h" || a.startsWith("--help="))) {
    io.out(helpText());
    return 0;
  }
  const parsed = parseFlags(argv);
  if ("unknown" in parsed) return usageError(say, guessLanguage, "unknownFlag", { arg: parsed.unknown });
  if ("missingValue" in parsed) return usageError(say, guessLanguage, "flagNeedsValue", { arg: parsed.missingValue });
  if ("switchWithValue" in parsed) return usageError(say, guessLanguage, "flagTakesNoValue", { arg: parsed.switchWithValue });
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
      say.err(message(lang, error.key, { ...echoedParams(error.params, ["path"]), outcome: message(lang, error.params.existed ? "keptOld" : "nothingWritten") }));
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
  const practicesCsv = practicesPath === null ? null : readInputFile(practicesPath, "--practices", options.practicesFile!);
  const inputs = practicesPath === null ? [] : [practicesPath];
  const force = options.force;

  // Every output is checked before anything is written: a refused --out leaves no sample CSV behind.
  let sampleTarget: OutputTarget | null = null;
  if (options.sampleCsv !== null) {
    const samplePath = resolve(options.sampleCsv);
    // Never the practices file, not even with --force: the run would build from the sample instead.
    if (practicesPath !== null && sameFile(samplePath, practicesPath)) throw new ArgumentError("outputIsInput", { arg: "--sample-csv", value: options.sampleCsv });
    sampleTarget = outputTarget(samplePath, "--sample-csv", { force, inputs, mustBeNew: true, shown: options.sampleCsv });
    if (!options.build) {
      await writeSampleCsv(sampleTarget, options.budgetYear, say, lang);
      return EXIT.written;
    }
    inputs.push(sampleTarget.path);
  }
  const updatePath = options.update === null ? null : resolve(options.update);
  if (updatePath !== null && (!fs.existsSync(updatePath) || !fs.statSync(updatePath).isFile())) throw new ArgumentError("fileNotFound", { arg: "--update", value: options.update! });
  const outPath = resolve(options.out);
  // --update a.xlsx --out b.xlsx reads a and writes b, which must be new (or --force): b's own typed cells would be lost.
  const elsewhere = updatePath !== null && !sameFile(outPath, updatePath);
  const outFlag = updatePath !== null && !options.outGiven ? "--update" : "--out";
  const target = outputTarget(outPath, outFlag, { force, inputs: elsewhere ? [...inputs, updatePath] : inputs, mustBeNew: elsewhere, shown: options.out });

  // A workbook this product made is read back first, as the task pane's rebuild does; another file is refused unless --force.
  let existing: Extract<Existing, { kind: "ours" }> | null = null;
  const sourcePath = updatePath ?? (target.existing ? target.path : null);
  const sourceShown = updatePath !== null ? options.update! : options.out;
  if (sourcePath !== null) {
    const read = await readExisting(sourcePath, lang);
    if (read.kind === "ours") existing = read;
    else if (updatePath !== null) throw new ArgumentError("updateNotOurWorkbook", { arg: "--update", value: options.update!, reason: read.reason });
    else if (!force) throw new ArgumentError("notOurWorkbook", { arg: "--out", value: options.out, reason: read.reason });
  }

  if (sampleTarget !== null) await writeSampleCsv(sampleTarget, options.budgetYear, say, lang);

  let settings: Settings = { scheme: options.scheme, budgetYear: options.budgetYear, years: options.years };
  let overrides: string[] = [];
  const sheetProblems: string[] = [];
  if (existing !== null) {
    const parameters = readParameters(existing.parameters);
    sheetProblems.push(...parameters.problems.map((p) => formatSheetProblem(lang, { ...p, params: echoedParams(p.params) })));
    settings = withFlags(options.flags, parameters);
    overrides = overriddenValues(lang, parameters, settings);
  }
  const practicesFromSheet = existing !== null && practicesPath === null && !options.sampleGiven;
  let practices: Practice[];
  let ignoredColumns: readonly string[] = [];
  let practicesSource: string;
  if (practicesFromSheet) {
    const read = readPractices(existing!.practices);
    for (const warning of read.warnings) say.err(formatSheetProblem(lang, { ...warning, params: echoedParams(warning.params) }));
    sheetProblems.push(...read.problems.map((p) => formatSheetProblem(lang, { ...p, params: echoedParams(p.params) })));
    practices = read.practices;
    practicesSource = PRACTICES_SHEET;
  } else {
    practicesSource = practicesPath !== null ? options.practicesFile! : options.sample === "vpg" ? "vpg-voorbeeld.csv" : "voorbeeld-praktijken.csv";
    if (sheetProblems.length === 0) {
      const csv = practicesCsv ?? (options.sample === "vpg" ? VPG_EXAMPLE_CSV : samplePracticesCsv(settings.budgetYear));
      const imported = importPractices(csv);
      for (const warning of imported.warnings) say.err(formatProblem(lang, { ...warning, params: echoedParams(warning.params) }));
      if (imported.errors.length > 0) {
        for (const problem of imported.errors) say.err(formatProblem(lang, { ...problem, params: echoedParams(problem.params) }));
        say.err(message(lang, "importFailed", { count: imported.errors.length, file: String(echoed(practicesSource)) }));
        return EXIT.badPractices;
      }
      practices = imported.practices;
      ignoredColumns = imported.ignoredColumns;
    } else practices = [];
  }
  if (sheetProblems.length > 0) {
    for (const line of sheetProblems) say.err(line);
    say.err(message(lang, "importFailed", { count: sheetProblems.length, file: String(echoed(sourceShown)) }));
    return EXIT.badPractices;
  }
  if (practices.length > MAX_XLSX_PRACTICES) {
    say.err(message(lang, "tooManyPractices", { count: practices.length, max: MAX_XLSX_PRACTICES }));
    return EXIT.badPractices;
  }
  const memory = buildMemory(practices.length, settings.years);
  if (!memory.fits) {
    say.err(message(lang, "tooLargeForMemory", { count: practices.length, years: settings.years, need: memory.needMB, limit: memory.limitMB }));
    return EXIT.badPractices;
  }

  // The typed payments go in as read-back.ts reads them; describe matches them on AGB code and year.
  const payments = existing?.payouts ? readPayments(existing.payouts) : undefined;
  // The typed realisation likewise (issue 11.5), matched on AGB code and year.
  const realisation = existing?.realisation ? readRealisation(existing.realisation) : undefined;
  const input: BudgetInput = { scheme: settings.scheme, practices, budgetYear: settings.budgetYear, years: settings.years, buildDate: options.today, ...(payments !== undefined ? { payments } : {}), ...(realisation !== undefined ? { realisation } : {}) };
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
  const lines = summary(lang, target.path, practices.length, ignoredColumns, budgets[0], written.names, written.checks!);
  if (existing !== null) {
    const rows = payments?.size ?? 0; // every row readPayments keeps, a kept (orphan) row too
    const nl = lang === "nl";
    const what = practicesFromSheet
      ? nl ? `uitgangspunten, ${practices.length} praktijken, ${rows} rij(en) met betalingen` : `parameters, ${practices.length} practices, ${rows} row(s) with payments`
      : nl ? `uitgangspunten en ${rows} rij(en) met betalingen; praktijken uit ${echoed(practicesSource)}` : `parameters and ${rows} row(s) with payments; practices from ${echoed(practicesSource)}`;
    lines.splice(1, 0, message(lang, "workbookRead", { file: sourcePath!, what }), ...(overrides.length > 0 ? [message(lang, "fromCommandLine", { list: overrides.join("; ") })] : []));
  }
  for (const line of lines) say.out(line);
  return EXIT.written;
}

/** The values the flags changed from what the workbook held, as the summary names them: "Uurtarief 55,00 (werkmap: 52,50)". */
function overriddenValues(lang: Language, read: Settings, used: Settings): string[] {
  const nl = lang === "nl";
  const number = (value: string | number, unit?: string) => {
    const d = new Dec(value);
    const shown = unit === "euro" || unit === "euroPerHour" ? d.toFixed(2) : d.toString();
    return nl ? shown.replace(".", ",") : shown;
  };
  const percent = (value: string) => `${number(new Dec(value).times(100).toString())}%`;
  const item = (name: string, value: string | number, was: string | number) => message(lang, "overriddenValue", { name, value, was });
  const out: string[] = [];
  // Scheme names in words, as on Uitgangspunten (issue 13), never the internal keys.
  if (used.scheme.id !== read.scheme.id) out.push(item(nl ? "Regeling" : "Scheme", used.scheme.label[lang], read.scheme.label[lang]));
  if (used.budgetYear !== read.budgetYear) out.push(item(BUDGET_YEAR_NAME, used.budgetYear, read.budgetYear));
  if (used.years !== read.years) out.push(item(nl ? "Jaren" : "Years", used.years, read.years));
  for (const p of PARAMETERS) {
    const [now, was] = [scalarValue(used.scheme.params, p.key), scalarValue(read.scheme.params, p.key)];
    if (!new Dec(now).eq(new Dec(was))) out.push(item(p.name, number(now, p.unit), number(was, p.unit)));
  }
  const [peildatum, peildatumWas] = [used.scheme.params.peildatum, read.scheme.params.peildatum];
  const date = (d: string | undefined) => (d === undefined ? (nl ? "standaard" : "default") : nl ? dutchDate(d) : d);
  if (peildatum !== peildatumWas) out.push(item(PEILDATUM_NAME, date(peildatum), date(peildatumWas)));
  for (const [name, key] of [[nl ? "Loonindex" : "Wage index", "wageIndex"], [nl ? "Prijsindex" : "Price index", "priceIndex"]] as const) {
    used.scheme.params[key].forEach((rate, i) => {
      const was = read.scheme.params[key][i] ?? "0";
      if (!new Dec(rate).eq(new Dec(was))) out.push(item(`${name} ${used.budgetYear + i + 1}`, percent(rate), percent(was)));
    });
  }
  return out;
}

async function writeSampleCsv(target: OutputTarget, budgetYear: number, say: Pick<Io, "out" | "err">, lang: Language): Promise<void> {
  const bytes = Buffer.from(samplePracticesCsv(budgetYear), "utf8");
  await writeChecked(target, (out) => void out.end(bytes), null, say, lang);
  say.out(lang === "nl" ? `Voorbeeld-CSV geschreven: ${target.path}` : `Sample CSV written: ${target.path}`);
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

/** Messages whose `value` is a path as the user typed it: shown whole, never cut. */
const PATH_MESSAGES: ReadonlySet<MessageKey> = new Set<MessageKey>(["fileNotFound", "folderNotFound", "fileNotReadable", "fileTooLarge", "outputIsInput", "targetExists", "targetIsDirectory", "targetNotAFile", "targetReadOnly", "targetIsLink", "targetDanglingLink", "notOurWorkbook", "updateNotOurWorkbook"]);

function usageError(say: Pick<Io, "err">, lang: Language, key: MessageKey, params: MessageParams): number {
  say.err(message(lang, key, echoedParams(params, PATH_MESSAGES.has(key) ? ["value", "link"] : [])));
  return EXIT.usage;
}

function summary(lang: Language, file: string, practices: number, ignored: readonly string[], year: BudgetYear, sheetNames: readonly string[], checks: SheetDescription): string[] {
  const euro = (n: { toNumber(): number }) => new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" }).format(n.toNumber());
  const failing = checks.cells.filter((row) => row[1]?.formula && !String(row[1].result).startsWith("OK")).map((row) => `${row[0]?.value}: ${row[1]?.result}`);
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
