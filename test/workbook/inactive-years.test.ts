import { SCHEMES } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { activeMonthSpan } from "../../src/core/rules";
import { describeWorkbook } from "../../src/workbook/describe";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";

const practice = (name: string, agb: string, startDate: string | null, endDate: string | null): Practice => ({ name, agb, location: "", patients: 2350, model: "aanvullend", weeklyHours: null, startDate, endDate });

// Ended in 2026, running, starting in 2028: in a 2027–2029 forecast each has years it is not active.
const INPUT = {
  scheme: SCHEMES.vpg,
  practices: [practice("Gestopt", "01000001", "2024-01-01", "2026-12-31"), practice("Loopt", "01000002", null, null), practice("Later", "01000003", "2028-09-01", null)],
  budgetYear: 2027,
  years: 3,
};

describe("months active on the Begroting sheets", () => {
  it("activeMonthSpan gives the months of an active year and null for a year before the start or after the end", () => {
    expect(activeMonthSpan("2028-09-01", null, 2028)).toEqual({ first: 9, last: 12 });
    expect(activeMonthSpan("2028-09-01", null, 2027)).toBeNull(); // would be month 21 … 12
    expect(activeMonthSpan(null, "2026-12-31", 2027)).toBeNull(); // would be month 1 … 0
    expect(activeMonthSpan(null, "2027-06-30", 2027)).toEqual({ first: 1, last: 6 });
  });

  it("never shows a negative month or one above 12, and an inactive year costs nothing, in the core's cache and after recalculation", () => {
    const workbook = describeWorkbook(INPUT);
    const hf = calculate(workbook);
    const value = hyperFormulaValue(hf);
    expect(mismatches(workbook, value).slice(0, 10)).toEqual([]);
    // Row 5 (0-based 4) is the first practice; D, E, F are first month, last month, months active.
    const row = (sheet: string, r: number) => [3, 4, 5].map((c) => value(sheet, r, c));
    expect(row("Begroting 2027", 4)).toEqual(["", "", 0]); // ended in 2026
    expect(row("Begroting 2027", 5)).toEqual([1, 12, 12]);
    expect(row("Begroting 2027", 6)).toEqual(["", "", 0]); // starts in 2028
    expect(row("Begroting 2028", 6)).toEqual([9, 12, 4]);
    const impossible = ["Begroting 2027", "Begroting 2028", "Begroting 2029"].flatMap((sheet) =>
      [4, 5, 6].flatMap((r) => row(sheet, r).slice(0, 2).filter((m) => m !== "" && !(Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12)).map((m) => `${sheet} row ${r + 1}: ${String(m)}`)),
    );
    expect(impossible).toEqual([]);
    // The practice that ended: every cost column of 2027 is 0 (formation K, overhead R, compensation T).
    expect([10, 17, 19].map((c) => value("Begroting 2027", 4, c))).toEqual([0, 0, 0]);
    hf.destroy();
  });
});
