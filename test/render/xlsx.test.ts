import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { describeWorkbook } from "../../src/workbook/describe";
import { renderXlsx } from "../../src/render/xlsx";
import { EDGE_CASES, VPG_EXAMPLE } from "../fixtures/datasets";
import { mismatches } from "../support/hyperformula";
import { recalculateWithLibreOffice } from "../support/libreoffice";

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe("renderXlsx", () => {
  it("writes every sheet, the defined names and cached results of the formulas", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const wb = await read(await renderXlsx(description));
    expect(wb.worksheets.map((w) => w.name)).toEqual(description.sheets.map((s) => s.name));
    const cell = wb.getWorksheet("Begroting 2025")!.getCell("T5").value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toBe("ROUND(S5*R5,2)");
    expect(cell.result).toBe(2830);
    expect(wb.definedNames.getRanges("Huur_per_uur").ranges).toEqual(["Uitgangspunten!$C$12"]);
  });

  it("keeps AGB codes as text and a name that looks like a formula as plain text", async () => {
    const wb = await read(await renderXlsx(describeWorkbook(EDGE_CASES)));
    const practices = wb.getWorksheet("Praktijken")!;
    expect(practices.getCell("B5").value).toBe("01000002");
    const injected = practices.getCell("A11");
    expect(injected.value).toBe('=HYPERLINK("http://x")');
    expect(injected.type).toBe(ExcelJS.ValueType.String);
  });

  it("freezes the header rows and the practice's name, prints A4 landscape in parts with print titles, and has the model drop-down", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const xlsx = await renderXlsx(description);
    const wb = await read(xlsx);
    const ws = wb.getWorksheet("Begroting 2025")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 1 });
    const budget = description.sheets.find((s) => s.name === "Begroting 2025")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: false, scale: budget.print.scale, printTitlesRow: "4:4", printTitlesColumn: "A:A" });
    expect(ws.headerFooter.oddFooter).toContain("pagina &P van &N");
    // The column breaks ExcelJS cannot write: after each part of the Begroting.
    const index = description.sheets.indexOf(budget) + 1;
    const xml = await (await JSZip.loadAsync(xlsx)).file(`xl/worksheets/sheet${index}.xml`)!.async("string");
    expect([...xml.matchAll(/<colBreaks [^>]*>(.*?)<\/colBreaks>/g)][0][1]).toBe(budget.print.columnBreaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join(""));
    const validation = wb.getWorksheet("Praktijken")!.getCell("E6").dataValidation;
    expect(validation).toMatchObject({ type: "list", formulae: ['"Basis,Aanvullend,Extra"'] });
  });
});

describe("the chart of the Meerjarenraming", () => {
  it("is written as a DrawingML chart tied to the sheet, with cached values per funder", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const zip = await JSZip.loadAsync(await renderXlsx(description));
    const index = description.sheets.findIndex((s) => s.name === "Meerjarenraming") + 1;
    const sheet = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
    const drawing = /<drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(sheet);
    expect(drawing).not.toBeNull();
    expect(await zip.file(`xl/worksheets/_rels/sheet${index}.xml.rels`)!.async("string")).toContain(`Id="${drawing![1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain('Target="../charts/chart1.xml"');
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:grouping val="stacked"/>');
    // The value axis starts at 0; the municipality's total is a line over the stacked parts.
    expect(chart).toMatch(/<c:valAx>.*<c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/);
    expect(chart).toMatch(/<c:lineChart>.*<c:v>Totaal gemeente<\/c:v>.*<\/c:lineChart>/);
    expect(chart).toContain("<c:f>Meerjarenraming!$D$5:$D$8</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>20160</c:v></c:pt>'); // municipality's formation in 2025
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  });

  it("survives LibreOffice reading and saving the file (the chart part is understood)", async () => {
    await recalculateWithLibreOffice(await renderXlsx(describeWorkbook(VPG_EXAMPLE)), "chart");
    const saved = await JSZip.loadAsync(fs.readFileSync(path.resolve(__dirname, "../../test-output/libreoffice/out/chart.xlsx")));
    const charts = Object.keys(saved.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    const forecast = describeWorkbook(VPG_EXAMPLE).sheets.find((s) => s.name === "Meerjarenraming")!;
    expect(await saved.file(charts[0])!.async("string")).toContain(forecast.charts[0].title);
  });
});

describe("LibreOffice recalculating the written .xlsx", () => {
  it.each([
    ["vpg-example", VPG_EXAMPLE],
    ["edge-cases", EDGE_CASES],
  ])("reproduces every cached value of %s to the cent", async (name, input) => {
    const description = describeWorkbook(input);
    const valueAt = await recalculateWithLibreOffice(await renderXlsx(description), name);
    expect(mismatches(description, valueAt).slice(0, 10)).toEqual([]);
  });

  it("really recalculates: a wrong cached value in the file comes back corrected", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const compensation = description.sheets.find((s) => s.name === "Begroting 2025")!.cells[4][19]!;
    compensation.result = 1234.56;
    const valueAt = await recalculateWithLibreOffice(await renderXlsx(description), "tampered");
    expect(valueAt("Begroting 2025", 4, 19)).toBe(2830);
  });
});
