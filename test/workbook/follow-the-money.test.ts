/**
 * Issue 11, points 1, 4 and 6 by hand: a practice with its own compensation rate and an
 * employer, and an available budget that the municipality's costs exceed in year 3.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { forecast } from "../../src/core/budget";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { payee, type Practice } from "../../src/core/types";
import { renderXlsx } from "../../src/render/xlsx";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { readParameters, readPractices } from "../../src/workbook/read-back";
import type { WorkbookDescription } from "../../src/workbook/types";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { byAddress, controleOutcome, editAndRecalculate } from "../support/person";

const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const OUT = path.resolve(__dirname, "../../test-output/follow-the-money");

const practice = (changes: Partial<Practice>): Practice => ({ name: "Praktijk A", agb: "01000001", location: "", patients: 2350, model: "aanvullend", weeklyHours: null, startDate: null, endDate: null, ...changes });

/** The values of a described sheet as Excel would return them (cached results), from A1. */
const valuesOf = (workbook: WorkbookDescription, sheet: string) => workbook.sheets.find((s) => s.name === sheet)!.cells.map((row) => row.map((c) => c?.value ?? c?.result ?? ""));
const cached = (workbook: WorkbookDescription): ((sheet: string, address: string) => unknown) =>
  byAddress((sheet, row, col) => {
    const c = workbook.sheets.find((s) => s.name === sheet)!.cells[row]?.[col];
    return c?.result ?? c?.value ?? null;
  });

describe("a practice's own compensation rate (VPG ch. 12/14) and its employer (NOP)", () => {
  // Model Basis (0% by the scheme) but 75% of its own; 4 h (2,350 patients), from 1 March 2026, VPG rates.
  const own = practice({ model: "basis", compensationRate: "0.75", startDate: "2026-03-01", employer: "Zorggroep Polder" });
  const input: BudgetInput = { scheme: withParameters(SCHEMES.vpg, { hourlyCost: "50" }), practices: [own, practice({ name: "Praktijk B", agb: "01000002" })], budgetYear: 2026, years: 2 };

  it("applies 75% whatever the model's rate, by hand", () => {
    const [y2026, y2027] = forecast(input.scheme.params, input.practices, 2026, 2);
    // 2026: March–December = 10 months of 4 h: rent 4 × 48 × 10 / 12 × €10 = €1,600;
    // overhead = onboarding 2 × 12 × €55 = €1,320 + rent €1,600 + HIS €350 + insurance €150 = €3,420; 75% = €2,565.00.
    expect([y2026.lines[0].overhead.toNumber(), y2026.lines[0].compensationRate.toNumber(), y2026.lines[0].compensation.toNumber()]).toEqual([3420, 0.75, 2565]);
    // 2027, a whole year: rent 4 × 48 × €10 = €1,920 + €350 + €150 = €2,420; 75% = €1,815.00.
    expect(y2027.lines[0].compensation.toNumber()).toBe(1815);
    // Praktijk B keeps its model's rate (Aanvullend, 50% under VPG).
    expect(y2026.lines[1].compensationRate.toNumber()).toBe(0.5);
    expect([payee(own), payee(input.practices[1])]).toEqual(["Zorggroep Polder", "Praktijk B"]);
  });

  it("shows both on Praktijken and the Begroting, as formulas HyperFormula recalculates to the cent", () => {
    const workbook = describeWorkbook(input);
    const at = cached(workbook);
    expect([at("Praktijken", "I4"), at("Praktijken", "J4")]).toEqual(["Werkgever POH (leeg = praktijk zelf)", "Compensatie % (leeg = model)"]);
    expect([at("Praktijken", "I5"), at("Praktijken", "J5"), at("Praktijken", "I6"), at("Praktijken", "J6")]).toEqual(["Zorggroep Polder", 0.75, null, null]);
    expect([at("Begroting 2026", "S5"), at("Begroting 2026", "T5")]).toEqual([0.75, 2565]);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 5)).toEqual([]);
    hf.destroy();
  });

  it("is read back from the sheet as it stands: the rate as a fraction, 75 (not 75%) refused by its cell", () => {
    const workbook = describeWorkbook(input);
    const read = readPractices(valuesOf(workbook, "Praktijken"));
    expect(read.problems).toEqual([]);
    expect(read.practices.map((p) => [p.employer, p.compensationRate])).toEqual([["Zorggroep Polder", "0.75"], [undefined, undefined]]);
    const values = valuesOf(workbook, "Praktijken").map((row) => [...row]);
    values[4][9] = 75;
    expect(readPractices(values).problems.map((p) => [p.cell, p.key])).toEqual([["J5", "notAPercentage"]]);
  });

  it("in LibreOffice: a rate of 150% or text gives no compensation and is named on its row and on Controle", async () => {
    const at = await editAndRecalculate(await renderXlsx(describeWorkbook(input)), "own-rate", (book) => {
      book.getWorksheet("Praktijken")!.getCell("J5").value = 1.5;
      book.getWorksheet("Praktijken")!.getCell("J6").value = "veel";
    });
    expect([at("Praktijken", "L5"), at("Praktijken", "L6")]).toEqual(["compensatie %: niet tussen 0% en 100%", "compensatie %: geen getal"]);
    expect([at("Begroting 2026", "T5"), at("Begroting 2026", "T6")]).toEqual([0, 0]);
    expect(controleOutcome(at, "Invoer op Praktijken is geldig")).toMatch(/^Praktijken rij 5, compensatie %: niet tussen 0% en 100%/);
  });
});

describe("budget coverage (issue 11.4)", () => {
  // One practice of 4 h all year, 50/50, €50 an hour with a wage index of 10% a year, no compensation (Flevoland).
  const budgetLines = { 2026: "5500", 2027: "5500", 2028: "5500" };
  const input: BudgetInput = {
    scheme: withParameters(SCHEMES.flevoland, { hourlyCost: "50", wageIndex: ["0.1", "0.1", "0.1"], budgetLines }),
    practices: [practice({})],
    budgetYear: 2026,
    years: 4,
  };
  // 192 h a year (4 × 48). The municipality's half: 2026 192 × €50 / 2 = €4,800; 2027 × €55 = €5,280;
  // 2028 × €60.50 = €5,808 (above €5,500 by €308); 2029 × €66.55 = €6,388.80, no budget typed.
  const NEED = [4800, 5280, 5808, 6388.8];
  const ROOM = [700, 220, -308, ""];

  it("shows need, available budget and room on the Meerjarenraming and flags year 3 on Controle", () => {
    const workbook = describeWorkbook(input);
    const at = cached(workbook);
    expect([5, 6, 7, 8].map((r) => at("Meerjarenraming", `H${r}`))).toEqual(NEED);
    expect([5, 6, 7, 8].map((r) => at("Meerjarenraming", `K${r}`))).toEqual([5500, 5500, 5500, ""]);
    expect([5, 6, 7, 8].map((r) => at("Meerjarenraming", `L${r}`))).toEqual(ROOM);
    const outcomes = [2026, 2027, 2028, 2029].map((y) => controleOutcome(at, `Budget dekt de kosten ${y}`));
    expect(outcomes).toEqual(["OK", "OK", "Kosten gemeente boven het beschikbare budget", "OK: geen budget ingevuld"]);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 5)).toEqual([]);
    hf.destroy();
  });

  it("keeps the typed budgets through a read-back of Uitgangspunten, and names text typed as one", () => {
    const workbook = describeWorkbook(input);
    const values = valuesOf(workbook, "Uitgangspunten");
    expect(readParameters(values).scheme.params.budgetLines).toEqual({ 2026: "5500", 2027: "5500", 2028: "5500" });
    const header = values.findIndex((row) => row[0] === "Jaar" && row[1] === "Loonindex");
    const edited = values.map((row) => [...row]);
    edited[header + 2][8] = "veel";
    const read = readParameters(edited);
    expect(read.problems.map((p) => [p.cell, p.key])).toEqual([[`I${header + 3}`, "notANumber"]]);
  });

  it("in LibreOffice, as a planner edits it: a lower budget in 2027 and text in 2026, named without spreading", async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "coverage.xlsx");
    const xlsx = await renderXlsx(describeWorkbook(input));
    fs.writeFileSync(file, xlsx);
    expect(execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" })).toMatch(/coverage\.xlsx: valid/);
    const values = valuesOf(describeWorkbook(input), "Uitgangspunten");
    const firstYearRow = values.findIndex((row) => row[0] === "Jaar" && row[1] === "Loonindex") + 2;
    const at = await editAndRecalculate(xlsx, "coverage", (book) => {
      book.getWorksheet("Uitgangspunten")!.getCell(`I${firstYearRow}`).value = "vijfduizend";
      book.getWorksheet("Uitgangspunten")!.getCell(`I${firstYearRow + 1}`).value = 5000;
    });
    expect([at("Meerjarenraming", "K5"), at("Meerjarenraming", "L5"), at("Meerjarenraming", "L6")]).toEqual(["", "", -280]);
    expect(controleOutcome(at, "Budget dekt de kosten 2026")).toBe("Budget 2026 op Uitgangspunten is geen getal");
    expect(controleOutcome(at, "Budget dekt de kosten 2027")).toBe("Kosten gemeente boven het beschikbare budget");
    expect(controleOutcome(at, "Budget dekt de kosten 2028")).toBe("Kosten gemeente boven het beschikbare budget");
  });
});
