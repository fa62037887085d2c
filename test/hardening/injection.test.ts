import fc from "fast-check";
import ExcelJS from "exceljs";
import { LOCALES, parseEntry, type HostLocale } from "../../src/host/parse-entry";
import { cellText } from "../../src/core/text";
import { MemoryExcel } from "../../src/host/memory-excel";
import { entryOf } from "../../src/render/office/plan";
import { renderXlsx } from "../../src/render/xlsx";
import { describeWorkbook } from "../../src/workbook/describe";
import { SCHEMES } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { buildOn, valueOf } from "../support/memory";

const DANGEROUS = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 12345678", "-Praktijk", "@Huisarts", "=1+1", "'quoted", "01-03-2025", "1.234", "TRUE", "€ 12,50", "1 mrt", "12:30", "#N/B", "4,5"];
const csv = ["praktijk;agb;patienten", ...DANGEROUS.map((name, i) => `"${name.replace(/"/g, '""')}";01${String(i).padStart(6, "0")};2350`)].join("\n");

const BOTH: HostLocale[] = ["nl-NL", "en-US"];
/**
 * Counterexamples, kept as fixed examples: " +0" (issue 9.7: spaces before a number) and
 * what the earlier rule let through once the host read text as Excel does: currency, times,
 * dates with month names, error literals, exponents, "(12)", fractions, AM/PM. With them,
 * texts the earlier rule did quote and that must stay quoted: a boolean word, an AGB code.
 */
const FOUND = [" +0", " -5", "€2", "€ 12,50", "$30", "12:30", "5:2", "6P", "1 mrt", "maart-2025", "aug 30", "2-jan", "April 2025", "#N/B", " #N/A", "1e3", "0E1", "(12)", "1 1/2"];
const KEPT = ["WAAR", "01012345"];
/** Pieces Excel reads in numbers, dates and times of either locale, so the strings hit the parser's corners. */
const MONTHS = Object.values(LOCALES).flatMap((rules) => rules.months.flat());
const piece = fc.oneof(
  fc.constantFrom("0", "1", "12", "30", "2025", "01012345", ",", ".", " ", "+", "-", "/", ":", "%", "€", "$", "(", ")", "e", "E", "AM", "pm", "p", "WAAR", "true", "#N/B", "#N/A", "'", "=", "@", "\u00a0", "\t", "x", "Praktijk"),
  fc.constantFrom(...MONTHS).map((m) => m.toUpperCase()),
  fc.constantFrom(...MONTHS),
);
const excelish = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(""));

describe("text stays text (no formula injection)", () => {
  it("writes any text through the Office.js renderer so that Excel keeps it as that text, in nl-NL and en-US", () => {
    fc.assert(
      fc.property(fc.oneof(excelish, fc.string(), fc.string({ unit: "binary" }), fc.constantFrom(...DANGEROUS, ...FOUND, ...KEPT)), (text) => {
        const written = cellText(text); // what a cell can hold; the renderer writes no more
        fc.pre(written !== "");
        const entry = entryOf({ value: text }, (f) => f);
        for (const locale of BOTH) expect([locale, parseEntry(entry, { locale })]).toEqual([locale, { value: written }]);
      }),
      { numRuns: 5000, examples: [...FOUND, ...KEPT].map((text) => [text]) },
    );
  });

  it.each(BOTH)("keeps practice names Excel would read as a formula, number, date or error as text in every sheet built in Excel (%s)", async (locale) => {
    const host = new MemoryExcel({ locale });
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
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- an exceljs cell, no Office.js proxy
      expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, name]);
    });
  });
});
