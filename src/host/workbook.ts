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


