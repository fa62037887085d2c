/**
 * Issue 8.6, "Payments are checked like a controller checks them": a controller types invoices
 * and payments on Uitbetalingen; invoiced ≠ due, paid ≠ invoiced, paid before the due date,
 * paid without an invoice, overdue on the Peildatum and an amount typed as text are each flagged
 * on the row (Signalen, Status) and counted on Controle with the first row and practice; the
 * totals row sums due, invoiced, paid and open, skipping text. In the pane's host and in an
 * .xlsx recalculated by LibreOffice; and the core's cached values equal what the formulas compute.
 */
import type ExcelJS from "exceljs";
import { forecast } from "../../src/core/budget";
import { excelSerial } from "../../src/core/dates";
import { SIGNALS } from "../../src/core/payment-signals";
import { payoutKey, type PaymentRecord } from "../../src/core/payouts";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { MemoryExcel } from "../../src/host/memory-excel";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { samplePracticesCsv } from "../../src/samples/sample";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { PEILDATUM_ROW } from "../../src/workbook/parameters-sheet";
import { PAYOUT_HEADERS } from "../../src/workbook/payouts-sheet";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";
import { recalculateWithLibreOffice } from "../support/libreoffice";
import { buildOn, typeInto, valueOf } from "../support/memory";
import { controleOutcome, editAndRecalculate, type ValueAt } from "../support/person";

const BUILT_ON = new Date(2026, 0, 15);
const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 4, hourlyCost: "52.50", withSample: true } };
const INPUT: BudgetInput = { scheme: withParameters(SCHEMES.vpg, { hourlyCost: "52.50" }), practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 4, buildDate: "2026-01-15" };
const serial = (iso: string) => excelSerial(iso);
const MAY_1 = serial("2026-05-01"); // the due date of most 2026 rows
const PEIL = `C${PEILDATUM_ROW}`;
/** 12 practices + 25 free rows a year, 4 years; their formation instalments (4 each, issue 11.2); then a blank row, Totaal and Openstaand. */
const TOTAL_ROW = 4 + 4 * 37 * 5 + 2;
/** The first formation row: the compensation rows of the 4 years come first (5–152). */
const FORMATION_TOP = 4 + 4 * 37 + 1;

/** What a controller types, by Uitbetalingen row: invoice number, invoice date, invoiced, paid, paid date (F–J). */
const TYPED: Record<number, (string | number | null)[]> = {
  5: ["F-5", MAY_1, 1500, null, null], // De Linde, 1450 due: invoiced too much, nothing paid
  6: ["F-6", MAY_1, 2340.4, 2300, MAY_1 + 7], // Het Anker: paid less than invoiced
  8: ["F-8", MAY_1 - 60, 1210, 1210, MAY_1 - 30], // Zuiderzee: paid before the due date
  9: [null, null, null, 2401.8, MAY_1 + 7], // Polderweg (Extra at its own 75%: 3,202.40 × 0.75): paid without an invoice
  10: ["F-10", MAY_1, 919.6, 919.6, MAY_1 + 7], // Bloemenhof: all in order
  11: [null, null, null, "1.000,-", null], // Ruigeweg: an amount typed as text
  14: ["F-14", serial("2026-09-01"), 1510, null, null], // Oude Haven, due 1-9-2026: invoiced, not paid
  42: [null, null, null, 100, serial("2027-05-03")], // De Linde 2027: paid (little) without an invoice
};

const EXPECTED_LINES = {
  "Gefactureerd gelijk aan te betalen": "Gefactureerd ≠ te betalen: Uitbetalingen rij 5 (Huisartsenpraktijk De Linde)",
  "Betaald gelijk aan gefactureerd": "Betaald ≠ gefactureerd: Uitbetalingen rij 6 (Gezondheidscentrum Het Anker)",
  "Niet betaald vóór de vervaldatum": "Betaald vóór de vervaldatum: Uitbetalingen rij 8 (Praktijk Zuiderzee)",
  "Geen betaling zonder factuur": "Betaald zonder factuur: Uitbetalingen rij 9 (Huisartsenpraktijk Polderweg) en nog 1 rij(en)",
  "Bedragen op Uitbetalingen zijn getallen": "Bedrag is geen getal: Uitbetalingen rij 11 (Huisartsen Ruigeweg)",
  "Betaald gelijk aan te betalen": "Betalingen die afwijken van het bedrag",
};

/** The Controle line's count (column C) beside its outcome. */
function controleCount(at: ValueAt, label: string): unknown {
  for (let row = 5; row < 400; row++) if (at("Controle", `A${row}`) === label) return at("Controle", `C${row}`);
  throw new Error(`no Controle line "${label}"`);
}

/** The rows the overdue rule picks, from what the sheet shows: something due before the Peildatum and not fully paid. */
function overdueRows(at: ValueAt, peildatum: number): number[] {
  const rows: number[] = [];
  for (let r = 5; r < TOTAL_ROW - 1; r++) {
    const [due, dueDate, paid] = [at("Uitbetalingen", `D${r}`), at("Uitbetalingen", `E${r}`), at("Uitbetalingen", `I${r}`)];
    const unpaid = paid === null || paid === undefined || paid === "" || (typeof paid === "number" && paid < (due as number));
    if (typeof due === "number" && due > 0 && typeof dueDate === "number" && dueDate < peildatum && unpaid) rows.push(r);
  }
  return rows;
}

/** What the controller sees after typing TYPED, with the Peildatum still before every due date. */
function expectFlagged(at: ValueAt): void {
  const u = (address: string) => at("Uitbetalingen", address);
  expect(PAYOUT_HEADERS.slice(11, 13)).toEqual(["Status", "Signalen"]);
  expect([5, 6, 8, 9, 10, 11, 14, 42].map((r) => [r, u(`L${r}`), u(`M${r}`)])).toEqual([
    [5, "Gefactureerd, niet betaald", "gefactureerd ≠ te betalen"],
    [6, "Te weinig betaald", "betaald ≠ gefactureerd"],
    [8, "Betaald", "betaald vóór de vervaldatum"],
    [9, "Betaald", "betaald zonder factuur"],
    [10, "Betaald", ""],
    [11, "Bedrag is geen getal", ""],
    [14, "Gefactureerd, niet betaald", ""],
    [42, "Te weinig betaald", "betaald zonder factuur"],
  ]);
  // Each signal's own column holds the row number, for Controle to count and name.
  expect([u("N5"), u("O6"), u("P8"), u("Q9"), u("Q42")]).toEqual([5, 6, 8, 9, 42]);
  for (const [label, outcome] of Object.entries(EXPECTED_LINES)) expect([label, controleOutcome(at, label)]).toEqual([label, outcome]);
  expect(controleCount(at, "Geen betaling zonder factuur")).toBe(2);
  expect(controleCount(at, "Betaald gelijk aan te betalen")).toBe(2);
  expect(controleOutcome(at, "Niets achterstallig op de peildatum")).toBe("OK");
  // Totals: due, invoiced, paid (the text "1.000,-" skipped) and open.
  const due = u(`D${TOTAL_ROW}`) as number;
  expect(u(`A${TOTAL_ROW}`)).toBe("Totaal");
  expect([u(`H${TOTAL_ROW}`), u(`I${TOTAL_ROW}`)]).toEqual([7480, 7732 - 800.6]);
  // The compensation: Polderweg at its own 75% instead of Extra's 100% (issue 11.6), 800.60 less in each
  // of the 4 years; then the formation instalments (issue 11.2), which add up to the municipality's part of
  // each year (VPG: 100% of the formation), as the core has it.
  const formation = forecast(INPUT.scheme.params, INPUT.practices, 2026, 4).reduce((total, year) => total + year.totals.municipalityPart.toNumber(), 0);
  expect(due).toBeCloseTo(62215.6 - 4 * 800.6 + formation, 2);
  expect(u(`D${TOTAL_ROW + 1}`)).toBeCloseTo(due - (7732 - 800.6), 2);
}

/** After the Peildatum was typed as 1-7-2026: the 2026 rows due on 1-5-2026 and not fully paid are overdue. */
function expectOverdue(at: ValueAt): void {
  const rows = overdueRows(at, serial("2026-07-01"));
  expect(rows.filter((r) => r < FORMATION_TOP)).toEqual([5, 6, 12, 15]);
  // Issue 11.2: the first quarter's formation instalments, due 1-4-2026 and not paid: one for each of the
  // 10 practices active in January–March 2026 (all but Oude Haven, from May, and Espelerhof, from September).
  const formation = rows.filter((r) => r >= FORMATION_TOP);
  expect(formation.map((r) => at("Uitbetalingen", `E${r}`))).toEqual(Array(10).fill(serial("2026-04-01")));
  expect(at("Uitbetalingen", "M5")).toBe("gefactureerd ≠ te betalen; achterstallig op de peildatum");
  expect([at("Uitbetalingen", "R12"), at("Uitbetalingen", "M12"), at("Uitbetalingen", "M14")]).toEqual([12, "achterstallig op de peildatum", ""]);
  expect(controleOutcome(at, "Niets achterstallig op de peildatum")).toBe("Achterstallig op de peildatum: Uitbetalingen rij 5 (Huisartsenpraktijk De Linde) en nog 13 rij(en)");
  expect(controleCount(at, "Niets achterstallig op de peildatum")).toBe(4 + 10);
}

beforeAll(() => jest.useFakeTimers({ now: BUILT_ON, doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] }));
afterAll(() => jest.useRealTimers());

describe("payments checked like a controller checks them", () => {
  it("in the pane's workbook: each flag on its row and on Controle, and overdue follows the Peildatum typed on Uitgangspunten", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expect(at("Uitgangspunten", `A${PEILDATUM_ROW}`)).toBe("Peildatum");
    expect(at("Uitgangspunten", PEIL)).toBe(serial("2026-01-15")); // the build date
    expect(controleOutcome(at, "Geen betaling zonder factuur")).toBe("OK");
    for (const [row, values] of Object.entries(TYPED)) await typeInto(host, "Uitbetalingen", `F${row}:J${row}`, [values.map((v) => v ?? "")]);
    expectFlagged(at);

    await typeInto(host, "Uitgangspunten", PEIL, [[serial("2026-07-01")]]);
    expectOverdue(at);
    // Later still: Oude Haven (due 1-9-2026, invoiced, not paid) joins.
    await typeInto(host, "Uitgangspunten", PEIL, [[serial("2026-10-01")]]);
    const later = overdueRows(at, serial("2026-10-01"));
    expect(later.filter((r) => r < FORMATION_TOP)).toEqual([5, 6, 12, 14, 15]);
    expect(controleCount(at, "Niets achterstallig op de peildatum")).toBe(later.length);
    expect(at("Uitbetalingen", "M14")).toBe("achterstallig op de peildatum");
    // Earlier again: nothing is overdue.
    await typeInto(host, "Uitgangspunten", PEIL, [[serial("2026-02-01")]]);
    expect(controleOutcome(at, "Niets achterstallig op de peildatum")).toBe("OK");
    expect(at("Uitbetalingen", "M5")).toBe("gefactureerd ≠ te betalen");
    // A Peildatum that is no date is named, never a silent OK.
    await typeInto(host, "Uitgangspunten", PEIL, [["morgen"]]);
    expect(controleOutcome(at, "Niets achterstallig op de peildatum")).toBe("Peildatum op Uitgangspunten is geen datum: achterstallig is niet getoetst");
  });

  it("in the .xlsx, edited as a person would and recalculated by LibreOffice", async () => {
    const xlsx = await renderXlsx(describeWorkbook(INPUT));
    const typeAll = (book: ExcelJS.Workbook) => {
      const sheet = book.getWorksheet("Uitbetalingen")!;
      for (const [row, values] of Object.entries(TYPED)) values.forEach((v, i) => (sheet.getCell(Number(row), 6 + i).value = v));
    };
    expectFlagged(await editAndRecalculate(xlsx, "payment-checks", typeAll));
    const later = await editAndRecalculate(xlsx, "payment-checks-peildatum", (book) => {
      typeAll(book);
      book.getWorksheet("Uitgangspunten")!.getCell(PEIL).value = serial("2026-07-01");
    });
    expectOverdue(later);
  }, 240_000);
});

/** Every signal, a text amount, a free row and a kept row at once, typed before the build. */
const paid = (amount: number, fields: Partial<PaymentRecord> = {}): PaymentRecord => ({ invoiceNumber: "F-1", invoiceDate: MAY_1, invoiced: amount, paid: amount, paidDate: MAY_1 + 3, ...fields });
const WITH_EVERY_SIGNAL: BudgetInput = {
  ...INPUT,
  scheme: { ...INPUT.scheme, params: { ...INPUT.scheme.params, peildatum: "2026-07-01" } },
  payments: new Map<string, PaymentRecord>([
    [payoutKey("01012345", 2026), paid(1450, { invoiced: 1500, paid: null, paidDate: null })],
    [payoutKey("01023456", 2026), paid(2340.4, { paid: 2300 })],
    [payoutKey("01045678", 2026), paid(1210, { paidDate: MAY_1 - 30 })],
    [payoutKey("01056789", 2026), paid(3202.4, { invoiceNumber: null, invoiceDate: null, invoiced: null })],
    [payoutKey("01078901", 2026), paid(0, { invoiced: null, paid: "1.000,-" })],
    [payoutKey("01012345", 2027), paid(1, { invoiced: 1450.004, paid: 1450.006 })],
    [payoutKey("01099999", 2026), paid(500, { year: 2026, agb: "01099999", name: "Weg uit Praktijken" })],
    [payoutKey("", 2027), paid(75, { year: 2027, agb: "", name: "" })],
  ]),
};

describe("the signals' cached values", () => {
  it("are what HyperFormula calculates from the formulas, to the cent", () => {
    const workbook = describeWorkbook(WITH_EVERY_SIGNAL);
    const hf = calculate(workbook);
    expect(mismatches(workbook, hyperFormulaValue(hf)).slice(0, 10)).toEqual([]);
    const payouts = workbook.sheets.find((s) => s.name === "Uitbetalingen")!;
    const signalen = payouts.cells.map((row) => String(row[12]?.result ?? ""));
    for (const text of Object.values(SIGNALS)) expect([text, signalen.some((s) => s.split("; ").includes(text))]).toEqual([text, true]);
    // The kept rows (a practice gone, a row typed without AGB code) have a status, no signals.
    const kept = payouts.cells.filter((row) => row[11]?.result === "Praktijk niet gevonden");
    expect(kept.map((row) => [row[2]?.value, row[12]?.result])).toEqual([["Weg uit Praktijken", ""], ["", ""]]);
    hf.destroy();
  });

  it("are what LibreOffice calculates from the formulas, to the cent", async () => {
    const workbook = describeWorkbook(WITH_EVERY_SIGNAL);
    expect(mismatches(workbook, await recalculateWithLibreOffice(await renderXlsx(workbook), "payment-signals")).slice(0, 10)).toEqual([]);
  }, 180_000);

  it("say OK on Controle for a budget as built, nothing typed", () => {
    const controle = describeWorkbook(INPUT).sheets.find((s) => s.name === "Controle")!;
    const outcome = (label: string) => controle.cells.find((r) => r[0]?.value === label)?.[1]?.result;
    for (const label of [...Object.keys(EXPECTED_LINES), "Niets achterstallig op de peildatum"]) expect([label, outcome(label)]).toEqual([label, "OK"]);
  });
});
