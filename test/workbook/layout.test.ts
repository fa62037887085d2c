/**
 * Issue 13, the workbook's look as the description gives it to both renderers: reading order,
 * schemes in words, header words that fit their columns, print setup, formats, the chart and
 * Controle as a report.
 */
import { SCHEMES, SCHEME_IDS, withParameters } from "../../src/core/schemes";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { FORMAT, hideZeros } from "../../src/workbook/formats";
import { MIN_SCALE, wordWidth, wrappedLines } from "../../src/workbook/page";
import { readParameters } from "../../src/workbook/read-back";
import { parseRange } from "../../src/workbook/a1";
import type { SheetDescription, WorkbookDescription } from "../../src/workbook/types";
import { EDGE_CASES, VPG_EXAMPLE } from "../fixtures/datasets";
import { calculate, hyperFormulaValue, mismatches } from "../support/hyperformula";

/** What a sheet shows in a cell: the constant, or the formula's cached result. */
const shown = (sheet: SheetDescription, address: string) => {
  const { top, left } = parseRange(address);
  const cell = sheet.cells[top - 1]?.[left - 1];
  return cell?.formula !== undefined ? cell.result : cell?.value;
};
const sheetNamed = (book: WorkbookDescription, name: string) => book.sheets.find((s) => s.name === name)!;
/** The values of a sheet as the read-back takes them: a grid of what each cell shows. */
const values = (sheet: SheetDescription) => sheet.cells.map((row) => row.map((cell) => (cell?.formula !== undefined ? cell.result : cell?.value) ?? ""));

describe("the workbook's reading order", () => {
  it("is Uitgangspunten, Praktijken, every Begroting year in sequence, Meerjarenraming, every Zorgverzekeraar year, Uitbetalingen, Controle", () => {
    const book = describeWorkbook(VPG_EXAMPLE);
    const years = Array.from({ length: VPG_EXAMPLE.years }, (_, i) => `Begroting ${VPG_EXAMPLE.budgetYear + i}`);
    const statements = Array.from({ length: VPG_EXAMPLE.years }, (_, i) => `Zorgverzekeraar ${VPG_EXAMPLE.budgetYear + i}`);
    expect(book.sheets.map((s) => s.name)).toEqual(["Uitgangspunten", "Praktijken", ...years, "Meerjarenraming", ...statements, "Uitbetalingen", "Realisatie", "Controle"]);
  });
});

describe("schemes shown in words", () => {
  it.each(SCHEME_IDS)("Uitgangspunten names the %s scheme by its Dutch name, and the read-back knows it again", (id) => {
    const book = describeWorkbook({ ...VPG_EXAMPLE, scheme: SCHEMES[id] });
    const parameters = sheetNamed(book, "Uitgangspunten");
    expect(shown(parameters, "B2")).toBe(SCHEMES[id].label.nl);
    expect(book.sheets.flatMap((s) => s.cells.flat()).some((c) => c?.value === id)).toBe(false);
    expect(readParameters(values(parameters)).scheme.id).toBe(id);
  });

  it("still reads a workbook written before, with the key in front (“flevoland — …”)", () => {
    const parameters = sheetNamed(describeWorkbook({ ...VPG_EXAMPLE, scheme: SCHEMES.flevoland }), "Uitgangspunten");
    const old = values(parameters);
    old[1][1] = `flevoland — ${SCHEMES.flevoland.label.nl}`;
    expect(readParameters(old).scheme.id).toBe("flevoland");
  });
});

describe("the municipality heads every printed page", () => {
  it("is typed on Uitgangspunten B3, read back, and named in every sheet's header", () => {
    const scheme = withParameters(SCHEMES.flevoland, { municipality: "Polderland & Zee" });
    const book = describeWorkbook({ ...VPG_EXAMPLE, scheme, buildDate: "2026-07-01" });
    const parameters = sheetNamed(book, "Uitgangspunten");
    expect(shown(parameters, "B3")).toBe("Polderland & Zee");
    expect(parameters.inputRanges).toContain("B3");
    expect(readParameters(values(parameters)).scheme.params.municipality).toBe("Polderland & Zee");
    for (const sheet of book.sheets) {
      // A literal "&" is doubled: a single one starts a header code.
      expect(sheet.print.header).toEqual({ left: "Gemeente Polderland && Zee", center: sheet.name, right: `Begrotingsjaar ${VPG_EXAMPLE.budgetYear}` });
      expect(sheet.print.footer).toMatchObject({ left: "Gemaakt op 01-07-2026", right: "pagina &P van &N" });
    }
  });
});

describe("on screen and on paper", () => {
  const books = [describeWorkbook(VPG_EXAMPLE), describeWorkbook(EDGE_CASES)];

  it("gives every header word room in its column, so wrapping breaks between words only", () => {
    const cramped: string[] = [];
    for (const sheet of books.flatMap((b) => b.sheets))
      for (const { range, style } of sheet.styles) {
        if (style !== "header") continue;
        const { top, left, right } = parseRange(range);
        for (let c = left; c <= right; c++) {
          const text = shown(sheet, `${String.fromCharCode(64 + Math.min(c, 26))}${top}`);
          if (c > 26 || typeof text !== "string") continue;
          for (const word of text.split(/[\s/-]+/)) if (wordWidth(word) > sheet.columnWidths[c - 1]) cramped.push(`${sheet.name} ${word}`);
        }
      }
    expect(cramped).toEqual([]);
  });

  it("gives a header row the lines its longest wrapped header needs", () => {
    const budget = sheetNamed(books[0], `Begroting ${VPG_EXAMPLE.budgetYear}`);
    const lines = Math.max(...budget.cells[3].map((cell, i) => (typeof cell?.value === "string" ? wrappedLines(cell.value, budget.columnWidths[i], true) : 1)));
    expect(lines).toBeGreaterThan(1);
    expect(budget.rowHeights).toContainEqual([4, lines * 15]);
  });

  it("freezes the header rows and the practice's name, and prints each part of the Begroting with them", () => {
    for (const sheet of books.flatMap((b) => b.sheets)) {
      expect(sheet.print.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(sheet.print.landscape).toBe(true);
      expect(sheet.print.titleRows).toBe(`${sheet.frozenRows}:${sheet.frozenRows}`);
    }
    const budget = sheetNamed(books[0], `Begroting ${VPG_EXAMPLE.budgetYear}`);
    expect([budget.frozenRows, budget.frozenColumns, budget.print.titleColumns]).toEqual([4, 1, "A:A"]);
    // Hours | formation and overhead | compensation | months: each part starts after the last break.
    const headerAfter = (col: number) => shown(budget, `${String.fromCharCode(65 + col)}4`);
    expect(budget.print.columnBreaks.map(headerAfter)).toEqual(["Formatiekosten", "Compensatie %", "jan"]);
  });

  it("shows shares with their decimals, counts and hours with thousands separators, negative money in red", () => {
    expect(FORMAT.share).toBe("0.0##%");
    expect([FORMAT.whole, FORMAT.hours]).toEqual(["#,##0", "#,##0.00"]);
    expect(FORMAT.money.split(";")).toEqual(['"€ "#,##0.00', '[Red]-"€ "#,##0.00']);
    const index = sheetNamed(books[1], "Uitgangspunten").cells.flat().find((c) => c?.value === Number(EDGE_CASES.scheme.params.wageIndex[0]));
    expect(index?.format).toBe(FORMAT.share);
  });
});

describe("the chart of the Meerjarenraming", () => {
  it("stacks the municipality's two parts and the insurer's, draws the municipality's total as a line, and names its axis", () => {
    const chart = sheetNamed(describeWorkbook(VPG_EXAMPLE), "Meerjarenraming").charts[0];
    expect(chart.series.map((s) => [s.name, !!s.line])).toEqual([
      ["Gemeente: formatie", false],
      ["Gemeente: compensatie overhead", false],
      ["Zorgverzekeraar: formatie", false],
      ["Totaal gemeente", true],
    ]);
    expect(chart.valueAxisTitle).toBe("Euro per jaar");
  });
});

describe("Controle as a report", () => {
  /** The checks' rows: below the header row 4, up to the last with a label. */
  const checkRows = (sheet: SheetDescription) => sheet.cells.slice(4).filter((row) => typeof row[0]?.value === "string");

  // The same AGB code twice: "AGB-codes geldig en uniek" needs attention.
  const duplicate: BudgetInput = { ...VPG_EXAMPLE, practices: [VPG_EXAMPLE.practices[0], { ...VPG_EXAMPLE.practices[0], name: "Kopie" }] };

  it.each([
    ["vpg-example", VPG_EXAMPLE],
    ["edge-cases", EDGE_CASES],
    ["a duplicate AGB code", duplicate],
  ])("sums up %s at the top, with a link to the first check that needs attention", (_, input) => {
    const controle = sheetNamed(describeWorkbook(input), "Controle");
    const rows = checkRows(controle);
    const attention = rows.filter((row) => !String(row[1]?.result).startsWith("OK"));
    expect(rows.map((row) => row[5]?.result)).toEqual(rows.map((row) => (attention.includes(row) ? 1 : 0)));
    expect(shown(controle, "F3")).toBe(attention.length);
    expect(attention.length > 0).toBe(input === duplicate);
    if (attention.length === 0) {
      expect(shown(controle, "A3")).toBe(`Alle ${rows.length} controles in orde`);
      expect(shown(controle, "E3")).toBe("");
    } else {
      expect(shown(controle, "A3")).toBe(`Let op: ${attention.length} van de ${rows.length} controles vragen aandacht (rood, kolom Aandacht = 1)`);
      expect(shown(controle, "E3")).toBe(`Naar de eerste: ${attention[0][0]?.value as string}`);
    }
  });

  it("says the same in a formula engine as the core when a check needs attention (every formula cell)", () => {
    const book = describeWorkbook(duplicate);
    expect(mismatches(book, hyperFormulaValue(calculate(book))).slice(0, 10)).toEqual([]);
  });

  it("links every check to a cell of a sheet in the workbook", () => {
    const book = describeWorkbook(EDGE_CASES);
    const names = book.sheets.map((s) => s.name);
    for (const row of checkRows(sheetNamed(book, "Controle"))) {
      const link = /^=HYPERLINK\("#'?(.+?)'?!([A-Z]+\d+)","(.+)"\)$/.exec(row[4]?.formula ?? "");
      expect(link).not.toBeNull();
      expect(names).toContain(link![1]);
      expect(row[4]?.result).toBe(`${link![1]} ${link![2]}`);
    }
  });
});

describe("the free rows of a Begroting", () => {
  it("show their zeros as nothing, while a practice's row shows its zeros", () => {
    const book = describeWorkbook(VPG_EXAMPLE);
    const budget = book.sheets.find((s) => s.kind === "budget")!;
    const first = budget.firstDataRow;
    const practiceRow = budget.cells[first - 1];
    const freeRow = budget.cells[first - 1 + VPG_EXAMPLE.practices.length];
    // A number format's third section is the zero's: empty on a free row, absent on a practice's.
    expect(freeRow.every((cell) => cell?.format?.split(";")[2] === "")).toBe(true);
    expect(practiceRow.some((cell) => (cell?.format ?? "General").split(";").length >= 3)).toBe(false);
    expect(hideZeros(FORMAT.money)).toBe('"€ "#,##0.00;[Red]-"€ "#,##0.00;');
    expect(hideZeros()).toBe("General;-General;");
  });
});
