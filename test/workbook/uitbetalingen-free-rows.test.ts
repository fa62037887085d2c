/**
 * Issue 8.2 on Uitbetalingen: a practice typed on a free row of Praktijken enters Uitbetalingen
 * on recalculation (its AGB code, name, amount and due date on the year's free row), its typed
 * payment is checked like any other and counted on Controle, and a rebuild (pane, or the
 * command's reader on an .xlsx LibreOffice saved) puts that payment on the practice's own row.
 */
import path from "path";
import { readExisting } from "../../src/cli/existing";
import { excelSerial } from "../../src/core/dates";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { MemoryExcel } from "../../src/host/memory-excel";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { samplePracticesCsv } from "../../src/samples/sample";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { readParameters, readPayments, readPractices } from "../../src/workbook/read-back";
import { buildOn, typeInto, valueOf } from "../support/memory";
import { controleOutcome, editAndRecalculate, type ValueAt } from "../support/person";

const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 2, hourlyCost: "52.50", withSample: true } };
const INPUT: BudgetInput = { scheme: withParameters(SCHEMES.vpg, { hourlyCost: "52.50" }), practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 2, buildDate: "2026-01-15" };
/**
 * 12 practices, then 25 free rows a year: 2026 on rows 5–41 (free from 17), 2027 on 42–78 (free
 * from 54); then the formation instalments (issue 11.2), 4 per row of those, 2 × 37 × 4 = 296 rows (79–374).
 */
const FREE_2026 = 17;
const FREE_2027 = 54;
const FORMATION_ROWS = 2 * 37 * 4;
const TOTAL_ROW = 80 + FORMATION_ROWS;
const NEW_PRACTICE = ["Praktijk Nieuwland", "'01999999", "Nieuwland", 2350, "Aanvullend", "", "", ""];
const asStored = (row: unknown[]) => row.map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v === "" ? null : v));
const JUNE_1 = excelSerial("2026-06-01");
/** Invoice and payment of the newcomer in 2026 (filled in once the amount shows), and a payment without invoice in 2027. */
const payment2026 = (due: number) => ["F-17", JUNE_1, due, due, JUNE_1];
const PAYMENT_2027 = ["", "", "", 100, excelSerial("2027-06-01")];
/** A payment typed on a free row where no practice was typed: named, never silently OK. */
const STRAY = ["", "", "", 75, ""];

/** What Uitbetalingen and Controle show once the practice is typed on Praktijken row 17, with its payments. */
function expectOnFreeRows(at: ValueAt): void {
  const u = (a: string) => at("Uitbetalingen", a);
  for (const [row, sheet] of [[FREE_2026, "Begroting 2026"], [FREE_2027, "Begroting 2027"]] as const) {
    expect([u(`A${row}`), u(`B${row}`), u(`C${row}`)]).toEqual([sheet === "Begroting 2026" ? 2026 : 2027, "01999999", "Praktijk Nieuwland"]);
    expect(u(`D${row}`)).toBeGreaterThan(0);
    expect(u(`D${row}`)).toBe(at(sheet, "T17")); // the newcomer's compensation on its Begroting row
    expect(u(`E${row}`)).toBe(at(sheet, "U17"));
  }
  expect([u(`L${FREE_2026}`), u(`M${FREE_2026}`)]).toEqual(["Betaald", ""]);
  expect([u(`L${FREE_2027}`), u(`M${FREE_2027}`), u(`Q${FREE_2027}`)]).toEqual(["Te weinig betaald", "betaald zonder factuur", FREE_2027]);
  // The other free rows stay empty, and the stray payment is named.
  expect([u(`B${FREE_2026 + 2}`), u(`D${FREE_2026 + 2}`), u(`L${FREE_2026 + 2}`), u(`M${FREE_2026 + 2}`)]).toEqual(["", 0, "", ""]);
  expect([u(`B${FREE_2026 + 1}`), u(`L${FREE_2026 + 1}`)]).toEqual(["", "Praktijk niet gevonden"]);
  // Controle's ranges reach the free rows.
  expect(controleOutcome(at, "Geen betaling zonder factuur")).toBe(`Betaald zonder factuur: Uitbetalingen rij ${FREE_2027} (Praktijk Nieuwland)`);
  expect(controleOutcome(at, "Elke betaling hoort bij een praktijk in de begroting")).toBe(`Praktijk niet gevonden: Uitbetalingen rij ${FREE_2026 + 1} (zonder naam)`);
  // The totals count the newcomer: due includes both its years, paid its payments and the stray one.
  expect(u(`I${TOTAL_ROW}`)).toBeCloseTo((u(`D${FREE_2026}`) as number) + 100 + 75, 2);
  let due = 0;
  for (let r = 5; r < TOTAL_ROW - 1; r++) due += u(`D${r}`) as number;
  expect(u(`D${TOTAL_ROW}`)).toBeCloseTo(due, 2);
}

/** After a rebuild: the newcomer is practice 13, its payments on its own rows (2026 row 17, 2027 row 17 + 37 + 1), the stray one kept. */
function expectRebuilt(cells: (row: number, col: string) => unknown): void {
  expect([cells(17, "B"), cells(17, "C"), cells(17, "F"), cells(17, "I"), cells(17, "L")]).toEqual(["01999999", "Praktijk Nieuwland", "F-17", cells(17, "D"), "Betaald"]);
  const row2027 = 5 + 13 + 25 + 12;
  expect([cells(row2027, "A"), cells(row2027, "B"), cells(row2027, "I"), cells(row2027, "M")]).toEqual([2027, "01999999", 100, "betaald zonder factuur"]);
  // The register is one row longer a year (and 4 formation rows); the stray payment is a kept row below it.
  const kept = 5 + 2 * (13 + 25) * 5;
  expect([cells(kept, "A"), cells(kept, "B") ?? "", cells(kept, "I"), cells(kept, "L")]).toEqual([2026, "", 75, "Praktijk niet gevonden"]);
}

describe("a practice typed on a free row of Praktijken, on Uitbetalingen", () => {
  beforeAll(() => jest.useFakeTimers({ now: new Date(2026, 0, 15), doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] }));
  afterAll(() => jest.useRealTimers());

  it("shows on each year's free row in the pane's workbook on recalculation, and a rebuild puts its payments on its own rows", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    expect([at("Uitbetalingen", `B${FREE_2026}`), at("Uitbetalingen", `L${FREE_2026}`), at("Uitbetalingen", `M${FREE_2026}`)]).toEqual(["", "", ""]);
    await typeInto(host, "Praktijken", "A17:H17", [NEW_PRACTICE]);
    const due = at("Uitbetalingen", `D${FREE_2026}`) as number;
    await typeInto(host, "Uitbetalingen", `F${FREE_2026}:J${FREE_2026}`, [payment2026(due)]);
    await typeInto(host, "Uitbetalingen", `F${FREE_2027}:J${FREE_2027}`, [PAYMENT_2027]);
    await typeInto(host, "Uitbetalingen", `F${FREE_2026 + 1}:J${FREE_2026 + 1}`, [STRAY]);
    expectOnFreeRows(at);

    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expectRebuilt((row, col) => at("Uitbetalingen", `${col}${row}`));
    expect(controleOutcome(at, "Bewaarde betaling 2026: (geen naam) (geen AGB-code)")).toMatch(new RegExp(`^Praktijk niet gevonden: zie Uitbetalingen rij ${81 + 2 * 38 * 4}$`));
  });

  it("shows in the .xlsx recalculated by LibreOffice, and the command's reader rebuilds it onto the practice's rows", async () => {
    const built = describeWorkbook(INPUT);
    const xlsx = await renderXlsx(built);
    // A first pass learns the amount LibreOffice shows for the newcomer, as a person reads it before typing the invoice.
    const first = await editAndRecalculate(xlsx, "free-payouts-1", (book) => asStored(NEW_PRACTICE).forEach((v, i) => (book.getWorksheet("Praktijken")!.getCell(17, i + 1).value = v as never)));
    const amount = first("Uitbetalingen", `D${FREE_2026}`) as number;
    const name = "free-payouts-2";
    const at = await editAndRecalculate(xlsx, name, (book) => {
      asStored(NEW_PRACTICE).forEach((v, i) => (book.getWorksheet("Praktijken")!.getCell(17, i + 1).value = v as never));
      const payouts = book.getWorksheet("Uitbetalingen")!;
      for (const [row, values] of [[FREE_2026, payment2026(amount)], [FREE_2027, PAYMENT_2027], [FREE_2026 + 1, STRAY]] as const)
        asStored(values).forEach((v, i) => (payouts.getCell(row, 6 + i).value = v as never));
    });
    expectOnFreeRows(at);

    // Read back as `poh-budget --update` does, from the file LibreOffice saved.
    const existing = await readExisting(path.resolve(__dirname, "../../test-output/libreoffice/out", `${name}.xlsx`), "nl");
    if (existing.kind !== "ours") throw new Error(existing.reason);
    const parameters = readParameters(existing.parameters);
    const practices = readPractices(existing.practices);
    expect([parameters.problems, practices.problems, practices.practices.length]).toEqual([[], [], 13]);
    const payments = readPayments(existing.payouts!);
    expect([...payments.keys()].sort()).toEqual(["01999999|2026", "01999999|2027", "|2026"]);
    const rebuilt = describeWorkbook({ scheme: parameters.scheme, practices: practices.practices, budgetYear: parameters.budgetYear, years: parameters.years, payments, buildDate: "2026-01-16" });
    const sheet = rebuilt.sheets.find((s) => s.name === "Uitbetalingen")!;
    expectRebuilt((row, col) => {
      const c = sheet.cells[row - 1][col.charCodeAt(0) - 65];
      return c?.value ?? c?.result;
    });
  }, 240_000);
});
