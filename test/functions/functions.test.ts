import fc from "fast-check";
import { CustomFunctionsError, installCustomFunctions } from "../support/custom-functions";
installCustomFunctions();
import * as fns from "../../src/functions/functions";
import { CHECK_FIGURES } from "./check-figures";

type Fn = (...args: unknown[]) => number;
const FUNCTIONS: Record<string, Fn> = {
  POH_HOURS_PER_NORMPRACTICE: fns.pohHoursPerNormpractice as Fn,
  POH_RENT: fns.pohRent as Fn,
  POH_OVERHEAD: fns.pohOverhead as Fn,
  POH_COMPENSATION: fns.pohCompensation as Fn,
  POH_SPLIT: fns.pohSplit as Fn,
};



function errorOf(call: () => unknown): CustomFunctionsError {
  try {
    call();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw e;
  }
  throw new Error("expected #VALUE!");
}

describe("custom functions", () => {
  it.each(CHECK_FIGURES)("%s(%j) gives %d", (id, args, expected) => {
    expect(FUNCTIONS[id](...args)).toBe(expected);
  });

  it("treats Dutch and English model names alike, in any case", () => {
    for (const model of ["BASIS", "basic", "Aanvullende huisartsenzorg", "additional", "Extra jeugdhulp"]) {
      expect(Number.isFinite(fns.pohCompensation(8, model))).toBe(true);
    }
    expect(fns.pohCompensation(8, "Basis")).toBe(0);
    expect(fns.pohSplit(100, 0.5, "Verzekeraar")).toBe(50);
  });

  it("reads text numbers with a decimal comma, as a Dutch user types them", () => {
    expect(fns.pohRent("8", "12,5")).toBe(4800);
    expect(fns.pohCompensation(8, "0,75")).toBe(4245);
  });

  it("treats an empty cell like an omitted argument", () => {
    expect(fns.pohRent(8, "", "", "")).toBe(3840);
  });

  it.each([
    [() => fns.pohRent(-8), "uren_per_week: mag niet negatief zijn (-8)"],
    [() => fns.pohRent("acht"), "uren_per_week: verwacht een getal, niet “acht”"],
    [() => fns.pohCompensation(8, "premium"), "model_of_percentage: onbekend model “premium”; kies basis, aanvullend, extra of een percentage van 0 tot 1"],
    [() => fns.pohCompensation(8, 1.5), "model_of_percentage: een percentage ligt tussen 0 en 1 (1.5)"],
    [() => fns.pohHoursPerNormpractice(null), "patienten ontbreekt"],
    [() => fns.pohHoursPerNormpractice(2350.5), "patienten: moet een geheel getal zijn (2350.5)"],
    [() => fns.pohRent(8, null, null, 13), "maanden_actief: mag niet groter zijn dan 12 (13)"],
    [() => fns.pohOverhead(8, "misschien"), "eerste_jaar: verwacht WAAR of ONWAAR, niet “misschien”"],
    [() => fns.pohSplit(100, 0.5, "provincie"), "deel: onbekend deel “provincie”; kies gemeente of verzekeraar"],
    [() => fns.pohHoursPerNormpractice(2350, null, 0), "normpraktijk: moet groter dan 0 zijn (0)"],
    [() => fns.pohRent(true), "uren_per_week: verwacht een getal, niet WAAR/ONWAAR"],
  ])("refuses bad input with #VALUE! and a Dutch message naming the argument (%#)", (call, text) => {
    const error = errorOf(call);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(text);
  });

  it("speaks English when Office's display language is English", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "en-GB" } };
    try {
      expect(errorOf(() => fns.pohRent(-1)).message).toBe("weekly_hours: must not be negative (-1)");
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

/** Anything Excel can pass for one argument. */
const excelValue = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-12, Number.MAX_SAFE_INTEGER, 12, 0.5, 1, 8),
  fc.string(),
  fc.constantFrom("", " ", "8", "8,5", "1.234,56", "extra", "Basis", "insurer", "WAAR", "ONWAAR", "1e400", "NaN", "-0"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe("custom functions on any input (properties)", () => {
  it.each(Object.keys(FUNCTIONS))("%s returns a finite number or throws #VALUE! with a message", (id) => {
    fc.assert(
      fc.property(fc.array(excelValue, { minLength: 1, maxLength: 4 }), (args) => {
        try {
          const result = FUNCTIONS[id](...args);
          expect(typeof result).toBe("number");
          expect(Number.isFinite(result)).toBe(true);
          expect(Math.round(result * 100) / 100).toBe(result);
        } catch (e) {
          expect(e).toBeInstanceOf(CustomFunctionsError);
          expect((e as CustomFunctionsError).code).toBe("#VALUE!");
          expect((e as CustomFunctionsError).message).toMatch(/^[a-z_]+[: ]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("gives a compensation never above the overhead it compensates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16800 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 12 }), (h, rate, first, months) => {
        const weekly = h / 100;
        expect(fns.pohCompensation(weekly, rate, first, months)).toBeLessThanOrEqual(fns.pohOverhead(weekly, first, months));
      }),
    );
  });

  it("rounds an amount with sub-cent decimals to cents before splitting (found by fuzzing)", () => {
    expect(fns.pohSplit(5e-324, 0, "insurer")).toBe(0);
    expect(fns.pohSplit(10000.004, 0.5, "insurer") + fns.pohSplit(10000.004, 0.5)).toBe(10000);
  });

  it("splits any amount into two parts that add up to the cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 1000 }), (c, s) => {
        const amount = c / 100;
        const share = s / 1000;
        const m = Math.round(fns.pohSplit(amount, share, "gemeente") * 100);
        const i = Math.round(fns.pohSplit(amount, share, "verzekeraar") * 100);
        expect(m + i).toBe(c);
      }),
    );
  });
});
