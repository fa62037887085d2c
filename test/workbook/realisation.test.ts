import { forecast } from "../../src/core/budget";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { NO_REALISATION, otherYear, realisationKey, type RealisationRecord } from "../../src/core/realisation";
import type { Practice } from "../../src/core/types";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { RCOL } from "../../src/workbook/realisation-columns";
import { readRealisation } from "../../src/workbook/realisation-read";
import { realisationLayout, REALISATION_SHEET, sheetRealisation } from "../../src/workbook/realisation-sheet";
import { EDGE_CASES, SHORTFALL } from "../fixtures/datasets";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import type { SheetDescription } from "../../src/workbook/types";
import type { Scalar } from "../../src/workbook/types";

const practice = (agb: string, name: string, fields: Partial<Practice>): Practice => ({ name, agb, location: "", patients: 2350, model: "aanvullend", weeklyHours: null, startDate: null, endDate: null, ...fields });

/** €52.37 an hour, 48 weeks, 50/50, no capacity ceiling. */
const scheme = withParameters(SCHEMES.custom, { hourlyCost: "52.37", municipalityShare: "0.5", capacityHours: "0", weeksPerYear: "48" });
const A = practice("01000001", "Maart-start", { startDate: "2025-03-01" }); // 2350 patients: 4 h a week, March to December
const B = practice("01000002", "Heel jaar", { weeklyHours: 3.33 }); // 3.33 h a week all year
const typed = (hours: RealisationRecord["hours"], invoiced: RealisationRecord["invoiced"] = [null, null, null, null]): RealisationRecord => ({ hours, invoiced });
const records = new Map<string, RealisationRecord>([
  [realisationKey(A.agb, 2025), typed([20, 50, null, null], [null, 2600.25, null, null])],
  [realisationKey(B.agb, 2025), typed([null, null, 170, null])],
  [realisationKey("09999999", 2025), { ...typed([8, null, null, null]), year: 2025, agb: "09999999", name: "Weg" }],
  [realisationKey(A.agb, 2024), { ...typed([12, null, null, null]), year: 2024, agb: A.agb, name: "Maart-start" }],
]);
const INPUT: BudgetInput = { scheme, practices: [A, B], budgetYear: 2025, years: 2, realisation: records };

const sheetOf = (input: BudgetInput) => describeWorkbook(input).sheets.find((s) => s.name === REALISATION_SHEET)!;
const at = (sheet: SheetDescription, row: number, col: number): Scalar | undefined => {
  const c = sheet.cells[row - 1][col - 1];
  return c?.formula !== undefined ? c.result : c?.value;
};

describe("Realisatie: golden figures by hand", () => {
  const sheet = sheetOf(INPUT);
  const row = (r: number, col: number) => at(sheet, r, col);

  it("stands after Uitbetalingen and before Controle", () => {
    const names = describeWorkbook(INPUT).sheets.map((s) => s.name);
    expect(names.slice(-3)).toEqual(["Uitbetalingen", "Realisatie", "Controle"]);
  });

  it("budgets a mid-year start per quarter, the quarters adding up to the Begroting's formation cost", () => {
    // A: 4 h a week from March. Weekly-hour months per quarter 4, 12, 12, 12; × 48/12: 16, 48, 48, 48 h; year 160 h.
    expect([0, 1, 2, 3].map((k) => row(5, RCOL.budgetHours + k))).toEqual([16, 48, 48, 48]);
    expect(row(5, RCOL.budgetHoursYear)).toBe(160);
    // Cumulative 16, 64, 112, 160 h × €52.37 = 837.92, 3351.68, 5865.44, 8379.20: quarters 837.92, 2513.76, 2513.76, 2513.76.
    expect([0, 1, 2, 3].map((k) => row(5, RCOL.budgetCost + k))).toEqual([837.92, 2513.76, 2513.76, 2513.76]);
    expect(row(5, RCOL.budgetCostYear)).toBe(8379.2);
  });

  it("telescopes where each quarter alone would round to a different sum", () => {
    // B: 3.33 h × 3 months × 4 = 39.96 h a quarter; 39.96 × 52.37 = 2092.7052 → 2092.71, four of them 8370.84,
    // but the year is 159.84 h × 52.37 = 8370.8208 → 8370.82. Cumulative: 2092.71, 4185.41 (79.92 h), 6278.12 (119.88 h), 8370.82.
    expect([0, 1, 2, 3].map((k) => row(6, RCOL.budgetCost + k))).toEqual([2092.71, 2092.7, 2092.71, 2092.7]);
    expect(row(6, RCOL.budgetCostYear)).toBe(8370.82);
  });

  it("takes hours at the year's rate, an invoiced amount where typed, and splits the realised cost", () => {
    // Q1: 20 h × 52.37 = 1047.40; Q2: invoiced 2600.25 (the 50 h are not priced); year 3647.65.
    expect([0, 1, 2, 3].map((k) => row(5, RCOL.cost + k))).toEqual([1047.4, 2600.25, 0, 0]);
    expect(row(5, RCOL.hoursYear)).toBe(70);
    expect(row(5, RCOL.costYear)).toBe(3647.65);
    // Municipality ROUND(3647.65 × 0.5, 2) = 1823.83 (1823.825 half up); insurer the rest, 1823.82.
    expect(row(5, RCOL.municipality)).toBe(1823.83);
    expect(row(5, RCOL.insurer)).toBe(1823.82);
    // Differences: Q1 1047.40 − 837.92 = 209.48 (25%); Q2 2600.25 − 2513.76 = 86.49 (86.49 / 2513.76 = 0.034407 → 3.44%);
    // Q3, Q4 nothing typed: blank. Year 3647.65 − 8379.20 = −4731.55 (−0.564678 → −56.47%).
    expect([0, 1, 2, 3].map((k) => row(5, RCOL.difference + k))).toEqual([209.48, 86.49, "", ""]);
    expect([0, 1, 2, 3].map((k) => row(5, RCOL.percent + k))).toEqual([0.25, 0.0344, "", ""]);
    expect(row(5, RCOL.differenceYear)).toBe(-4731.55);
    expect(row(5, RCOL.percentYear)).toBe(-0.5647);
    expect(row(5, RCOL.status)).toBe("Binnen de begroting");
  });

  it("flags hours above the budget on the row and on Controle", () => {
    // B: 170 h in Q3 > 159.84 h budgeted; cost 170 × 52.37 = 8902.90; year difference 8902.90 − 8370.82 = 532.08 (6.36%).
    expect(row(6, RCOL.cost + 2)).toBe(8902.9);
    expect(row(6, RCOL.differenceYear)).toBe(532.08);
    expect(row(6, RCOL.percentYear)).toBe(0.0636);
    // Q3: 8902.90 − 2092.71 = 6810.19; 6810.19 / 2092.71 = 3.254244 → 325.42%.
    expect(row(6, RCOL.percent + 2)).toBe(3.2542);
    expect(row(6, RCOL.status)).toBe("Meer uren dan begroot");
    expect(row(6, RCOL.above)).toBe(6);
    const controle = describeWorkbook(INPUT).sheets.find((s) => s.name === "Controle")!;
    const line = controle.cells.find((r) => r[0]?.value === "Realisatie: uren binnen de begroting")!;
    expect(line[1]?.result).toBe("Meer uren dan begroot: Realisatie rij 6 (Heel jaar)");
    expect(controle.cells.find((r) => r[0]?.value === "Realisatie: invoer is een getal")![1]?.result).toBe("OK");
  });

  it("totals the practices' rows", () => {
    const { totalRow } = realisationLayout(sheetRealisation(scheme.params, describeWorkbookBudget(), records));
    expect(row(totalRow, 1)).toBe("Totaal");
    // 3647.65 + 8902.90 = 12550.55; budget 8379.20 + 8370.82 = 16750.02.
    expect(row(totalRow, RCOL.costYear)).toBe(12550.55);
    expect(row(totalRow, RCOL.budgetCostYear)).toBe(16750.02);
    expect(row(totalRow, RCOL.hours)).toBe(20);
  });

  it("keeps a practice that is gone and another year's realisation at the bottom, named", () => {
    const { keptFirst } = realisationLayout(sheetRealisation(scheme.params, describeWorkbookBudget(), records));
    // Sorted by year: 2024 first.
    expect([row(keptFirst, 1), row(keptFirst, 3), row(keptFirst, RCOL.status)]).toEqual(["Maart-start", 2024, otherYear(2024)]);
    expect([row(keptFirst + 1, 2), row(keptFirst + 1, RCOL.hours), row(keptFirst + 1, RCOL.status)]).toEqual(["09999999", 8, "Praktijk niet gevonden"]);
    const controle = describeWorkbook(INPUT).sheets.find((s) => s.name === "Controle")!;
    expect(controle.cells.filter((r) => String(r[0]?.value ?? "").startsWith("Bewaarde realisatie")).map((r) => r[0]!.value)).toEqual([
      "Bewaarde realisatie 2024: Maart-start (01000001)",
      "Bewaarde realisatie 2025: Weg (09999999)",
    ]);
  });

  it("reads back what was typed, by AGB code and year, the kept rows included", () => {
    const values = sheet.cells.map((r) => r.map((c) => (c?.formula !== undefined ? c.result : c?.value ?? "")));
    const back = readRealisation(values);
    expect(back.get(realisationKey(A.agb, 2025))).toMatchObject({ hours: [20, 50, null, null], invoiced: [null, 2600.25, null, null], name: "Maart-start" });
    expect([...back.keys()].sort()).toEqual([...records.keys()].sort());
    // A rebuild from what it read gives the same sheet.
    expect(sheetOf({ ...INPUT, realisation: back }).cells).toEqual(sheet.cells);
  });
});

/** The budget year as the core computes it. */
const describeWorkbookBudget = () => forecast(scheme.params, [A, B], 2025, 1)[0];

describe("Realisatie: formula parity with HyperFormula", () => {
  it.each([
    ["the golden input (typed, kept rows)", INPUT],
    ["edge cases, nothing typed", EDGE_CASES],
    ["a capacity shortfall with typed hours", { ...SHORTFALL, realisation: new Map([[realisationKey(SHORTFALL.practices[2].agb, 2025), typed([10.5, 20, "veel", null], [null, null, null, 999.99])]]) }],
  ])("recalculates %s to the core's cents", (_, input: BudgetInput) => {
    const workbook = describeWorkbook(input);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    hf.destroy();
  });

  it("names a free row's practice live and counts text typed as not a number", () => {
    const workbook = describeWorkbook({ ...INPUT, realisation: undefined });
    const hf = calculate(workbook);
    const sheet = hf.getSheetId(REALISATION_SHEET)!;
    const practices = hf.getSheetId("Praktijken")!;
    // Row 7 is the first free row: type a practice there and text in Uren K1 of Realisatie.
    hf.setCellContents({ sheet: practices, row: 6, col: 0 }, [["Nieuw", "01000099", "", 2350]]);
    hf.setCellContents({ sheet, row: 6, col: RCOL.hours - 1 }, "tien");
    expect(hf.getCellValue({ sheet, row: 6, col: 0 })).toBe("Nieuw");
    expect(hf.getCellValue({ sheet, row: 6, col: RCOL.status - 1 })).toBe("Invoer is geen getal");
    expect(hf.getCellValue({ sheet, row: 6, col: RCOL.costYear - 1 })).toBe(0);
    const controle = hf.getSheetId("Controle")!;
    const labels = workbook.sheets.find((s) => s.name === "Controle")!.cells.map((r) => r[0]?.value);
    const line = labels.indexOf("Realisatie: invoer is een getal");
    expect(hf.getCellValue({ sheet: controle, row: line, col: 1 })).toBe("Invoer is geen getal: Realisatie rij 7 (Nieuw)");
    hf.destroy();
  });
});

it("has nothing typed on a new build", () => {
  expect(sheetRealisation(scheme.params, describeWorkbookBudget(), new Map())[0].record).toEqual(NO_REALISATION);
});
