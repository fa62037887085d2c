/**
 * Issue 13 through Office.js (the in-memory host): the same print setup, frozen name column
 * and chart as the .xlsx, set with ExcelApi 1.9 page layout calls, and set again without
 * piling up on a rebuild in place.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { pageSetupOf } from "../../src/host/page-layout";
import { chartDetailsOf } from "../../src/host/worksheet";
import { column } from "../../src/workbook/a1";
import { describeWorkbook } from "../../src/workbook/describe";
import { importPractices } from "../../src/import/practices";
import { samplePracticesCsv } from "../../src/samples/sample";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { PAGE_MARGINS } from "../../src/workbook/page";
import { buildOn, NEW_SAMPLE } from "../support/memory";

const DESCRIPTION = () =>
  describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "46", hourlyCost: "52.50" }), practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 4, buildDate: new Date() });

describe("printing and freezing through Office.js", () => {
  it("sets every sheet's A4 page, scale, print titles, area, column breaks, header and footer, and freezes the practice's name", async () => {
    const host = new MemoryExcel();
    expect(await buildOn(host, NEW_SAMPLE)).toMatchObject({ kind: "built" });
    for (const sheet of DESCRIPTION().sheets) {
      const memory = host.state.sheet(sheet.name)!;
      const page = pageSetupOf(memory);
      expect([memory.orientation, page.paperSize, page.scale, page.printOrder, page.margins]).toEqual(["Landscape", "A4", sheet.print.scale, "DownThenOver", { ...PAGE_MARGINS }]);
      expect(page.titleRows).toBe(`$${sheet.frozenRows}:$${sheet.frozenRows}`);
      expect(page.titleColumns).toBe(sheet.print.titleColumns ? `$A:$${column(sheet.frozenColumns)}` : "");
      expect(page.printArea).toBe(sheet.print.area ?? "");
      expect(page.columnBreaks).toEqual(sheet.print.columnBreaks.map((c) => column(c + 1)));
      expect([memory.frozenRows, page.frozenColumns]).toEqual([sheet.frozenRows, sheet.frozenColumns]);
      expect(page.headers.centerHeader).toBe(sheet.name);
      expect(page.headers.rightFooter).toBe("pagina &P van &N");
      expect(page.headers.leftFooter).toMatch(/^Gemaakt op \d{2}-\d{2}-\d{4}$/);
    }
  });

  it("keeps one set of column breaks on a rebuild in place", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const budget = DESCRIPTION().sheets.find((s) => s.name === "Begroting 2026")!;
    expect(pageSetupOf(host.state.sheet(budget.name)!).columnBreaks).toEqual(budget.print.columnBreaks.map((c) => column(c + 1)));
  });

  it("draws the chart from 0 with the municipality's total as a line and an axis title", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    const chart = DESCRIPTION().sheets.find((s) => s.name === "Meerjarenraming")!.charts[0];
    const details = chartDetailsOf(host.state.sheet("Meerjarenraming")!.charts[0]);
    expect([details.valueAxisMinimum, details.valueAxisTitle]).toEqual([0, chart.valueAxisTitle]);
    expect(details.series.map((s) => [s.name, s.chartType])).toEqual(chart.series.map((s) => [s.name, s.line ? "LineMarkers" : undefined]));
  });
});
