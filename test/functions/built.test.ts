/**
 * The built dist/functions.js loaded the way Excel loads it: a plain script in a context
 * that has a `CustomFunctions` global, registering each id with `CustomFunctions.associate`.
 */
import vm from "vm";
import { CustomFunctionsError, fakeCustomFunctions, type Registered } from "../support/custom-functions";
import { distFile } from "../support/dist";
import { CHECK_FIGURES } from "./check-figures";

function loadBuiltFunctions(): Registered {
  const registry: Registered = new Map();
  const context = vm.createContext({ CustomFunctions: fakeCustomFunctions(registry), console });
  vm.runInContext(distFile("functions.js"), context, { filename: "functions.js" });
  return registry;
}

describe("dist/functions.js as Excel loads it", () => {
  const registry = loadBuiltFunctions();

  it("registers exactly the five ids of functions.json", () => {
    const ids = (JSON.parse(distFile("functions.json")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect([...registry.keys()].sort()).toEqual([...ids].sort());
    expect(ids.sort()).toEqual(["POH_COMPENSATION", "POH_HOURS_PER_NORMPRACTICE", "POH_OVERHEAD", "POH_RENT", "POH_SPLIT"]);
  });

  it.each(CHECK_FIGURES)("%s(%j) gives %d", (id, args, expected) => {
    expect(registry.get(id)!(...args)).toBe(expected);
  });

  it.each([
    ["POH_RENT", [-8]],
    ["POH_COMPENSATION", [8, "premium"]],
    ["POH_COMPENSATION", [8, 1.5]],
    ["POH_HOURS_PER_NORMPRACTICE", ["veel"]],
    ["POH_SPLIT", [100, 2]],
    ["POH_OVERHEAD", [null]],
  ])("refuses %s(%j) with #VALUE! and a message", (id, args) => {
    let caught: unknown;
    try {
      registry.get(id)!(...args);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CustomFunctionsError);
    expect((caught as CustomFunctionsError).code).toBe("#VALUE!");
    expect((caught as CustomFunctionsError).message.length).toBeGreaterThan(10);
  });
});

describe("functions-nl.json", () => {
  type Meta = { functions: { id: string; name: string; description: string; parameters: { name: string; type: string; optional?: boolean; description: string }[]; result: unknown }[] };
  const en = JSON.parse(distFile("functions.json")) as Meta;
  const nl = JSON.parse(distFile("functions-nl.json")) as Meta;

  it("has the same ids, in the same order, as functions.json", () => {
    expect(nl.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  });

  it("matches functions.json parameter for parameter (count, type, optional) with Dutch names", () => {
    en.functions.forEach((fn, i) => {
      const dutch = nl.functions[i];
      expect(dutch.parameters.map((p) => [p.type, p.optional ?? false])).toEqual(fn.parameters.map((p) => [p.type, p.optional ?? false]));
      expect(dutch.result).toEqual(fn.result);
      for (const p of dutch.parameters) expect(p.description).not.toBe("");
      expect(dutch.description).not.toBe(fn.description);
    });
    expect(nl.functions.map((f) => f.name)).toEqual(["POH_UREN_PER_NORMPRAKTIJK", "POH_HUUR", "POH_OVERHEAD", "POH_COMPENSATIE", "POH_VERDELING"]);
  });
});
