/**
 * The insurer's statement (issue 11.3): what the insurer finances per employer of the POH, so
 * the municipality and the insurer can reconcile their split of the formation (NOP: 50/50 with
 * Zilveren Kruis; one practice acts as employer of the POH for the others).
 */
import type { BudgetLine } from "./budget";
import { sum, type Dec } from "./decimal";
import { payee } from "./types";

export interface EmployerTotal {
  /** The employer as first written on Praktijken (or the practice itself when none is given). */
  employer: string;
  /** Practices (named rows of Praktijken) whose payee this is, active in the year or not. */
  practices: number;
  annualHours: Dec;
  formationCost: Dec;
  insurerPart: Dec;
  municipalityPart: Dec;
}

/**
 * The key two payees are the same under: a spreadsheet's "=" on text ignores case, so
 * "Zorggroep Noord" and "zorggroep noord" are one employer on the sheet, and here too.
 *
 * @example employerKey("Zorggroep Noord") === employerKey("ZORGGROEP NOORD") // true
 */
export const employerKey = (name: string): string => name.toLocaleLowerCase("nl-NL");

/**
 * Per distinct payee (the employer, or the practice itself), in order of first appearance on
 * Praktijken: its practices, annual hours and formation cost with the insurer's and the
 * municipality's parts, each the sum of its lines' cents (the sheet sums the same cells).
 *
 * @example
 * employerTotals(forecast(params, practices, 2026, 1)[0].lines).map((e) => e.employer)
 * // ["Huisartsenpraktijk De Linde", "Gezondheidscentrum Het Anker", "Praktijk Zuiderzee", …]
 */
export function employerTotals(lines: readonly BudgetLine[]): EmployerTotal[] {
  const groups = new Map<string, { employer: string; lines: BudgetLine[] }>();
  for (const line of lines) {
    const name = payee(line.practice);
    const key = employerKey(name);
    const group = groups.get(key) ?? { employer: name, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ employer, lines: own }) => ({
    employer,
    practices: own.filter((l) => l.practice.name !== "").length,
    annualHours: sum(own.map((l) => l.annualHours)),
    formationCost: sum(own.map((l) => l.formationCost)),
    insurerPart: sum(own.map((l) => l.insurerPart)),
    municipalityPart: sum(own.map((l) => l.municipalityPart)),
  }));
}
