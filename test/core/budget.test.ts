import fc from "fast-check";
import { forecast, budgetYear, TOTAL_KEYS } from "../../src/core/budget";
import { Dec, sum } from "../../src/core/decimal";
import { activeMonthSpan } from "../../src/core/rules";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { practicesArb } from "../support/arbitraries";

/** The VPG worked example (VPG ch. 14): one practice, 8 h a week, model Aanvullend. */
const vpgExample: Practice = {
  name: "Voorbeeldpraktijk",
  agb: "01000001",
  location: "Spijkenisse",
  patients: 4700,
  model: "aanvullend",
  weeklyHours: 8,
  startDate: "2025-01-01",
  endDate: null,
};

const covers = (line: { practice: Practice; year: number }, month: number) => {
  const span = activeMonthSpan(line.practice.startDate, line.practice.endDate, line.year);
  return span !== null && span.first <= month && month <= span.last;
};

describe("budgetYear", () => {
  it("reproduces the VPG worked example: €5,660 overhead, €2,830 compensation in the first year", () => {
    const [first, second] = forecast(SCHEMES.vpg.params, [vpgExample], 2025, 2);
    const line = first.lines[0];
    expect(line.annualHours.toFixed(2)).toBe("384.00");
    expect(line.onboarding.toFixed(2)).toBe("1320.00");
    expect(line.rent.toFixed(2)).toBe("3840.00");
    expect(line.his.toFixed(2)).toBe("350.00");
    expect(line.insurance.toFixed(2)).toBe("150.00");
    expect(line.overhead.toFixed(2)).toBe("5660.00");
    expect(line.compensation.toFixed(2)).toBe("2830.00");
    expect(line.formationCost.toFixed(2)).toBe("20160.00");
    expect(line.municipalityPart.toFixed(2)).toBe("20160.00");
    expect(line.payoutDue).toBe("2025-05-01");
    expect(second.lines[0].overhead.toFixed(2)).toBe("4340.00");
    expect(second.lines[0].compensation.toFixed(2)).toBe("2170.00");
  });

  it("falls back to the normpraktijk rule when the weekly hours are blank", () => {
    const line = budgetYear(SCHEMES.flevoland.params, [{ ...vpgExample, weeklyHours: null, patients: 3525 }], 2025, 2025).lines[0];
    expect(line.weeklyHours.toFixed(2)).toBe("6.00");
    expect(line.municipalityPart.plus(line.insurerPart).toFixed(2)).toBe(line.formationCost.toFixed(2));
  });

  it("redistributes the NOP 46 hours when practices are entitled to more", () => {
    const practices = Array.from({ length: 12 }, (_, i) => ({ ...vpgExample, agb: `0100000${i}`, weeklyHours: null, patients: 2350 }));
    const scheme = withParameters(SCHEMES.flevoland, { capacityHours: "46" });
    const year = budgetYear(scheme.params, practices, 2025, 2025);
    expect(year.entitledHoursTotal.toFixed(2)).toBe("48.00");
    expect(year.lines[0].weeklyHours.toFixed(2)).toBe("3.83");
    expect(year.totals.weeklyHours.lte(46)).toBe(true);
  });

  it("indexes later years: wage index on the hourly cost, price index on the rest", () => {
    const scheme = withParameters(SCHEMES.vpg, { wageIndex: ["0.03944"], priceIndex: ["0.02"] });
    const [, next] = forecast(scheme.params, [vpgExample], 2025, 2);
    expect(next.rates.hourlyCost.toFixed(2)).toBe("54.57");
    expect(next.lines[0].rent.toFixed(2)).toBe("3916.80"); // 384 h × €10.20
    expect(next.lines[0].his.toFixed(2)).toBe("357.00");
    expect(next.lines[0].formationCost.toFixed(2)).toBe("20954.88"); // 384 h × €54.57
  });
});

describe("budget invariants (properties)", () => {
  const schemes = [SCHEMES.vpg.params, SCHEMES.flevoland.params, withParameters(SCHEMES.flevoland, { capacityHours: "46" }).params];

  it("adds up to the cent: totals are sums of lines, parts sum to the formation cost", () => {
    fc.assert(
      fc.property(practicesArb(), fc.constantFrom(...schemes), fc.integer({ min: 2024, max: 2028 }), (practices, params, year) => {
        const budget = budgetYear(params, practices, year, year);
        for (const key of TOTAL_KEYS) expect(budget.totals[key].eq(sum(budget.lines.map((l) => l[key])))).toBe(true);
        for (const line of budget.lines) {
          expect(line.municipalityPart.plus(line.insurerPart).eq(line.formationCost)).toBe(true);
          expect(line.overhead.eq(line.onboarding.plus(line.rent).plus(line.his).plus(line.insurance))).toBe(true);
          expect(line.formationCost.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(line.compensation.lte(line.overhead)).toBe(true);
          expect(line.incidental.lte(line.municipalityPart.plus(line.compensation))).toBe(true);
        }
        expect(budget.totals.municipalityTotal.eq(budget.totals.incidental.plus(budget.totals.structural))).toBe(true);
      }),
    );
  });

  it("never plans more hours than the capacity in any month, and cuts nobody in a month where it suffices", () => {
    fc.assert(
      fc.property(practicesArb(30), fc.integer({ min: 1, max: 60 }), (practices, capacity) => {
        const params = withParameters(SCHEMES.flevoland, { capacityHours: String(capacity) }).params;
        const budget = budgetYear(params, practices, 2025, 2025);
        budget.months.forEach((month, m) => {
          // The months of each line, as the core hands them to the sheet, add up to the month's allocation.
          const active = budget.lines.filter((l) => l.monthsActive > 0);
          expect(month.entitled.eq(sum(active.filter((l) => covers(l, m + 1)).map((l) => l.entitledHours)))).toBe(true);
          if (month.entitled.gt(capacity)) {
            expect(month.redistributed).toBe(true);
            expect(month.allocated.lte(capacity)).toBe(true);
          } else {
            expect(month.redistributed).toBe(false);
            expect(month.allocated.eq(month.entitled)).toBe(true);
          }
        });
        // Hour-months are the months' allocations added up, practice by practice.
        expect(sum(budget.lines.map((l) => l.hourMonths)).eq(sum(budget.months.map((m) => m.allocated)))).toBe(true);
      }),
    );
  });

  it("redistributes month by month: A (4 h) from January and B (4 h) from July with capacity 5 (PRODUCT.md check figure)", () => {
    const params = withParameters(SCHEMES.flevoland, { capacityHours: "5" }).params;
    const a: Practice = { ...vpgExample, agb: "01000001", weeklyHours: 4, startDate: null };
    const b: Practice = { ...vpgExample, agb: "01000002", weeklyHours: 4, startDate: "2025-07-01" };
    const year = budgetYear(params, [a, b], 2024, 2025);
    const [lineA, lineB] = year.lines;
    // A: 4 h × 6 months + 2.5 h × 6 months = 39 hour-months; × 48 weeks / 12 = 156 h. B: 2.5 × 6 = 15; × 4 = 60 h.
    expect(lineA.annualHours.toFixed(2)).toBe("156.00");
    expect(lineB.annualHours.toFixed(2)).toBe("60.00");
    expect(lineA.weeklyHours.toFixed(2)).toBe("3.25");
    expect(lineB.weeklyHours.toFixed(2)).toBe("2.50");
    expect(year.months.map((m) => m.redistributed)).toEqual([...Array<boolean>(6).fill(false), ...Array<boolean>(6).fill(true)]);
    expect(year.months.map((m) => m.allocated.toNumber())).toEqual([...Array<number>(6).fill(4), ...Array<number>(6).fill(5)]);
    // Rent follows the hours deployed: 156 h × €10 (VPG rent per hour).
    expect(lineA.rent.toFixed(2)).toBe("1560.00");
  });

  it("lets a practice that starts in September cut nobody's hours before September", () => {
    const params = withParameters(SCHEMES.flevoland, { capacityHours: "46" }).params;
    const full: Practice[] = Array.from({ length: 10 }, (_, i) => ({ ...vpgExample, agb: `0100010${i}`, weeklyHours: 4.5, startDate: null }));
    const late: Practice = { ...vpgExample, agb: "01000200", weeklyHours: 8, startDate: "2025-09-15" };
    const year = budgetYear(params, [...full, late], 2025, 2025);
    // Jan–Aug: 45 h ≤ 46, nobody cut (4.5 h each); Sep–Dec: 53 h > 46, each gets ROUNDDOWN(h × 46 / 53, 2).
    expect(year.lines[0].annualHours.toFixed(2)).toBe(new Dec("4.5").times(8).plus(new Dec("3.9").times(4)).times(4).toFixed(2));
    expect(year.lines[10].annualHours.toFixed(2)).toBe(new Dec("6.94").times(4).times(4).toFixed(2));
  });

  it("scales hours linearly with patients (within the 2-decimal rounding)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 2, max: 10 }), (patients, k) => {
        const practice = (n: number): Practice => ({ ...vpgExample, weeklyHours: null, patients: n });
        const one = budgetYear(SCHEMES.flevoland.params, [practice(patients)], 2025, 2025).lines[0].weeklyHours;
        const many = budgetYear(SCHEMES.flevoland.params, [practice(patients * k)], 2025, 2025).lines[0].weeklyHours;
        expect(many.minus(one.times(k)).abs().lte(new Dec("0.005").times(k + 1))).toBe(true);
      }),
    );
  });
});
