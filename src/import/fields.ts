/** Reading one field of a practice row: dates, numbers and header names as Dutch exports write them. */
import { isoDate, parseIsoDate } from "../core/dates";
import type { IsoDate } from "../core/types";

export type Field = "name" | "agb" | "location" | "patients" | "model" | "weeklyHours" | "startDate" | "endDate" | "employer" | "compensationRate";

/** Header names per field, Dutch and English, normalised (lower case, no accents, `_` for spaces). */
const HEADER_NAMES: Record<Field, readonly string[]> = {
  name: ["praktijk", "praktijknaam", "naam", "practice", "practice_name", "name"],
  agb: ["agb", "agb_code", "agbcode"],
  location: ["locatie", "location", "vestiging", "plaats"],
  patients: ["patienten", "patients", "aantal_patienten", "ingeschreven_patienten", "registered_patients"],
  model: ["model"],
  weeklyHours: ["uren_per_week", "weekly_hours", "uren", "hours_per_week", "hours"],
  startDate: ["startdatum", "start_date", "start", "begindatum"],
  endDate: ["einddatum", "end_date", "eind", "end"],
  // NOP: one practice acts as employer of the POH for the others.
  employer: ["werkgever", "employer", "werkgever_poh"],
  // VPG ch. 12/14: a rate per practice for a district with more youth problems.
  compensationRate: ["vergoedingspercentage", "compensation_rate", "compensatiepercentage", "compensatie_%", "vergoeding_%"],
};

export const REQUIRED_FIELDS: readonly Field[] = ["name", "agb", "patients"];

/** @example normaliseHeader(" Patiënten ") // "patienten" */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_");
}

/** @example fieldOfHeader("AGB-code") // "agb" */
export function fieldOfHeader(header: string): Field | null {
  const name = normaliseHeader(header);
  return (Object.keys(HEADER_NAMES) as Field[]).find((f) => HEADER_NAMES[f].includes(name)) ?? null;
}

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export type DateResult = { date: IsoDate } | { error: "badDate" | "impossibleDate" };

/**
 * A date as Dutch exports write it (`dd-mm-jjjj`, also with `/` or `.`) or ISO.
 *
 * @example
 * parseDateText("1-3-2025") // { date: "2025-03-01" }
 */
export function parseDateText(text: string): DateResult {
  const trimmed = text.trim();
  const dutch = DUTCH_DATE.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  const parts = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return { error: "badDate" };
  const [y, m, d] = parts.map(Number);
  const date = isoDate(y, Math.min(m, 99), Math.min(d, 99));
  if (m < 1 || m > 12 || y < 1900 || !parseIsoDate(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)) return { error: "impossibleDate" };
  return { date };
}
