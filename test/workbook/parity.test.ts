import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { EDGE_CASES, NO_PRACTICES, SHORTFALL, VPG_EXAMPLE } from "../fixtures/datasets";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";

describe("formula parity with HyperFormula", () => {
  it.each([
    ["the VPG worked example", VPG_EXAMPLE],
    ["edge cases (mid-year, overrides, shortfall, zero patients, indexation)", EDGE_CASES],
    ["a capacity shortfall (NOP 46 h)", SHORTFALL],
    ["no practices", NO_PRACTICES],
  ])("recalculates %s to the core's cents in every computed cell", (_, input: BudgetInput) => {
    const workbook = describeWorkbook(input);
    const hf = calculate(workbook);
    const formulaCells = workbook.sheets.reduce((n, s) => n + s.cells.flat().filter((c) => c?.formula).length, 0);
    expect(formulaCells).toBeGreaterThan(50);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    hf.destroy();
  });

  it("shows the VPG example's €5,660 overhead and €2,830 compensation on the Begroting", () => {
    const workbook = describeWorkbook(VPG_EXAMPLE);
    const hf = calculate(workbook);
    const sheet = hf.getSheetId("Begroting 2025")!;
    expect(hf.getCellValue({ sheet, row: 4, col: 17 })).toBe(5660);
    expect(hf.getCellValue({ sheet, row: 4, col: 19 })).toBe(2830);
    const next = hf.getSheetId("Begroting 2026")!;
    expect(hf.getCellValue({ sheet: next, row: 4, col: 19 })).toBe(2170);
    hf.destroy();
  });

  it("recalculates when an input changes, as a live workbook should", () => {
    const workbook = describeWorkbook(VPG_EXAMPLE);
    const hf = calculate(workbook);
    const practices = hf.getSheetId("Praktijken")!;
    hf.setCellContents({ sheet: practices, row: 4, col: 5 }, 4); // 8 h → 4 h a week
    const sheet = hf.getSheetId("Begroting 2025")!;
    expect(hf.getCellValue({ sheet, row: 4, col: 14 })).toBe(1920); // rent halves
    const params = hf.getSheetId("Uitgangspunten")!;
    const rentRow = workbook.sheets[0].cells.findIndex((r) => r[0]?.value === "Huur_per_uur");
    hf.setCellContents({ sheet: params, row: rentRow, col: 2 }, 12.5);
    expect(hf.getCellValue({ sheet, row: 4, col: 14 })).toBe(2400);
    hf.destroy();
  });
});

describe("the parity check itself", () => {
  it("catches a cached value one cent off", () => {
    const workbook = describeWorkbook(VPG_EXAMPLE);
    const budget = workbook.sheets.find((s) => s.name === "Begroting 2025")!;
    const compensation = budget.cells[4][19]!;
    compensation.result = (compensation.result as number) + 0.01;
    const hf = calculate(workbook);
    const found = mismatches(workbook, hyperFormulaValue(hf));
    expect(found.map((m) => `${m.sheet}!${m.address}`)).toEqual(["Begroting 2025!T5"]);
    hf.destroy();
  });
});
