import type { BudgetYear } from "../core/budget";
import { Dec } from "../core/decimal";
import type { PaymentRecord } from "../core/payouts";
import { sheetRegister } from "./payouts-sheet";
import type { SchemeParameters } from "../core/parameters";
import type { Practice } from "../core/types";
import { range } from "./a1";
import { budgetChecks } from "./budget-checks";
import { FORECAST_COLUMNS, FORECAST_SHEET, forecastRows } from "./forecast-sheet";
import { formulaColumnsCheck } from "./formula-checks";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import type { Check } from "./check";
import { keptRowChecks, paymentChecks } from "./payment-checks";
import { practiceChecks } from "./practice-checks";
import type { Cell, SheetDescription } from "./types";

export const CHECKS_SHEET = "Controle";
const HEADER_ROW = 4;

export interface ChecksInput {
  params: SchemeParameters;
  practices: readonly Practice[];
  years: readonly BudgetYear[];
  payments: ReadonlyMap<string, PaymentRecord>;
}

function checks({ params, practices, years, payments }: ChecksInput): Check[] {
  const list: Check[] = [
    ...budgetChecks(params, practices.length, years),
    formulaColumnsCheck({ sheet: FORECAST_SHEET, columns: FORECAST_COLUMNS, ...forecastRows(years.length) }),
    ...practiceChecks(practices, years[0].year),
  ];
  // The register as Uitbetalingen lays it out (free rows included), overdue on the Peildatum describe resolved.
  const register = sheetRegister(years, payments, params.peildatum ?? null);
  list.push(...paymentChecks(register));
  const shares = ["Aandeel_gemeente", "Vergoeding_basis", "Vergoeding_aanvullend", "Vergoeding_extra"];
  const shareValues = [params.municipalityShare, params.compensationRates.basis, params.compensationRates.aanvullend, params.compensationRates.extra];
  list.push({
    label: "Percentages tussen 0 en 1",
    deviation: { formula: `=${shares.map((s) => `(${s}<0)+(${s}>1)`).join("+")}`, result: shareValues.filter((v) => new Dec(v).lt(0) || new Dec(v).gt(1)).length, format: FORMAT.whole },
    problem: "Een aandeel of compensatiepercentage ligt buiten 0–100%",
    explanation: "Aandeel gemeente en compensatiepercentages op Uitgangspunten.",
  });
  list.push(...keptRowChecks(register));
  return list;
}

/**
 * Controle: audit checks, each a formula that says OK or names the deviation (a payment row
 * by its row and practice), then one line per kept payment row.
 *
 * @example
 * describeChecks({ params, practices, years, payments }).cells[4][1]?.result // "OK"
 */
export function describeChecks(input: ChecksInput): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Controle"));
  grid.set(2, 1, text("Elke controle is een formule: OK, of de afwijking met een toelichting."));
  grid.setRow(HEADER_ROW, 1, ["Controle", "Uitkomst", "Afwijking", "Toelichting"].map(text));
  const list = checks(input);
  list.forEach((check, i) => {
    const row = HEADER_ROW + 1 + i;
    const outcome: Cell = check.outcome
      ? { formula: check.outcome.formula(row), result: check.outcome.result }
      : { formula: `=IF(C${row}=0,"OK","${check.problem}")`, result: check.deviation.result === 0 ? "OK" : check.problem };
    grid.setRow(row, 1, [text(check.label), outcome, check.deviation, text(check.explanation)]);
  });
  const last = HEADER_ROW + list.length;
  const first = HEADER_ROW + 1;
  return {
    name: CHECKS_SHEET,
    kind: "checks",
    cells: grid.build(4),
    columnWidths: [44, 44, 12, 70],
    frozenRows: HEADER_ROW,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, 4), style: "header" },
    ],
    validations: [],
    conditionalFormats: [
      // "OK: herverdeeld in 6 maand(en)" is fine too: a line that informs starts with OK.
      { range: range(first, 2, last, 2), formula: `LEFT(B${first},2)="OK"`, style: "ok" },
      { range: range(first, 2, last, 2), formula: `LEFT(B${first},2)<>"OK"`, style: "bad" },
    ],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: first,
    print: { landscape: true, fitToWidth: true },
  };
}
