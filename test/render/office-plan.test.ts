/**
 * The write plan of the Office.js build (issue 9, point 8): which rows go out once and are
 * copied down. A copy is right only when Excel's paste gives every row its own formula, so the
 * plan copies a run only when the rows are one formula in R1C1 form, and never a formula the
 * references module does not move (whole rows or columns). Counterexamples from the review are
 * kept here as fixed examples.
 */
import { planWrites, renamer, type WriteOperation } from "../../src/render/office/plan";
import type { Cell, SheetDescription, WorkbookDescription } from "../../src/workbook/types";

/** One sheet: a header row, then rows 2..7 of column A a number and column B the formula of its row. */
function sheetOf(formula: (r: number) => string, format?: string): WorkbookDescription {
  const cells: (Cell | null)[][] = [[{ value: "Getal" }, { value: "Uitkomst" }]];
  for (let r = 2; r <= 7; r++) cells.push([{ value: r * 10 }, { formula: formula(r), ...(format ? { format } : {}) }]);
  const sheet = { name: "Blad", kind: "parameters", cells, columnWidths: [10, 10], frozenRows: 1, frozenColumns: 0, styles: [], validations: [], conditionalFormats: [], charts: [], manualColumns: [], inputRanges: [], firstDataRow: 2 } as unknown as SheetDescription;
  return { sheets: [sheet], names: [] };
}

const operations = (description: WorkbookDescription): WriteOperation[] => planWrites(description).requests.flat();
const copies = (description: WorkbookDescription) => operations(description).filter((o) => o.kind === "copy").map((o) => (o.kind === "copy" ? `${o.source}→${o.target}` : ""));

describe("the write plan", () => {
  it("writes a run of one relative formula once and copies it down, the per-row numbers written over it", () => {
    const description = sheetOf((r) => `=A${r}*2+$A$2`);
    expect(copies(description)).toEqual(["A2:B2→A3:B7"]);
    const numbers = operations(description).find((o) => o.kind === "cells" && o.address === "A3:A7");
    expect(numbers?.kind === "cells" && numbers.formulas).toEqual([[30], [40], [50], [60], [70]]);
  });

  it("copies nothing when each row's formula differs in more than its references (=A5*1E5: the exponent is a number)", () => {
    expect(copies(sheetOf((r) => `=A${r}*1E${r}`))).toEqual([]);
  });

  it("copies no formula with whole rows or columns in it (=A5/MAX(1:1) would become MAX(2:2) in a paste)", () => {
    expect(copies(sheetOf((r) => `=A${r}/MAX(1:1)`))).toEqual([]);
    expect(copies(sheetOf((r) => `=A${r}/MAX($A:$A)`))).toEqual([]);
  });

  it("writes General over formula cells, since Excel may format a formula as it is entered (=TODAY())", () => {
    const blocks = operations(sheetOf((r) => (r % 2 === 0 ? `=TODAY()+${r}` : `=A${r}`)));
    expect(blocks.every((o) => o.kind === "cells" && o.formats !== null)).toBe(true);
  });

  it("keeps a request under its budget by splitting blocks by rows", () => {
    const plan = planWrites(sheetOf((r) => `=A${r}*1E${r}`), 200);
    expect(plan.requests.length).toBeGreaterThan(1);
    expect(plan.requests.flat().map((o) => o.kind)).not.toContain("copy");
  });

  it("points formulas at the temporary sheets but leaves text in quotes alone, as Excel's rename does", () => {
    const rename = renamer(["Controle", "Begroting 2026"], ["~poh bouw 9", "~poh bouw 3"]);
    expect(rename(`=IF(Controle!F3=0,"",HYPERLINK("#Controle!A"&5,"Naar 'Begroting 2026'!B5"))+'Begroting 2026'!B5`)).toBe(`=IF('~poh bouw 9'!F3=0,"",HYPERLINK("#Controle!A"&5,"Naar 'Begroting 2026'!B5"))+'~poh bouw 3'!B5`);
  });

  it("copies constants it already wrote in the same shape, the content only", () => {
    const description = sheetOf((r) => `=A${r}*2`);
    const cells = description.sheets[0].cells;
    // Rows 8..13 repeat rows 2..7 after a header of their own: a second year's block.
    cells.push([{ value: "Jaar 2" }, { value: "" }], ...cells.slice(1, 7).map((row, i) => [row[0], { formula: `=A${9 + i}*2` }]));
    const copied = operations(description).filter((o) => o.kind === "copy" && o.copyType === "Formulas");
    expect(copied.map((o) => (o.kind === "copy" ? `${o.source}→${o.target}` : ""))).toEqual(["A3:A7→A10:A14"]);
  });
});
