/** The request context of the in-memory host: a queue of operations that `sync` runs. */
import type { MemoryExcel, MemoryRunOptions } from "./memory-excel";
import type { Operation } from "./base";
import type { MemoryWorkbook } from "./state";
import { WorkbookProxy } from "./workbook";
import { utf8Bytes } from "../core/text";

export class MemoryContext {
  readonly queue: Operation[] = [];
  readonly workbook: WorkbookProxy;

  constructor(
    readonly host: MemoryExcel,
    readonly options: MemoryRunOptions = {},
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Bytes of the responses of the running sync: what its loads send back (see MemoryExcel.flush). */
  responseBytes = 0;

  /** Queues an operation; it weighs its payload's JSON in UTF-8 bytes, plus what Office.js adds to each. */
  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ bytes: utf8Bytes(JSON.stringify(payload ?? null)) + 40, run });
  }

  /** A load read these values: they travel back in the sync's response. */
  respond(values: unknown): void {
    this.responseBytes += utf8Bytes(JSON.stringify(values ?? null));
  }

  sync(): Promise<void> {
    return this.host.flush(this);
  }

  get state(): MemoryWorkbook {
    return this.host.state;
  }
}

/** Base of every proxy: load/sync bookkeeping and the "not loaded" rule. */
