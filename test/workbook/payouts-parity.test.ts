/**
 * Uitbetalingen and Controle with typed payments, kept rows and totals: the core's cached
 * values equal what HyperFormula and LibreOffice calculate, to the cent.
 */
import { payoutKey, type PaymentRecord } from "../../src/core/payouts";
import { renderXlsx } from "../../src/render/xlsx";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { readPayments } from "../../src/workbook/read-back";
import { EDGE_CASES } from "../fixtures/datasets";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { recalculateWithLibreOffice } from "../support/libreoffice";

const paid = (amount: number, fields: Partial<PaymentRecord> = {}): PaymentRecord => ({ invoiceNumber: "F-1", invoiceDate: 45700, invoiced: amount, paid: amount, paidDate: 45720, ...fields });

const WITH_PAYMENTS: BudgetInput = {
  ...EDGE_CASES,
  payments: new Map<string, PaymentRecord>([
    [payoutKey("01000002", 2025), paid(1000.01)],
    [payoutKey("01000003", 2026), paid(12.34, { paid: null })],
    [payoutKey("01000004", 2025), paid(99)],
    // Amounts typed as text: named, never #VALUE!.
    [payoutKey("01000002", 2026), paid(10, { paid: "1.000,-" })],
    [payoutKey("01000003", 2025), paid(10, { invoiced: "tien", paid: null })],
    // A practice removed from Praktijken, one of a year the forecast no longer has, and a row typed twice.
    [payoutKey("01099999", 2026), paid(500, { year: 2026, agb: "01099999", name: "Weg uit Praktijken" })],
    [payoutKey("01000005", 2020), paid(250.5, { year: 2020, agb: "01000005", name: "Oud jaar" })],
    [`${payoutKey("01000004", 2025)}|rij 40`, paid(1, { year: 2025, agb: "01000004", name: "Override hours" })],
  ]),
};

describe("Uitbetalingen and Controle with typed payments", () => {
  it("recalculates in HyperFormula to the core's cents, kept rows and totals included", () => {
    const workbook = describeWorkbook(WITH_PAYMENTS);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const kept = payouts.cells.filter((row) => row[2]?.value === "Weg uit Praktijken" || row[2]?.value === "Oud jaar");
    expect(kept.map((row) => row[11]?.result ?? row[11]?.value)).toEqual(["Jaar niet in de begroting", "Praktijk niet gevonden"]);
    const checks = workbook.sheets.find((s) => s.name === "Controle")!;
    expect(checks.cells.map((row) => row[0]?.value).filter((l) => String(l).startsWith("Bewaarde betaling"))).toEqual([
      "Bewaarde betaling 2020: Oud jaar (01000005)",
      "Bewaarde betaling 2025: Override hours (01000004)",
      "Bewaarde betaling 2026: Weg uit Praktijken (01099999)",
    ]);
    const outcome = (label: string) => checks.cells.find((row) => row[0]?.value === label)?.[1]?.result;
    expect(outcome("Bedragen op Uitbetalingen zijn getallen")).toMatch(/^Bedrag is geen getal: Uitbetalingen rij \d+ \(.+\) en nog 1 rij\(en\)$/);
    expect(checks.cells.flat().filter((c) => typeof c?.result === "string" && c.result.startsWith("#"))).toEqual([]);
    hf.destroy();
  });

  it("recalculates in LibreOffice to the core's cents", async () => {
    const workbook = describeWorkbook(WITH_PAYMENTS);
    const valueAt = await recalculateWithLibreOffice(await renderXlsx(workbook), "payments");
    expect(mismatches(workbook, valueAt).slice(0, 10)).toEqual([]);
  }, 180_000);

  it("reads back every typed row of a built register, kept rows and duplicates included, and skips the totals", () => {
    const workbook = describeWorkbook(WITH_PAYMENTS);
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const values = payouts.cells.map((row) => row.map((c) => c?.value ?? c?.result ?? ""));
    const again = readPayments(values);
    expect(again.size).toBe(WITH_PAYMENTS.payments!.size);
    expect(describeWorkbook({ ...WITH_PAYMENTS, payments: again }).sheets.find((s) => s.name === "Uitbetalingen")!.cells).toEqual(payouts.cells);
  });
});
