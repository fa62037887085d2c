/**
 * The Peildatum on Uitgangspunten: the reference date of the overdue check on Uitbetalingen.
 * By default the date the workbook is built, recorded in its source text, so a rebuild can
 * tell a date a person typed (kept) from the default (which moves to the new build date).
 */
import { isoDate, parseIsoDate } from "../core/dates";
import type { IsoDate } from "../core/types";

/** The defined name of the Peildatum cell; the overdue formulas on Uitbetalingen read it. */
export const PEILDATUM_NAME = "Peildatum";

/** What the Peildatum cell holds in a build. */
export interface Peildatum {
  date: IsoDate;
  /** A person chose it (typed on Uitgangspunten, or --peildatum): kept by a rebuild. */
  typed: boolean;
  /** The date of the build, the default. */
  buildDate: IsoDate;
}

/** A date as the sheet shows it to a Dutch reader. @example dutchDate("2026-12-01") // "1-12-2026" */
export function dutchDate(date: IsoDate): string {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`not an ISO date: ${date}`);
  return `${d.day}-${d.month}-${d.year}`;
}

/**
 * The build date as an ISO date: a Date is taken in local time (the pane's and the command's
 * today); without one (tests, other callers), 1 January of the budget year, before any due date.
 *
 * @example
 * buildDateOf(new Date(2026, 11, 1), 2027) // "2026-12-01"
 * buildDateOf(undefined, 2027) // "2027-01-01"
 */
export function buildDateOf(date: IsoDate | Date | undefined, budgetYear: number): IsoDate {
  if (date instanceof Date) return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return date ?? isoDate(budgetYear, 1, 1);
}

/** The Peildatum of a build: the one typed, else the build date. */
export function resolvePeildatum(typed: IsoDate | undefined, buildDate: IsoDate | Date | undefined, budgetYear: number): Peildatum {
  const build = buildDateOf(buildDate, budgetYear);
  return typed === undefined ? { date: build, typed: false, buildDate: build } : { date: typed, typed: true, buildDate: build };
}

const DEFAULT_SOURCE = "Standaard: de datum van opbouwen";
/** The source text beside the Peildatum: the default names the build date it holds. */
export function peildatumSource(p: Peildatum): string {
  return p.typed
    ? "Eigen invoer: blijft bij opnieuw opbouwen. Maak de cel leeg om weer de datum van opbouwen te nemen."
    : `${DEFAULT_SOURCE} (${dutchDate(p.date)}). Typ een andere datum om die vast te houden; anders schuift hij mee bij opnieuw opbouwen.`;
}

/**
 * The build date a default Peildatum's source text records, or null when the source says the
 * date was typed (or is not ours).
 *
 * @example
 * recordedDefault("Standaard: de datum van opbouwen (1-12-2026). …") // "2026-12-01"
 */
export function recordedDefault(source: string): IsoDate | null {
  const m = /de datum van opbouwen \((\d{1,2})-(\d{1,2})-(\d{4})\)/.exec(source);
  if (!m) return null;
  const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return parseIsoDate(date) ? date : null;
}
