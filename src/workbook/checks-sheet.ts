import type { BudgetYear } from "../core/budget";
import { Dec } from "../core/decimal";
import type { PaymentRecord } from "../core/payouts";
import type { RealisationRecord } from "../core/realisation";
import { realisationChecks } from "./realisation-checks";
import { sheetRealisation } from "./realisation-sheet";
import { sheetRegister } from "./payouts-sheet";
import type { SchemeParameters } from "../core/parameters";
import type { Practice } from "../core/types";
import { range, sheetRef } from "./a1";
import { budgetChecks } from "./budget-checks";
import { coverageChecks } from "./coverage-checks";
import { FORECAST_COLUMNS, FORECAST_SHEET, forecastRows } from "./forecast-sheet";
import { formulaColumnsCheck } from "./formula-checks";
import { insurerChecks } from "./insurer-checks";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import { parameterRow, PARAMETERS_SHEET } from "./parameters-sheet";
import type { Check } from "./check";
import { keptRowChecks, paymentChecks } from "./payment-checks";
import { formationChecks } from "./formation-checks";
import { practiceChecks } from "./practice-checks";
import type { Cell, SheetDescription } from "./types";

export const CHECKS_SHEET = "Controle";
const HEADER_ROW = 4;

export interface ChecksInput {
  params: SchemeParameters;
  practices: readonly Practice[];
  years: readonly BudgetYear[];
  payments: ReadonlyMap<string, PaymentRecord>;
  realisation?: ReadonlyMap<string, RealisationRecord>;
}

function checks({ params, practices, years, payments, realisation }: ChecksInput): Check[] {
  const list: Check[] = [
    ...budgetChecks(params, practices.length, years),
    formulaColumnsCheck({ sheet: FORECAST_SHEET, columns: FORECAST_COLUMNS, ...forecastRows(years.length) }),
    ...coverageChecks(years, params.budgetLines),
    ...insurerChecks(years, practices.length),
    ...practiceChecks(practices, years[0].year),
  ];
  // The register as Uitbetalingen lays it out (free rows included), overdue on the Peildatum describe resolved.
  const register = sheetRegister(years, payments, params.peildatum ?? null, params);
  list.push(...paymentChecks(register), ...formationChecks(register, years, params));
  const shares = ["Aandeel_gemeente", "Vergoeding_basis", "Vergoeding_aanvullend", "Vergoeding_extra"];
  const shareValues = [params.municipalityShare, params.compensationRates.basis, params.compensationRates.aanvullend, params.compensationRates.extra];
  list.push({
    label: "Percentages tussen 0 en 1",
    deviation: { formula: `=${shares.map((s) => `(${s}<0)+(${s}>1)`).join("+")}`, result: shareValues.filter((v) => new Dec(v).lt(0) || new Dec(v).gt(1)).length, format: FORMAT.whole },
    problem: "Een aandeel of compensatiepercentage ligt buiten 0–100%",
    explanation: "Aandeel gemeente en compensatiepercentages op Uitgangspunten.",
    where: { sheet: PARAMETERS_SHEET, cell: `C${parameterRow("municipalityShare")}` },
  });
  list.push(...keptRowChecks(register));
  list.push(...realisationChecks(sheetRealisation(params, years[0], realisation ?? new Map<string, RealisationRecord>())));
  return list;
}

/** The summary line of Controle (core side): all checks fine, or how many need attention. */
export function summaryText(count: number, attention: number): string {
  return attention === 0 ? `Alle ${count} controles in orde` : `Let op: ${attention} van de ${count} controles vragen aandacht (rood, kolom Aandacht = 1)`;
}

/** An in-workbook link to `where`, as a formula: "#'Begroting 2026'!K42", shown as "Begroting 2026 K42". */
function linkCell(where: Check["where"]): Cell {
  const label = `${where.sheet} ${where.cell}`;
  return { formula: `=HYPERLINK("#${sheetRef(where.sheet)}${where.cell}","${label}")`, result: label };
}

/**
 * Controle as a report: a summary at the top (all checks fine, or how many need attention,
 * with a link to the first of them), then one line per check: what it checks, its outcome (a
 * formula that says OK or names the deviation, a payment row by its row and practice), the
 * deviation, an explanation, a link to where to look, and 1 in Aandacht when it is not OK.
 *
 * @example
 * describeChecks({ params, practices, years, payments }).cells[4][1]?.result // "OK"
 */
export function describeChecks(input: ChecksInput): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Controle"));
  grid.set(2, 1, text("Elke controle is een formule: OK, of de afwijking met een toelichting. Klik in de kolom Waar kijken om naar de cel te gaan."));
  grid.setRow(HEADER_ROW, 1, CHECK_HEADERS.map(text));
  const list = checks(input);
  const outcomes = list.map((check) => (check.outcome ? check.outcome.result : check.deviation.result === 0 ? "OK" : check.problem));
  list.forEach((check, i) => {
    const row = HEADER_ROW + 1 + i;
    const outcome: Cell = check.outcome ? { formula: check.outcome.formula(row), result: check.outcome.result } : { formula: `=IF(C${row}=0,"OK","${check.problem}")`, result: outcomes[i] };
    const attention: Cell = { formula: `=IF(LEFT(B${row},2)="OK",0,1)`, result: outcomes[i].startsWith("OK") ? 0 : 1, format: FORMAT.whole };
    grid.setRow(row, 1, [text(check.label), outcome, check.deviation, text(check.explanation), linkCell(check.where), attention]);
  });
  const last = HEADER_ROW + list.length;
  const first = HEADER_ROW + 1;
  describeSummary(grid, first, last, list, outcomes);
  const columnWidths = headerWidths(CHECK_HEADERS, [28, 30, 11, 40, 20, 8]);
  const width = CHECK_HEADERS.length;
  return {
    name: CHECKS_SHEET,
    kind: "checks",
    cells: grid.build(width),
    columnWidths,
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: "A3", style: "subtitle" },
      { range: "E3", style: "wrap" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, width), style: "header" },
      // Every cell of a check at the top of its row, the long texts wrapped.
      { range: range(first, 1, last, width), style: "wrap" },
    ],
    validations: [],
    conditionalFormats: [
      // "OK: herverdeeld in 6 maand(en)" is fine too: a line that informs starts with OK.
      { range: range(first, 2, last, 2), formula: `LEFT(B${first},2)="OK"`, style: "ok" },
      { range: range(first, 2, last, 2), formula: `LEFT(B${first},2)<>"OK"`, style: "bad" },
      { range: "A3", formula: `$F$3>0`, style: "bad" },
      { range: "A3", formula: `$F$3=0`, style: "ok" },
    ],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: first,
    print: printSetup(columnWidths, { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, titleColumns: 1 }),
  };
}

export const CHECK_HEADERS = ["Controle", "Uitkomst", "Afwijking", "Toelichting", "Waar kijken", "Aandacht"];

/**
 * Row 3: the summary (A), a link to the first check that needs attention (E, above the links
 * of the checks; B stays empty, as readers of the outcomes column expect), and the count of
 * those in F, above the Aandacht column it sums.
 */
function describeSummary(grid: Grid, first: number, last: number, list: readonly Check[], outcomes: readonly string[]): void {
  const flags = `F${first}:F${last}`;
  const attention = outcomes.filter((o) => !o.startsWith("OK")).length;
  const count = list.length;
  grid.set(3, 1, {
    formula: `=IF(F3=0,"Alle "&ROWS(${flags})&" controles in orde","Let op: "&F3&" van de "&ROWS(${flags})&" controles vragen aandacht (rood, kolom Aandacht = 1)")`,
    result: summaryText(count, attention),
  });
  const firstBad = outcomes.findIndex((o) => !o.startsWith("OK"));
  grid.set(3, 5, {
    formula: `=IF(F3=0,"",HYPERLINK("#${sheetRef(CHECKS_SHEET)}A"&(MATCH(1,${flags},0)+${first - 1}),"Naar de eerste: "&INDEX(A${first}:A${last},MATCH(1,${flags},0))))`,
    result: firstBad < 0 ? "" : `Naar de eerste: ${list[firstBad].label}`,
  });
  grid.set(3, 6, { formula: `=SUM(${flags})`, result: attention, format: FORMAT.whole });
}
