/**
 * Range.copyFrom of a block of cells in the in-memory host, as the Office.js reference documents
 * it (issue 9, point 8): a source is replicated into an exact multiple of its size, relative
 * references move per cell, and what the host does not model is refused.
 */
import { MemoryExcel } from "../../src/host/memory-excel";

async function hostWith(setup: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<MemoryExcel> {
  const host = new MemoryExcel();
  await host.run(async (context) => {
    setup(context.workbook.worksheets.getItem("Blad1") as unknown as Excel.Worksheet, context as unknown as Excel.RequestContext);
    await context.sync();
  });
  return host;
}

const formulaAt = (host: MemoryExcel, address: string, sheet = "Blad1") => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = host.state.cell(host.state.sheet(sheet)!, Number(m[2]), col);
  return cell?.formula ?? cell?.value;
};

describe("Range.copyFrom of a block of cells", () => {
  it("replicates one row down a run of rows, each formula's relative references moved to its row", async () => {
    const host = await hostWith((sheet) => {
      sheet.getRange("A1:D1").formulas = [[2, 3, "=A1*B1+$A$1", "=SUM(A1:C1)"]];
      sheet.getRange("A1:D1").numberFormat = [["0", "0.00", '"€ "#,##0.00', "General"]];
      sheet.getRange("A2:D5").copyFrom(sheet.getRange("A1:D1"), "All");
    });
    expect(["C2", "C5", "D4"].map((a) => formulaAt(host, a))).toEqual(["=A2*B2+$A$1", "=A5*B5+$A$1", "=SUM(A4:C4)"]);
    expect(formulaAt(host, "A3")).toBe(2);
    const blad = host.state.sheet("Blad1")!;
    expect([host.state.cell(blad, 5, 2)?.numberFormat, host.state.cell(blad, 5, 3)?.numberFormat]).toEqual(["0.00", '"€ "#,##0.00']);
    // 2 × 3 + 2, on every row: the copies calculate.
    expect(host.state.valueAt(blad, 4, 3)).toBe(8);
  });

  it("tiles a 2 × 2 source over a 2 × 6 destination three times, as the documentation's example says", async () => {
    const host = await hostWith((sheet) => {
      sheet.getRange("A1:B2").formulas = [["=Z1", 1], [2, "=Z2"]];
      sheet.getRange("D1:I2").copyFrom(sheet.getRange("A1:B2"), "All");
    });
    // Z is column 26: D1 is 3 columns right of A1, F1 5, H1 7; G2 is 5 right of B2, I2 7.
    expect(["D1", "F1", "H1", "G2", "I2"].map((a) => formulaAt(host, a))).toEqual(["=AC1", "=AE1", "=AG1", "=AE2", "=AG2"]);
    expect(formulaAt(host, "E1")).toBe(1);
  });

  it("takes rows and columns apart: a 1 × 2 source over a 3 × 1 destination fills 3 × 2", async () => {
    const host = await hostWith((sheet) => {
      sheet.getRange("A1:B1").formulas = [["=Z1", 5]];
      sheet.getRange("D1:D3").copyFrom(sheet.getRange("A1:B1"), "All");
    });
    expect(["D1", "D3", "E3", "F1"].map((a) => formulaAt(host, a))).toEqual(["=AC1", "=AC3", 5, undefined]);
  });

  it("pastes one copy at the top-left corner of a destination that is no exact multiple", async () => {
    const host = await hostWith((sheet) => {
      sheet.getRange("A1:A2").formulas = [["=B1"], ["=B2"]];
      sheet.getRange("C1:C3").copyFrom(sheet.getRange("A1:A2"), "All");
    });
    expect(["C1", "C2", "C3"].map((a) => formulaAt(host, a))).toEqual(["=D1", "=D2", undefined]);
  });

  it("copies to another sheet with references to other sheets moved too, and pushes a reference off the sheet to #REF!", async () => {
    const host = await hostWith((sheet, context) => {
      context.workbook.worksheets.add("Doel");
      sheet.getRange("A2").formulas = [["='Blad1'!B2+A1"]];
      context.workbook.worksheets.getItem("Doel").getRange("A1").copyFrom("Blad1!A2", "All");
    });
    expect(formulaAt(host, "A1", "Doel")).toBe("='Blad1'!B1+#REF!");
  });

  it("copies only the content with Formulas and only the formats with Formats", async () => {
    const host = await hostWith((sheet) => {
      sheet.getRange("A1").formulas = [["=B1+1"]];
      sheet.getRange("A1").numberFormat = [["0.00"]];
      sheet.getRange("C1:C2").formulas = [[5], [6]];
      sheet.getRange("C1:C2").numberFormat = [["0"], ["0"]];
      sheet.getRange("C1").copyFrom(sheet.getRange("A1"), "Formulas");
      sheet.getRange("C2").copyFrom(sheet.getRange("A1"), "Formats");
    });
    const blad = host.state.sheet("Blad1")!;
    expect([formulaAt(host, "C1"), host.state.cell(blad, 1, 3)?.numberFormat]).toEqual(["=D1+1", "0"]);
    expect([formulaAt(host, "C2"), host.state.cell(blad, 2, 3)?.numberFormat]).toEqual([6, "0.00"]);
  });

  it("refuses what it does not model: Values, transpose, formats over validation or unlocked cells, a protected destination", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1").formulas = [[1]];
      await context.sync();
      const tries: (() => void)[] = [
        () => sheet.getRange("B1").copyFrom(sheet.getRange("A1"), "Values"),
        () => sheet.getRange("B1").copyFrom(sheet.getRange("A1"), "All", false, true),
        () => {
          sheet.getRange("A1").format.protection.locked = false;
          sheet.getRange("B1").copyFrom(sheet.getRange("A1"), "All");
        },
      ];
      for (const attempt of tries) {
        attempt();
        // One failing request per attempt, on purpose.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await expect(context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
      }
      sheet.protection.protect({});
      sheet.getRange("C1").copyFrom(sheet.getRange("A1"), "Formulas");
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(formulaAt(host, "B1")).toBeUndefined();
  });
});
