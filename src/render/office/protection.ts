/**
 * Protection of the generated sheets through Office.js (ExcelApi 1.2). A build lifts the
 * protection of the sheets it made before it writes, protects the new ones once they are in
 * place (./switch), and puts back what it lifted when it fails (./repair). A sheet a person protected with a password
 * cannot be lifted: the build stops there, before anything is written.
 *
 * Excel refuses `protect()` on a protected sheet and `unprotect()` on an unprotected one
 * (AccessDenied, since mid 2026), so every call here is made on a state read first.
 */
import { ArgumentError } from "../../core/errors";
import { SHEET_PERMISSIONS } from "../protection";

/** A generated sheet found protected, with the options it was protected with (to put back). */
export interface ProtectedSheet {
  name: string;
  options: Excel.WorksheetProtectionOptions;
}

/**
 * The Office.js options of SHEET_PERMISSIONS. Objects, scenarios and the selection mode came
 * with ExcelApi 1.7, inside the ExcelApi 1.9 the manifest requires.
 *
 * @example
 * sheet.protection.protect(officeProtection())
 */
export function officeProtection(): Excel.WorksheetProtectionOptions {
  const p = SHEET_PERMISSIONS;
  return {
    allowAutoFilter: p.autoFilter,
    allowDeleteColumns: p.deleteColumns,
    allowDeleteRows: p.deleteRows,
    allowFormatCells: p.formatCells,
    allowFormatColumns: p.formatColumns,
    allowFormatRows: p.formatRows,
    allowInsertColumns: p.insertColumns,
    allowInsertHyperlinks: p.insertHyperlinks,
    allowInsertRows: p.insertRows,
    allowPivotTables: p.pivotTables,
    allowSort: p.sort,
    allowEditObjects: p.editObjects,
    allowEditScenarios: p.editScenarios,
    selectionMode: p.selectLockedCells ? "Normal" : p.selectUnlockedCells ? "Unlocked" : "None",
  };
}

/**
 * Options as loaded, made fit to pass to `protect()` again: Excel may hand back unset options
 * as null, and `protect()` refuses those (office-js issue 1931).
 */
export function reusableOptions(options: Excel.WorksheetProtectionOptions | null | undefined): Excel.WorksheetProtectionOptions {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== null && v !== undefined));
}

/** Excel's answers to an `unprotect()` that needs a password; a lost connection is a GeneralException. */
const REFUSALS = new Set(["InvalidArgument", "AccessDenied", "InvalidOperation", "InvalidPassword"]);

/**
 * Lifts the protection of `sheets` in one request. When one cannot be lifted (a password) it
 * throws ArgumentError("sheetPasswordProtected") naming the first such sheet; the caller puts
 * back what was lifted (restoreProtection). Any other failure is thrown as it came.
 */
export async function liftProtection(context: Excel.RequestContext, sheets: readonly ProtectedSheet[]): Promise<void> {
  if (sheets.length === 0) return;
  const protections = sheets.map((s) => context.workbook.worksheets.getItem(s.name).protection);
  for (const protection of protections) protection.unprotect();
  for (const protection of protections) protection.load("protected");
  let failure: unknown = null;
  try {
    await context.sync();
  } catch (error) {
    failure = error;
    // Operations ran in order up to the one refused: what is still protected shows which.
    for (const protection of protections) protection.load("protected");
    try {
      await context.sync();
    } catch {
      throw failure;
    }
  }
  const locked = sheets.find((_, i) => protections[i].protected);
  if (!locked) return;
  // What Excel threw, passed on as it is when it is not a refusal of the password.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (failure !== null && !REFUSALS.has(String((failure as { code?: unknown }).code))) throw failure;
  throw new ArgumentError("sheetPasswordProtected", { arg: "", name: locked.name });
}

/**
 * Protects again, with their own options, the sheets of `lifted` that still exist and are not
 * protected; `present` is the workbook's sheets, loaded with `items/name,items/protection/protected`.
 * Queues the calls; the caller syncs.
 */
export function restoreProtection(present: readonly Excel.Worksheet[], lifted: readonly ProtectedSheet[]): void {
  for (const sheet of present) {
    const before = lifted.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (before && !sheet.protection.protected) sheet.protection.protect(reusableOptions(before.options));
  }
}
