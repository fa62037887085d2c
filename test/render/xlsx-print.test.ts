/**
 * Issue 13: the Begroting printed to PDF by LibreOffice, as a finance officer prints it: each
 * page holds one part of the sheet whole (the practice's name and the header row repeated),
 * the header names municipality, sheet and budget year, the footer the page and the build
 * date, and no text is smaller than 8 points.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { renderXlsx } from "../../src/render/xlsx";
import { samplePracticesCsv } from "../../src/samples/sample";
import { parseRange } from "../../src/workbook/a1";
import { describeWorkbook } from "../../src/workbook/describe";
import type { SheetDescription } from "../../src/workbook/types";
import { ensureProfile } from "../support/libreoffice";

const OUT = path.resolve(__dirname, "../../test-output/print");
const YEAR = 2026;
/** A4 landscape in points, and the top and bottom margins the renderer sets (0.75 inch). */
const PAGE_HEIGHT = 595.28;
const MARGINS = 2 * 0.75 * 72;
/** Poppler's word box for a font whose PDF descriptor gives no ascent (LibreOffice's subsets): 0.95 above, 0.35 below. */
const DEFAULT_BOX = 1.3;

function printToPdf(xlsx: Buffer, name: string): string {
  fs.mkdirSync(OUT, { recursive: true });
  const input = path.join(OUT, `${name}.xlsx`);
  fs.writeFileSync(input, xlsx);
  fs.rmSync(path.join(OUT, `${name}.pdf`), { force: true });
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=${ensureProfile()}`, "--convert-to", "pdf", "--outdir", OUT, input], { stdio: "pipe", timeout: 180_000 });
  return path.join(OUT, `${name}.pdf`);
}

/** The text of each page, laid out, and the first line (the page header). */
function pages(pdf: string): { header: string; lines: string[] }[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return text
    .split("\f")
    .filter((page) => page.trim() !== "")
    .map((page) => {
      const lines = page.split("\n").filter((line) => line.trim() !== "");
      return { header: lines[0].trim().replace(/\s+/g, " "), lines };
    });
}

/**
 * The smallest font size (points) on pages `first` to `last` (1-based): every word's box
 * height over the box of the font with the largest ascent and descent in the file, so a
 * word is never taken for larger than it is.
 */
function smallestText(pdf: string, first: number, last: number): number {
  const raw = fs.readFileSync(pdf, "latin1");
  const boxes = [...raw.matchAll(/\/Type\s*\/FontDescriptor[\s\S]*?\/Ascent\s+(-?\d+)[\s\S]*?\/Descent\s+(-?\d+)/g)].map(([, a, d]) =>
    Number(a) === 0 ? DEFAULT_BOX : (Number(a) - Number(d)) / 1000,
  );
  const box = Math.max(DEFAULT_BOX, ...boxes);
  const xml = execFileSync("pdftotext", ["-bbox", "-f", String(first), "-l", String(last), pdf, "-"], { encoding: "utf8" });
  const heights = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map(([, y0, y1]) => Number(y1) - Number(y0));
  expect(heights.length).toBeGreaterThan(100);
  return Math.min(...heights) / box;
}

/**
 * How many pages the sheet prints on, from its layout: the rows of the print area cut into
 * bands that fit a page at the print scale (the header row repeated on each later band), and
 * per part of the columns, the bands holding any of its cells (LibreOffice leaves empty pages out).
 */
function expectedPages(sheet: SheetDescription): number {
  const { bottom, right } = parseRange(sheet.print.area!);
  const heights = new Map(sheet.rowHeights ?? []);
  const height = (row: number) => heights.get(row) ?? 15;
  const room = (PAGE_HEIGHT - MARGINS) / (sheet.print.scale / 100);
  const bands: [number, number][] = [];
  for (let row = 1; row <= bottom; ) {
    const start = row;
    let used = bands.length > 0 ? height(sheet.frozenRows) : 0;
    while (row <= bottom && used + height(row) <= room) used += height(row++);
    bands.push([start, row - 1]);
  }
  const ends = [...sheet.print.columnBreaks, right];
  return ends.reduce((sum, end, i) => {
    const from = i === 0 ? 2 : ends[i - 1] + 1;
    const held = bands.filter(([top, last]) => sheet.cells.slice(top - 1, last).some((cells) => cells.slice(from - 1, end).some((c) => c !== null && (c.value !== undefined || c.formula !== undefined))));
    return sum + held.length;
  }, 0);
}

describe("the Begroting printed by LibreOffice", () => {
  const scheme = withParameters(SCHEMES.flevoland, { capacityHours: "46", municipality: "Polderland" });
  const description = describeWorkbook({ scheme, practices: importPractices(samplePracticesCsv(YEAR)).practices, budgetYear: YEAR, years: 2, buildDate: `${YEAR}-07-01` });
  const budget = description.sheets.find((s) => s.name === `Begroting ${YEAR}`)!;
  let pdf = "";
  let printed: { header: string; lines: string[] }[] = [];
  let first = 0;

  beforeAll(async () => {
    pdf = printToPdf(await renderXlsx(description), "begroting");
    printed = pages(pdf);
    first = printed.findIndex((p) => p.header.includes(` ${budget.name} `));
  }, 240_000);

  const budgetPages = () => printed.filter((p) => p.header.includes(` ${budget.name} `));

  it("prints on the pages its layout gives, each page one part whole, the practice's name and header row on every page", () => {
    const own = budgetPages();
    expect(own.length).toBe(expectedPages(budget));
    // The first header of each part: B, and the column after each break.
    const starts = [2, ...budget.print.columnBreaks.map((c) => c + 1)].map((c) => budget.cells[budget.frozenRows - 1][c - 1]!.value as string);
    const partOf = own.map((page) => {
      const headerRow = page.lines.find((line) => line.trimStart().startsWith("Praktijk"));
      expect(headerRow).toBeDefined();
      const found = starts.filter((start) => new RegExp(`Praktijk\\s+${start.split(" ")[0]}`).test(headerRow!.trim()));
      expect(found).toHaveLength(1);
      return starts.indexOf(found[0]);
    });
    // Down, then over: all pages of a part, then the next part.
    expect(partOf).toEqual([...partOf].sort((a, b) => a - b));
    expect(new Set(partOf).size).toBe(starts.length);
    // Every practice is named on the pages of every part.
    for (const part of starts.keys()) {
      const text = own.filter((_, i) => partOf[i] === part).flatMap((p) => p.lines).join("\n");
      for (const row of budget.cells.slice(budget.frozenRows, budget.frozenRows + 12)) expect(text).toContain(String(row[0]!.result));
    }
  });

  it("heads every page with the municipality, the sheet and the budget year, and foots it with the build date and page n of m", () => {
    const total = printed.length;
    budgetPages().forEach((page, i) => {
      expect(page.header).toBe(`Gemeente Polderland ${budget.name} Begrotingsjaar ${YEAR}`);
      expect(page.lines[page.lines.length - 1].trim().replace(/\s+/g, " ")).toBe(`Gemaakt op 01-07-${YEAR} pagina ${first + i + 1} van ${total}`);
    });
  });

  it("prints no text smaller than 8 points", () => {
    expect(smallestText(pdf, first + 1, first + budgetPages().length)).toBeGreaterThanOrEqual(8);
  });

  it("breaks no header word inside itself", () => {
    const text = budgetPages().flatMap((p) => p.lines).join(" ");
    const words = budget.cells[budget.frozenRows - 1].flatMap((c) => (typeof c?.value === "string" ? c.value.split(/\s+/) : []));
    for (const word of words) expect(text).toContain(word);
  });
});
