/**
 * References in formulas, R1C1 form and copying a formula to another cell (issue 9, point 8).
 * Golden cases are worked out by hand from Excel's rules; the properties run with fresh seeds.
 */
import fc from "fast-check";
import { column } from "../../src/workbook/a1";
import { toR1C1, translateFormula } from "../../src/workbook/r1c1";
import { mapReferences, referenceText } from "../../src/workbook/references";

describe("mapReferences", () => {
  it("finds plain, absolute, mixed, ranged and sheet-qualified references, and nothing inside text or function names", () => {
    const found: string[] = [];
    mapReferences(`=IF(A1="B2 ""C3""",LOG10($D$4)+'Begroting 2026'!E$5:$F6+Blad1!G7,Peildatum+XFD1+XFE1+TRUE)`, (ref, text) => {
      found.push(`${text} → ${ref.sheet ?? "-"} ${referenceText(ref)}`);
      return text;
    });
    expect(found).toEqual([
      "A1 → - A1",
      "$D$4 → - $D$4",
      "'Begroting 2026'!E$5:$F6 → Begroting 2026 'Begroting 2026'!E$5:$F6",
      "Blad1!G7 → Blad1 Blad1!G7",
      "XFD1 → - XFD1",
    ]);
  });

  it("takes no part of a number, an accented name or an impossible row for a reference, and reads an accented sheet name (review counterexamples)", () => {
    const found: string[] = [];
    mapReferences("=A5*1E5+2.5E3+ÄB1+Café!B2+A0+A1048577+SUM(5:7)", (_, text) => (found.push(text), text));
    expect(found).toEqual(["A5", "Café!B2"]);
  });

  it("tells of whole rows and columns, which it leaves as they are", () => {
    let told = 0;
    expect(mapReferences("=SUM(5:7)+SUM($A:C)", (_, text) => text, () => told++)).toBe("=SUM(5:7)+SUM($A:C)");
    expect(told).toBe(2);
  });

  it("reads a sheet name with an apostrophe in it", () => {
    const sheets: (string | null)[] = [];
    mapReferences("='Jan''s blad'!A1", (ref, text) => (sheets.push(ref.sheet), text));
    expect(sheets).toEqual(["Jan's blad"]);
  });

  it("gives back every formula unchanged when each reference is written as it was", () => {
    fc.assert(fc.property(formulaArb, (formula) => mapReferences(formula, (_, text) => text) === formula));
  });
});

describe("toR1C1", () => {
  it("writes relative parts as offsets from the cell, absolute parts as they are (hand-worked, cell D5)", () => {
    expect(toR1C1("=B5*$C$1+'Begroting 2026'!D4+C$7:$E9", 5, 4)).toBe("=RC[-2]*R1C3+'Begroting 2026'!R[-1]C+R7C[-1]:R[4]C5");
  });

  it("gives the formulas of a column filled down the same text", () => {
    const rows = [5, 6, 7].map((r) => toR1C1(`=IF(A${r}="","",B${r}*$C$2+SUM(D${r}:F${r}))`, r, 7));
    expect(new Set(rows).size).toBe(1);
    expect(rows[0]).toBe('=IF(RC[-6]="","",RC[-5]*R2C3+SUM(RC[-3]:RC[-1]))');
  });
});

describe("translateFormula", () => {
  it("moves relative parts and keeps $ parts, as a paste does (hand-worked)", () => {
    expect(translateFormula("=B5*$C$1+C$7:$E9+'Begroting 2026'!D4", 3, 1)).toBe("=C8*$C$1+D$7:$E12+'Begroting 2026'!E7");
  });

  it("turns a reference pushed off the sheet into #REF!, with its sheet prefix", () => {
    expect(translateFormula("=A2+Blad1!B1:B3", -1, 0)).toBe("=A1+Blad1!#REF!");
    expect(translateFormula("=XFD1", 0, 1)).toBe("=#REF!");
  });

  it("keeps the R1C1 form of every formula it moves (fresh seeds)", () => {
    fc.assert(
      fc.property(formulaArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 30 }), (formula, row, col, down, right) => {
        const moved = translateFormula(formula, down, right);
        return moved.includes("#REF!") || toR1C1(moved, row + down, col + right) === toR1C1(formula, row, col);
      }),
    );
  });

  it("moved there and back is the formula again", () => {
    fc.assert(
      fc.property(formulaArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 30 }), (formula, down, right) => translateFormula(translateFormula(formula, down, right), -down, -right) === formula),
    );
  });
});

/** Formulas of references (any sheet, $ anywhere), numbers, text with reference-like content, functions. */
const cornerArb = fc
  .record({ col: fc.integer({ min: 1, max: 60 }), row: fc.integer({ min: 1, max: 500 }), c: fc.boolean(), r: fc.boolean() })
  .map(({ col, row, c, r }) => `${c ? "$" : ""}${column(col)}${r ? "$" : ""}${row}`);
const referenceArb = fc.tuple(fc.constantFrom("", "Blad1!", "'Begroting 2026'!", "'Jan''s'!"), cornerArb, fc.option(cornerArb, { nil: undefined })).map(([p, a, b]) => `${p}${a}${b ? `:${b}` : ""}`);
const termArb = fc.oneof(referenceArb, fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('"A1"', '"x ""B2"""', "Peildatum", "TRUE"));
const formulaArb = fc
  .array(termArb, { minLength: 1, maxLength: 6 })
  .chain((terms) => fc.constantFrom("SUM", "ROUND", "LOG10", "IF").map((fn) => `=${fn}(${terms.join(",")})+${terms[0]}`));
