/**
 * Issue 9.7: every text the pane writes is still that text once Excel has read it, whether
 * Excel reads it as an nl-NL or an en-US user would (see src/host/parse-entry.ts): practice
 * names, AGB codes with their leading zero, headers, labels, sources, and the invoice numbers
 * a controller typed, through a build and a rebuild.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import type { HostLocale } from "../../src/host/parse-entry";
import { cellText } from "../../src/core/text";
import { needsQuotePrefix } from "../../src/render/office/cell-input";
import { describeWorkbook } from "../../src/workbook/describe";
import { importPractices } from "../../src/import/practices";
import { SAMPLE_PRACTICES_CSV } from "../../src/samples/sample";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";

const SAMPLE_DESCRIPTION = () =>
  describeWorkbook({ scheme: withParameters(SCHEMES.flevoland, { capacityHours: "46", hourlyCost: "52.50" }), practices: importPractices(SAMPLE_PRACTICES_CSV).practices, budgetYear: 2026, years: 4 });

/**
 * Text cells of the description that the host holds as anything but text, or (for the texts
 * Excel would read as something else) as another text, as "sheet!row,col: stored". Other texts
 * are compared by kind only: a few name the day of the build, which this description cannot know.
 */
function changedTexts(host: MemoryExcel): string[] {
  const changed: string[] = [];
  let texts = 0;
  for (const sheet of SAMPLE_DESCRIPTION().sheets) {
    const memory = host.state.sheet(sheet.name)!;
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.formula !== undefined || typeof cell.value !== "string" || cell.value === "") return;
        texts++;
        const stored = host.state.cell(memory, r + 1, c + 1);
        const text = cellText(cell.value);
        const kept = stored?.formula === undefined && typeof stored?.value === "string" && (!needsQuotePrefix(text) || stored.value === text);
        if (!kept) changed.push(`${sheet.name}!${r + 1},${c + 1}: ${JSON.stringify(stored)}`);
      }),
    );
  }
  expect(texts).toBeGreaterThan(100); // names, AGB codes, headers and labels were all looked at
  return changed;
}

describe.each<HostLocale>(["nl-NL", "en-US"])("texts the pane writes stay text in Excel (%s)", (locale) => {
  it("keeps every text of the sample workbook, AGB codes with their leading zero", async () => {
    const host = new MemoryExcel({ locale });
    expect(await buildOn(host, NEW_SAMPLE)).toMatchObject({ kind: "built" });
    expect(changedTexts(host)).toEqual([]);
    expect(valueOf(host, "Praktijken", "B5")).toBe("01012345");
  });

  it("keeps invoice numbers typed on Uitbetalingen as text through a rebuild, however much they look like numbers or dates", async () => {
    const host = new MemoryExcel({ locale });
    await buildOn(host, NEW_SAMPLE);
    // Typed with the apostrophe a person needs for these to stay text in Excel.
    const invoices = ["F-2026-001", "'2026-001", "'1-3", "'12:30", "'€ 12", "'01012345"];
    for (const [i, invoice] of invoices.entries()) await typeInto(host, "Uitbetalingen", `F${5 + i}`, [[invoice]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const column = [...Array(invoices.length).keys()].map((i) => host.state.cell(host.state.sheet("Uitbetalingen")!, 5 + i, 6));
    expect(column.map((cell) => [cell?.formula, cell?.value])).toEqual(invoices.map((invoice) => [undefined, invoice.replace(/^'/, "")]));
    expect(changedTexts(host)).toEqual([]);
  });
});
