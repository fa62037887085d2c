/** The request context of the in-memory host: a queue of operations that `sync` runs. */
import type { MemoryExcel, MemoryRunOptions } from "./memory-excel";
import type { Operation } from "./base";
import type { MemoryWorkbook } from "./state";
import { WorkbookProxy } from "./workbook";

export class MemoryContext {
  readonly queue: Operation[] = [];
  readonly workbook: WorkbookProxy;

  constructor(
    readonly host: MemoryExcel,
    readonly options: MemoryRunOptions = {},
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ bytes: JSON.stringify(payload ?? null).length + 40, run });
  }

  sync(): Promise<void> {
    return this.host.flush(this);
  }

  get state(): MemoryWorkbook {
    return this.host.state;
  }
}

/** Base of every proxy: load/sync bookkeeping and the "not loaded" rule. */
