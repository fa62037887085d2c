import fc from "fast-check";
import ExcelJS from "exceljs";
import { parseEntry } from "../../src/host/state";
import { MemoryExcel } from "../../src/host/memory-excel";
import { entryOf } from "../../src/render/office/plan";
import { renderXlsx } from "../../src/render/xlsx";
import { describeWorkbook } from "../../src/workbook/describe";
import { SCHEMES } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { buildOn, valueOf } from "../support/memory";

const DANGEROUS = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 12345678", "-Praktijk", "@Huisarts", "=1+1", "'quoted", "01-03-2025", "1.234", "TRUE"];
const csv = ["praktijk;agb;patienten", ...DANGEROUS.map((name, i) => `"${name.replace(/"/g, '""')}";0100000${i};2350`)].join("\n");

describe("text stays text (no formula injection)", () => {
  it("writes any text through the Office.js renderer so that Excel keeps it as that text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS)), (text) => {
        fc.pre(text !== "");
        const entry = entryOf({ value: text }, (f) => f);
        expect(parseEntry(entry)).toEqual({ value: text });
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps practice names that start with = + - @ as text in every sheet built in Excel", async () => {
    const host = new MemoryExcel();
    await buildOn(host, { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 1, hourlyCost: "52.50", withSample: false } });
    const outcome = await buildOn(host, { mode: "import", csv }, { confirmed: true });
    expect(outcome.kind).toBe("built");
    DANGEROUS.forEach((name, i) => {
      expect(valueOf(host, "Praktijken", `A${5 + i}`)).toBe(name);
      expect(valueOf(host, "Begroting 2026", `A${5 + i}`)).toBe(name);
      expect(valueOf(host, "Uitbetalingen", `C${5 + i}`)).toBe(name);
      expect(host.state.cell(host.state.sheet("Praktijken")!, 5 + i, 1)?.formula).toBeUndefined();
    });
  });

  it("writes them as text cells in the .xlsx", async () => {
    const description = describeWorkbook({ scheme: SCHEMES.vpg, practices: importPractices(csv).practices, budgetYear: 2026, years: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(description)) as unknown as ArrayBuffer);
    DANGEROUS.forEach((name, i) => {
      const cell = workbook.getWorksheet("Praktijken")!.getCell(`A${5 + i}`);
      expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, name]);
    });
  });
});
