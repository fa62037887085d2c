/** Turns parsed flags into what the command builds; throws ArgumentError on a bad value. */
import path from "path";
import { Dec } from "../core/decimal";
import { ArgumentError } from "../core/errors";
import { languageOf, type Language } from "../core/messages";
import { PARAMETERS, type SchemeParameters } from "../core/parameters";
import { SCHEMES, SCHEME_IDS, withParameters, type Scheme, type SchemeId } from "../core/schemes";
import { booleanArg, numberArg, type NumberRule } from "../functions/coerce";
import { BUDGET_YEAR_RANGE, MAX_FORECAST_YEARS } from "../workbook/describe";
import { SAMPLE_SETTINGS } from "../samples/sample";
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
  scheme: Scheme;
  budgetYear: number;
  years: number;
  out: string;
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

/** Index flags: "3,2%" for every later year, "2027=3,2%" for one. */
function indexes(values: readonly string[], flag: string, budgetYear: number, years: number): string[] {
  const out: string[] = Array.from({ length: years - 1 }, () => "0");
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
  // and `poh-budget --out x.xlsx` build the same workbook.
  const sample: SampleId | null = sampleFlag ?? (flags.has("--practices") ? null : "polderland");
  const schemeId = last(flags, "--scheme") ?? (sample === "vpg" ? "vpg" : SAMPLE_SETTINGS.scheme);
  if (!(SCHEME_IDS as readonly string[]).includes(schemeId)) throw new ArgumentError("unknownScheme", { arg: "--scheme", value: schemeId });
  const yearText = last(flags, "--year");
  // The VPG worked example is of 2025 (VPG ch. 14); everything else, the sample too, budgets next year.
  const budgetYear = yearText === undefined ? (sample === "vpg" ? 2025 : today.getFullYear() + 1) : yearFlag(yearText);
  const yearsText = last(flags, "--years");
  const years = yearsText === undefined ? 4 : numberArg(yearsText, "--years", { max: MAX_FORECAST_YEARS, whole: true, positive: true }).toNumber();

  const changes: Partial<SchemeParameters> = {};
  if (sample === "polderland") Object.assign(changes, { capacityHours: SAMPLE_SETTINGS.capacityHours, hourlyCost: SAMPLE_SETTINGS.hourlyCost });
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
  const base = SCHEMES[schemeId as SchemeId];
  if (Object.keys(rates).length > 0) changes.compensationRates = { ...base.params.compensationRates, ...rates };
  const pilot = last(flags, "--pilot");
  if (pilot !== undefined) changes.formationIncidental = booleanArg(pilot, "--pilot", base.params.formationIncidental);
  if (flags.has("--wage-index")) changes.wageIndex = indexes(flags.get("--wage-index")!, "--wage-index", budgetYear, years);
  if (flags.has("--price-index")) changes.priceIndex = indexes(flags.get("--price-index")!, "--price-index", budgetYear, years);

  const defaultOut = sample === "vpg" ? "begroting-vpg-voorbeeld.xlsx" : sample ? "begroting-voorbeeld.xlsx" : `begroting-${budgetYear}.xlsx`;
  const out = last(flags, "--out") ?? defaultOut;
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new ArgumentError("notXlsx", { arg: "--out", value: out });
  return {
    language,
    help: flags.has("--help"),
    version: flags.has("--version"),
    sampleCsv: last(flags, "--sample-csv") ?? null,
    sample,
    practicesFile: last(flags, "--practices") ?? null,
    force: flags.has("--force"),
    build: !flags.has("--sample-csv") || ["--sample", "--practices", "--out"].some((f) => flags.has(f)),
    scheme: Object.keys(changes).length > 0 ? withParameters(base, changes) : base,
    budgetYear,
    years,
    out,
  };
}

/** The budget year flag: a whole year within BUDGET_YEAR_RANGE, the range named when it is not. */
function yearFlag(raw: string): number {
  const { min, max } = BUDGET_YEAR_RANGE;
  const year = numberArg(raw, "--year", { max: Number.MAX_SAFE_INTEGER, whole: true }).toNumber();
  if (year < min || year > max) throw new ArgumentError("outOfRange", { arg: "--year", min, max, value: raw });
  return year;
}
