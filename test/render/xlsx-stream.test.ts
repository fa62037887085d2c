import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { PassThrough, Writable } from "stream";
import { parseRange } from "../../src/workbook/a1";
import { describeWorkbook, describeWorkbookStreamed } from "../../src/workbook/describe";
import { MAX_XLSX_PRACTICES, renderXlsx, writeXlsx } from "../../src/render/xlsx";
import { FONT, STYLE_LOOKS } from "../../src/render/styles";
import { xlsxValidation } from "../../src/render/xlsx-sheet";
import type { SheetDescription, WorkbookDescription } from "../../src/workbook/types";
import { EDGE_CASES, VPG_EXAMPLE } from "../fixtures/datasets";
import { storedFormula } from "../../src/render/xlsx-sheet";
import { mismatches } from "../support/hyperformula";
import { readCachedValues } from "../support/libreoffice";
import { scaleInput } from "../support/scale";

const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const OUT = path.resolve(__dirname, "../../test-output/xlsx-stream");

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The file writeXlsx streams for the description made sheet by sheet (as poh-budget writes it). */
async function streamed(input: Parameters<typeof describeWorkbookStreamed>[0]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(describeWorkbookStreamed(input).description, out);
  return Buffer.concat(chunks);
}

/** For each cell a range styles, the look that decides `property` there: the last range defining it. */
function decidingLooks(sheet: SheetDescription, defines: (look: (typeof STYLE_LOOKS)[keyof typeof STYLE_LOOKS]) => boolean) {
  const decided = new Map<string, keyof typeof STYLE_LOOKS>();
  for (const { range, style } of sheet.styles) {
    if (!defines(STYLE_LOOKS[style])) continue;
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) decided.set(`${r},${c}`, style);
  }
  return [...decided].map(([key, style]) => ({ row: Number(key.split(",")[0]), col: Number(key.split(",")[1]), look: STYLE_LOOKS[style] }));
}

/** Every difference in substance between a description and the workbook ExcelJS reads back. */
function differences(description: WorkbookDescription, wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const check = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push(`${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  };
  check("sheets", wb.worksheets.map((w) => w.name), description.sheets.map((s) => s.name));
  for (const { name, ref } of description.names) check(`name ${name}`, wb.definedNames.getRanges(name).ranges, [ref]);
  for (const sheet of description.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    check(`${sheet.name} frozen`, [view?.state, view?.ySplit, view?.xSplit], ["frozen", sheet.frozenRows, sheet.frozenColumns]);
    const page = ws.pageSetup;
    check(`${sheet.name} print`, [page.orientation, page.paperSize, page.fitToPage, page.scale, page.printTitlesRow, page.printTitlesColumn], ["landscape", 9, false, sheet.print.scale, sheet.print.titleRows, sheet.print.titleColumns]);
    check(`${sheet.name} header`, [ws.headerFooter.oddHeader?.includes(sheet.print.header.center), ws.headerFooter.oddFooter?.includes("&P van &N")], [true, true]);
    check(`${sheet.name} widths`, sheet.columnWidths.map((_, i) => ws.getColumn(i + 1).width), sheet.columnWidths);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = ws.getCell(r + 1, c + 1);
        const where = `${sheet.name}!${target.address}`;
        if (!cell) return check(`${where} empty`, target.value, null);
        if (cell.formula !== undefined) check(`${where} formula`, target.formula, storedFormula(cell.formula.slice(1)));
        else if (target.value instanceof Date) check(`${where} date`, target.value.getTime() / 86_400_000 + 25_569, cell.value);
        else check(`${where} value`, [target.value, target.type], [cell.value ?? null, typeof cell.value === "string" ? ExcelJS.ValueType.String : typeof cell.value === "number" ? ExcelJS.ValueType.Number : target.type]);
        check(`${where} format`, target.numFmt, cell.format);
      }),
    );
    for (const { row, col, look } of decidingLooks(sheet, (l) => !!(l.bold || l.italic || l.size || l.color))) {
      const font = ws.getCell(row, col).font ?? {};
      // Named and sized on every styled cell: an unnamed font is a serif in LibreOffice.
      check(`${sheet.name} R${row}C${col} font`, [font.name, !!font.bold, !!font.italic, font.size, font.color?.argb], [FONT.name, !!look.bold, !!look.italic, look.size ?? FONT.size, look.color && `FF${look.color}`]);
    }
    for (const { row, col, look } of decidingLooks(sheet, (l) => !!l.fill)) {
      check(`${sheet.name} R${row}C${col} fill`, (ws.getCell(row, col).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, `FF${look.fill}`);
    }
    for (const { row, col, look } of decidingLooks(sheet, (l) => !!(l.borderTop || l.borderBottom))) {
      const border = ws.getCell(row, col).border ?? {};
      if (look.borderTop) check(`${sheet.name} R${row}C${col} top`, border.top?.style, "thin");
      if (look.borderBottom) check(`${sheet.name} R${row}C${col} bottom`, border.bottom?.style, "thin");
    }
    for (const { row, col } of decidingLooks(sheet, (l) => !!l.wrap)) check(`${sheet.name} R${row}C${col} wrap`, ws.getCell(row, col).alignment?.wrapText, true);
    for (const [row, height] of sheet.rowHeights ?? []) check(`${sheet.name} row ${row} height`, ws.getRow(row).height, height);
    for (const v of sheet.validations) {
      const { top, left, bottom, right } = parseRange(v.range);
      for (const [r, c] of [[top, left], [bottom, right]]) {
        const written = ws.getCell(r, c).dataValidation;
        check(`${sheet.name} R${r}C${c} validation`, [written?.type, written?.error, written?.prompt], [xlsxValidation(v).type, v.error, v.prompt]);
        if (v.kind === "list") check(`${sheet.name} R${r}C${c} list`, written?.formulae, [`"${v.values.join(",")}"`]);
      }
    }
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    check(
      `${sheet.name} conditional formats`,
      formats.map((f) => [f.ref, f.rules[0].formulae[0], f.rules[0].style.fill.bgColor.argb]),
      sheet.conditionalFormats.map((f) => [f.range, f.formula, `FF${STYLE_LOOKS[f.style].fill}`]),
    );
  }
  return out;
}

describe("writeXlsx streaming the workbook", () => {
  it.each([
    ["vpg-example", VPG_EXAMPLE],
    ["edge-cases", EDGE_CASES],
    ["50 practices", scaleInput(50)],
  ])("writes every cell, formula, cached value, format, style, name, validation and conditional format of %s", async (_, input) => {
    const description = describeWorkbook(input);
    const xlsx = await streamed(input);
    // ExcelJS reads no calculation properties back: look at the workbook part itself.
    expect(await (await JSZip.loadAsync(xlsx)).file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(differences(description, await read(xlsx)).slice(0, 10)).toEqual([]);
    // Cached results from the XML itself: ExcelJS drops a cached 0 when it reads a file.
    expect(mismatches(description, await readCachedValues(xlsx)).slice(0, 10)).toEqual([]);
  });

  it("writes the same parts from the whole description as from the one made sheet by sheet", async () => {
    const parts = async (xlsx: Buffer) => {
      const zip = await JSZip.loadAsync(xlsx);
      // docProps/core.xml holds the time of writing.
      const names = Object.keys(zip.files).filter((f) => f !== "docProps/core.xml").sort();
      return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async("string")]));
    };
    expect(await parts(await streamed(VPG_EXAMPLE))).toEqual(await parts(await renderXlsx(describeWorkbook(VPG_EXAMPLE))));
  });

  it("validates against the ECMA-376 schemas, chart and drawing included", async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const files = [
      ["vpg-example", VPG_EXAMPLE],
      ["edge-cases", EDGE_CASES],
    ] as const;
    for (const [name, input] of files) fs.writeFileSync(path.join(OUT, `${name}.xlsx`), await streamed(input));
    const report = execFileSync("python3", [VALIDATOR, ...files.map(([name]) => path.join(OUT, `${name}.xlsx`))], { encoding: "utf8", stdio: "pipe" });
    expect(report).toMatch(/vpg-example\.xlsx: valid/);
    expect(report).toMatch(/edge-cases\.xlsx: valid/);
  });

  it("refuses more practices than MAX_XLSX_PRACTICES with a RangeError naming the limit, before writing", async () => {
    const out = new PassThrough();
    const written: Buffer[] = [];
    out.on("data", (chunk: Buffer) => written.push(chunk));
    const tooMany = { names: [], sheets: [], practiceCount: MAX_XLSX_PRACTICES + 1 };
    await expect(writeXlsx(tooMany, out)).rejects.toThrow(RangeError);
    await expect(writeXlsx(tooMany, out)).rejects.toThrow(MAX_XLSX_PRACTICES.toLocaleString("en"));
    // The whole description is measured by its Praktijken rows (a sparse stand-in here).
    const practices = { ...describeWorkbook(VPG_EXAMPLE).sheets[1], cells: new Array(MAX_XLSX_PRACTICES + 4 + 1) };
    await expect(writeXlsx({ names: [], sheets: [practices] }, out)).rejects.toThrow(RangeError);
    expect(written).toEqual([]);
  });

  it("rejects, instead of waiting for ever, when the output fails part way (a full disk)", async () => {
    let bytes = 0;
    const disk = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(bytes > 64 * 1024 ? Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }) : null);
      },
    });
    await expect(writeXlsx(describeWorkbookStreamed(scaleInput(500)).description, disk)).rejects.toThrow("ENOSPC");
  });

  it("states MAX_XLSX_PRACTICES as a whole number, at least the 20,000 practices the writer is measured at", () => {
    expect(Number.isInteger(MAX_XLSX_PRACTICES)).toBe(true);
    expect(MAX_XLSX_PRACTICES).toBeGreaterThanOrEqual(20_000);
  });
});
