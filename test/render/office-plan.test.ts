/**
 * The write plan of the Office.js build (issue 9, point 8): which rows go out once and are
 * copied down. A copy is right only when Excel's paste gives every row its own formula, so the
 * plan copies a run only when the rows are one formula in R1C1 form, and never a formula the
 * references module does not move (whole rows or columns). Counterexamples from the review are
 * kept here as fixed examples.
 */
import { planWrites, type WriteOperation } from "../../src/render/office/plan";
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
});
