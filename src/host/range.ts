/** Ranges of the in-memory host: values, formulas, formats, validation, conditional formats, special cells. */
import { cell, parseRange, sheetRef } from "../workbook/a1";
import { Proxy, setters } from "./base";
import type { MemoryContext } from "./context";
import { WHOLE_SHEET } from "./copy";
import { areas } from "./areas";
import { checkWritable } from "./protection";
import { RangeProtectionProxy } from "./protection-proxy";
import { HostError, type CellFormat, type MemorySheet, type MemoryValidation } from "./state";

const VALIDATION_KINDS = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
import type { WorksheetProxy } from "./worksheet";

export class RangeProxy extends Proxy {
  readonly format: RangeFormatProxy;
  readonly dataValidation: {
    rule: Excel.DataValidationRule;
    prompt: MemoryValidation["prompt"];
    errorAlert: MemoryValidation["errorAlert"];
    ignoreBlanks: boolean;
  };
  readonly conditionalFormats: { add: (type: string) => ConditionalFormatProxy };

  constructor(
    ctx: MemoryContext,
    readonly worksheet: WorksheetProxy,
    /** null = the used range, resolved at sync time. */
    private readonly fixedAddress: string | null,
    /** For a used range: the range it lies within (Range.getUsedRangeOrNullObject); null: the sheet. */
    private readonly within: string | null = null,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    const self = this;
    // The validation this range set, once its rule is queued: prompt and error alert go with it.
    let entry: MemoryValidation | null = null;
    const withEntry = (what: string, apply: (v: MemoryValidation) => void) => () => {
      if (!entry) throw new HostError("InvalidOperation", `Set the data validation rule before its ${what}`);
      apply(entry);
    };
    this.dataValidation = {
      set rule(rule: Excel.DataValidationRule) {
        const kinds = Object.keys(rule ?? {}).filter((k) => VALIDATION_KINDS.includes(k));
        if (kinds.length !== 1) throw new HostError("InvalidArgument", `A data validation rule has exactly one of ${VALIDATION_KINDS.join(", ")}`);
        const kind = kinds[0];
        const body = (rule as Record<string, Record<string, unknown>>)[kind];
        if (kind !== "list" && kind !== "custom" && !body.operator) throw new HostError("InvalidArgument", `The ${kind} rule needs an operator`);
        if (kind === "custom" && !String(body.formula ?? "").startsWith("=")) throw new HostError("InvalidArgument", "A custom rule's formula starts with =");
        const created: MemoryValidation = { range: "", kind, rule: body, source: kind === "list" ? String(body.source ?? "") : "" };
        entry = created;
        ctx.enqueue({ dataValidation: rule }, () => {
          created.range = self.address_();
          checkWritable(self.worksheet.sheet(), created.range, "validation");
          self.worksheet.sheet().validations.push(created);
        });
      },
      get rule() {
        return entry ? ({ [entry.kind]: entry.rule }) : ({});
      },
      set prompt(prompt: MemoryValidation["prompt"]) {
        ctx.enqueue({ prompt }, withEntry("prompt", (v) => (v.prompt = prompt)));
      },
      get prompt() {
        return entry?.prompt;
      },
      set errorAlert(alert: MemoryValidation["errorAlert"]) {
        ctx.enqueue({ errorAlert: alert }, withEntry("error alert", (v) => (v.errorAlert = alert)));
      },
      get errorAlert() {
        return entry?.errorAlert;
      },
      set ignoreBlanks(value: boolean) {
        ctx.enqueue({ ignoreBlanks: value }, withEntry("ignoreBlanks", (v) => (v.ignoreBlanks = value)));
      },
      get ignoreBlanks() {
        return entry?.ignoreBlanks ?? true;
      },
    };
    this.conditionalFormats = { add: (type: string) => new ConditionalFormatProxy(ctx, this, type) };
  }

  /** The A1 address without sheet, at sync time. */
  address_(): string {
    if (this.fixedAddress !== null) return wholeColumns(this.fixedAddress);
    const box = this.usedBox();
    return box ? `${cell(box.top, box.left)}:${cell(box.bottom, box.right)}` : "A1";
  }

  /** The used cells (values and formulas, as `valuesOnly`), within `within` when set; null when none. */
  private usedBox(): { top: number; left: number; bottom: number; right: number } | null {
    const used = this.ctx.state.usedRange(this.worksheet.sheet());
    if (!used || this.within === null) return used;
    const bounds = parseRange(this.within);
    const box = { top: Math.max(used.top, bounds.top), left: Math.max(used.left, bounds.left), bottom: Math.min(used.bottom, bounds.bottom), right: Math.min(used.right, bounds.right) };
    return box.top > box.bottom || box.left > box.right ? null : box;
  }

  /** Range.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4): the used cells within this range, e.g. getRange("A:J"). */
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, this.worksheet, null, this.fixedAddress === null ? null : wholeColumns(this.fixedAddress));
  }

  protected read(property: string): unknown {
    const sheet = this.worksheet.sheet();
    if (property === "isNullObject") return this.fixedAddress === null && this.usedBox() === null;
    const address = this.address_();
    const { top, left, bottom, right } = parseRange(address);
    const grid = (f: (r: number, c: number) => unknown) => Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => f(top + i, left + j)));
    switch (property) {
      case "address":
        return `${sheetRef(sheet.name)}${address}`;
      case "rowIndex":
        return top - 1;
      case "columnIndex":
        return left - 1;
      case "rowCount":
        return bottom - top + 1;
      case "columnCount":
        return right - left + 1;
      case "values":
        return grid((r, c) => this.ctx.state.valueAt(sheet, r, c) ?? "");
      case "formulas":
        return grid((r, c) => {
          const cell = this.ctx.state.cell(sheet, r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return grid((r, c) => this.ctx.state.cell(sheet, r, c)?.numberFormat ?? "General");
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(rows: unknown[][]) {
    this.ctx.enqueue({ values: rows }, () => this.ctx.state.write(this.worksheet.sheet(), this.address_(), rows, "values"));
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(rows: unknown[][]) {
    this.ctx.enqueue({ formulas: rows }, () => this.ctx.state.write(this.worksheet.sheet(), this.address_(), rows, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(rows: unknown[][]) {
    this.ctx.enqueue({ numberFormat: rows }, () => this.ctx.state.write(this.worksheet.sheet(), this.address_(), rows, "numberFormat"));
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  select(): void {
    this.ctx.enqueue({ select: true }, () => (this.ctx.state.selected = { sheet: this.worksheet.sheet().name, address: this.address_() }));
  }
  /** Copy and paste (ExcelApi 1.9): a whole sheet onto a whole sheet (./copy), or a block of cells (./copy-cells). */
  copyFrom(source: RangeProxy | string, copyType = "All", skipBlanks = false, transpose = false): void {
    this.ctx.enqueue({ copyFrom: typeof source === "string" ? source : "range", copyType, skipBlanks, transpose }, () => {
      if (skipBlanks || transpose) throw new HostError("NotImplemented", "The in-memory host does not model copyFrom with skipBlanks or transpose");
      const [from, address] = typeof source === "string" ? this.resolve(source) : [source.worksheet.sheet(), source.address_()];
      const target = this.worksheet.sheet();
      if (address === WHOLE_SHEET && this.address_() === WHOLE_SHEET) this.ctx.state.copySheet(from, target, copyType);
      else this.ctx.state.copyCells(from, address, target, this.address_(), copyType);
    });
  }
  /** "A1:B2" on this range's sheet, or "'Blad 2'!A1:B2". */
  private resolve(address: string): [MemorySheet, string] {
    const bang = address.lastIndexOf("!");
    if (bang < 0) return [this.worksheet.sheet(), address.replace(/\$/g, "")];
    const name = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const sheet = this.ctx.state.sheet(name);
    if (!sheet) throw new HostError("ItemNotFound", `The sheet ${name} does not exist`);
    return [sheet, address.slice(bang + 1).replace(/\$/g, "")];
  }
  /** Whole rows ("43:44") inserted, shifting down (ExcelApi 1.1); references follow (see ./rows). */
  insert(shift: string): void {
    this.ctx.enqueue({ insert: shift }, () => this.moveRows(shift, "Down", 1));
  }
  /** Whole rows deleted, shifting up; references into them become #REF!. */
  delete(shift: string): void {
    this.ctx.enqueue({ delete: shift }, () => this.moveRows(shift, "Up", -1));
  }
  private moveRows(shift: string, expected: string, sign: 1 | -1): void {
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(this.address_());
    if (!rows || shift !== expected) throw new HostError("NotImplemented", `The in-memory host inserts and deletes whole rows only ("5:7", ${expected})`);
    const sheet = this.worksheet.sheet();
    if (sheet.protection.protected && !sheet.protection.options[sign > 0 ? "allowInsertRows" : "allowDeleteRows"]) throw new HostError("AccessDenied", `The sheet ${sheet.name} is protected`);
    const [top, bottom] = [Number(rows[1]), Number(rows[2])];
    this.ctx.state.moveRows(sheet, top, sign * (bottom - top + 1));
  }
  /** Cells holding constants (not formulas), as Excel's Go To Special. */
  getSpecialCellsOrNullObject(type: string): SpecialCellsProxy {
    return new SpecialCellsProxy(this.ctx, this, type);
  }
}

/** "A:J" as the cells it covers, "A1:J1048576"; any other address as it is. */
function wholeColumns(address: string): string {
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  return columns ? `${columns[1].toUpperCase()}1:${columns[2].toUpperCase()}1048576` : address.replace(/\$/g, "");
}

export class SpecialCellsProxy extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly range: RangeProxy,
    private readonly type: string,
  ) {
    super(ctx);
  }
  protected read(property: string): unknown {
    const sheet = this.range.worksheet.sheet();
    // Within the range it was asked of, as Excel: getRange("F:J") finds only cells in F to J.
    const { top, left, bottom, right } = parseRange(this.range.address_());
    const found: [number, number][] = [];
    for (const [k, entry] of sheet.cells) {
      const [r, c] = k.split(",").map(Number);
      if (r < top || r > bottom || c < left || c > right) continue;
      const isConstant = entry.formula === undefined && entry.value !== undefined;
      if (this.type === "Constants" ? isConstant : entry.formula !== undefined) found.push([r, c]);
    }
    if (property === "isNullObject") return found.length === 0;
    if (property === "address") return areas(found).map((a) => `${sheetRef(sheet.name)}${a}`).join(",");
    return undefined;
  }
  get address(): string {
    return this.loadedValue("address");
  }
}

export class RangeFormatProxy {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => { style: string } };
  readonly protection: RangeProtectionProxy;

  constructor(
    private readonly ctx: MemoryContext,
    private readonly range: RangeProxy,
  ) {
    const setter = (apply: (value: unknown) => CellFormat) => (value: unknown) =>
      ctx.enqueue({ format: value }, () => ctx.state.formatRange(range.worksheet.sheet(), range.address_(), apply(value)));
    this.font = setters({ bold: setter((v) => ({ bold: Boolean(v) })), italic: setter((v) => ({ italic: Boolean(v) })), size: setter((v) => ({ size: Number(v) })), color: setter((v) => ({ fontColor: String(v) })) });
    this.fill = setters({ color: setter((v) => ({ fill: String(v) })) });
    this.borders = {
      getItem: (edge: string) => setters({ style: setter((v) => (edge === "EdgeTop" ? { borderTop: String(v) } : { borderBottom: String(v) })) }) as { style: string },
    };
    this.protection = new RangeProtectionProxy(ctx, () => range.worksheet.sheet(), () => range.address_());
  }

  set wrapText(value: boolean) {
    this.ctx.enqueue({ wrapText: value }, () => this.ctx.state.formatRange(this.range.worksheet.sheet(), this.range.address_(), { wrap: value }));
  }
  set columnWidth(points: number) {
    this.ctx.enqueue({ columnWidth: points }, () => {
      checkWritable(this.range.worksheet.sheet(), this.range.address_(), "formatColumns");
      const { left, right } = parseRange(this.range.address_());
      for (let c = left; c <= right; c++) this.range.worksheet.sheet().columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.ctx.enqueue({ rowHeight: points }, () => {
      checkWritable(this.range.worksheet.sheet(), this.range.address_(), "formatRows");
      const { top, bottom } = parseRange(this.range.address_());
      for (let r = top; r <= bottom; r++) this.range.worksheet.sheet().rowHeights.set(r, points);
    });
  }
}

/** An object whose properties can only be set (each set queues an operation). */
export class ConditionalFormatProxy {
  readonly custom: { rule: Record<string, unknown>; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  constructor(ctx: MemoryContext, range: RangeProxy, type: string) {
    if (type !== "Custom") throw new HostError("InvalidArgument", `conditional format type ${type} is not supported here`);
    const entry = { range: "", formula: "", fill: "", fontColor: "" };
    ctx.enqueue({ conditionalFormat: type }, () => {
      entry.range = range.address_();
      checkWritable(range.worksheet.sheet(), entry.range, "formatCells");
      range.worksheet.sheet().conditionalFormats.push(entry);
    });
    const set = (field: "formula" | "fill" | "fontColor") => (value: unknown) => ctx.enqueue({ [field]: value }, () => (entry[field] = String(value)));
    this.custom = { rule: setters({ formula: set("formula") }), format: { fill: setters({ color: set("fill") }), font: setters({ color: set("fontColor") }) } };
  }
}

