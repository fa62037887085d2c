/** Worksheets and charts of the in-memory host. */
import { parseRange, sheetRef } from "../workbook/a1";
import { Proxy, setters } from "./base";
import type { MemoryContext } from "./context";
import { WHOLE_SHEET } from "./copy";
import { checkWritable } from "./protection";
import { WorksheetProtectionProxy } from "./protection-proxy";
import { pageBreaksProxy, pageLayoutProxy, pageSetupOf } from "./page-layout";
import { RangeProxy } from "./range";
import { HostError, type MemorySheet } from "./state";

export class WorksheetProxy extends Proxy {
  private bound: MemorySheet | null = null;
  readonly freezePanes = {
    freezeRows: (n: number) => this.ctx.enqueue({ freezeRows: n }, () => this.freeze(n, 0)),
    /** FreezePanes.freezeAt (ExcelApi 1.7): the rows and columns of the range from A1 stay in view. */
    freezeAt: (range: string) =>
      this.ctx.enqueue({ freezeAt: range }, () => {
        const { bottom, right } = parseRange(range);
        this.freeze(bottom, right);
      }),
    unfreeze: () => this.ctx.enqueue({ unfreeze: true }, () => this.freeze(0, 0)),
  };
  readonly pageLayout: ReturnType<typeof pageLayoutProxy>;
  readonly verticalPageBreaks: ReturnType<typeof pageBreaksProxy>;
  readonly charts: ChartsProxy;
  readonly protection: WorksheetProtectionProxy;

  constructor(
    ctx: MemoryContext,
    private readonly find: () => MemorySheet | null,
    /** Set for getItem: a missing sheet is an error at sync, not a null object. */
    private readonly requiredName?: string,
  ) {
    super(ctx);
    this.pageLayout = pageLayoutProxy(ctx, () => this.sheet());
    this.verticalPageBreaks = pageBreaksProxy(ctx, () => this.sheet());
    this.charts = new ChartsProxy(ctx, () => this.sheet());
    this.protection = new WorksheetProtectionProxy(ctx, () => this.sheet());
  }

  private freeze(rows: number, columns: number): void {
    this.sheet().frozenRows = rows;
    pageSetupOf(this.sheet()).frozenColumns = columns;
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
  /** Worksheet.calculate (ExcelApi 1.6): the host calculates on every read, so this only records which sheets were asked. */
  calculate(markAllDirty: boolean): void {
    this.ctx.enqueue({ calculate: markAllDirty }, () => this.ctx.host.calculatedSheets.push(this.sheet().name));
  }
  activate(): void {
    this.ctx.enqueue({ activate: true }, () => (this.ctx.state.active = this.sheet().name));
  }
  getRange(address?: string): RangeProxy {
    // Without an address, the entire sheet, as in Office.js.
    return new RangeProxy(this.ctx, this, address ?? WHOLE_SHEET);
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, this, null);
  }
}

export class ChartsProxy extends Proxy {
  private itemsCache: ChartProxy[] = [];
  constructor(
    ctx: MemoryContext,
    private readonly sheet: () => MemorySheet,
  ) {
    super(ctx);
  }
  protected read(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property === "count") return this.sheet().charts.length;
    if (property.startsWith("items")) this.itemsCache = this.sheet().charts.map((entry) => new ChartProxy(this.ctx, entry, this.sheet));
    return true;
  }
  get items(): ChartProxy[] {
    this.loadedValue("items/name");
    return this.itemsCache;
  }
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const entry = { type, source: "", seriesBy, title: "" };
    this.ctx.enqueue({ addChart: type }, () => {
      checkWritable(this.sheet(), source.address_(), "objects");
      entry.source = `${sheetRef(source.worksheet.sheet().name)}${source.address_()}`;
      this.sheet().charts.push(entry);
    });
    return new ChartProxy(this.ctx, entry, this.sheet);
  }
}

/** What the renderer sets on a chart beyond its state entry: the value axis and each series' name and type. */
export interface ChartDetails {
  valueAxisMinimum?: number;
  valueAxisTitle?: string;
  series: { name: string; chartType?: string; markerStyle?: string }[];
}
const chartDetails = new WeakMap<object, ChartDetails>();
/** @example chartDetailsOf(host.state.sheet("Meerjarenraming")!.charts[0]).valueAxisMinimum // 0 */
export function chartDetailsOf(entry: MemorySheet["charts"][number]): ChartDetails {
  let details = chartDetails.get(entry);
  if (!details) chartDetails.set(entry, (details = { series: [] }));
  return details;
}

export class ChartProxy {
  readonly title: Record<string, unknown>;
  readonly axes: { valueAxis: { minimum: unknown; title: Record<string, unknown> } };
  readonly series: { getItemAt: (i: number) => SeriesProxy; add: (name: string) => SeriesProxy };
  constructor(
    private readonly ctx: MemoryContext,
    private readonly entry: MemorySheet["charts"][number],
    private readonly sheet: () => MemorySheet,
  ) {
    this.title = setters({ text: (v) => ctx.enqueue({ title: v }, () => (entry.title = String(v))) });
    const details = () => chartDetailsOf(entry);
    const valueAxis = setters({ minimum: (v) => ctx.enqueue({ minimum: v }, () => (details().valueAxisMinimum = Number(v))) }) as { minimum: unknown; title: Record<string, unknown> };
    valueAxis.title = setters({ text: (v) => ctx.enqueue({ axisTitle: v }, () => (details().valueAxisTitle = String(v))) });
    this.axes = { valueAxis };
    const series = (index: number, name?: string): SeriesProxy => {
      const at = () => (details().series[index] ??= { name: name ?? "" });
      const proxy: SeriesProxy = {
        set name(v: string) {
          ctx.enqueue({ seriesName: v }, () => (at().name = v));
        },
        get name() {
          return name ?? "";
        },
        set chartType(v: string) {
          ctx.enqueue({ chartType: v }, () => (at().chartType = v));
        },
        set markerStyle(v: string) {
          ctx.enqueue({ markerStyle: v }, () => (at().markerStyle = v));
        },
        setValues: (range: RangeProxy) => ctx.enqueue({ setValues: true }, () => (entry.source += `;${sheetRef(range.worksheet.sheet().name)}${range.address_()}`)),
        setXAxisValues: (range: RangeProxy) => ctx.enqueue({ setXAxisValues: true }, () => void range.address_()),
      };
      return proxy;
    };
    let count = 1;
    const add = (name: string): SeriesProxy => {
      const index = count++;
      ctx.enqueue({ addSeries: name }, () => void (details().series[index] ??= { name }));
      return series(index, name);
    };
    this.series = { getItemAt: (i: number) => series(i), add };
  }
  /** Chart.delete (ExcelApi 1.1); refused on a protected sheet unless objects may be edited. */
  delete(): void {
    this.ctx.enqueue({ deleteChart: true }, () => {
      const charts = this.sheet().charts;
      const at = charts.indexOf(this.entry);
      if (at < 0) throw new HostError("ItemNotFound", "The chart does not exist");
      checkWritable(this.sheet(), "A1", "objects");
      charts.splice(at, 1);
    });
  }
  setPosition(start: string, end?: string): void {
    void start;
    void end;
  }
}

export interface SeriesProxy {
  name: string;
  chartType: string;
  markerStyle: string;
  setValues(range: RangeProxy): void;
  setXAxisValues(range: RangeProxy): void;
}

