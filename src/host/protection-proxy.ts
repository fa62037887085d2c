/** The protection proxies of the in-memory host: `worksheet.protection` and `range.format.protection`. */
import { parseRange } from "../workbook/a1";
import { Proxy } from "./base";
import type { MemoryContext } from "./context";
import { checkWritable, isLocked, unprotected } from "./protection";
import { HostError, type MemorySheet } from "./state";

/** `worksheet.protection` (ExcelApi 1.2): protected, options, protect(options, password), unprotect(password). */
export class WorksheetProtectionProxy extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
  ) {
    super(ctx);
  }
  protected read(property: string): unknown {
    const protection = this.sheet().protection;
    if (property === "isNullObject") return false;
    if (property === "protected") return protection.protected;
    // Excel hands back every option, the unset ones as null (which protect() then refuses).
    if (property === "options") return protection.protected ? { ...NULL_OPTIONS, ...protection.options } : {};
    return undefined;
  }
  /** Loads a property now (at sync time), as a collection's load of `items/protection/…` does. */
  preload(property: string): void {
    this.setLoaded(property, this.read(property));
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.loadedValue("options");
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.ctx.enqueue({ protect: options ?? {}, password: password ? "…" : undefined }, () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) throw new HostError("AccessDenied", `The sheet ${sheet.name} is protected already`);
      if (options && Object.values(options).some((v) => v === null)) throw new HostError("GeneralException", "There was an internal error while processing the request.");
      sheet.protection = { protected: true, options: { ...options }, password: password ?? null };
    });
  }
  unprotect(password?: string): void {
    this.ctx.enqueue({ unprotect: true }, () => {
      const sheet = this.sheet();
      if (!sheet.protection.protected) throw new HostError("AccessDenied", `The sheet ${sheet.name} is not protected`);
      if (sheet.protection.password !== null && sheet.protection.password !== password) {
        if (this.ctx.host.wrongPassword === "ignored") return;
        throw new HostError("InvalidArgument", `The password of ${sheet.name} is missing or incorrect`);
      }
      sheet.protection = unprotected();
    });
  }
}

const NULL_OPTIONS: Record<string, null> = Object.fromEntries(
  ["allowAutoFilter", "allowDeleteColumns", "allowDeleteRows", "allowEditObjects", "allowEditScenarios", "allowFormatCells", "allowFormatColumns", "allowFormatRows", "allowInsertColumns", "allowInsertHyperlinks", "allowInsertRows", "allowPivotTables", "allowSort", "selectionMode"].map((k) => [k, null]),
);

/** `range.format.protection` (ExcelApi 1.2): `locked` per cell; reads null when the range is mixed, as Excel does. */
export class RangeProtectionProxy extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
    private readonly address: () => string,
  ) {
    super(ctx);
  }
  protected read(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property !== "locked") return undefined;
    const sheet = this.sheet();
    const { top, left, bottom, right } = parseRange(this.address());
    const first = isLocked(sheet, top, left);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (isLocked(sheet, r, c) !== first) return null;
    return first;
  }
  get locked(): boolean | null {
    return this.loadedValue("locked");
  }
  set locked(locked: boolean | null) {
    this.ctx.enqueue({ locked }, () => {
      const sheet = this.sheet();
      const address = this.address();
      checkWritable(sheet, address, "locked");
      sheet.locks.push({ ...parseRange(address), locked: Boolean(locked) });
    });
  }
}
