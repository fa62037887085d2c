/**
 * What the task pane's buttons do, without any DOM: start a new budget, import practices, or
 * rebuild from what the workbook holds. Reads the workbook, checks it, asks before writing over
 * edits, and renders. Office.js comes in through `run` (Excel.run, or the in-memory host's).
 */
import { message, type Language } from "../core/messages";
import type { PaymentRecord } from "../core/payouts";
import { SCHEMES, withParameters, type Scheme, type SchemeId } from "../core/schemes";
import type { Practice } from "../core/types";
import { ArgumentError } from "../core/errors";
import { formatProblem, importPractices } from "../import/practices";
import { readWorkbook } from "../render/office/read";
import { editedCells } from "../render/office/registry";
import { BuildError, renderWorkbook, type RenderStep } from "../render/office/render";
import { failureText } from "./failure";
import { samplePracticesCsv, SAMPLE_SETTINGS, withSampleRates } from "../samples/sample";
import { describeWorkbook, type BudgetInput } from "../workbook/describe";
import { formatSheetProblem, readParameters, readPayments, readPractices, type SheetProblem, type Values } from "../workbook/read-back";
import { readRealisation } from "../workbook/realisation-read";
import { inSheetWords } from "./sheet-words";
import { FIRST_DATA_ROW, PRACTICE_COLUMNS } from "../workbook/practices-sheet";
import { budgetSheetName } from "../workbook/budget-sheet";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface NewBudget {
  schemeId: SchemeId;
  budgetYear: number;
  years: number;
  hourlyCost: string;
  withSample: boolean;
}

/** An import's `budget`: the settings of a new budget, used when the workbook holds none yet. */
export type BuildRequest = { mode: "new"; budget: NewBudget } | { mode: "import"; csv: Uint8Array | string; budget?: NewBudget } | { mode: "rebuild" };

/** A problem the finance officer can act on; `cell` (when set) is selected when activated. */
export interface Problem {
  text: string;
  sheet?: string;
  cell?: string;
}

export type BuildOutcome =
  /** `warnings`: what the import changed without leaving a row out (shown, not blocking). */
  | {
      kind: "built";
      sheets: string[];
      budgetSheet: string;
      warnings: Problem[];
      /** The practices the budget now holds. */
      practices: number;
      /** An import: how many practices it read. */
      practicesRead?: number;
      /** An import that found no budget and made one with the request's settings. */
      created?: boolean;
    }
  | { kind: "problems"; problems: Problem[] }
  /** `replacesPractices`: an import would replace the practices on Praktijken (`current`) by those it read. */
  | { kind: "confirm"; edited: { sheet: string; cells: string[] }[]; replacesBudget: boolean; replacesPractices?: { current: number; read: number } }
  | { kind: "failed"; text: string };

export interface BuildOptions {
  language: Language;
  /** The person agreed to write over edited sheets or an existing budget. */
  confirmed?: boolean;
  onProgress?: (step: RenderStep | "reading", done: number, total: number) => void;
}

function newBudgetInput(budget: NewBudget): BudgetInput {
  const sampleChanges = budget.withSample ? { municipality: SAMPLE_SETTINGS.municipality, ...(budget.schemeId === "flevoland" ? { capacityHours: SAMPLE_SETTINGS.capacityHours } : {}) } : {};
  return {
    scheme: (budget.withSample ? withSampleRates : (scheme: Scheme) => scheme)(withParameters(SCHEMES[budget.schemeId], { hourlyCost: budget.hourlyCost, ...sampleChanges })),
    practices: budget.withSample ? importPractices(samplePracticesCsv(budget.budgetYear)).practices : [],
    budgetYear: budget.budgetYear,
    years: budget.years,
  };
}

/** Rows of Praktijken with anything typed in a practice's columns (valid or not: a person typed them). */
function typedPractices(values: Values): number {
  let count = 0;
  for (let r = FIRST_DATA_ROW - 1; r < values.length; r++) {
    if ((values[r] ?? []).slice(0, PRACTICE_COLUMNS.endDate).some((v) => (typeof v === "string" ? v.trim() !== "" : v !== null && v !== undefined))) count++;
  }
  return count;
}

/**
 * What a button does: builds (new), imports practices from a CSV, or rebuilds from the sheets;
 * asks first (`confirm`) before writing over edits, an existing budget or typed practices.
 *
 * @example
 * await build(run, { mode: "import", csv }, { language: "nl" }) // { kind: "confirm", replacesPractices: { current: 12, read: 11 }, … }
 */
export async function build(run: ExcelRun, request: BuildRequest, options: BuildOptions): Promise<BuildOutcome> {
  const lang = options.language;
  try {
    return await run(async (context) => {
      options.onProgress?.("reading", 0, 1);
      const contents = await readWorkbook(context);
      let input: BudgetInput;
      let warnings: Problem[] = [];
      let replacesPractices: { current: number; read: number } | undefined;
      const noBudget = !contents.parameters && !contents.practices && (contents.state.registry?.sheets.length ?? 0) === 0;
      if (request.mode === "new") {
        input = newBudgetInput(request.budget);
      } else if (request.mode === "import" && noBudget && request.budget) {
        // Importing into an empty workbook is how many start: the CSV's practices in a new budget.
        const imported = importPractices(request.csv);
        if (imported.errors.length > 0) return { kind: "problems", problems: imported.errors.map((e) => ({ text: formatProblem(lang, e) })) };
        warnings = imported.warnings.map((w) => ({ text: formatProblem(lang, w) }));
        input = { ...newBudgetInput({ ...request.budget, withSample: false }), practices: imported.practices };
      } else {
        if (!contents.parameters || !contents.practices) return { kind: "problems", problems: [{ text: message(lang, "noBudget") }] };
        const parameters = readParameters(contents.parameters);
        let practices: Practice[];
        const problems: Problem[] = parameters.problems.map((p) => ({ text: formatSheetProblem(lang, inSheetWords(p, undefined)), sheet: p.sheet, cell: p.cell }));
        if (request.mode === "import") {
          const imported = importPractices(request.csv);
          problems.push(...imported.errors.map((e) => ({ text: formatProblem(lang, e) })));
          warnings = imported.warnings.map((w) => ({ text: formatProblem(lang, w) }));
          practices = imported.practices;
          const current = typedPractices(contents.practices);
          if (current > 0) replacesPractices = { current, read: practices.length };
        } else {
          const read = readPractices(contents.practices);
          // Said with the sheet's column headers and dates as the sheet shows them.
          const headers = contents.practices[FIRST_DATA_ROW - 2];
          const said = (p: SheetProblem) => ({ text: formatSheetProblem(lang, inSheetWords(p, headers)), sheet: p.sheet, cell: p.cell });
          problems.push(...read.problems.map(said));
          warnings = read.warnings.map(said);
          practices = read.practices;
        }
        if (problems.length > 0) return { kind: "problems", problems };
        const payments: Map<string, PaymentRecord> = contents.payouts ? readPayments(contents.payouts) : new Map<string, PaymentRecord>();
        const realisation = contents.realisation ? readRealisation(contents.realisation) : undefined;
        input = { scheme: parameters.scheme, practices, budgetYear: parameters.budgetYear, years: parameters.years, payments, ...(realisation ? { realisation } : {}) };
      }
      const description = describeWorkbook({ buildDate: new Date(), ...input }); // today: the default Peildatum

      if (!options.confirmed) {
        const edited = (contents.state.registry?.sheets ?? [])
          .map((sheet) => ({ sheet: sheet.name, cells: editedCells(sheet.allowed, contents.constants.get(sheet.name) ?? null) }))
          .filter((e) => e.cells.length > 0);
        const replacesBudget = request.mode === "new" && (contents.state.registry?.sheets.length ?? 0) > 0;
        if (edited.length > 0 || replacesBudget || replacesPractices) return { kind: "confirm", edited, replacesBudget, ...(replacesPractices ? { replacesPractices } : {}) };
      }
      await renderWorkbook(context, description, contents.state, { onProgress: options.onProgress });
      const read = request.mode === "import" ? { practicesRead: input.practices.length, ...(noBudget && request.budget ? { created: true } : {}) } : {};
      const sheets = description.sheets.map((s) => s.name);
      return { kind: "built", sheets, budgetSheet: budgetSheetName(input.budgetYear), warnings, practices: input.practices.length, ...read };
    });
  } catch (error) {
    if (error instanceof ArgumentError) return { kind: "problems", problems: [{ text: message(lang, error.key, error.params) }] };
    // Said from the read-back after the repair; a failure before the first write wrote nothing.
    if (error instanceof BuildError) return { kind: "failed", text: failureText(lang, stepName(lang, error.step), error.cause, error.outcome) };
    return { kind: "failed", text: failureText(lang, stepName(lang, "reading"), error, null) };
  }
}

const STEP_NAMES: Record<RenderStep | "reading", { nl: string; en: string }> = {
  reading: { nl: "werkmap lezen", en: "reading the workbook" },
  writing: { nl: "bladen schrijven", en: "writing sheets" },
  formatting: { nl: "opmaak en grafiek", en: "formatting and chart" },
  swapping: { nl: "nieuwe bladen plaatsen", en: "putting the new sheets in place" },
  cleaning: { nl: "opruimen", en: "cleaning up" },
};

export function stepName(language: Language, step: RenderStep | "reading"): string {
  return STEP_NAMES[step][language];
}

/** Selects a cell a problem points at, so the person can fix it. */
export async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}
