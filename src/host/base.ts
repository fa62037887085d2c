/** The base of the in-memory host's proxies: queued operations, and load before read. */
import { HostError } from "./state";
import type { MemoryContext } from "./context";

export interface Operation {
  /** What the operation would weigh in an Office.js request (its JSON). */
  bytes: number;
  run: () => void;
}

export abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: MemoryContext) {}

  /** Reads a property's current value in the state (at sync time). */
  protected abstract read(property: string): unknown;

  load(properties?: string | string[] | { select?: string }): this {
    const list = typeof properties === "string" ? properties.split(",") : Array.isArray(properties) ? properties : (properties?.select ?? "").split(",");
    const names = list.map((p) => p.trim()).filter((p) => p !== "");
    this.ctx.enqueue({ load: names }, () => {
      this.beforeLoad();
      const read: Record<string, unknown> = {};
      for (const name of names.length ? names : this.defaultProperties()) this.loaded.set(name, (read[name] = this.read(name)));
      this.loaded.set("isNullObject", this.read("isNullObject"));
      this.ctx.respond(read);
    });
    return this;
  }

  /** Runs at sync time before a load reads its properties (a collection makes its items anew). */
  protected beforeLoad(): void {}

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

export function setters(map: Record<string, (value: unknown) => void>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [name, set] of Object.entries(map)) Object.defineProperty(target, name, { set, get: () => undefined, enumerable: true });
  return target;
}

