/**
 * Plans how a workbook description goes into Excel: each sheet is built under a temporary
 * name, and its cells go out as whole 2-D blocks of rows, grouped into requests that stay
 * under the request limit of Excel on the web (5 MB).
 */
import { cellText } from "../../core/text";
import { needsQuotePrefix, textEntry } from "./cell-input";
import { sheetRef } from "../../workbook/a1";
import type { Cell, WorkbookDescription } from "../../workbook/types";

/** Room per request for cell data, under the 5 MB limit with space for the other operations. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
export const TEMP_PREFIX = "~poh bouw ";

export interface WriteBlock {
  sheet: number;
  /** 1-based rows of the block. */
  top: number;
  bottom: number;
  formulas: (string | number | boolean)[][];
  formats: string[][];
  bytes: number;
}

export interface WritePlan {
  tempNames: string[];
  /** Blocks grouped per request (one sync each). */
  requests: WriteBlock[][];
  totalBytes: number;
}

/** Which text needs Excel's quote prefix lives in cell-input.ts; re-exported for existing callers. */
export { needsQuotePrefix };

/** Rewrites sheet references of formulas from the final names to the temporary ones. */
export function renamer(finalNames: readonly string[], tempNames: readonly string[]): (formula: string) => string {
  const map = new Map(finalNames.map((n, i) => [sheetRef(n).toLowerCase(), sheetRef(tempNames[i])]));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.'])(${finalNames.map((n) => escape(sheetRef(n))).join("|")})`, "gi");
  return (formula) => formula.replace(pattern, (ref) => map.get(ref.toLowerCase()) ?? ref);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function entryOf(cell: Cell | null, rename: (formula: string) => string): string | number | boolean {
  if (!cell) return "";
  if (cell.formula !== undefined) return rename(cell.formula);
  if (typeof cell.value === "string") {
    // The importer already warned about and removed what a workbook cannot hold; this keeps
    // any other text (a source typed on Uitgangspunten) from breaking the saved file.
    return textEntry(cellText(cell.value));
  }
  return cell.value ?? "";
}

/**
 * `inPlace[i]`: sheet i is rebuilt into the existing sheet of its name (./switch), so formulas
 * keep its final name; the others are renamed into place and are referred to by their temporary name.
 */
export function planWrites(description: WorkbookDescription, budget = REQUEST_BUDGET_BYTES, inPlace: readonly boolean[] = []): WritePlan {
  const tempNames = description.sheets.map((_, i) => `${TEMP_PREFIX}${i + 1}`);
  const renamed = description.sheets.map((_, i) => !inPlace[i]);
  const finals = description.sheets.map((s) => s.name).filter((_, i) => renamed[i]);
  const rename = finals.length > 0 ? renamer(finals, tempNames.filter((_, i) => renamed[i])) : (formula: string) => formula;
  const requests: WriteBlock[][] = [[]];
  let requestBytes = 0;
  let totalBytes = 0;
  description.sheets.forEach((sheet, index) => {
    let block: WriteBlock | null = null;
    sheet.cells.forEach((row, r) => {
      const formulas = row.map((c) => entryOf(c, rename));
      const formats = row.map((c) => c?.format ?? "General");
      const bytes = JSON.stringify(formulas).length + JSON.stringify(formats).length;
      if (requestBytes + bytes > budget && requestBytes > 0) {
        requests.push([]);
        requestBytes = 0;
        block = null;
      }
      if (!block) {
        block = { sheet: index, top: r + 1, bottom: r + 1, formulas: [], formats: [], bytes: 0 };
        requests[requests.length - 1].push(block);
      }
      block.bottom = r + 1;
      block.formulas.push(formulas);
      block.formats.push(formats);
      block.bytes += bytes;
      requestBytes += bytes;
      totalBytes += bytes;
    });
  });
  return { tempNames, requests, totalBytes };
}
