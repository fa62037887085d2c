/**
 * Issue 8 point 4 in the .xlsx the command writes: every sheet protected without a password,
 * only the description's input ranges unlocked, the file valid against the schemas and still
 * opened and recalculated by LibreOffice.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import { renderXlsx } from "../../src/render/xlsx";
import { cell, parseRange } from "../../src/workbook/a1";
import { describeWorkbook } from "../../src/workbook/describe";
import type { WorkbookDescription } from "../../src/workbook/types";
import { EDGE_CASES, VPG_EXAMPLE } from "../fixtures/datasets";
import { mismatches } from "../support/hyperformula";
import { recalculateWithLibreOffice } from "../support/libreoffice";

const VALIDATOR = path.resolve(__dirname, "../../../shared/ooxml-schemas/xlsx-validate.py");
const OUT = path.resolve(__dirname, "../../test-output/xlsx-protection");
const LIBREOFFICE_OUT = path.resolve(__dirname, "../../test-output/libreoffice/out");

interface SheetXml {
  name: string;
  xml: string;
  /** Style index of every written cell, by address. */
  styles: Map<string, number>;
}

/** Each sheet's XML in workbook order, and whether each cellXfs entry is unlocked. */
async function partsOf(xlsx: Buffer): Promise<{ sheets: SheetXml[]; unlockedXf: boolean[] }> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (file: string) => (await zip.file(file)?.async("string")) ?? "";
  const workbook = await read("xl/workbook.xml");
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, "xl/")]));
  const sheets: SheetXml[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await read(target.get(m[2])!);
    const styles = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)].map((c) => [c[1], Number(/ s="(\d+)"/.exec(c[2])?.[1] ?? 0)]));
    sheets.push({ name: m[1], xml, styles });
  }
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(await read("xl/styles.xml"))![1];
  const unlockedXf = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((x) => /<protection [^>]*locked="0"/.test(x[1] ?? ""));
  return { sheets, unlockedXf };
}

function inputCells(description: WorkbookDescription, sheetName: string): Set<string> {
  const cells = new Set<string>();
  for (const range of description.sheets.find((s) => s.name === sheetName)!.inputRanges) {
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells.add(cell(r, c));
  }
  return cells;
}

describe("the .xlsx protects its sheets", () => {
  it.each([
    ["vpg-example", VPG_EXAMPLE],
    ["edge-cases", EDGE_CASES],
  ])("%s: every sheet protected without a password, right after its cells; widening allowed, inserting rows not", async (_, input) => {
    const { sheets } = await partsOf(await renderXlsx(describeWorkbook(input)));
    expect(sheets.length).toBeGreaterThanOrEqual(6);
    for (const { name, xml } of sheets) {
      const tag = /<sheetProtection [^>]*\/>/.exec(xml)?.[0];
      expect([name, tag]).toEqual([name, expect.stringContaining('sheet="1"')]);
      // No password: no hash, no legacy password attribute.
      expect(tag).not.toMatch(/hashValue|password|saltValue|algorithmName/);
      // "0" lifts a protection: columns and rows may be widened; insertRows, sort, autoFilter keep their default "1".
      expect(tag).toMatch(/formatColumns="0"/);
      expect(tag).toMatch(/formatRows="0"/);
      expect(tag).not.toMatch(/(insertRows|deleteRows|sort|autoFilter|formatCells|selectLockedCells)="/);
      expect(tag).toMatch(/objects="1"/);
      // CT_Worksheet puts sheetProtection straight after sheetData (ExcelJS's streaming writer does not).
      expect(xml).toContain(`</sheetData>${tag}`);
    }
  });

  it("unlocks exactly the input ranges: typed columns and free rows included, every formula and label locked", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const { sheets, unlockedXf } = await partsOf(await renderXlsx(description));
    let unlockedCount = 0;
    for (const { name, styles } of sheets) {
      const inputs = inputCells(description, name);
      for (const address of inputs) {
        expect([name, address, styles.has(address) && unlockedXf[styles.get(address)!]]).toEqual([name, address, true]);
        unlockedCount++;
      }
      for (const [address, style] of styles) if (!inputs.has(address)) expect([name, address, unlockedXf[style]]).toEqual([name, address, false]);
    }
    // Praktijken's free rows (200), Uitgangspunten's values, Uitbetalingen's typed columns.
    expect(unlockedCount).toBeGreaterThan(200 * 8);
    const praktijken = sheets.find((s) => s.name === "Praktijken")!;
    const lastFree = parseRange(description.sheets.find((s) => s.name === "Praktijken")!.inputRanges[0]).bottom;
    expect(unlockedXf[praktijken.styles.get(`A${lastFree}`)!]).toBe(true);
    expect(praktijken.styles.has(`A${lastFree + 1}`) && unlockedXf[praktijken.styles.get(`A${lastFree + 1}`)!]).toBe(false);
  });

  it("reads back through ExcelJS as protected sheets with unlocked input cells, styles kept", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(description)) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) expect([ws.name, (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet]).toEqual([ws.name, true]);
    const praktijken = wb.getWorksheet("Praktijken")!;
    expect(praktijken.getCell("B5").protection).toMatchObject({ locked: false });
    // The input look stays: the yellow fill of the input style.
    expect((praktijken.getCell("B5").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF7D6");
    expect(praktijken.getCell("L5").protection?.locked).not.toBe(false);
    expect(wb.getWorksheet("Begroting 2025")!.getCell("T5").protection?.locked).not.toBe(false);
  });

  it("validates against the ECMA-376 schemas", async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "protected.xlsx");
    fs.writeFileSync(file, await renderXlsx(describeWorkbook(EDGE_CASES)));
    expect(execFileSync("python3", [VALIDATOR, file], { encoding: "utf8", stdio: "pipe" })).toMatch(/protected\.xlsx: valid/);
  });

  it("is opened and recalculated by LibreOffice, which keeps the protection when it saves", async () => {
    const description = describeWorkbook(VPG_EXAMPLE);
    const valueAt = await recalculateWithLibreOffice(await renderXlsx(description), "protected");
    expect(mismatches(description, valueAt).slice(0, 10)).toEqual([]);
    const { sheets } = await partsOf(fs.readFileSync(path.join(LIBREOFFICE_OUT, "protected.xlsx")));
    for (const { name, xml } of sheets) expect([name, /<sheetProtection [^>]*sheet="(1|true)"/.test(xml)]).toEqual([name, true]);
  });
});
