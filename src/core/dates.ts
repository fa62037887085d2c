import type { IsoDate } from "./types";

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Splits an ISO date; returns null for anything that is not a real calendar date.
 *
 * @example
 * parseIsoDate("2025-02-29") // null (2025 is no leap year)
 */
export function parseIsoDate(text: string): YearMonthDay | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** @example isoDate(2026, 1, 1) // "2026-01-01" */
export function isoDate(year: number, month: number, day: number): IsoDate {
  // Months past 12 roll into the next year, as Excel's DATE does.
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Position of a date's month counted from January of `year` as 1 (Dec of year-1 = 0). */
export function monthIndex(date: IsoDate, year: number): number {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not an ISO date: ${date}`);
  return (d.year - year) * 12 + d.month;
}

/** Excel's serial day number (1900 date system) of an ISO date. @example excelSerial("2025-01-01") // 45658 */
export function excelSerial(date: IsoDate): number {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000 + 25_569;
}
