/**
 * What the in-memory host models for the switch of issue 9: a failure at one operation inside a
 * batch, Range.copyFrom of a whole sheet (of a block of cells: copy-cells.test.ts), a name pointed elsewhere, a person in cell edit mode,
 * and forks of a workbook. References behave as in Excel: a pasted sheet keeps them.
 */
import { MemoryExcel } from "../../src/host/memory-excel";

async function withSheets(): Promise<MemoryExcel> {
  const host = new MemoryExcel();
  await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.add("Oud").getRange("A1:B1").formulas = [[10, "=A1*2"]];
    sheets.add("Nieuw").getRange("A1:B1").formulas = [[7, "=A1*3"]];
    sheets.getItem("Blad1").getRange("A1").formulas = [["=Oud!B1"]];
    await context.sync();
  });
  return host;
}

describe("a failure at operation k of a batch", () => {
  it("applies the operations before it, none from it on, rejects the sync, and fires once", async () => {
    const host = new MemoryExcel();
    host.failAtOperation = { sync: 1, operation: 3 };
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      for (const [i, v] of [1, 2, 3, 4].entries()) sheet.getRange(`A${i + 1}`).formulas = [[v]];
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException", message: expect.stringContaining("operation 3 of request 1") });
      sheet.getRange("A5").formulas = [[5]];
      await context.sync();
    });
    const blad = host.state.sheet("Blad1")!;
    expect([1, 2, 3, 4, 5].map((r) => host.state.valueAt(blad, r, 1))).toEqual([1, 2, null, null, 5]);
    expect(host.syncs.map((s) => s.operations)).toEqual([4, 1]);
  });
});

describe("Range.copyFrom of a whole sheet", () => {
  it("replaces the target's cells and keeps formulas elsewhere pointing at it (a paste, not a move)", async () => {
    const host = await withSheets();
    const oud = host.state.sheet("Oud")!;
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Oud").getRange("C3").formulas = [["alleen oud"]];
      sheets.getItem("Oud").getRange().copyFrom(sheets.getItem("Nieuw").getRange(), "All");
      await context.sync();
    });
    expect(host.state.sheet("Oud")).toBe(oud);
    expect(host.state.cell(oud, 1, 2)?.formula).toBe("=A1*3");
    expect(host.state.cell(oud, 3, 3)).toBeUndefined();
    const blad = host.state.sheet("Blad1")!;
    expect([host.state.cell(blad, 1, 1)?.formula, host.state.valueAt(blad, 1, 1)]).toEqual(["=Oud!B1", 21]);
  });

  it("is refused on a protected sheet, and what the host does not model is refused, not guessed", async () => {
    const host = await withSheets();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Oud").protection.protect({});
      await context.sync();
      sheets.getItem("Oud").getRange().copyFrom(sheets.getItem("Nieuw").getRange(), "All");
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      sheets.getItem("Nieuw").getRange("D1").copyFrom(sheets.getItem("Nieuw").getRange("A1"), "Values");
      await expect(context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
    });
    expect(host.state.cell(host.state.sheet("Oud")!, 1, 2)?.formula).toBe("=A1*2");
  });
});

describe("a name pointed elsewhere", () => {
  it("keeps the formulas that use it, with the new figure", async () => {
    const host = await withSheets();
    await host.run(async (context) => {
      context.workbook.names.add("Bron", "=Oud!$A$1");
      context.workbook.worksheets.getItem("Blad1").getRange("A2").formulas = [["=Bron+1"]];
      await context.sync();
      context.workbook.names.getItem("Bron").formula = "=Nieuw!$A$1";
      await context.sync();
    });
    const blad = host.state.sheet("Blad1")!;
    expect([host.state.cell(blad, 2, 1)?.formula, host.state.valueAt(blad, 2, 1)]).toEqual(["=Bron+1", 8]);
  });
});

describe("cell edit mode", () => {
  it("fails a batch run without delayForCellEdit, and holds one run with it until the edit ends", async () => {
    const host = new MemoryExcel();
    host.beginCellEdit();
    await expect(host.run(async (context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let done = false;
    const waiting = host.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1").formulas = [[1]];
      await context.sync();
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    host.endCellEdit();
    await waiting;
    expect(host.state.valueAt(host.state.sheet("Blad1")!, 1, 1)).toBe(1);
  });
});

describe("a fork", () => {
  it("is a copy: changing it leaves the original as it was", async () => {
    const host = await withSheets();
    const before = host.snapshot();
    const fork = host.fork();
    expect(fork.snapshot()).toEqual(before);
    await fork.run(async (context) => {
      context.workbook.worksheets.getItem("Oud").getRange("A1").formulas = [[99]];
      context.workbook.worksheets.getItem("Nieuw").delete();
      await context.sync();
    });
    expect(host.snapshot()).toEqual(before);
    expect(fork.state.valueAt(fork.state.sheet("Blad1")!, 1, 1)).toBe(198);
  });
});

describe("whole rows inserted and deleted", () => {
  it("move references below them on every sheet, in names and charts; a range ending above does not grow", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const data = sheets.add("Begroting 2026");
      data.getRange("A1:A4").formulas = [[1], [2], ["=SUM(A1:A2)"], ["=A3*$A$3+\"A3\""]];
      sheets.getItem("Blad1").getRange("A1:A3").formulas = [["='Begroting 2026'!A3"], ["=SUM('Begroting 2026'!A1:A3)"], ["=A3"]];
      context.workbook.names.add("Totaal", "='Begroting 2026'!$A$3");
      sheets.getItem("Blad1").charts.add("ColumnClustered", data.getRange("A2:A3"), "Columns");
      await context.sync();
      data.getRange("3:4").insert("Down");
      await context.sync();
    });
    const data = host.state.sheet("Begroting 2026")!;
    const blad = host.state.sheet("Blad1")!;
    expect([1, 2, 3, 4, 5, 6].map((r) => host.state.cell(data, r, 1)?.formula ?? host.state.cell(data, r, 1)?.value ?? null)).toEqual([1, 2, null, null, "=SUM(A1:A2)", '=A5*$A$5+"A3"']);
    expect([1, 2, 3].map((r) => host.state.cell(blad, r, 1)?.formula)).toEqual(["='Begroting 2026'!A5", "=SUM('Begroting 2026'!A1:A5)", "=A3"]);
    expect(host.state.names.get("Totaal")).toBe("'Begroting 2026'!$A$5");
    expect(blad.charts[0].source).toBe("'Begroting 2026'!A2:A5");
    expect(host.state.valueAt(blad, 1, 1)).toBe(3);
    // Deleting the same rows puts every reference back where it was.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Begroting 2026").getRange("3:4").delete("Up");
      await context.sync();
    });
    expect([1, 2, 3].map((r) => host.state.cell(blad, r, 1)?.formula)).toEqual(["='Begroting 2026'!A3", "=SUM('Begroting 2026'!A1:A3)", "=A3"]);
    expect([host.state.names.get("Totaal"), blad.charts[0].source]).toEqual(["'Begroting 2026'!$A$3", "'Begroting 2026'!A2:A3"]);
    // A reference wholly inside deleted rows becomes #REF!.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Begroting 2026").getRange("3:3").delete("Up");
      await context.sync();
    });
    expect(host.state.cell(blad, 1, 1)?.formula).toBe("='Begroting 2026'!#REF!");
    expect(host.state.cell(blad, 2, 1)?.formula).toBe("=SUM('Begroting 2026'!A1:A2)");
  });
});
