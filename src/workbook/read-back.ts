/**
 * Reads a budget back from the values of its sheets (as Excel returns them): the parameters
 * of Uitgangspunten, the practices of Praktijken and what the controller typed on
 * Uitbetalingen. The inverse of describe, so a rebuild starts from what people changed.
 */
import { Dec } from "../core/decimal";
import { ArgumentError } from "../core/errors";
import { message, type Language, type MessageKey, type MessageParams } from "../core/messages";
import { PARAMETERS, type SchemeParameters } from "../core/parameters";
import { payoutKey, type PaymentRecord, type Typed } from "../core/payouts";
import { SCHEMES, SCHEME_IDS, type Scheme, type SchemeId } from "../core/schemes";
import { excelSerial, isoDate } from "../core/dates";
import { parseDateText } from "../import/fields";
import { numberArg } from "../functions/coerce";
import { practicesFromRecords, type ImportProblem } from "../import/practices";
import type { Practice } from "../core/types";
import { cell, column, parseCell } from "./a1";
import { BUDGET_LINE_COLUMN, BUDGET_LINE_HEADER, BUDGET_YEAR_NAME, MUNICIPALITY_ROW, PARAMETERS_SHEET } from "./parameters-sheet";
import { dutchDate, PEILDATUM_NAME, recordedDefault } from "./peildatum";
import { DATE_RANGE, FIRST_DATA_ROW, PRACTICE_COLUMNS, PRACTICES_SHEET } from "./practices-sheet";
import { KIND_COLUMN, MANUAL_COLUMNS, PAYEE_SECTION_LABEL, PAYOUT_TOTAL_LABELS, PAYOUTS_FIRST_ROW } from "./payouts-sheet";
import { COMPENSATION_KIND } from "../core/formation-schedule";

/** A grid of values from A1 (row 0 = sheet row 1). */
export type Values = readonly (readonly unknown[])[];

export interface SheetProblem {
  sheet: string;
  /** A1 address of the cell to select. */
  cell: string;
  key: MessageKey;
  params: MessageParams;
}

/**
 * A read-back problem as a person reads it, with the cell to look at; the pane and the command
 * say it the same way.
 *
 * @example
 * formatSheetProblem("nl", { sheet: "Praktijken", cell: "D6", key: "notANumber", params: { arg: "patienten", value: "veel" } })
 * // "Praktijken D6: patienten: verwacht een getal, niet “veel”"
 */
export function formatSheetProblem(language: Language, problem: SheetProblem): string {
  return `${problem.sheet} ${problem.cell}: ${message(language, problem.key, problem.params)}`;
}

const at = (values: Values, row: number, col: number): unknown => values[row - 1]?.[col - 1] ?? "";
/** A cell's value as trimmed text; blank for an empty cell (anything else, never read from a cell, as JSON). */
const text = (value: unknown): string => {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value === null || value === undefined ? "" : (JSON.stringify(value) ?? "");
};

export interface ParametersReadBack {
  scheme: Scheme;
  budgetYear: number;
  years: number;
  problems: SheetProblem[];
}

/**
 * The scheme a Regeling cell names: by its name in words (Dutch or English), or as workbooks
 * before issue 13 wrote it ("flevoland — Flevoland / …"); anything else is the custom scheme.
 */
function schemeOf(cellText: string): SchemeId {
  const named = SCHEME_IDS.find((id) => [SCHEMES[id].label.nl, SCHEMES[id].label.en].some((label) => label.toLowerCase() === cellText.toLowerCase()));
  if (named) return named;
  const key = cellText.split("—")[0].trim();
  return (SCHEME_IDS as readonly string[]).includes(key) ? (key as SchemeId) : "custom";
}

/** Uitgangspunten: scheme, budget year, every parameter (checked against its bounds) and the index table. */
export function readParameters(values: Values): ParametersReadBack {
  const problems: SheetProblem[] = [];
  const base = SCHEMES[schemeOf(text(at(values, 2, 2)))];
  const params: SchemeParameters = { ...base.params, compensationRates: { ...base.params.compensationRates }, wageIndex: [], priceIndex: [] };
  const municipality = text(at(values, MUNICIPALITY_ROW, 2));
  if (municipality) params.municipality = municipality;
  const sources = { ...base.sources };
  let budgetYear = new Date().getFullYear() + 1;
  const rowOf = new Map<string, number>();
  values.forEach((row, i) => rowOf.set(text(row[0]), i + 1));

  const read = (name: string, limit: { max: number; whole?: boolean; positive?: boolean }): number | null => {
    const row = rowOf.get(name);
    if (row === undefined) {
      problems.push({ sheet: PARAMETERS_SHEET, cell: "A5", key: "missingParameter", params: { arg: name } });
      return null;
    }
    try {
      return numberArg(at(values, row, 3), name, limit).toNumber();
    } catch (error) {
      if (!(error instanceof ArgumentError)) throw error;
      problems.push({ sheet: PARAMETERS_SHEET, cell: cell(row, 3), key: error.key, params: error.params });
      return null;
    }
  };
  const year = read(BUDGET_YEAR_NAME, { max: 2200, whole: true, positive: true });
  if (year !== null) budgetYear = year;
  for (const p of PARAMETERS) {
    const value = read(p.name, p.limit);
    const row = rowOf.get(p.name);
    if (row !== undefined && text(at(values, row, 5)) !== "") sources[p.key] = text(at(values, row, 5));
    if (value === null) continue;
    if (p.key === "rateBasis") params.compensationRates.basis = String(value);
    else if (p.key === "rateAanvullend") params.compensationRates.aanvullend = String(value);
    else if (p.key === "rateExtra") params.compensationRates.extra = String(value);
    else if (p.key === "formationIncidental") params.formationIncidental = value === 1;
    else if (p.key === "formationInAdvance") params.formationInAdvance = value === 1;
    else if (p.allowed && !p.allowed.includes(value)) problems.push({ sheet: PARAMETERS_SHEET, cell: cell(row!, 3), key: "notAllowed", params: { arg: p.name, allowed: p.allowed.join(", "), value } });
    else if (p.key === "formationInstalments") params.formationInstalments = value;
    else if (p.key === "normpracticeSize" || p.key === "payoutAfterMonths") params[p.key] = value;
    else params[p.key] = String(value);
  }

  const peildatum = readPeildatum(values, rowOf.get(PEILDATUM_NAME), problems);
  if (peildatum !== undefined) params.peildatum = peildatum;

  const header = values.findIndex((row) => text(row[0]) === "Jaar" && text(row[1]) === "Loonindex");
  let years = 1;
  if (header >= 0) {
    // Workbooks before issue 11 have no budget column: nothing to read there.
    const hasBudgetLines = text(at(values, header + 1, BUDGET_LINE_COLUMN)) === BUDGET_LINE_HEADER;
    const budgetLines: Record<number, string> = {};
    for (let r = header + 2; text(at(values, r, 1)) !== ""; r++) {
      years = r - header - 1;
      if (hasBudgetLines) readBudgetLine(values, r, budgetLines, problems);
      if (years === 1) continue;
      const index = (col: number, name: string) => {
        try {
          return numberArg(at(values, r, col), name, { max: 1, fallback: "0" }).toString();
        } catch (error) {
          if (!(error instanceof ArgumentError)) throw error;
          problems.push({ sheet: PARAMETERS_SHEET, cell: cell(r, col), key: error.key, params: error.params });
          return "0";
        }
      };
      params.wageIndex.push(index(2, "Loonindex"));
      params.priceIndex.push(index(3, "Prijsindex"));
    }
    if (Object.keys(budgetLines).length > 0) params.budgetLines = budgetLines;
  }
  return { scheme: { ...base, params, sources }, budgetYear, years, problems };
}

/** The available budget typed on row `r` of the index table, by the year in its column A; blank = none. */
function readBudgetLine(values: Values, r: number, into: Record<number, string>, problems: SheetProblem[]): void {
  const value = at(values, r, BUDGET_LINE_COLUMN);
  const year = Number(at(values, r, 1));
  if (text(value) === "" || !Number.isInteger(year)) return;
  try {
    into[year] = numberArg(value, BUDGET_LINE_HEADER, { max: 1e9 }).toString();
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    problems.push({ sheet: PARAMETERS_SHEET, cell: cell(r, BUDGET_LINE_COLUMN), key: error.key, params: error.params });
  }
}

/**
 * The Peildatum as a person left it: undefined for the default (an empty cell, the build date
 * its source records, or a workbook from before the Peildatum), so a rebuild takes the new
 * build date; a date typed (a serial, or text such as "1-3-2027") is kept. Anything else is a problem.
 */
function readPeildatum(values: Values, row: number | undefined, problems: SheetProblem[]): string | undefined {
  if (row === undefined) return undefined;
  const value = at(values, row, 3);
  if (text(value) === "") return undefined;
  const problem = (key: MessageKey, params: MessageParams) => {
    problems.push({ sheet: PARAMETERS_SHEET, cell: cell(row, 3), key, params: { arg: PEILDATUM_NAME, ...params } });
    return undefined;
  };
  let serial: number;
  if (typeof value === "number" && Number.isFinite(value)) serial = Math.floor(value);
  else if (typeof value === "string") {
    const parsed = parseDateText(value);
    if ("error" in parsed) return problem(parsed.error, { value: text(value) });
    serial = excelSerial(parsed.date);
  } else return problem("badDate", { value: text(value) });
  if (serial < excelSerial(DATE_RANGE.min) || serial > excelSerial(DATE_RANGE.max)) {
    const shown = typeof value === "number" && serial > 0 && serial < 2_958_466 ? dutchDate(serialToIso(serial)) : text(value);
    return problem("outOfRange", { min: dutchDate(DATE_RANGE.min), max: dutchDate(DATE_RANGE.max), value: shown });
  }
  const date = serialToIso(serial);
  return recordedDefault(text(at(values, row, 5))) === date ? undefined : date;
}

/** Excel's serial day number as an ISO date (1900 date system). */
export function serialToIso(serial: number): string {
  const date = new Date(Math.round((serial - 25_569) * 86_400_000));
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const FIELD_HEADERS = ["praktijk", "agb", "locatie", "patienten", "model", "uren_per_week", "startdatum", "einddatum", "werkgever", "vergoedingspercentage"];
/** Praktijken before issue 11 had its checks in I and J: those are read only where the sheet's header says Werkgever. */
const hasEmployerColumns = (values: Values) => text(at(values, FIRST_DATA_ROW - 1, PRACTICE_COLUMNS.employer)).startsWith("Werkgever");
/** A rate on the sheet is a fraction (0,75 shown as 75%): given to the importer as a percentage, so 75 stays out of range. */
const percentOf = (value: number) => `${new Dec(String(value)).times(100).toString()}%`;

/**
 * Praktijken: the rows below the header, checked by the same rules as a CSV import. `warnings`
 * name the cells whose text was changed (characters a workbook cannot hold, left out).
 */
export function readPractices(values: Values): { practices: Practice[]; problems: SheetProblem[]; warnings: SheetProblem[] } {
  const rows = [];
  const headers = hasEmployerColumns(values) ? FIELD_HEADERS : FIELD_HEADERS.slice(0, PRACTICE_COLUMNS.endDate);
  for (let r = FIRST_DATA_ROW; r <= values.length; r++) {
    const fields = headers.map((_, i) => {
      const value = at(values, r, i + 1);
      const isDate = i + 1 === PRACTICE_COLUMNS.startDate || i + 1 === PRACTICE_COLUMNS.endDate;
      if (typeof value === "number" && i + 1 === PRACTICE_COLUMNS.compensationRate) return percentOf(value);
      return typeof value === "number" && isDate ? serialToIso(value) : text(value);
    });
    if (fields.some((f) => f !== "")) rows.push({ line: r, fields });
  }
  const result = practicesFromRecords({ line: FIRST_DATA_ROW - 1, fields: headers }, rows);
  const onSheet = (e: ImportProblem): SheetProblem => {
    const index = FIELD_HEADERS.indexOf(e.column);
    return { sheet: PRACTICES_SHEET, cell: `${column(index >= 0 ? index + 1 : 1)}${e.row}`, key: e.key, params: e.params };
  };
  return { practices: result.practices, problems: result.errors.map(onSheet), warnings: result.warnings.map(onSheet) };
}

/**
 * Uitbetalingen: what the controller typed per practice-year, by AGB code and year, with the
 * year, AGB code and practice name of its row (so a row whose practice is gone is kept as it
 * stood). A row whose typed cells are all empty has nothing to keep; the totals are skipped.
 * A second row with the same year and AGB code is kept under its own key (it then stays a row
 * of its own), never written over.
 *
 * @example
 * readPayments(values).get(payoutKey("01012345", 2026)) // { invoiceNumber: "F-1", …, year: 2026, agb: "01012345", name: "De Linde" }
 */
export function readPayments(values: Values): Map<string, PaymentRecord> {
  const payments = new Map<string, PaymentRecord>();
  // Issue 11.2: the kind column, found by its header; a workbook from before it has none, and every row is the compensation.
  const kindAt = parseCell(`${KIND_COLUMN}1`).col;
  const kindColumn = text(at(values, PAYOUTS_FIRST_ROW - 1, kindAt)) === "Betaling" ? kindAt : null;
  for (let r = PAYOUTS_FIRST_ROW; r <= values.length; r++) {
    if (text(at(values, r, 1)) === PAYEE_SECTION_LABEL) break;
    if ((PAYOUT_TOTAL_LABELS as readonly string[]).includes(text(at(values, r, 1)))) continue;
    const typed = MANUAL_COLUMNS.map((c): Typed => {
      const value = at(values, r, c + 1);
      return value === "" || value === null || value === undefined ? null : (value as Typed);
    });
    if (typed.every((v) => v === null)) continue;
    const [invoiceNumber, invoiceDate, invoiced, paid, paidDate] = typed;
    const agb = text(at(values, r, 2));
    const typedYear = Number(at(values, r, 1));
    // A year that is no number still keeps its row (as year 0), rather than its payment being dropped.
    const year = Number.isFinite(typedYear) ? typedYear : 0;
    const kind = (kindColumn === null ? "" : text(at(values, r, kindColumn))) || COMPENSATION_KIND;
    const key = payoutKey(agb, year, kind);
    const kindField = kind === COMPENSATION_KIND ? {} : { kind };
    payments.set(payments.has(key) ? `${key}|rij ${r}` : key, { invoiceNumber, invoiceDate, invoiced, paid, paidDate, year, agb, name: text(at(values, r, 3)), ...kindField });
  }
  return payments;
}
