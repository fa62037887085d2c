/**
 * The page layout of the in-memory host's worksheets (ExcelApi 1.9): what the renderer sets for
 * printing, kept beside each sheet so tests read back what Excel would print. Kept out of the
 * sheet state itself (./state), which other parts copy and compare; a sheet's print setup is
 * only ever set as a whole by formatSheet.
 */
import type { MemoryContext } from "./context";
import { HostError, type MemorySheet } from "./state";

export interface MemoryPageSetup {
  paperSize: string;
  printOrder: string;
  /** Percent; null when fitted to pages. */
  scale: number | null;
  margins: Record<string, number> | null;
  /** Print titles as set, e.g. "$4:$4" and "$A:$A". */
  titleRows: string;
  titleColumns: string;
  printArea: string;
  headers: Record<string, string>;
  /** Columns (letters) that start a new page, in the order added. */
  columnBreaks: string[];
  /** Frozen columns (freezeAt), beside MemorySheet.frozenRows. */
  frozenColumns: number;
}

const pages = new WeakMap<MemorySheet, MemoryPageSetup>();

/** The page setup of a sheet of the in-memory host (a new sheet: Excel's defaults). */
export function pageSetupOf(sheet: MemorySheet): MemoryPageSetup {
  let page = pages.get(sheet);
  if (!page) {
    page = { paperSize: "Letter", printOrder: "DownThenOver", scale: null, margins: null, titleRows: "", titleColumns: "", printArea: "", headers: {}, columnBreaks: [], frozenColumns: 0 };
    pages.set(sheet, page);
  }
  return page;
}

const HEADER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;
/** Excel refuses a print title that is not whole rows ("$4:$4") or whole columns ("$A:$A"). */
const ROWS = /^\$?\d+:\$?\d+$/;
const COLUMNS = /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/;

/** Worksheet.pageLayout as the renderer uses it. */
export function pageLayoutProxy(ctx: MemoryContext, sheet: () => MemorySheet) {
  const page = () => pageSetupOf(sheet());
  const set = (op: Record<string, unknown>, run: () => void) => ctx.enqueue(op, run);
  const defaultForAllPages: Record<string, string> = {};
  for (const part of HEADER_PARTS) {
    Object.defineProperty(defaultForAllPages, part, {
      set: (value: string) => set({ [part]: value }, () => (page().headers[part] = value)),
      get: () => page().headers[part] ?? "",
      enumerable: true,
    });
  }
  return {
    set orientation(value: string) {
      set({ orientation: value }, () => (sheet().orientation = value));
    },
    get orientation(): string {
      return sheet().orientation;
    },
    set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
      set({ zoom: value }, () => {
        sheet().fitToWidth = value.horizontalFitToPages === 1;
        page().scale = value.scale ?? null;
      });
    },
    get zoom() {
      return { horizontalFitToPages: sheet().fitToWidth ? 1 : undefined, scale: page().scale ?? undefined };
    },
    set paperSize(value: string) {
      set({ paperSize: value }, () => (page().paperSize = value));
    },
    set printOrder(value: string) {
      set({ printOrder: value }, () => (page().printOrder = value));
    },
    setPrintMargins(unit: string, margins: Record<string, number>): void {
      set({ setPrintMargins: unit }, () => {
        if (unit !== "Inches" && unit !== "Points" && unit !== "Centimeters") throw new HostError("InvalidArgument", `unit ${unit}`);
        page().margins = { ...margins };
      });
    },
    setPrintTitleRows(rows: string): void {
      set({ setPrintTitleRows: rows }, () => {
        if (!ROWS.test(rows)) throw new HostError("InvalidArgument", `print title rows ${rows}`);
        page().titleRows = rows;
      });
    },
    setPrintTitleColumns(columns: string): void {
      set({ setPrintTitleColumns: columns }, () => {
        if (!COLUMNS.test(columns)) throw new HostError("InvalidArgument", `print title columns ${columns}`);
        page().titleColumns = columns;
      });
    },
    setPrintArea(area: string): void {
      set({ setPrintArea: area }, () => (page().printArea = area));
    },
    headersFooters: { defaultForAllPages },
  };
}

/** Worksheet.verticalPageBreaks: a break before the left column of the range added. */
export function pageBreaksProxy(ctx: MemoryContext, sheet: () => MemorySheet) {
  return {
    add(range: string): void {
      ctx.enqueue({ addPageBreak: range }, () => pageSetupOf(sheet()).columnBreaks.push(/^[A-Z]+/.exec(range)?.[0] ?? range));
    },
    removePageBreaks(): void {
      ctx.enqueue({ removePageBreaks: true }, () => (pageSetupOf(sheet()).columnBreaks = []));
    },
  };
}
