/**
 * An in-memory Excel host for tests and the demo page: the Office.js subset the renderer
 * uses, with Excel's rules (load before read, array shapes, sheet names), every sync
 * counted with its request size, a failure injectable at any sync, and formulas calculated.
 */
import { HostError, MemoryWorkbook } from "./state";
import { MemoryContext } from "./context";

export interface SyncRecord {
  bytes: number;
  operations: number;
}

export interface MemoryExcelOptions {
  /** Calculate formulas with HyperFormula (off for sync counting at national scale). */
  calculate?: boolean;
}

export class MemoryExcel {
  state: MemoryWorkbook;
  readonly syncs: SyncRecord[] = [];
  /** 1-based number of the sync that fails as if the connection dropped; its batch is lost. */
  failAtSync: number | null = null;
  screenUpdatingSuspended = 0;

  constructor(options: MemoryExcelOptions = {}) {
    this.state = new MemoryWorkbook(options.calculate ?? true);
    this.state.addSheet("Blad1");
  }

  /** Like `Excel.run`: runs a batch function and syncs what it left queued. */
  run = async <T>(batch: (context: MemoryContext) => Promise<T>): Promise<T> => {
    const context = new MemoryContext(this);
    const result = await batch(context);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** Runs a context's queue. Operations apply in order; one that fails stops the batch, as in Excel. */
  async flush(context: MemoryContext): Promise<void> {
    const operations = context.queue.splice(0);
    const bytes = operations.reduce((n, op) => n + op.bytes, 0);
    this.syncs.push({ bytes, operations: operations.length });
    if (this.failAtSync === this.syncs.length) throw new HostError("GeneralException", `The connection was lost during request ${this.syncs.length}`);
    if (bytes > 5 * 1024 * 1024) throw new HostError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) exceeds the 5 MB limit of Excel on the web`);
    for (const op of operations) op.run();
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.bytes));
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
        charts: s.charts.length,
        validations: s.validations.length,
        conditionalFormats: s.conditionalFormats.length,
      })),
      names: [...this.state.names].sort(),
      settings: [...this.state.settings].sort(),
      calculationMode: this.state.calculationMode,
    };
  }
}
