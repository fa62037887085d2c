/**
 * Dates and times as Excel reads them from text written into a cell, for the in-memory host
 * (see parse-entry.ts for the locales and the sources). A date becomes its serial number in
 * the 1900 date system, a time the fraction of a day, and the cell gets a date or time format.
 *
 * The rules, from Microsoft's knowledge base (KB 214391 two-digit years and two-part dates,
 * KB 181194 month names, KB 214326 the 1900 leap year) unless said otherwise:
 * - the order of day and month is the locale's short date (d-m-y in nl-NL, m/d/y in en-US),
 *   with "-" or "/" between; a year first (ISO 2025-03-01) is year-month-day in every locale
 *   (office-js#229 shows it through `range.values` in en-AU);
 * - a two-digit year 00–29 is 2000–2029, 30–99 is 1930–1999;
 * - a date of two parts is day and month in the current year if that is a date, else month
 *   and year ("Dec 31" is 31 December this year, "Dec 32" is 1 December 1932);
 * - in nl-NL a month name first is month and year ("april 30" is 1 April 1930, as Dutch
 *   Excel tutorials show), a day first is day and month ("30 april", this year);
 * - 1900 has a 29 February (serial 60), kept from Lotus 1-2-3; dates before 1900 stay text.
 * What is not documented (mixed separators, "." between day and month in nl-NL, "mrt.")
 * stays text here; the renderer quotes such text all the same.
 */

export interface DateRules {
  /** Day before month in a date of numbers (nl-NL), else month before day (en-US). */
  dayFirst: boolean;
  /** The month names Excel reads, full and abbreviated, lower case, per month. */
  months: readonly (readonly string[])[];
  /** Whether "AM"/"PM" (and "a"/"p") may follow a time. */
  meridiem: boolean;
  /** The decimal separator, for fractions of a second. */
  decimal: string;
}

export interface ParsedNumber {
  value: number;
  /** The format Excel gives a cell that was General (en-US format codes, as Office.js reports them). */
  numberFormat?: string;
}

const DAY_MS = 86_400_000;
const MAX_YEAR = 9999;

/**
 * The date and/or time the text is, or null when Excel would keep it as text.
 *
 * @example
 * parseDateTime("1-3-2025", NL, 2026) // { value: 45717, numberFormat: "m/d/yyyy" }
 */
export function parseDateTime(text: string, rules: DateRules, currentYear: number): ParsedNumber | null {
  const split = splitTime(text, rules);
  if (!split) return null;
  const { datePart, time } = split;
  if (datePart === "") return time ? { value: time.value, numberFormat: time.format } : null;
  const date = parseDate(datePart, rules, currentYear);
  if (!date) return null;
  if (!time) return date;
  if (time.value >= 1) return null; // with a date, a time is one of that day
  return { value: date.value + time.value, numberFormat: `m/d/yyyy ${time.format}` };
}

interface Time {
  value: number;
  format: string;
}

/** Splits a trailing time ("12:30", "12:30:15,5", "9 PM") from the rest; null when the time part is malformed. */
function splitTime(text: string, rules: DateRules): { datePart: string; time: Time | null } | null {
  const meridiem = rules.meridiem ? "(?:\\s*(am|pm|a|p))?" : "()";
  const clock = new RegExp(`(?:^|\\s+)(\\d{1,4}):(\\d{1,2})(?::(\\d{1,2}(?:${escape(rules.decimal)}\\d+)?))?${meridiem}$`, "i").exec(text);
  const hourOnly = rules.meridiem ? /(?:^|\s+)(\d{1,2})\s*(am|pm|a|p)$/i.exec(text) : null;
  if (!clock && !hourOnly) return text.includes(":") ? null : { datePart: text, time: null };
  const m = clock ?? hourOnly!;
  let hours = Number(m[1]);
  const minutes = clock ? Number(clock[2]) : 0;
  const seconds = clock?.[3] ? Number(clock[3].replace(rules.decimal, ".")) : 0;
  const half = (clock ? clock[4] : hourOnly![2])?.toLowerCase();
  if (minutes >= 60 || seconds >= 60) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half.startsWith("p") ? 12 : 0);
  }
  const format = `${hours >= 24 ? "[h]" : "h"}:mm${clock?.[3] ? ":ss" : ""}${half ? " AM/PM" : ""}`;
  return { datePart: text.slice(0, m.index).trim(), time: { value: (hours * 3600 + minutes * 60 + seconds) / 86400, format } };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NUMERIC = /^(\d{1,4})([/-])(\d{1,4})(?:\2(\d{1,4}))?$/;

function parseDate(text: string, rules: DateRules, currentYear: number): ParsedNumber | null {
  const numeric = NUMERIC.exec(text);
  if (numeric) return numericDate(numeric, rules, currentYear);
  const pieces = text.split(/(,?\s+|[/-])/);
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const separators = new Set(pieces.filter((_, i) => i % 2 === 1).map((sep) => (/^[/-]$/.test(sep) ? sep : " ")));
  if (separators.size > 1) return null; // "1-mrt-2025", "1 mrt 2025", not "1-mrt/2025"
  const at = parts.findIndex((p) => /^\p{L}+$/u.test(p));
  if (at < 0 || parts.length < 2 || parts.length > 3 || parts.some((p, i) => i !== at && !/^\d{1,4}$/.test(p))) return null;
  const month = rules.months.findIndex((names) => names.includes(parts[at].toLowerCase())) + 1;
  if (month === 0) return null;
  const numbers = parts.filter((_, i) => i !== at).map(Number);
  const lengths = parts.filter((_, i) => i !== at).map((p) => p.length);
  if (at === 1) {
    // "1 maart", "1-Mar-2025": the day comes first in both locales.
    const year = parts.length === 3 ? fullYear(numbers[1], lengths[1]) : currentYear;
    return dated(year, month, numbers[0], parts.length === 3 ? "d-mmm-yy" : "d-mmm");
  }
  if (at !== 0) return null;
  if (parts.length === 3) return rules.dayFirst ? null : dated(fullYear(numbers[1], lengths[1]), month, numbers[0], "d-mmm-yy");
  // "Dec 31" / "Dec 32" (en-US), "april 30" (nl-NL: month and year, 1 April 1930).
  if (!rules.dayFirst && lengths[0] <= 2 && isDate(currentYear, month, numbers[0])) return dated(currentYear, month, numbers[0], "d-mmm");
  return dated(fullYear(numbers[0], lengths[0]), month, 1, "mmm-yy");
}

function numericDate(m: RegExpExecArray, rules: DateRules, currentYear: number): ParsedNumber | null {
  const [a, b, c] = [m[1], m[3], m[4]];
  if (b.length > 2 && (c !== undefined || a.length > 2)) return null; // only a year has more than two digits
  if (a.length >= 3) {
    // A year first: year-month-day, or year and month.
    if (a.length === 3) return null;
    return c === undefined ? dated(Number(a), Number(b), 1, "mmm-yy") : c.length <= 2 ? dated(Number(a), Number(b), Number(c), "m/d/yyyy") : null;
  }
  const [day, month] = rules.dayFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
  if (c !== undefined) return dated(fullYear(Number(c), c.length), month, day, "m/d/yyyy");
  if (isDate(currentYear, month, day)) return dated(currentYear, month, day, "d-mmm");
  return dated(fullYear(Number(b), b.length), Number(a), 1, "mmm-yy");
}

/** Excel's two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999; three digits are no year. */
function fullYear(year: number, digits: number): number {
  if (digits <= 2) return year < 30 ? 2000 + year : 1900 + year;
  return digits === 4 ? year : NaN;
}

function isDate(year: number, month: number, day: number): boolean {
  if (!(year >= 1900 && year <= MAX_YEAR) || month < 1 || month > 12 || day < 1) return false;
  if (year === 1900 && month === 2) return day <= 29;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dated(year: number, month: number, day: number, numberFormat: string): ParsedNumber | null {
  return isDate(year, month, day) ? { value: serialOf(year, month, day), numberFormat } : null;
}

/** The serial number of a date in the 1900 date system, with its 29 February 1900 (60). */
export function serialOf(year: number, month: number, day: number): number {
  if (year === 1900 && month === 2 && day === 29) return 60;
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 31)) / DAY_MS;
  return year === 1900 && month <= 2 ? days : days + 1;
}
