/**
 * An in-memory Excel host for tests and the demo page: the Office.js subset the renderer
 * uses, with Excel's rules (load before read, array shapes, sheet names), every sync
 * counted with its request size, a failure injectable at any sync or at any operation of a
 * sync, a person editing a cell, and formulas calculated.
 */
import { HostError, MemoryWorkbook } from "./state";
import type { HostLocale } from "./parse-entry";
import { MemoryContext } from "./context";
import { cloneSheet } from "./copy";

export interface SyncRecord {
  /** The request: every queued operation's payload, in UTF-8 bytes. */
  bytes: number;
  operations: number;
  /** The response: what the loads of this sync read, in UTF-8 bytes. */
  responseBytes: number;
}

export interface MemoryExcelOptions {
  /** Calculate formulas with HyperFormula (off for sync counting at national scale). */
  calculate?: boolean;
  /** The user's locale, which decides how text written into a cell is read (default nl-NL). */
  locale?: HostLocale;
}

/** Excel.RunOptions as far as the host models them. */
export interface MemoryRunOptions {
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: MemoryContext) => Promise<T>;

export class MemoryExcel {
  state: MemoryWorkbook;
  readonly syncs: SyncRecord[] = [];
  /** 1-based number of the sync that fails as if the connection dropped; its batch is lost. */
  failAtSync: number | null = null;
  /** From this sync on (1-based) every sync fails: the connection is gone for good. */
  failFromSync: number | null = null;
  /**
   * Fails operation `operation` (1-based) of sync `sync` (1-based, counted like `syncs`), once.
   * Office.js batches are not transactional: the operations before it are applied, it and the
   * ones after it are not, and the sync rejects.
   */
  failAtOperation: { sync: number; operation: number } | null = null;
  screenUpdatingSuspended = 0;
  /** The syncs (1-based) whose batch suspended API calculation (suspendApiCalculationUntilNextSync). */
  readonly calculationSuspendedSyncs: number[] = [];
  /** Writes of `application.calculationMode`: an application setting, shared by every open workbook. */
  calculationModeSets = 0;
  /** Sheets asked to calculate (Worksheet.calculate), in order. */
  readonly calculatedSheets: string[] = [];
  /** Set while a person is in cell edit mode; resolves when they leave it. */
  private cellEdit: { ended: Promise<void>; end: () => void } | null = null;
  /**
   * What `unprotect()` without the right password does to a sheet protected with one: Office.js
   * does not document it, so tests try both: refused ("throws", InvalidArgument) or "ignored"
   * (the sheet simply stays protected).
   */
  wrongPassword: "throws" | "ignored" = "throws";

  constructor(options: MemoryExcelOptions = {}) {
    this.state = new MemoryWorkbook(options.calculate ?? true);
    this.state.locale = options.locale ?? "nl-NL";
    this.state.addSheet("Blad1");
  }

  /** Like `Excel.run`, with or without RunOptions: runs a batch function and syncs what it left queued. */
  run = async <T>(first: MemoryRunOptions | Batch<T>, second?: Batch<T>): Promise<T> => {
    const [options, batch] = typeof first === "function" ? [{}, first] : [first, second!];
    const context = new MemoryContext(this, options);
    const result = await batch(context);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** A person starts typing in a cell (cell edit mode) and stays there until `endCellEdit()`. */
  beginCellEdit(): void {
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { ended, end };
  }

  endCellEdit(): void {
    this.cellEdit?.end();
    this.cellEdit = null;
  }

  /** Runs a context's queue. Operations apply in order; one that fails stops the batch, as in Excel. */
  async flush(context: MemoryContext): Promise<void> {
    const operations = context.queue.splice(0);
    // RunOptions.delayForCellEdit: "when false, if the user is in cell edit when the batch request
    // is processed by the host, the batch automatically fails"; when true it waits for the edit to end.
    if (this.cellEdit && !context.options.delayForCellEdit) throw new HostError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    if (this.cellEdit) await this.cellEdit.ended;
    const bytes = operations.reduce((n, op) => n + op.bytes, 0);
    const record: SyncRecord = { bytes, operations: operations.length, responseBytes: 0 };
    this.syncs.push(record);
    const sync = this.syncs.length;
    if (this.failAtSync === sync || (this.failFromSync !== null && sync >= this.failFromSync)) throw new HostError("GeneralException", `The connection was lost during request ${sync}`);
    if (bytes > 5 * 1024 * 1024) throw new HostError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) exceeds the 5 MB limit of Excel on the web`);
    context.responseBytes = 0;
    const fault = this.failAtOperation?.sync === sync ? this.failAtOperation.operation : 0;
    for (let i = 0; i < operations.length; i++) {
      if (i + 1 === fault) {
        this.failAtOperation = null;
        throw new HostError("GeneralException", `An internal error has occurred (fault injected at operation ${fault} of request ${sync})`);
      }
      operations[i].run();
    }
    record.responseBytes = context.responseBytes;
    context.responseBytes = 0;
  }

  /** A new host holding a copy of this workbook (no syncs, no faults): to try many failures from one state. */
  fork(): MemoryExcel {
    const copy = new MemoryExcel({ calculate: this.state.calculate });
    const { state } = copy;
    state.sheets = this.state.sheets.map(cloneSheet);
    state.names = new Map(this.state.names);
    state.settings = new Map(this.state.settings);
    state.calculationMode = this.state.calculationMode;
    state.locale = this.state.locale;
    state.active = this.state.active;
    state.selected = this.state.selected && { ...this.state.selected };
    copy.wrongPassword = this.wrongPassword;
    return copy;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.bytes));
  }

  get largestResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  get totalRequestBytes(): number {
    return this.syncs.reduce((n, s) => n + s.bytes, 0);
  }

  /** Everything a person could see or that a later build reads, for "unchanged" comparisons. */
  snapshot(): unknown {
    return {
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
        frozenRows: s.frozenRows,
        charts: s.charts.map((c) => ({ type: c.type, source: c.source, title: c.title })),
        columnWidths: [...s.columnWidths].sort(([a], [b]) => a - b),
        validations: s.validations.length,
        conditionalFormats: s.conditionalFormats.length,
        protection: { protected: s.protection.protected, options: s.protection.options, password: s.protection.password !== null },
        locks: s.locks,
      })),
      names: [...this.state.names].sort(),
      settings: [...this.state.settings].sort(),
      calculationMode: this.state.calculationMode,
    };
  }
}
