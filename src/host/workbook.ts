/** The workbook of the in-memory host: sheets, names, settings and the application. */
import { Proxy } from "./base";
import type { MemoryContext } from "./context";
import { HostError } from "./state";
import { WorksheetProxy } from "./worksheet";

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
    this.ctx.enqueue({ calculationMode: mode }, () => {
      this.ctx.host.calculationModeSets++;
      this.ctx.state.calculationMode = mode;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({ suspendScreenUpdating: true }, () => this.ctx.host.screenUpdatingSuspended++);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ suspendApiCalculation: true }, () => this.ctx.host.calculationSuspendedSyncs.push(this.ctx.host.syncs.length));
  }
}

export class WorksheetCollectionProxy extends Proxy {
  private itemsCache: WorksheetProxy[] | null = null;
  protected beforeLoad(): void {
    this.itemsCache = null;
  }
  protected read(property: string): unknown {
    if (property.startsWith("items")) {
      this.itemsCache ??= this.ctx.state.sheets.map((s) => WorksheetProxy.loadedFrom(this.ctx, s));
      // "items/protection/protected": each item's protection is loaded with it, as in Office.js.
      const nested = /^items\/protection\/(\w+)$/.exec(property);
      if (nested) for (const item of this.itemsCache) item.protection.preload(nested[1]);
    }
    return property === "isNullObject" ? false : true;
  }
  get items(): WorksheetProxy[] {
    this.loadedValue("items/name");
    return this.itemsCache ?? [];
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

export class NamesProxy extends Proxy {
  private names: { name: string; formula: string }[] = [];
  protected read(property: string): unknown {
    if (property.startsWith("items")) this.names = [...this.ctx.state.names].map(([name, ref]) => ({ name, formula: `=${ref}` }));
    return property === "isNullObject" ? false : true;
  }
  get items(): { name: string; formula: string }[] {
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
  /** A NamedItem: `delete()`, and `formula` to point it elsewhere (ExcelApi 1.7) while formulas that use it keep it. */
  getItem(name: string): { delete: () => void; formula: string } {
    const ctx = this.ctx;
    const existing = () => {
      const key = [...ctx.state.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
      if (key === undefined) throw new HostError("ItemNotFound", `The name “${name}” does not exist`);
      return key;
    };
    return {
      delete: () =>
        ctx.enqueue({ deleteName: name }, () => {
          ctx.state.names.delete(existing());
          ctx.state.namesChanged();
        }),
      set formula(formula: string) {
        ctx.enqueue({ nameFormula: name, formula }, () => {
          ctx.state.names.set(existing(), formula.startsWith("=") ? formula.slice(1) : formula);
          ctx.state.namesChanged();
        });
      },
      get formula(): string {
        throw new HostError("PropertyNotLoaded", "Load the names' items/formula to read a formula");
      },
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


