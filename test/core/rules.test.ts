import * as rules from "../../src/core/rules";
import { cents, hoursDown } from "../../src/core/decimal";

// Check figures from PRODUCT.md ("The money, rule by rule") and VPG ch. 14.
describe("rules", () => {
  it("counts normpraktijken as patients / 2,350: 3,525 patients → 1.50", () => {
    expect(rules.normpractices(3525, 2350).toFixed(2)).toBe("1.50");
  });

  it("gives 4 h per normpraktijk: 2,350 → 4.00 h, 1,000 → 1.70 h", () => {
    expect(rules.entitledWeeklyHours(2350, "4", 2350).toFixed(2)).toBe("4.00");
    expect(rules.entitledWeeklyHours(1000, "4", 2350).toFixed(2)).toBe("1.70");
  });

  it("redistributes a capacity shortfall in proportion, never above the capacity", () => {
    expect(rules.redistributedHours("4", "46", "50").toFixed(2)).toBe("3.68");
    expect(rules.redistributedHours("4", "0", "50").toFixed(2)).toBe("4.00");
    expect(rules.redistributedHours("4", "60", "50").toFixed(2)).toBe("4.00");
    // 10/3 h is 3.333…: rounded down, three practices stay within 10 h.
    expect(rules.redistributedHours("10", "10", "30").toFixed(2)).toBe("3.33");
  });

  it("makes 384 annual hours of 8 h a week (VPG: 8 h × 48 weeks)", () => {
    expect(rules.annualHours("8", "48", 12).toFixed(2)).toBe("384.00");
    expect(rules.annualHours("8", "48", 4).toFixed(2)).toBe("128.00");
  });

  it("counts active months whole: a start on 15 Sep 2025 is 4 months in 2025", () => {
    expect(rules.monthsActive("2025-09-15", null, 2025)).toBe(4);
    expect(rules.monthsActive("2025-09-15", null, 2026)).toBe(12);
    expect(rules.monthsActive("2025-09-15", null, 2024)).toBe(0);
    expect(rules.monthsActive(null, "2025-03-31", 2025)).toBe(3);
    expect(rules.monthsActive(null, "2024-12-31", 2025)).toBe(0);
    expect(rules.monthsActive("2025-02-01", "2025-02-28", 2025)).toBe(1);
  });

  it("charges €3,840 rent for 8 h at €10 (VPG ch. 14)", () => {
    expect(rules.annualRent("8", "10", "48", 12).toFixed(2)).toBe("3840.00");
    expect(rules.annualRent("8", "10", "48", 6).toFixed(2)).toBe("1920.00");
  });

  it("charges €1,320 onboarding: 2 h a month × 12 × €55 (VPG ch. 14)", () => {
    expect(rules.onboardingCost("2", "12", "55").toFixed(2)).toBe("1320.00");
  });

  it("splits so that the parts add up: 10,000.01 at 50% → 5,000.01 + 5,000.00", () => {
    const split = rules.splitAmount("10000.01", "0.5");
    expect(split.municipality.toFixed(2)).toBe("5000.01");
    expect(split.insurer.toFixed(2)).toBe("5000.00");
  });

  it("compensates 50% of €5,660 overhead as €2,830 (VPG ch. 14)", () => {
    expect(rules.compensation("0.5", "5660").toFixed(2)).toBe("2830.00");
  });

  it("pays after the first four months: start 1 Mar 2025 → 1 Jul 2025; a full year → 1 May", () => {
    expect(rules.payoutDueDate("2025-03-01", null, 2025, 4)).toBe("2025-07-01");
    expect(rules.payoutDueDate(null, null, 2025, 4)).toBe("2025-05-01");
    expect(rules.payoutDueDate("2025-09-15", null, 2025, 4)).toBe("2026-01-01");
    expect(rules.payoutDueDate("2025-01-01", "2025-02-15", 2025, 4)).toBe("2025-03-01");
    expect(rules.payoutDueDate("2026-01-01", null, 2025, 4)).toBeNull();
  });

  it("indexes rates compounding, to the cent each year", () => {
    expect(rules.indexedRate("52.50", ["0.03944"], 1).toFixed(2)).toBe("54.57");
    expect(rules.indexedRate("100", ["0.03", "0.02"], 2).toFixed(2)).toBe("105.06");
    expect(rules.indexedRate("100", [], 3).toFixed(2)).toBe("100.00");
  });

  it("rounds half away from zero, like Excel's ROUND", () => {
    expect(cents("2.675").toFixed(2)).toBe("2.68");
    expect(cents("-2.675").toFixed(2)).toBe("-2.68");
    expect(hoursDown("3.67999999999").toFixed(2)).toBe("3.68");
  });
});
