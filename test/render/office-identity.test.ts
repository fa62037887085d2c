/**
 * Issue 9.2: the generated sheets keep their identity through a rebuild. A person's own sheet
 * with formulas on a Begroting total, a Meerjarenraming total and a row of Uitbetalingen, a
 * name of their own on the Begroting and a chart on Meerjarenraming's ranges still show the
 * right figures afterwards: no #REF!. The in-memory host does what Excel does to references on
 * other sheets (a deleted sheet leaves #REF!, a renamed one takes them along, pasted cells
 * leave them alone), so the old delete-and-rename switch would fail this test.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { budgetLayout } from "../../src/workbook/budget-sheet";
import { forecastRows } from "../../src/workbook/forecast-sheet";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { samplePracticesCsv } from "../../src/samples/sample";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";

const TOTAL = budgetLayout(12).totalRow;
const FORECAST_TOTAL = forecastRows(4).last + 1;
const MINE = "Mijn overzicht";
/** The person's formulas, and the generated cell each one shows, with the Begroting total on row `total`. */
const formulas = (total: number): [string, string, string][] => [
  [`='Begroting 2026'!K${total}`, "Begroting 2026", `K${total}`],
  [`=Meerjarenraming!H${FORECAST_TOTAL}`, "Meerjarenraming", `H${FORECAST_TOTAL}`],
  ["=Uitbetalingen!G5", "Uitbetalingen", "G5"],
  ["=MijnTotaal", "Begroting 2026", `K${total}`],
];
const FORMULAS = formulas(TOTAL);

async function withOwnSheet(): Promise<MemoryExcel> {
  const host = new MemoryExcel();
  expect(await buildOn(host, NEW_SAMPLE)).toMatchObject({ kind: "built" });
  await typeInto(host, "Uitbetalingen", "F5:J5", [["F-2026-001", 46100, 1000, 1000, 46150]]);
  await host.run(async (context) => {
    const mine = context.workbook.worksheets.add(MINE);
    context.workbook.names.add("MijnTotaal", `='Begroting 2026'!$K$${TOTAL}`);
    mine.getRange(`A1:A${FORMULAS.length}`).formulas = FORMULAS.map(([formula]) => [formula]);
    mine.charts.add("ColumnClustered", context.workbook.worksheets.getItem("Meerjarenraming").getRange(`D5:D8`), "Columns");
    await context.sync();
  });
  return host;
}

function expectIntact(host: MemoryExcel, total = TOTAL): void {
  const mine = host.state.sheet(MINE)!;
  formulas(total).forEach(([formula, sheet, address], i) => {
    expect(host.state.cell(mine, i + 1, 1)?.formula).toBe(formula);
    expect([formula, host.state.valueAt(mine, i + 1, 1)]).toEqual([formula, valueOf(host, sheet, address)]);
    // No error value (#REF!, #NAME?): a number, or empty where a new budget starts Uitbetalingen afresh.
    expect([formula, String(host.state.valueAt(mine, i + 1, 1))]).toEqual([formula, expect.not.stringMatching(/^#/)]);
  });
  expect(mine.charts.map((c) => c.source)).toEqual(["Meerjarenraming!D5:D8"]);
  expect(host.state.names.get("MijnTotaal")).toBe(`'Begroting 2026'!$K$${total}`);
  expect(JSON.stringify([...host.state.names.values(), ...host.state.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula ?? ""))])).not.toContain("#REF!");
}

describe("a person's own formulas, name and chart on the generated sheets", () => {
  it.each<[string, BuildRequest]>([
    ["a rebuild", { mode: "rebuild" }],
    // The same twelve practices, De Linde with more patients.
    ["an import", { mode: "import", csv: samplePracticesCsv(2026).replace("01012345;Emmelhage;2.940", "01012345;Emmelhage;9.000") }],
    ["a new budget over the old one", NEW_SAMPLE],
  ])("still show the right figures after %s: the same sheets, new cells", async (_, request) => {
    const host = await withOwnSheet();
    expectIntact(host);
    const sheets = ["Begroting 2026", "Meerjarenraming", "Uitbetalingen", "Praktijken", "Uitgangspunten"].map((name) => host.state.sheet(name));
    const before = valueOf(host, MINE, "A1");
    // Figures that move: many more patients for De Linde.
    await typeInto(host, "Praktijken", "D5", [[9000]]);
    expect(await buildOn(host, request, { confirmed: true })).toMatchObject({ kind: "built" });
    // The very sheets the person's formulas point at, not copies under the same name.
    expect(["Begroting 2026", "Meerjarenraming", "Uitbetalingen", "Praktijken", "Uitgangspunten"].map((name) => host.state.sheet(name))).toEqual(sheets.map((s) => expect.objectContaining({ name: s!.name })));
    sheets.forEach((sheet) => expect(host.state.sheets).toContain(sheet));
    expectIntact(host);
    if (request.mode !== "new") expect(valueOf(host, MINE, "A1")).not.toBe(before);
  });

  it("follow the totals down when a practice is added: the rebuild inserts the rows, so Excel moves the references", async () => {
    const host = await withOwnSheet();
    const before = valueOf(host, MINE, "A1");
    // A thirteenth practice typed into the first free row of Praktijken.
    await typeInto(host, "Praktijken", "A17:E17", [["Huisartsenpraktijk Nieuw", "'01999999", "Emmelhage", 3000, "Basis"]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const total = budgetLayout(13).totalRow;
    expect(total).toBe(TOTAL + 1);
    expectIntact(host, total);
    expect(valueOf(host, MINE, "A1")).not.toBe(before);
    expect(valueOf(host, "Uitbetalingen", "F5")).toBe("F-2026-001");
    expect([...host.state.names.keys()].filter((n) => n.startsWith("_poh"))).toEqual([]);
  });

  it("show #REF! only for a sheet the new budget no longer has, as Excel does for a deleted sheet", async () => {
    const host = await withOwnSheet();
    // The budget year typed on Uitgangspunten moves to 2027: Begroting 2026 goes, Begroting 2027 stays the same sheet.
    const year2027 = host.state.sheet("Begroting 2027");
    const cell = [...host.state.sheet("Uitgangspunten")!.cells].find(([, c]) => c.value === 2026)![0].split(",").map(Number);
    await typeInto(host, "Uitgangspunten", `${String.fromCharCode(64 + cell[1])}${cell[0]}`, [[2027]]);
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(host.state.sheets).toContain(year2027);
    expect(host.state.cell(host.state.sheet(MINE)!, 1, 1)?.formula).toBe("=#REF!");
    expect(host.state.cell(host.state.sheet(MINE)!, 2, 1)?.formula).toBe(`=Meerjarenraming!H${FORECAST_TOTAL}`);
  });
});
