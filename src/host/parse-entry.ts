/**
 * What Excel stores when text is written into a cell: the in-memory host's model of Excel's
 * entry parser, for an nl-NL and an en-US user. The renderer must quote every text this turns
 * into something else (src/render/office/cell-input.ts); the property test in
 * test/hardening/injection.test.ts holds it to that in both locales.
 *
 * Which locale applies to text written through Office.js is not settled: Microsoft says
 * `range.values` and `range.formulas` read text as en-US "by design" and points to
 * `formulasLocal` for the user's locale (OfficeDev/office-js#1559, #3775), users report the
 * user's locale on some clients (#1724), and a person typing always gets their own. The host
 * therefore reads text in one locale chosen per workbook (default nl-NL, what a Dutch user
 * types), and the tests run both, so the renderer is safe whichever Excel does.
 *
 * Modelled, in this order: a leading apostrophe (text, apostrophe dropped), "=" (a formula),
 * the locale's TRUE/FALSE words, error literals, numbers (sign, currency, grouping, decimals,
 * exponent, percent, "(12)" for -12, leading and trailing spaces ignored, 15 significant
 * digits kept), fractions ("1 1/2"), dates and times (parse-date.ts), and Lotus-style formula
 * entry: text starting with + or - that is no number, or with @, becomes a formula.
 * Where Microsoft documents nothing (the exact grouping rule, "." as a date separator in
 * nl-NL, month abbreviations with a dot), the model keeps the text; the renderer quotes
 * those anyway, as it quotes every text with a digit and no other words.
 */
import { parseDateTime, type DateRules, type ParsedNumber } from "./parse-date";

export type HostLocale = "nl-NL" | "en-US";

export interface ParsedEntry {
  formula?: string;
  value?: string | number | boolean;
  /** The format Excel gives the cell with the value (applied as formatAfterEntry says). */
  numberFormat?: string;
}

export interface ParseOptions {
  locale?: HostLocale;
  /** The year a date without one falls in (Excel: the current year). */
  currentYear?: number;
}

interface LocaleRules extends DateRules {
  group: string;
  currency: string;
  /** The currency format Excel applies, in en-US format codes. */
  currencyFormat: string;
  booleans: readonly [string, string];
  /** Error literals as typed in this locale, to their English names (the host's formulas are English). */
  errors: Readonly<Record<string, string>>;
}

const ERRORS_EN = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const ERRORS_NL = ["#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B"];

const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const SHORT_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

export const LOCALES: Readonly<Record<HostLocale, LocaleRules>> = {
  "nl-NL": {
    decimal: ",",
    group: ".",
    currency: "€",
    currencyFormat: '"€" #,##0.00',
    booleans: ["WAAR", "ONWAAR"],
    errors: Object.fromEntries(ERRORS_NL.map((e, i) => [e, ERRORS_EN[i]])),
    dayFirst: true,
    months: MONTHS_NL.map((m, i) => [m, SHORT_NL[i]]),
    meridiem: false,
  },
  "en-US": {
    decimal: ".",
    group: ",",
    currency: "$",
    currencyFormat: "$#,##0.00",
    booleans: ["TRUE", "FALSE"],
    errors: Object.fromEntries(ERRORS_EN.map((e) => [e, e])),
    dayFirst: false,
    months: MONTHS_EN.map((m) => (m === "september" ? [m, "sep", "sept"] : [m, m.slice(0, 3)])),
    meridiem: true,
  },
};

/**
 * What Excel stores for one entry written through `formulas` or `values`, or null for an empty cell.
 *
 * @example
 * parseEntry("4,5") // { value: 4.5 } (nl-NL)
 * parseEntry("4,5", { locale: "en-US" }) // { value: "4,5" }
 * parseEntry(" +0") // { value: 0 }
 */
export function parseEntry(input: unknown, options: ParseOptions = {}): ParsedEntry | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const rules = LOCALES[options.locale ?? "nl-NL"];
  // Spaces around a number are ignored (" +0" is 0). The model trims U+0020 only; the
  // renderer quotes text with any white space around a digit, so the choice is safe.
  const trimmed = text.replace(/^ +| +$/g, "");
  if (trimmed === "") return { value: text };
  const upper = trimmed.toUpperCase();
  if (upper === rules.booleans[0] || upper === rules.booleans[1]) return { value: upper === rules.booleans[0] };
  if (Object.prototype.hasOwnProperty.call(rules.errors, upper)) return { formula: `=${rules.errors[upper]}` }; // the engine yields the error value
  const number = parseNumber(trimmed, rules) ?? parseFraction(trimmed) ?? parseDateTime(trimmed, rules, options.currentYear ?? new Date().getFullYear());
  if (number) return number.numberFormat ? { value: number.value, numberFormat: number.numberFormat } : { value: number.value };
  // Lotus-style entry: "+A1" and "-A1" are formulas, "@SUM(A1)" is =SUM(A1).
  if (/^[+-]./s.test(text)) return { formula: `=${text}` };
  if (/^@./s.test(text)) return { formula: `=${text.slice(1)}` };
  return { value: text };
}

/**
 * The cell's number format after an entry: a General cell takes the entry's format (a typed
 * percentage shows as one); a date or time replaces any format that shows no date or time,
 * as Excel documents for Range.Formula and Range.Value.
 *
 * @example
 * formatAfterEntry("#,##0.00", "m/d/yyyy") // "m/d/yyyy"
 * formatAfterEntry("#,##0.00", "0%") // "#,##0.00"
 */
export function formatAfterEntry(current: string | undefined, entry: string | undefined): string | undefined {
  if (entry === undefined || current === undefined) return current ?? entry;
  return showsDate(entry) && !showsDate(current) ? entry : current;
}

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes and brackets other than [h]. */
function showsDate(format: string): boolean {
  return /[dmyhs]/i.test(format.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, ""));
}

/**
 * A number in the locale's notation: "-1.234,5", "€ 12,50", "(12)", "4,5%", "1e3" (nl-NL).
 * Grouping must be in threes ("1.23" is no number in nl-NL).
 */
function parseNumber(text: string, rules: LocaleRules): ParsedNumber | null {
  let s = text;
  let negative = false;
  let signs = 0;
  const paren = s.startsWith("(") && s.endsWith(")");
  if (paren) s = s.slice(1, -1).trim();
  const sign = () => {
    if (/^[+-]/.test(s)) {
      negative = s[0] === "-";
      signs++;
      s = s.slice(1);
    }
  };
  sign();
  const currency = s.startsWith(rules.currency);
  if (currency) s = s.slice(rules.currency.length).replace(/^ /, "");
  if (currency && signs === 0) sign(); // "€ -12,50" as well as "-€ 12,50"
  const percent = / ?%$/.test(s);
  if (percent) s = s.replace(/ ?%$/, "");
  if ((paren && signs > 0) || (percent && currency)) return null;
  const G = escape(rules.group);
  const D = escape(rules.decimal);
  const m = new RegExp(`^(?:(\\d{1,3}(?:${G}\\d{3})+|\\d+)(?:${D}(\\d*))?|${D}(\\d+))(?:[eE]([+-]?\\d+))?$`).exec(s);
  if (!m) return null;
  const grouped = m[1]?.includes(rules.group) ?? false;
  const exponent = m[4];
  if (exponent !== undefined && (grouped || currency || percent)) return null;
  const fraction = m[2] ?? m[3] ?? "";
  const [int, frac] = fifteenDigits((m[1] ?? "0").split(rules.group).join(""), fraction);
  const shift = Number(exponent ?? 0) - (percent ? 2 : 0);
  const magnitude = Number(`${int}.${frac || "0"}e${shift}`);
  if (!Number.isFinite(magnitude)) return null; // beyond Excel's largest number: text
  const value = negative || paren ? -magnitude : magnitude;
  return { value: value === 0 ? 0 : value, numberFormat: numberFormatOf({ percent, currency, grouped, exponent, decimals: fraction.length }, rules) };
}

function numberFormatOf(n: { percent: boolean; currency: boolean; grouped: boolean; exponent?: string; decimals: number }, rules: LocaleRules): string | undefined {
  if (n.exponent !== undefined) return "0.00E+00";
  if (n.percent) return n.decimals > 0 ? "0.00%" : "0%";
  if (n.currency) return n.decimals > 0 ? rules.currencyFormat : rules.currencyFormat.replace(".00", "");
  if (n.grouped) return n.decimals > 0 ? "#,##0.00" : "#,##0";
  return undefined;
}

/** Excel keeps 15 significant digits and makes the rest zeros (1234567890123456789 → 1234567890123450000). */
function fifteenDigits(int: string, frac: string): [string, string] {
  const all = int + frac;
  const first = all.search(/[1-9]/);
  if (first < 0 || all.length <= first + 15) return [int, frac];
  const kept = all.slice(0, first + 15).padEnd(all.length, "0");
  return [kept.slice(0, int.length), kept.slice(int.length)];
}

/** A whole number and a fraction: "1 1/2" is 1.5, "-0 3/4" is -0.75. */
function parseFraction(text: string): ParsedNumber | null {
  const m = /^([+-]?)(\d+) (\d+)\/(\d+)$/.exec(text);
  if (!m || Number(m[4]) === 0) return null;
  const magnitude = Number(m[2]) + Number(m[3]) / Number(m[4]);
  return { value: m[1] === "-" && magnitude !== 0 ? -magnitude : magnitude, numberFormat: "# ?/?" };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
