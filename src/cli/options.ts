/** Turns parsed flags into what the command builds; throws ArgumentError on a bad value. */
import path from "path";
import { Dec } from "../core/decimal";
import { ArgumentError } from "../core/errors";
import { languageOf, type Language } from "../core/messages";
import { PARAMETERS, type SchemeParameters } from "../core/parameters";
import { SCHEMES, SCHEME_IDS, withParameters, type Scheme, type SchemeId } from "../core/schemes";
import { booleanArg, numberArg, type NumberRule } from "../functions/coerce";
import { BUDGET_YEAR_RANGE, MAX_FORECAST_YEARS } from "../workbook/describe";
import { SAMPLE_SETTINGS, withSampleRates } from "../samples/sample";
import { excelSerial } from "../core/dates";
import type { IsoDate } from "../core/types";
import { parseDateText } from "../import/fields";
import { DATE_RANGE } from "../workbook/practices-sheet";
import { FLAGS, type ParsedFlags } from "./flags";

export type SampleId = "polderland" | "vpg";

export interface CliOptions {
  language: Language;
  help: boolean;
  version: boolean;
  /** Where to write the sample CSV, when asked. */
  sampleCsv: string | null;
  /** A bundled sample to build instead of a practices file. */
  sample: SampleId | null;
  practicesFile: string | null;
  /** Replace a read-only or linked output, or one that is also an input. */
  force: boolean;
  /** False when the run only writes the sample CSV (--sample-csv without --sample, --practices or --out). */
  build: boolean;
  /** --sample was given (not only implied by the absence of --practices). */
  sampleGiven: boolean;
  /** The settings of a new build: the defaults (the sample's, without --practices) with the flags on top. */
  scheme: Scheme;
  budgetYear: number;
  years: number;
  /** The workbook written: --out, else the --update file, else the default name. */
  out: string;
  outGiven: boolean;
  /** --update: the workbook read back and rebuilt (written to itself unless --out names another file). */
  update: string | null;
  /** The flags as given, to apply over what a workbook holds (withFlags). */
  flags: ParsedFlags;
  /** The day of the run: the build date, the default Peildatum. */
  today: Date;
}

/**
 * A number as a person writes it on the command line; a share (0–1) may be written as a
 * percentage ("50%"), anything else may not: "--hourly-cost 50%" is a mistake, not €0.50.
 */
function numberFlag(raw: string, flag: string, rule: NumberRule & { share: boolean }): Dec {
  const percent = raw.trim().endsWith("%");
  if (percent && !rule.share) throw new ArgumentError("percentNotAllowed", { arg: flag, value: raw });
  const value = numberArg(percent ? raw.trim().slice(0, -1) : raw, flag, { ...rule, max: percent ? rule.max * 100 : rule.max });
  return percent ? value.div(100) : value;
}

/** Index flags: "3,2%" for every later year, "2027=3,2%" for one; a year not named keeps its rate in `start`. */
function indexes(values: readonly string[], flag: string, budgetYear: number, years: number, start: readonly string[]): string[] {
  const out: string[] = Array.from({ length: years - 1 }, (_, i) => start[i] ?? "0");
  for (const value of values) {
    const m = /^\s*(?:(\d{4})\s*=)?\s*(.+)$/.exec(value);
    if (!m) throw new ArgumentError("badIndex", { arg: flag, value });
    let rate: Dec;
    try {
      rate = numberFlag(m[2], flag, { max: 1, share: true });
    } catch {
      throw new ArgumentError("badIndex", { arg: flag, value });
    }
    if (m[1] === undefined) out.fill(rate.toString());
    else {
      const offset = Number(m[1]) - budgetYear;
      if (offset < 1 || offset >= years) throw new ArgumentError("indexYearOutside", { arg: flag, value: m[1], first: budgetYear + 1, last: budgetYear + years - 1 });
      out[offset - 1] = rate.toString();
    }
  }
  return out;
}

const last = (flags: ParsedFlags, name: string): string | undefined => flags.get(name)?.at(-1);

/** --budget 2027=120000 (repeatable): the municipality's available budget in a year of the forecast. */
function budgetFlags(values: readonly string[], budgetYear: number, years: number): Record<number, string> {
  const out: Record<number, string> = {};
  for (const value of values) {
    const m = /^\s*(\d{4})\s*=\s*(.+)$/.exec(value);
    if (!m) throw new ArgumentError("badBudgetFlag", { arg: "--budget", value });
    const year = Number(m[1]);
    if (year < budgetYear || year >= budgetYear + years) throw new ArgumentError("budgetYearOutside", { arg: "--budget", value: m[1], first: budgetYear, last: budgetYear + years - 1 });
    // A budget of euros written as a Dutch officer writes it: "120.000" is a hundred and twenty thousand, not 120.
    const amount = /^\d{1,3}([.,]\d{3})+$/.test(m[2].trim()) ? m[2].replace(/[.,]/g, "") : m[2];
    out[year] = numberArg(amount, "--budget", { max: 1e9 }).toString();
  }
  return out;
}

/** What a build rests on: the scheme with its parameters, the budget year and the forecast length. */
export interface Settings {
  scheme: Scheme;
  budgetYear: number;
  years: number;
}

/** An index list fitted to a forecast of `years` (one rate per later year); an empty list stays empty (no indexation). */
function fitted(list: readonly string[], years: number): string[] {
  if (list.length === 0) return [];
  return Array.from({ length: years - 1 }, (_, i) => list[i] ?? "0");
}

/**
 * `base` with every flag given on the command line applied on top: --scheme (its preset's
 * parameters replace the base's), --year, --years, each parameter flag, the rates, --pilot and
 * the indexes (a year's index not given keeps the base's). `extra` are changes made before the
 * flags (the sample's settings). Throws ArgumentError on a bad value.
 *
 * @example
 * withFlags(parseFlags(["--hourly-cost", "55"]), read).scheme.params.hourlyCost // "55"
 */
export function withFlags(flags: ParsedFlags, base: Settings, extra: Partial<SchemeParameters> = {}): Settings {
  const schemeId = last(flags, "--scheme");
  if (schemeId !== undefined && !(SCHEME_IDS as readonly string[]).includes(schemeId)) throw new ArgumentError("unknownScheme", { arg: "--scheme", value: schemeId });
  const yearText = last(flags, "--year");
  const budgetYear = yearText === undefined ? base.budgetYear : yearFlag(yearText);
  const yearsText = last(flags, "--years");
  const years = yearsText === undefined ? base.years : numberArg(yearsText, "--years", { max: MAX_FORECAST_YEARS, whole: true, positive: true }).toNumber();
  const scheme = schemeId !== undefined ? SCHEMES[schemeId as SchemeId] : base.scheme;

  const changes: Partial<SchemeParameters> = { ...extra };
  for (const spec of FLAGS) {
    const raw = last(flags, spec.name);
    if (raw === undefined || !spec.parameter) continue;
    const key = spec.parameter;
    const info = PARAMETERS.find((p) => p.key === key)!;
    const value = numberFlag(raw, spec.name, { ...info.limit, share: info.unit === "share" });
    (changes as Record<string, unknown>)[key] = typeof SCHEMES.vpg.params[key] === "number" ? value.toNumber() : value.toString();
  }
  const rates: Partial<Record<"basis" | "aanvullend" | "extra", string>> = {};
  for (const model of ["basis", "aanvullend", "extra"] as const) {
    const raw = last(flags, `--rate-${model}`);
    if (raw !== undefined) rates[model] = numberFlag(raw, `--rate-${model}`, { max: 1, share: true }).toString();
  }
  if (Object.keys(rates).length > 0) changes.compensationRates = { ...scheme.params.compensationRates, ...rates };
  const peildatum = last(flags, "--peildatum");
  if (peildatum !== undefined) changes.peildatum = peildatumFlag(peildatum);
  // Not a scheme parameter: a Peildatum typed in the workbook stays when --scheme replaces the parameters.
  else if (scheme !== base.scheme && base.scheme.params.peildatum !== undefined) changes.peildatum = base.scheme.params.peildatum;
  if (flags.has("--budget")) changes.budgetLines = { ...base.scheme.params.budgetLines, ...budgetFlags(flags.get("--budget")!, budgetYear, years) };
  else if (scheme !== base.scheme && base.scheme.params.budgetLines !== undefined) changes.budgetLines = base.scheme.params.budgetLines;
  const pilot = last(flags, "--pilot");
  if (pilot !== undefined) changes.formationIncidental = booleanArg(pilot, "--pilot", scheme.params.formationIncidental);
  const wage = fitted(scheme.params.wageIndex, years);
  const price = fitted(scheme.params.priceIndex, years);
  if (flags.has("--wage-index")) changes.wageIndex = indexes(flags.get("--wage-index")!, "--wage-index", budgetYear, years, wage);
  else if (wage.length !== scheme.params.wageIndex.length) changes.wageIndex = wage;
  if (flags.has("--price-index")) changes.priceIndex = indexes(flags.get("--price-index")!, "--price-index", budgetYear, years, price);
  else if (price.length !== scheme.params.priceIndex.length) changes.priceIndex = price;
  return { scheme: Object.keys(changes).length > 0 ? withParameters(scheme, changes) : scheme, budgetYear, years };
}

/**
 * The command's options; `today` gives the default budget year (next year).
 *
 * @example
 * cliOptions(parseFlags(["--scheme", "vpg"]), new Date("2026-11-23")).budgetYear // 2027
 */
export function cliOptions(flags: ParsedFlags, today: Date): CliOptions {
  const lang = last(flags, "--lang");
  if (lang !== undefined && lang !== "nl" && lang !== "en") throw new ArgumentError("unknownLanguage", { arg: "--lang", value: lang });
  const language = languageOf(lang ?? "nl");
  const sampleFlag = last(flags, "--sample");
  if (sampleFlag !== undefined && sampleFlag !== "polderland" && sampleFlag !== "vpg") throw new ArgumentError("unknownSample", { arg: "--sample", value: sampleFlag });
  // Without a practices file the command builds the sample, whatever else is given: `poh-budget`
  // and `poh-budget --out x.xlsx` build the same workbook (unless x.xlsx is a workbook it made:
  // then it is rebuilt from what it holds, main.ts).
  const sample: SampleId | null = sampleFlag ?? (flags.has("--practices") ? null : "polderland");
  const defaultScheme = sample === "vpg" ? "vpg" : SAMPLE_SETTINGS.scheme;
  // The VPG worked example is of 2025 (VPG ch. 14); everything else, the sample too, budgets next year.
  const defaultYear = sample === "vpg" ? 2025 : today.getFullYear() + 1;
  const sampleChanges: Partial<SchemeParameters> = sample === "polderland" ? { capacityHours: SAMPLE_SETTINGS.capacityHours, hourlyCost: SAMPLE_SETTINGS.hourlyCost, municipality: SAMPLE_SETTINGS.municipality } : {};
  const flagged = withFlags(flags, { scheme: SCHEMES[defaultScheme], budgetYear: defaultYear, years: 4 }, sampleChanges);
  const ownRates = ["--rate-basis", "--rate-aanvullend", "--rate-extra"].some((f) => flags.has(f));
  const settings = sample === "polderland" && !ownRates ? { ...flagged, scheme: withSampleRates(flagged.scheme) } : flagged;

  const update = last(flags, "--update") ?? null;
  if (update !== null && path.extname(update).toLowerCase() !== ".xlsx") throw new ArgumentError("notXlsx", { arg: "--update", value: update });
  const defaultOut = update ?? (sample === "vpg" ? "begroting-vpg-voorbeeld.xlsx" : sample ? "begroting-voorbeeld.xlsx" : `begroting-${settings.budgetYear}.xlsx`);
  const out = last(flags, "--out") ?? defaultOut;
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new ArgumentError("notXlsx", { arg: "--out", value: out });
  return {
    language,
    help: flags.has("--help"),
    version: flags.has("--version"),
    sampleCsv: last(flags, "--sample-csv") ?? null,
    sample,
    sampleGiven: sampleFlag !== undefined,
    practicesFile: last(flags, "--practices") ?? null,
    force: flags.has("--force"),
    build: !flags.has("--sample-csv") || ["--sample", "--practices", "--out", "--update"].some((f) => flags.has(f)),
    scheme: settings.scheme,
    budgetYear: settings.budgetYear,
    years: settings.years,
    out,
    outGiven: flags.has("--out"),
    update,
    flags,
    today,
  };
}

/** --peildatum: a date (jjjj-mm-dd, or dd-mm-jjjj) within the dates a workbook accepts. */
function peildatumFlag(raw: string): IsoDate {
  const parsed = parseDateText(raw);
  if ("error" in parsed) throw new ArgumentError(parsed.error, { arg: "--peildatum", value: raw });
  const serial = excelSerial(parsed.date);
  if (serial < excelSerial(DATE_RANGE.min) || serial > excelSerial(DATE_RANGE.max)) throw new ArgumentError("outOfRange", { arg: "--peildatum", min: DATE_RANGE.min, max: DATE_RANGE.max, value: raw });
  return parsed.date;
}

/** The budget year flag: a whole year within BUDGET_YEAR_RANGE, the range named when it is not. */
function yearFlag(raw: string): number {
  const { min, max } = BUDGET_YEAR_RANGE;
  const year = numberArg(raw, "--year", { max: Number.MAX_SAFE_INTEGER, whole: true }).toNumber();
  if (year < min || year > max) throw new ArgumentError("outOfRange", { arg: "--year", min, max, value: raw });
  return year;
}
