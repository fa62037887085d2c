/**
 * Client objects of the in-memory host, shaped like the Office.js subset the renderer uses:
 * setting a property or calling a method queues an operation; `context.sync()` runs the queue
 * in order; a property can be read only after `load` and `sync`, as in Office.js.
 */
import { cell, parseRange, sheetRef } from "../workbook/a1";
import { HostError, type CellFormat, type MemorySheet, type MemoryWorkbook } from "./state";
import type { MemoryExcel } from "./memory-excel";

export interface Operation {
  /** What the operation would weigh in an Office.js request (its JSON). */
  bytes: number;
  run: () => void;
}

export class MemoryContext {
  readonly queue: Operation[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly host: MemoryExcel) {
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
abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: MemoryContext) {}

  /** Reads a property's current value in the state (at sync time). */
  protected abstract read(property: string): unknown;

  load(properties?: string | string[] | { select?: string }): this {
    const list = typeof properties === "string" ? properties.split(",") : Array.isArray(properties) ? properties : (properties?.select ?? "").split(",");
    const names = list.map((p) => p.trim()).filter((p) => p !== "");
    this.ctx.enqueue({ load: names }, () => {
      for (const name of names.length ? names : this.defaultProperties()) this.loaded.set(name, this.read(name));
      this.loaded.set("isNullObject", this.read("isNullObject"));
    });
    return this;
  }

  protected defaultProperties(): string[] {
    return [];
  }

  /** Marks a property as loaded (collections hand out items whose names are loaded). */
  setLoaded(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new HostError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(property) as T;
  }

  get isNullObject(): boolean {
    return this.loadedValue<boolean>("isNullObject");
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamesProxy;
  readonly settings: SettingsProxy;
  readonly application: ApplicationProxy;

  constructor(ctx: MemoryContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamesProxy(ctx);
    this.settings = new SettingsProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
}

export class ApplicationProxy extends Proxy {
  protected read(property: string): unknown {
    return property === "calculationMode" ? this.ctx.state.calculationMode : property === "isNullObject" ? false : undefined;
  }
  get calculationMode(): string {
    return this.loadedValue("calculationMode");
  }
  set calculationMode(mode: string) {
    this.ctx.enqueue({ calculationMode: mode }, () => (this.ctx.state.calculationMode = mode));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({ suspendScreenUpdating: true }, () => this.ctx.host.screenUpdatingSuspended++);
  }
}

export class WorksheetCollectionProxy extends Proxy {
  private itemsCache: WorksheetProxy[] = [];
  protected read(property: string): unknown {
    if (property.startsWith("items")) this.itemsCache = this.ctx.state.sheets.map((s) => WorksheetProxy.loadedFrom(this.ctx, s));
    return property === "isNullObject" ? false : true;
  }
  get items(): WorksheetProxy[] {
    this.loadedValue("items/name");
    return this.itemsCache;
  }
  add(name: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name) ?? null);
    this.ctx.enqueue({ addWorksheet: name }, () => {
      const sheet = this.ctx.state.addSheet(name);
      proxy.bind(sheet);
    });
    return proxy;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name) ?? null, name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name) ?? null);
  }
}

export class WorksheetProxy extends Proxy {
  private bound: MemorySheet | null = null;
  readonly freezePanes = { freezeRows: (n: number) => this.ctx.enqueue({ freezeRows: n }, () => (this.sheet().frozenRows = n)) };
  readonly pageLayout: { orientation: string; zoom: { horizontalFitToPages?: number } };
  readonly charts: ChartsProxy;

  constructor(
    ctx: MemoryContext,
    private readonly find: () => MemorySheet | null,
    /** Set for getItem: a missing sheet is an error at sync, not a null object. */
    private readonly requiredName?: string,
  ) {
    super(ctx);
    const self = this;
    this.pageLayout = {
      set orientation(value: string) {
        ctx.enqueue({ orientation: value }, () => (self.sheet().orientation = value));
      },
      get orientation(): string {
        return self.sheet().orientation;
      },
      set zoom(value: { horizontalFitToPages?: number }) {
        ctx.enqueue({ zoom: value }, () => (self.sheet().fitToWidth = value.horizontalFitToPages === 1));
      },
      get zoom() {
        return { horizontalFitToPages: self.sheet().fitToWidth ? 1 : undefined };
      },
    };
    this.charts = new ChartsProxy(ctx, () => this.sheet());
  }

  static loadedFrom(ctx: MemoryContext, sheet: MemorySheet): WorksheetProxy {
    const proxy = new WorksheetProxy(ctx, () => sheet);
    proxy.bind(sheet);
    proxy.preload(sheet);
    return proxy;
  }

  private preload(sheet: MemorySheet): void {
    this.setLoaded("name", sheet.name);
    this.setLoaded("position", this.ctx.state.sheets.indexOf(sheet));
    this.setLoaded("isNullObject", false);
  }

  bind(sheet: MemorySheet): void {
    this.bound = sheet;
  }

  /** The sheet this proxy stands for, at sync time. */
  sheet(): MemorySheet {
    const sheet = this.bound ?? this.find();
    if (!sheet) throw new HostError("ItemNotFound", `The worksheet “${this.requiredName ?? "?"}” does not exist`);
    this.bound = sheet;
    return sheet;
  }

  protected read(property: string): unknown {
    const sheet = this.bound ?? this.find();
    if (property === "isNullObject") return sheet === null;
    if (!sheet) {
      if (this.requiredName) throw new HostError("ItemNotFound", `The worksheet “${this.requiredName}” does not exist`);
      return undefined;
    }
    this.bound = sheet;
    if (property === "name") return sheet.name;
    if (property === "position") return this.ctx.state.sheets.indexOf(sheet);
    if (property === "visibility") return "Visible";
    return undefined;
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.ctx.enqueue({ rename: name }, () => this.ctx.state.renameSheet(this.sheet(), name));
  }
  get position(): number {
    return this.loadedValue("position");
  }
  set position(position: number) {
    this.ctx.enqueue({ position }, () => this.ctx.state.moveSheet(this.sheet(), position));
  }
  delete(): void {
    this.ctx.enqueue({ deleteWorksheet: true }, () => this.ctx.state.deleteSheet(this.sheet()));
  }
  activate(): void {
    this.ctx.enqueue({ activate: true }, () => (this.ctx.state.active = this.sheet().name));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, address ?? "A1");
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, this, null);
  }
}

export class RangeProxy extends Proxy {
  readonly format: RangeFormatProxy;
  readonly dataValidation: { rule: unknown; prompt: unknown };
  readonly conditionalFormats: { add: (type: string) => ConditionalFormatProxy };

  constructor(
    ctx: MemoryContext,
    readonly worksheet: WorksheetProxy,
    /** null = the used range, resolved at sync time. */
    private readonly fixedAddress: string | null,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        const list = (rule as { list?: { source: string } }).list;
        ctx.enqueue({ dataValidation: rule }, () => self.worksheet.sheet().validations.push({ range: self.address_(), source: list?.source ?? "" }));
      },
      get rule() {
        return undefined;
      },
      set prompt(prompt: unknown) {
        ctx.enqueue({ prompt }, () => undefined);
      },
      get prompt() {
        return undefined;
      },
    };
    this.conditionalFormats = { add: (type: string) => new ConditionalFormatProxy(ctx, this, type) };
  }

  /** The A1 address without sheet, at sync time. */
  address_(): string {
    if (this.fixedAddress !== null) return this.fixedAddress;
    const box = this.ctx.state.usedRange(this.worksheet.sheet());
    return box ? `${cell(box.top, box.left)}:${cell(box.bottom, box.right)}` : "A1";
  }

  protected read(property: string): unknown {
    const sheet = this.worksheet.sheet();
    if (property === "isNullObject") return this.fixedAddress === null && this.ctx.state.usedRange(sheet) === null;
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
  /** Cells holding constants (not formulas), as Excel's Go To Special. */
  getSpecialCellsOrNullObject(type: string): SpecialCellsProxy {
    return new SpecialCellsProxy(this.ctx, this, type);
  }
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
    const cells: string[] = [];
    for (const [k, entry] of sheet.cells) {
      const isConstant = entry.formula === undefined && entry.value !== undefined;
      if (this.type === "Constants" ? isConstant : entry.formula !== undefined) {
        const [r, c] = k.split(",").map(Number);
        cells.push(cell(r, c));
      }
    }
    if (property === "isNullObject") return cells.length === 0;
    if (property === "address") return cells.map((c) => `${sheetRef(sheet.name)}${c}`).join(",");
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
  }

  set wrapText(value: boolean) {
    this.ctx.enqueue({ wrapText: value }, () => this.ctx.state.formatRange(this.range.worksheet.sheet(), this.range.address_(), { wrap: value }));
  }
  set columnWidth(points: number) {
    this.ctx.enqueue({ columnWidth: points }, () => {
      const { left, right } = parseRange(this.range.address_());
      for (let c = left; c <= right; c++) this.range.worksheet.sheet().columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.ctx.enqueue({ rowHeight: points }, () => {
      const { top, bottom } = parseRange(this.range.address_());
      for (let r = top; r <= bottom; r++) this.range.worksheet.sheet().rowHeights.set(r, points);
    });
  }
}

/** An object whose properties can only be set (each set queues an operation). */
function setters(map: Record<string, (value: unknown) => void>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [name, set] of Object.entries(map)) Object.defineProperty(target, name, { set, get: () => undefined, enumerable: true });
  return target;
}

export class ConditionalFormatProxy {
  readonly custom: { rule: Record<string, unknown>; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  constructor(ctx: MemoryContext, range: RangeProxy, type: string) {
    if (type !== "Custom") throw new HostError("InvalidArgument", `conditional format type ${type} is not supported here`);
    const entry = { range: "", formula: "", fill: "", fontColor: "" };
    ctx.enqueue({ conditionalFormat: type }, () => {
      entry.range = range.address_();
      range.worksheet.sheet().conditionalFormats.push(entry);
    });
    const set = (field: "formula" | "fill" | "fontColor") => (value: unknown) => ctx.enqueue({ [field]: value }, () => (entry[field] = String(value)));
    this.custom = { rule: setters({ formula: set("formula") }), format: { fill: setters({ color: set("fill") }), font: setters({ color: set("fontColor") }) } };
  }
}

export class ChartsProxy {
  constructor(
    private readonly ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
  ) {}
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const entry = { type, source: "", seriesBy, title: "" };
    this.ctx.enqueue({ addChart: type }, () => {
      entry.source = `${sheetRef(source.worksheet.sheet().name)}${source.address_()}`;
      this.sheet().charts.push(entry);
    });
    return new ChartProxy(this.ctx, entry);
  }
}

export class ChartProxy {
  readonly title: Record<string, unknown>;
  readonly series: { getItemAt: (i: number) => SeriesProxy; add: (name: string) => SeriesProxy };
  constructor(ctx: MemoryContext, entry: { title: string; source: string }) {
    this.title = setters({ text: (v) => ctx.enqueue({ title: v }, () => (entry.title = String(v))) });
    const series = (name?: string): SeriesProxy => {
      const proxy: SeriesProxy = {
        set name(v: string) {
          ctx.enqueue({ seriesName: v }, () => undefined);
        },
        get name() {
          return name ?? "";
        },
        setValues: (range: RangeProxy) => ctx.enqueue({ setValues: true }, () => (entry.source += `;${sheetRef(range.worksheet.sheet().name)}${range.address_()}`)),
        setXAxisValues: (range: RangeProxy) => ctx.enqueue({ setXAxisValues: true }, () => void range.address_()),
      };
      return proxy;
    };
    this.series = { getItemAt: () => series(), add: (name: string) => (ctx.enqueue({ addSeries: name }, () => undefined), series(name)) };
  }
  setPosition(start: string, end?: string): void {
    void start;
    void end;
  }
}

export interface SeriesProxy {
  name: string;
  setValues(range: RangeProxy): void;
  setXAxisValues(range: RangeProxy): void;
}

export class NamesProxy extends Proxy {
  private names: { name: string }[] = [];
  protected read(property: string): unknown {
    if (property.startsWith("items")) this.names = [...this.ctx.state.names.keys()].map((name) => ({ name }));
    return property === "isNullObject" ? false : true;
  }
  get items(): { name: string }[] {
    this.loadedValue("items/name");
    return this.names;
  }
  add(name: string, reference: string): void {
    this.ctx.enqueue({ addName: name, reference }, () => {
      if ([...this.ctx.state.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new HostError("ItemAlreadyExists", `The name “${name}” already exists`);
      this.ctx.state.names.set(name, reference.startsWith("=") ? reference.slice(1) : reference);
      this.ctx.state.namesChanged();
    });
  }
  getItem(name: string): { delete: () => void } {
    return {
      delete: () =>
        this.ctx.enqueue({ deleteName: name }, () => {
          if (!this.ctx.state.names.delete(name)) throw new HostError("ItemNotFound", `The name “${name}” does not exist`);
          this.ctx.state.namesChanged();
        }),
    };
  }
}

export class SettingsProxy {
  constructor(private readonly ctx: MemoryContext) {}
  add(key: string, value: unknown): void {
    this.ctx.enqueue({ setting: key, value }, () => this.ctx.state.settings.set(key, JSON.stringify(value)));
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.ctx, key);
  }
}

export class SettingProxy extends Proxy {
  constructor(
    ctx: MemoryContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected read(property: string): unknown {
    const raw = this.ctx.state.settings.get(this.key);
    if (property === "isNullObject") return raw === undefined;
    return property === "value" && raw !== undefined ? JSON.parse(raw) : undefined;
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
}

