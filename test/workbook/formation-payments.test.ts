/**
 * Issue 11.2: the municipality's share of the formation on Uitbetalingen, in instalments on the
 * schedule of Uitgangspunten, paid to the employer. Golden figures by hand, HyperFormula parity,
 * the Controle checks, a typed instalment, a changed schedule and an old-layout read-back.
 */
import { excelSerial } from "../../src/core/dates";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import type { Practice } from "../../src/core/types";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { parameterRow } from "../../src/workbook/parameters-sheet";
import { readParameters, readPayments } from "../../src/workbook/read-back";
import type { SheetDescription } from "../../src/workbook/types";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { renderXlsx } from "../../src/render/xlsx";
import { controleOutcome, editAndRecalculate } from "../support/person";

const practice = (fields: Partial<Practice>): Practice => ({ name: "", agb: "", location: "", patients: 0, model: "aanvullend", weeklyHours: null, startDate: null, endDate: null, ...fields });
/** Employed by a care group, starting 1 May 2026. */
const A = practice({ name: "Praktijk Aalsmeer", agb: "01000001", patients: 1000, startDate: "2026-05-01", employer: "Zorggroep Noord" });
/** Its own employer, starting 1 February 2026. */
const B = practice({ name: "Praktijk Bant", agb: "01000002", patients: 3000, startDate: "2026-02-01" });
const INPUT: BudgetInput = { scheme: withParameters(SCHEMES.flevoland, { hourlyCost: "52.50" }), practices: [A, B], budgetYear: 2026, years: 1, buildDate: "2026-01-15" };
const d = (iso: string) => excelSerial(iso);

const sheetOf = (name: string, input = INPUT) => describeWorkbook(input).sheets.find((s) => s.name === name)!;
const shown = (c: { value?: unknown; result?: unknown; formula?: string } | null | undefined) => (c?.formula !== undefined ? c.result : c?.value);
/** Rows of Uitbetalingen as [kind, AGB, due, due date, payee]. */
const register = (sheet: SheetDescription) =>
  sheet.cells.slice(4).filter((r) => shown(r[1]) !== "" && shown(r[1]) !== undefined && typeof shown(r[0]) === "number").map((r) => [shown(r[19]), shown(r[1]), shown(r[3]), shown(r[4]), shown(r[20])]);

describe("formation payments on Uitbetalingen", () => {
  it("pays each practice's municipality part per quarter afterwards, following its month hours, to its employer (golden figures)", () => {
    // flevoland: 4 h per normpraktijk of 2350, 48 weeks, 52.50 €/h, municipality 50%, no compensation.
    // A: 1000 patients → ROUND(1000 × 4 / 2350, 2) = 1.70 h/week, May–Dec (8 months): 13.6 hour-months;
    //    annual hours ROUND(13.6 × 48 / 12, 2) = 54.40; formation 54.40 × 52.50 = 2856.00; municipality 1428.00.
    //    Cumulative hours per quarter: Q1 0, Q2 3.4 (May, June), Q3 8.5, Q4 13.6.
    //    K1 = 0; K2 = ROUND(1428 × 3.4 / 13.6) = 357.00; K3 = ROUND(1428 × 8.5 / 13.6) − 357 = 892.50 − 357 = 535.50;
    //    K4 = 1428 − 892.50 = 535.50 (sum 1428.00). Due afterwards: 1-4-2026, 1-7-2026, 1-10-2026, 1-1-2027.
    // B: 3000 patients → ROUND(5.1064, 2) = 5.11 h/week, Feb–Dec (11 months): 56.21 hour-months;
    //    annual ROUND(56.21 × 4, 2) = 224.84; formation ROUND(224.84 × 52.50, 2) = 11804.10; municipality 5902.05.
    //    Cumulative: Q1 10.22 (2/11), Q2 25.55 (5/11), Q3 40.88 (8/11), Q4 56.21.
    //    K1 = 5902.05 × 2/11 = 1073.10; K2 = 2682.75 − 1073.10 = 1609.65; K3 = 4292.40 − 2682.75 = 1609.65;
    //    K4 = 5902.05 − 4292.40 = 1609.65 (sum 5902.05).
    const rows = register(sheetOf("Uitbetalingen"));
    const q = (k: number, agb: string, due: number, date: string, payee: string) => [`Formatie K${k}`, agb, due, d(date), payee];
    expect(rows).toEqual([
      ["Compensatie overhead", A.agb, 0, d("2026-09-01"), A.name],
      ["Compensatie overhead", B.agb, 0, d("2026-06-01"), B.name],
      q(1, A.agb, 0, "2026-04-01", "Zorggroep Noord"),
      q(2, A.agb, 357, "2026-07-01", "Zorggroep Noord"),
      q(3, A.agb, 535.5, "2026-10-01", "Zorggroep Noord"),
      q(4, A.agb, 535.5, "2027-01-01", "Zorggroep Noord"),
      q(1, B.agb, 1073.1, "2026-04-01", B.name),
      q(2, B.agb, 1609.65, "2026-07-01", B.name),
      q(3, B.agb, 1609.65, "2026-10-01", B.name),
      q(4, B.agb, 1609.65, "2027-01-01", B.name),
    ]);
  });

  it("totals what each payee receives per year, and Controle finds the instalments equal to the Begroting's municipality part", () => {
    const workbook = describeWorkbook(INPUT);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const top = payouts.cells.findIndex((r) => r[0]?.value === "Per ontvanger");
    // Sorted by name: A's practice (its compensation, 0), B (5902.05), the care group (1428.00); total 7330.05.
    // Then the practices typed on free rows since the build (none yet).
    expect(payouts.cells.slice(top, top + 6).map((r) => [shown(r[0]) ?? null, shown(r[2]) ?? null, shown(r[3])])).toEqual([
      ["Per ontvanger", "Ontvanger", 2026],
      [null, A.name, 0],
      [null, B.name, 5902.05],
      [null, "Zorggroep Noord", 1428],
      [null, "Nieuwe praktijken op vrije rijen (eigen werkgever)", 0],
      ["Totaal ontvangers", null, 7330.05],
    ]);
    const checks = workbook.sheets.find((s) => s.name === "Controle")!;
    const line = (label: string) => checks.cells.find((r) => r[0]?.value === label);
    for (const label of ["Formatietermijnen 2026 gelijk aan Gemeente op Begroting 2026", "Betaalschema formatie zoals gebouwd", "Totalen per ontvanger gelijk aan het register"]) {
      expect([label, shown(line(label)?.[1]), shown(line(label)?.[2])]).toEqual([label, "OK", 0]);
    }
    hf.destroy();
  });

  it("checks a payment typed on an instalment like any other, and flags a schedule changed without a rebuild", () => {
    const workbook = describeWorkbook(INPUT);
    const hf = calculate(workbook);
    const u = hf.getSheetId("Uitbetalingen")!;
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const k2 = payouts.cells.findIndex((r) => shown(r[19]) === "Formatie K2" && shown(r[1]) === B.agb);
    // Invoice and payment of B's second quarter: 1609.65 due on 1-7-2026, paid 1-7-2026 in full.
    hf.setCellContents({ sheet: u, row: k2, col: 5 }, [["F-2", d("2026-06-20"), 1609.65, 1609.65, d("2026-07-01")]]);
    expect(hf.getCellValue({ sheet: u, row: k2, col: 11 })).toBe("Betaald");
    hf.setCellContents({ sheet: u, row: k2, col: 8 }, [[1600]]);
    expect(hf.getCellValue({ sheet: u, row: k2, col: 11 })).toBe("Te weinig betaald");
    const c = hf.getSheetId("Controle")!;
    const checks = workbook.sheets.find((s) => s.name === "Controle")!;
    const row = (label: string) => checks.cells.findIndex((r) => r[0]?.value === label);
    expect(hf.getCellValue({ sheet: c, row: row("Betaald gelijk aan te betalen"), col: 2 })).toBe(1);
    // Monthly on Uitgangspunten, no rebuild: Controle says so, by name.
    hf.setCellContents({ sheet: hf.getSheetId("Uitgangspunten")!, row: parameterRow("formationInstalments") - 1, col: 2 }, [[12]]);
    expect(hf.getCellValue({ sheet: c, row: row("Betaalschema formatie zoals gebouwd"), col: 1 })).toBe("Betaalschema gewijzigd: bouw opnieuw op");
    hf.destroy();
  });

  it("pays monthly in advance when Uitgangspunten says so, the instalments adding up to the part", () => {
    const monthly: BudgetInput = { ...INPUT, scheme: withParameters(SCHEMES.flevoland, { hourlyCost: "52.50", formationInstalments: 12, formationInAdvance: true }) };
    const workbook = describeWorkbook(monthly);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    hf.destroy();
    const rows = register(workbook.sheets.find((s) => s.name === "Uitbetalingen")!).filter((r) => r[1] === A.agb && r[0] !== "Compensatie overhead");
    // A: 1428 over May–Dec, 1.70 h each month of 13.6: 1428 × 1.7 / 13.6 = 178.50 a month from May; in advance, due on the 1st.
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual(
      ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"].map((m, i) => [`Formatie ${m}`, i < 4 ? 0 : 178.5, d(`2026-${String(i + 1).padStart(2, "0")}-01`)]),
    );
    // Uitgangspunten keeps the schedule; by default (per quarter afterwards) its source says it is the municipality's choice.
    const parameters = workbook.sheets.find((s) => s.name === "Uitgangspunten")!;
    const scheduleRow = parameters.cells[parameterRow("formationInstalments") - 1];
    expect([scheduleRow[0]?.value, scheduleRow[2]?.value, scheduleRow[4]?.value]).toEqual(["Formatie_termijnen", 12, "Eigen invoer"]);
    const byDefault = sheetOf("Uitgangspunten").cells.slice(parameterRow("formationInstalments") - 1, parameterRow("formationInAdvance"));
    expect(byDefault.map((r) => [r[0]?.value, r[2]?.value, r[4]?.value])).toEqual([
      ["Formatie_termijnen", 4, "Keuze van de gemeente; de stukken regelen geen betaalschema"],
      ["Formatie_vooraf", 0, "Keuze van de gemeente; de stukken regelen geen betaalschema"],
    ]);
    const values = parameters.cells.map((r) => r.map((c) => shown(c) ?? ""));
    const read = readParameters(values);
    expect([read.problems, read.scheme.params.formationInstalments, read.scheme.params.formationInAdvance]).toEqual([[], 12, true]);
    values[parameterRow("formationInstalments") - 1][2] = 6;
    expect(readParameters(values).problems.map((p) => p.key)).toEqual(["notAllowed"]);
  });

  it("reads typed instalments back by AGB code, year and kind, and an Uitbetalingen of before the kind column as compensation", () => {
    const payouts = sheetOf("Uitbetalingen");
    const values = payouts.cells.map((r) => r.map((c) => shown(c) ?? ""));
    const k3 = values.findIndex((r) => r[19] === "Formatie K3" && r[1] === A.agb);
    values[k3].splice(5, 5, "F-3", d("2026-09-20"), 535.5, 535.5, d("2026-10-01"));
    values[5].splice(5, 5, "C-1", "", "", 10, "");
    const typed = readPayments(values);
    expect([...typed.keys()]).toEqual([`${B.agb}|2026`, `${A.agb}|2026|Formatie K3`]);
    // Kept through a rebuild on the instalment's own row.
    const again = sheetOf("Uitbetalingen", { ...INPUT, payments: typed });
    expect(again.cells[k3].slice(5, 10).map(shown)).toEqual(["F-3", d("2026-09-20"), 535.5, 535.5, d("2026-10-01")]);
    expect(shown(again.cells[k3][11])).toBe("Betaald");
    // The layout before issue 11.2: A to S, no Betaling header; a row there is the compensation.
    const old = values.map((r) => r.slice(0, 19));
    old[k3] = [2026, A.agb, A.name, 0, "", "F-9", "", "", 99, ""];
    expect([...readPayments(old).keys()]).toEqual([`${B.agb}|2026`, `${A.agb}|2026`]);
  });

  it("in the .xlsx: a payment typed on an instalment, recalculated by LibreOffice, gets its status and Controle line", async () => {
    const workbook = describeWorkbook(INPUT);
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const row = payouts.cells.findIndex((r) => shown(r[19]) === "Formatie K3" && shown(r[1]) === A.agb) + 1;
    // A's third quarter: 535.50 due on 1-10-2026; invoiced 535.50 but paid 500 on 5-10-2026.
    const at = await editAndRecalculate(await renderXlsx(workbook), "formation-payment", (book) => {
      const sheet = book.getWorksheet("Uitbetalingen")!;
      ["F-3", d("2026-09-20"), 535.5, 500, d("2026-10-05")].forEach((v, i) => (sheet.getCell(row, 6 + i).value = v));
    });
    expect([at("Uitbetalingen", `D${row}`), at("Uitbetalingen", `K${row}`), at("Uitbetalingen", `L${row}`), at("Uitbetalingen", `M${row}`)]).toEqual([535.5, -35.5, "Te weinig betaald", "betaald ≠ gefactureerd"]);
    expect(controleOutcome(at, "Betaald gelijk aan gefactureerd")).toBe(`Betaald ≠ gefactureerd: Uitbetalingen rij ${row} (${A.name})`);
    expect(controleOutcome(at, "Formatietermijnen 2026 gelijk aan Gemeente op Begroting 2026")).toBe("OK");
    expect(controleOutcome(at, "Totalen per ontvanger gelijk aan het register")).toBe("OK");
  }, 180_000);
});
