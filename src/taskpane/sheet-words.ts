/**
 * A problem found on a sheet, said in the sheet's own words: the column as its header reads
 * ("Patiënten", not the import's key "patienten") and dates as the sheet shows them
 * (dd-mm-jjjj, not the ISO form the reader works in).
 */
import type { MessageParams } from "../core/messages";
import type { SheetProblem } from "../workbook/read-back";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The column number of an A1 address's letters ("D6" → 4). */
const columnOf = (cell: string) => [...(/^[A-Z]+/.exec(cell)?.[0] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * @example inSheetWords({ sheet: "Praktijken", cell: "H6", key: "endBeforeStart", params: { arg: "einddatum", start: "2026-03-01", end: "2026-01-01" } }, ["Praktijk", …, "Einddatum"])
 * // params: { arg: "Einddatum", start: "01-03-2026", end: "01-01-2026" }
 */
export function inSheetWords(problem: SheetProblem, headers: readonly unknown[] | undefined): SheetProblem {
  const header = headers?.[columnOf(problem.cell) - 1];
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    const iso = typeof value === "string" ? ISO_DATE.exec(value) : null;
    params[name] = iso ? `${iso[3]}-${iso[2]}-${iso[1]}` : value;
  }
  if ("arg" in params && typeof header === "string" && header.trim() !== "") params.arg = header.replace(/\s+/g, " ").trim();
  return { ...problem, params };
}
