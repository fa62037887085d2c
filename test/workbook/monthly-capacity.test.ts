/**
 * Issue 8.7, "Capacity holds every month": the NOP redistribution month by month on the
 * Begroting (month columns and "Herverdeling per maand"), what Controle says of it, and a
 * capacity check that can fail: an hour typed over a month formula (issue 8.4: Controle then
 * names the cell). In the core, in HyperFormula and in LibreOffice.
 */
import { SCHEMES, withParameters } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { renderXlsx } from "../../src/render/xlsx";
import { monthColumn } from "../../src/workbook/budget-columns";
import { budgetLayout } from "../../src/workbook/budget-sheet";
import { describeWorkbook } from "../../src/workbook/describe";
import type { WorkbookDescription } from "../../src/workbook/types";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { byAddress, controleOutcome, editAndRecalculate, failingLines, type ValueAt } from "../support/person";

const practice = (agb: string, weeklyHours: number, startDate: string | null): Practice => ({ name: `Praktijk ${agb}`, agb, location: "", patients: 2350, model: "aanvullend", weeklyHours, startDate, endDate: null });
/** PRODUCT.md's check figure: A (4 h) from January, B (4 h) from July, capacity 5. */
const CHECK_FIGURE = () =>
  describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "5", hourlyCost: "50" }), practices: [practice("01000001", 4, null), practice("01000002", 4, "2025-07-01")], budgetYear: 2025, years: 2 });

const SHEET = "Begroting 2025";
const layout = budgetLayout(2);
const cached = (workbook: WorkbookDescription): ValueAt =>
  byAddress((sheet, row, col) => {
    const c = workbook.sheets.find((s) => s.name === sheet)!.cells[row]?.[col];
    return c?.formula !== undefined ? c.result : c?.value;
  });

/** What the sheet says of the check figure, whichever engine computed it. */
function expectCheckFigure(at: ValueAt): void {
  // Jaaruren: A 4 h × 6 + 2.5 h × 6 = 39 hour-months × 48 / 12 = 156 h; B 2.5 × 6 × 4 = 60 h.
  expect([at(SHEET, "J5"), at(SHEET, "J6")]).toEqual([156, 60]);
  expect([at(SHEET, "I5"), at(SHEET, "I6")]).toEqual([3.25, 2.5]);
  // The month columns W (jan) … AH (dec): A keeps 4 h until June, both get 2.5 h from July.
  expect(["W5", "AB5", "AC5", "AH5", "AB6", "AC6"].map((a) => at(SHEET, a))).toEqual([4, 4, 2.5, 2.5, 0, 2.5]);
  expect(["W", "AB", "AC", "AH"].map((c) => at(SHEET, `${c}${layout.totalRow}`))).toEqual([4, 4, 5, 5]);
  // Herverdeling per maand: entitlement 4 then 8; cut 3 h from July.
  const [january, july] = [monthColumn(1), monthColumn(7)];
  expect([at(SHEET, `${january}${layout.monthEntitledRow}`), at(SHEET, `${july}${layout.monthEntitledRow}`), at(SHEET, `${july}${layout.monthCutRow}`), at(SHEET, `${july}${layout.monthAppliesRow}`)]).toEqual([4, 8, 3, 7]);
  expect(controleOutcome(at, "Herverdeling 2025")).toBe("OK: herverdeeld in 6 maand(en), jul–dec");
  expect(controleOutcome(at, "Uren binnen capaciteit 2025 (elke maand)")).toBe("OK");
  // 2026: both all year, 8 h entitled against 5 in every month.
  expect(controleOutcome(at, "Herverdeling 2026")).toBe("OK: herverdeeld in 12 maand(en), jan–dec");
  expect(failingLines(at)).toEqual([]);
}

describe("the capacity month by month on the sheets", () => {
  it("gives PRODUCT.md's check figure in the core's cached values", () => {
    expectCheckFigure(cached(CHECK_FIGURE()));
  });

  it("is computed the same by HyperFormula, every cell of every sheet to the cent", () => {
    const workbook = CHECK_FIGURE();
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf))).toEqual([]);
    expectCheckFigure(byAddress(hyperFormulaValue(hf)));
  });

  it("says 'niet nodig' where the capacity suffices, and cuts nobody", () => {
    const workbook = describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "46" }), practices: [practice("01000001", 4, null), practice("01000002", 4, "2025-07-01")], budgetYear: 2025, years: 1 });
    const at = cached(workbook);
    expect(controleOutcome(at, "Herverdeling 2025")).toBe("OK: niet nodig");
    expect([at(SHEET, "J5"), at(SHEET, "J6")]).toEqual([192, 96]);
  });

  it("in LibreOffice: the check figure, then an hour typed over a month formula fails the capacity check and is named", async () => {
    const xlsx = await renderXlsx(CHECK_FIGURE());
    const at = await editAndRecalculate(xlsx, "monthly-capacity", () => undefined);
    expectCheckFigure(at);
    // A person lifts the protection (ExcelJS ignores it, as an unprotected sheet would) and types 6 h over July of A.
    const typedOver = await editAndRecalculate(xlsx, "monthly-capacity-typed-over", (book) => {
      book.getWorksheet(SHEET)!.getCell("AC5").value = 6;
      // And, as carelessly, a figure over the Meerjarenraming and an "OK" over a check of Praktijken.
      book.getWorksheet("Meerjarenraming")!.getCell("C6").value = 1000;
      book.getWorksheet("Praktijken")!.getCell("L5").value = "OK";
    });
    expect(controleOutcome(typedOver, "Formules op Meerjarenraming ongewijzigd")).toBe("Meerjarenraming C6 is geen formule meer");
    expect(controleOutcome(typedOver, "Formules op Praktijken ongewijzigd")).toBe("Praktijken L5 is geen formule meer");
    expect(controleOutcome(typedOver, "Uren binnen capaciteit 2025 (elke maand)")).toBe("Meer uren dan de capaciteit");
    expect(controleOutcome(typedOver, `Formules op ${SHEET} ongewijzigd`)).toBe(`${SHEET} AC5 is geen formule meer`);
    expect(failingLines(typedOver).map(([label]) => label)).toEqual([
      "Uren binnen capaciteit 2025 (elke maand)",
      `Formules op ${SHEET} ongewijzigd`,
      "Formules op Meerjarenraming ongewijzigd",
      "Formules op Praktijken ongewijzigd",
    ]);
  }, 240_000);
});
