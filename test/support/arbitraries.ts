import fc from "fast-check";
import { isoDate } from "../../src/core/dates";
import { MODELS, type Practice } from "../../src/core/types";

const date = (from: number, to: number) =>
  fc.record({ y: fc.integer({ min: from, max: to }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => isoDate(y, m, d));

/** A valid practice with dates around 2024–2029, AGB unique by index. */
export const practiceArb = (index: number): fc.Arbitrary<Practice> =>
  fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""),
      patients: fc.integer({ min: 0, max: 20000 }),
      model: fc.constantFrom(...MODELS),
      weeklyHours: fc.option(fc.integer({ min: 0, max: 4000 }).map((c) => c / 100), { nil: null }),
      startDate: fc.option(date(2023, 2029), { nil: null }),
      months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    })
    .map(({ name, patients, model, weeklyHours, startDate, months }) => {
      const start = startDate ?? "2023-01-01";
      const [y, m] = start.split("-").map(Number);
      const endDate = months === null ? null : isoDate(y, m + months, 28);
      return { name, agb: `01${String(index).padStart(6, "0")}`, location: "", patients, model, weeklyHours, startDate, endDate };
    });

export const practicesArb = (maxLength = 20): fc.Arbitrary<Practice[]> =>
  fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => practiceArb(i))));
