import { forecast, type BudgetYear } from "../core/budget";
import type { PaymentRecord } from "../core/payouts";
import type { RealisationRecord } from "../core/realisation";
import type { Scheme } from "../core/schemes";
import type { IsoDate, Practice } from "../core/types";
import { describeBudget } from "./budget-sheet";
import { describeChecks } from "./checks-sheet";
import { describeForecast } from "./forecast-sheet";
import { describeInsurerStatement } from "./insurer-sheet";
import { describeParameters } from "./parameters-sheet";
import { describePayouts } from "./payouts-sheet";
import { buildDateOf, resolvePeildatum } from "./peildatum";
import { withPageTexts, type PageInfo } from "./page";
import { describePractices } from "./practices-sheet";
import { describeRealisation } from "./realisation-sheet";
import type { DefinedName, SheetDescription, StreamedWorkbook, WorkbookDescription } from "./types";

export interface BudgetInput {
  scheme: Scheme;
  practices: readonly Practice[];
  budgetYear: number;
  /** Years in the forecast, the budget year included (BBV: the budget year and the next 3). */
  years: number;
  /** Payout data typed on an earlier build, by `payoutKey(agb, year)`; kept by a rebuild. */
  payments?: ReadonlyMap<string, PaymentRecord>;
  /** Realisation typed on an earlier build, by `realisationKey(agb, year)`; kept by a rebuild (issue 11.5). */
  realisation?: ReadonlyMap<string, RealisationRecord>;
  /**
   * The day of the build (the pane and the command pass today; a Date is taken in local time):
   * the default Peildatum when `scheme.params.peildatum` is not set. Absent: 1 January of the budget year.
   */
  buildDate?: IsoDate | Date;
}

export const MAX_FORECAST_YEARS = 10;
/** Budget years a workbook accepts, wherever the year is typed (pane, command, Uitgangspunten). */
export const BUDGET_YEAR_RANGE = { min: 2000, max: 2200 } as const;

/**
 * The whole budget workbook, in reading order: Uitgangspunten, Praktijken, a Begroting sheet
 * per year of the forecast, Meerjarenraming, a Zorgverzekeraar sheet per year, Uitbetalingen, Realisatie, Controle. Every computed cell is a
 * formula carrying the core's value as its result.
 *
 * @example
 * describeWorkbook({ scheme: SCHEMES.vpg, practices: [example], budgetYear: 2025, years: 4 }).sheets.map((s) => s.name)
 * // ["Uitgangspunten", "Praktijken", "Begroting 2025", "Begroting 2026", "Begroting 2027", "Begroting 2028", "Meerjarenraming", "Zorgverzekeraar 2025", …, "Uitbetalingen", "Realisatie", "Controle"]
 */
export function describeWorkbook(input: BudgetInput): WorkbookDescription {
  const { names, sheets } = sheetMakers(input);
  return { names, sheets: sheets.map((make) => make()) };
}

/**
 * The same workbook with its sheets made one at a time as they are asked for (for the
 * streamed .xlsx): only the forecast and the sheet being written are held, never every cell
 * of every year at once.
 *
 * @example
 * const { description } = describeWorkbookStreamed(input);
 * await writeXlsx(description, fs.createWriteStream("begroting.xlsx"));
 */
export function describeWorkbookStreamed(input: BudgetInput): { description: StreamedWorkbook; budgets: BudgetYear[] } {
  const { names, budgets, sheets } = sheetMakers(input);
  function* made(): Generator<SheetDescription> {
    for (const make of sheets) yield make();
  }
  return { description: { names, sheets: made(), practiceCount: input.practices.length }, budgets };
}

/** @example ddmmyyyy("2026-07-01") // "01-07-2026" */
const ddmmyyyy = (date: string) => date.split("-").reverse().join("-");

/** The forecast, the defined names, and a maker per sheet in workbook order: one place for the order. */
function sheetMakers(input: BudgetInput): { names: DefinedName[]; budgets: BudgetYear[]; sheets: (() => SheetDescription)[] } {
  const { scheme, practices, budgetYear, years } = input;
  if (!Number.isInteger(years) || years < 1 || years > MAX_FORECAST_YEARS) throw new RangeError(`years must be 1 to ${MAX_FORECAST_YEARS}, not ${years}`);
  const payments = input.payments ?? new Map<string, PaymentRecord>();
  const budgets = forecast(scheme.params, practices, budgetYear, years);
  const peildatum = resolvePeildatum(scheme.params.peildatum, input.buildDate, budgetYear);
  const parameters = describeParameters(scheme, budgets, peildatum);
  const page: PageInfo = { municipality: scheme.params.municipality ?? "", budgetYear, buildDate: input.buildDate === undefined ? "" : ddmmyyyy(buildDateOf(input.buildDate, budgetYear)) };
  const makers: (() => SheetDescription)[] = [
    () => parameters.sheet,
    () => describePractices(practices),
    // All years of the Begroting together, in sequence, before the forecast that sums them.
    ...budgets.map((budget, offset) => () => describeBudget(budget, offset, practices.length, scheme.params.capacityHours)),
    () => describeForecast(budgets, practices.length, scheme.params.budgetLines),
    // Issue 11.3: per year what the insurer finances, to send it for reconciling the split.
    ...budgets.map((budget) => () => describeInsurerStatement(budget, practices.length)),
    () => describePayouts(budgets, payments, peildatum.date, scheme.params),
    () => describeRealisation(scheme.params, budgets[0], input.realisation),
    () => describeChecks({ params: { ...scheme.params, peildatum: peildatum.date }, practices, years: budgets, payments, realisation: input.realisation }),
  ];
  return { names: parameters.names, budgets, sheets: makers.map((make) => () => withPageTexts(make(), page)) };
}
