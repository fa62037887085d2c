/** Characters a workbook cannot hold, and text too long for a cell, as the importer meets them. */
import fc from "fast-check";
import { MemoryExcel } from "../../src/host/memory-excel";
import { message } from "../../src/core/messages";
import { cellText, isXmlSafe, MAX_CELL_TEXT, xmlSafeText } from "../../src/core/text";
import { importPractices, type ImportProblem } from "../../src/import/practices";
import { readPractices } from "../../src/workbook/read-back";
import { buildOn, valueOf } from "../support/memory";

const describeProblem = (p: ImportProblem) => `${p.row}/${p.column}: ${message("nl", p.key, p.params)}`;
const HOSTILE = { "U+FFFE": "\uFFFE", "U+FFFF": "\uFFFF", "U+0001": "\u0001", "ESC (U+001B)": "\u001b", "a lone high surrogate": "\uD83D", "a lone low surrogate": "\uDE00" };

describe("xmlSafeText", () => {
  it.each(Object.entries(HOSTILE))("removes %s and counts it", (_, ch) => {
    expect(xmlSafeText(`De${ch} Linde${ch}`)).toEqual({ text: "De Linde", removed: 2 });
    expect(isXmlSafe(`a${ch}`)).toBe(false);
  });

  it("keeps tab, line breaks, surrogate pairs, U+FFFD and C1 characters, which XML 1.0 allows", () => {
    const text = "a\tb\nc\r\nd 😀 \uFFFD \u0085 é";
    expect(xmlSafeText(text)).toEqual({ text, removed: 0 });
    expect(isXmlSafe(text)).toBe(true);
  });

  it("cuts cell text at 32,767 characters, never between the halves of a pair", () => {
    expect(cellText("x".repeat(40_000))).toHaveLength(MAX_CELL_TEXT);
    const paired = cellText(`${"x".repeat(MAX_CELL_TEXT - 1)}😀`);
    expect(paired).toHaveLength(MAX_CELL_TEXT - 1);
    expect(isXmlSafe(paired)).toBe(true);
  });
});

describe("importPractices on hostile text", () => {
  it.each(Object.entries(HOSTILE))("removes %s from a name and a location, with one warning for the row naming both columns", (_, ch) => {
    const { practices, errors, warnings } = importPractices(`praktijk;agb;locatie;patienten\nGoed;01000001;Emmelhage;5\nDe ${ch}Linde;01000002;Emmel${ch}hage;5\n`);
    expect(errors).toEqual([]);
    expect(practices[1]).toMatchObject({ name: "De Linde", location: "Emmelhage" });
    expect(warnings.map(describeProblem)).toEqual(["3/praktijk: praktijk, locatie: 2 teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)"]);
  });

  it("gives one warning per row, each with its own row and first changed column", () => {
    const { warnings, practices } = importPractices("praktijk;agb;locatie;patienten\nA;01000001;X\u0001;5\nB;01000002;Y;5\nC\uFFFF;01000003;Z;5\n");
    expect(practices).toHaveLength(3);
    expect(warnings.map((w) => [w.row, w.column, w.params.count])).toEqual([
      [2, "locatie", 1],
      [4, "praktijk", 1],
    ]);
  });

  it("does not warn about a column it leaves out, and lists that column's name cleaned", () => {
    const result = importPractices("praktijk;agb;patienten;op\u0007merking\nA;01000001;5;x\uFFFEy\n");
    expect(result.warnings).toEqual([]);
    expect(result.ignoredColumns).toEqual(["opmerking"]);
  });

  it("reads a header it recognises once the characters are removed, with a warning for row 1", () => {
    const { practices, warnings } = importPractices("\u0001praktijk;agb;patienten\nA;01000001;5\n");
    expect(practices.map((p) => p.name)).toEqual(["A"]);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([[1, "praktijk"]]);
  });

  it("refuses a 40,000-character location, and a 201-character name, with a row error", () => {
    const { practices, errors } = importPractices(`praktijk;agb;locatie;patienten\nA;01000001;${"x".repeat(40_000)};5\n${"n".repeat(201)};01000002;;5\n`);
    expect(practices).toEqual([]);
    expect(errors.map(describeProblem)).toEqual(["2/locatie: locatie: langer dan 200 tekens (40000 tekens)", "3/praktijk: praktijk: langer dan 200 tekens (201 tekens)"]);
    expect(message("en", errors[0].key, errors[0].params)).toBe("locatie: longer than 200 characters (40000 characters)");
  });

  it("cleans the Praktijken sheet read back in the task pane the same way", () => {
    const values = [[], [], [], ["praktijk"], ["De \uFFFELinde", "01000001", "Emmel\u001bhage", 2350]];
    const { practices, problems } = readPractices(values);
    expect(problems).toEqual([]);
    expect(practices[0]).toMatchObject({ name: "De Linde", location: "Emmelhage" });
  });
});

describe("importPractices text fields on any text (property)", () => {
  const hostileChar = fc.oneof(
    fc.constantFrom(...Object.values(HOSTILE), "\t", "\u0000", "\u000b", "\u000c", "é", "😀"),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  );
  const text = fc.oneof(fc.string({ unit: hostileChar, maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 }), fc.constant("x".repeat(MAX_CELL_TEXT + 1)));
  const csvField = text.map((t) => `"${t.replace(/"/g, '""')}"`);

  it("never yields a name or location with a character XML 1.0 cannot carry, or longer than a cell", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(csvField, csvField, fc.integer({ min: 0, max: 99 })), { maxLength: 6 }), (rows) => {
        const csv = ["praktijk;agb;locatie;patienten", ...rows.map(([name, location, n], i) => `${name};0100${String(i).padStart(4, "0")};${location};${n}`)].join("\n");
        const result = importPractices(csv);
        for (const p of result.practices) {
          for (const value of [p.name, p.location, p.agb]) {
            expect(isXmlSafe(value)).toBe(true);
            expect(value.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
          }
        }
        for (const w of [...result.warnings, ...result.errors]) expect(w.row).toBeGreaterThanOrEqual(1);
        expect(new Set(result.warnings.map((w) => w.row)).size).toBe(result.warnings.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the task pane's import with hostile text", () => {
  it("builds, writes the cleaned name, and hands the warning to the pane without blocking", async () => {
    const host = new MemoryExcel();
    await buildOn(host, { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 1, hourlyCost: "52.50", withSample: false } });
    const outcome = await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\nDe \uFFFELinde;01000001;2350\nDe Vaart;01000002;3000\n" }, { confirmed: true });
    expect(outcome).toMatchObject({ kind: "built", warnings: [{ text: "Rij 2: praktijk: 1 teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)" }] });
    expect(valueOf(host, "Praktijken", "A5")).toBe("De Linde");
    expect(valueOf(host, "Praktijken", "A6")).toBe("De Vaart");
  });

  it("gives a clean import no warnings, and refuses a CSV without practices", async () => {
    const host = new MemoryExcel();
    await buildOn(host, { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 1, hourlyCost: "52.50", withSample: false } });
    expect(await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\nA;01000001;5\n" }, { confirmed: true })).toMatchObject({ kind: "built", warnings: [] });
    expect(await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\n" }, { confirmed: true })).toEqual({
      kind: "problems",
      problems: [{ text: "Rij 1: het bestand heeft geen praktijken: alleen een kopregel of lege regels" }],
    });
  });
});
