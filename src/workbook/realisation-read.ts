/** Reads back what the controller typed on Realisatie (the inverse of describeRealisation's typed cells). */
import type { Typed } from "../core/payouts";
import { realisationKey, type RealisationRecord } from "../core/realisation";
import { RCOL } from "./realisation-columns";
import { REALISATION_LABELS } from "./realisation-sheet";
import { FIRST_DATA_ROW } from "./practices-sheet";
import type { Values } from "./read-back";

/** Realisatie is read up to its last typed column (Gefactureerd K4, K): the formulas right of it are not needed. */
export const REALISATION_READ_COLUMNS = RCOL.invoiced + 3;

const at = (values: Values, row: number, col: number): unknown => values[row - 1]?.[col - 1] ?? "";
const text = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");
const typedOf = (value: unknown): Typed => (value === "" || value === null || value === undefined ? null : (value as Typed));

/**
 * Realisatie: what was typed per practice, by AGB code and year (column C), with the name of
 * its row, so a row whose practice is gone is kept as it stood. Rows with nothing typed, the
 * totals and the kept rows' title are skipped; a second row with the same key keeps its own key.
 *
 * @example
 * readRealisation(values).get(realisationKey("01012345", 2026))?.hours // [96, 100, null, null]
 */
export function readRealisation(values: Values): Map<string, RealisationRecord> {
  const records = new Map<string, RealisationRecord>();
  const labels: readonly string[] = Object.values(REALISATION_LABELS);
  for (let r = FIRST_DATA_ROW; r <= values.length; r++) {
    if (labels.includes(text(at(values, r, 1)))) continue;
    const hours = [0, 1, 2, 3].map((k) => typedOf(at(values, r, RCOL.hours + k))) as RealisationRecord["hours"];
    const invoiced = [0, 1, 2, 3].map((k) => typedOf(at(values, r, RCOL.invoiced + k))) as RealisationRecord["invoiced"];
    if ([...hours, ...invoiced].every((v) => v === null)) continue;
    const agb = text(at(values, r, 2));
    const typedYear = Number(at(values, r, 3));
    // A year that is no number still keeps its row (as year 0), rather than what was typed being dropped.
    const year = Number.isFinite(typedYear) && text(at(values, r, 3)) !== "" ? typedYear : 0;
    const key = realisationKey(agb, year);
    records.set(records.has(key) ? `${key}|rij ${r}` : key, { hours, invoiced, year, agb, name: text(at(values, r, 1)) });
  }
  return records;
}
