/**
 * An existing .xlsx the command is about to rebuild: is it a workbook this product made, and
 * if so the values of its input sheets, as the task pane's rebuild reads them from Excel.
 */
import { message, type Language } from "../core/messages";
import { openXlsx, XlsxReadError } from "../import/xlsx-values";
import { REGISTRY_KEY } from "../render/office/registry";
import { PARAMETERS_SHEET } from "../workbook/parameters-sheet";
import { PAYOUTS_SHEET } from "../workbook/payouts-sheet";
import { PRACTICES_SHEET } from "../workbook/practices-sheet";
import { REALISATION_SHEET } from "../workbook/realisation-sheet";
import type { Values } from "../workbook/read-back";
import { echoed } from "./terminal";

/** What the .xlsx writer puts in docProps/core.xml (src/render/xlsx-stream.ts). */
export const OUR_CREATOR = "POH-GGZ Jeugd begroting";

export type Existing =
  | { kind: "ours"; parameters: Values; practices: Values; payouts: Values | null; realisation?: Values | null }
  /** `reason` is in the run's language, for the refusal. */
  | { kind: "foreign"; reason: string };

/**
 * Reads `file` when it is a workbook of this product: the creator the .xlsx writer sets, or the
 * task pane's settings (a workbook built in Excel keeps its author as creator), together with
 * the Uitgangspunten and Praktijken sheets. Anything else, also a file that is no .xlsx at
 * all or one larger than MAX_WORKBOOK_BYTES, is `foreign` with the reason.
 *
 * @example
 * await readExisting("begroting.xlsx", "nl") // { kind: "ours", parameters: [...], practices: [...], payouts: [...] }
 * await readExisting("notities.xlsx", "nl") // { kind: "foreign", reason: "gemaakt door “Jan”" }
 */
export async function readExisting(file: string, lang: Language): Promise<Existing> {
  try {
    const book = await openXlsx(file);
    const has = (name: string) => book.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
    const marked = book.creator === OUR_CREATOR || (await book.mentionsInWebExtensions(`"${REGISTRY_KEY}"`));
    if (!marked) return { kind: "foreign", reason: book.creator === "" ? message(lang, "workbookNoCreator") : message(lang, "workbookMadeBy", { creator: String(echoed(book.creator)) }) };
    if (!has(PARAMETERS_SHEET) || !has(PRACTICES_SHEET)) return { kind: "foreign", reason: message(lang, "workbookNoInputSheets") };
    return {
      kind: "ours",
      parameters: (await book.values(PARAMETERS_SHEET))!,
      practices: (await book.values(PRACTICES_SHEET))!,
      payouts: await book.values(PAYOUTS_SHEET),
      realisation: await book.values(REALISATION_SHEET),
    };
  } catch (error) {
    if (error instanceof XlsxReadError) return { kind: "foreign", reason: message(lang, error.tooLarge ? "workbookTooLarge" : "workbookUnreadable", { detail: error.reason }) };
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string") return { kind: "foreign", reason: message(lang, "workbookUnreadable", { detail: code }) };
    throw error;
  }
}
