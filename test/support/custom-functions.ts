/**
 * A stand-in for Excel's `CustomFunctions` global: the error class Excel shows as #VALUE!
 * with its message, and `associate` recording what a functions script registers.
 */
export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export type Registered = Map<string, (...args: unknown[]) => unknown>;

export function fakeCustomFunctions(registry: Registered = new Map()) {
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    associate: (id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) => {
      if (typeof id === "string" && fn) registry.set(id, fn);
      else if (typeof id === "object") for (const [k, f] of Object.entries(id)) registry.set(k, f);
    },
    registry,
  };
}

/** Installs the stand-in as a global, for tests that import src/functions directly. */
export function installCustomFunctions(): Registered {
  const fake = fakeCustomFunctions();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = fake;
  return fake.registry;
}
