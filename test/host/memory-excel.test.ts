import { MemoryExcel } from "../../src/host/memory-excel";

describe("the in-memory Excel host", () => {
  it("refuses to read a property before load and sync, as Office.js does", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/call the load method/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Blad1"]);
    });
  });

  it("refuses an array that does not match the range's shape", async () => {
    const host = new MemoryExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:B2").formulas = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toThrow(/does not match the size of range A1:B2/);
  });

  it.each([
    ["a name longer than 31 characters", "Begroting met een veel te lange naam"],
    ["a forbidden character", "Begroting/2025"],
    ["a duplicate ignoring case", "BLAD1"],
    ["an apostrophe at the start", "'Begroting"],
  ])("refuses a sheet with %s", async (_, name) => {
    const host = new MemoryExcel();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    ).rejects.toThrow();
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Blad1"]);
  });

  it("counts syncs with their request size and loses the batch of an injected failure", async () => {
    const host = new MemoryExcel();
    host.failAtSync = 2;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1").formulas = [["=1+1"]];
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A2").formulas = [["lost"]];
      await expect(context.sync()).rejects.toThrow(/connection was lost during request 2/);
    });
    expect(host.syncs).toHaveLength(2);
    expect(host.syncs[0].bytes).toBeGreaterThan(10);
    expect(host.state.valueAt(host.state.sheet("Blad1")!, 1, 1)).toBe(2);
    expect(host.state.cell(host.state.sheet("Blad1")!, 2, 1)).toBeUndefined();
  });

  it("reads text that looks like a number as a number unless it has a quote prefix, like Excel", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:C1").formulas = [["01000001", "'01000001", "'=HYPERLINK(1)"]];
      await context.sync();
    });
    const sheet = host.state.sheet("Blad1")!;
    expect([1, 2, 3].map((c) => host.state.valueAt(sheet, 1, c))).toEqual([1000001, "01000001", "=HYPERLINK(1)"]);
  });

  it("follows a renamed sheet in formulas and turns references to a deleted one into #REF!", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("Bron").getRange("A1").formulas = [[5]];
      sheets.getItem("Blad1").getRange("A1:A2").formulas = [["=Bron!A1*2"], ["=Bron!A1"]];
      await context.sync();
      sheets.getItem("Bron").name = "Nieuwe bron";
      await context.sync();
    });
    const blad = host.state.sheet("Blad1")!;
    expect(host.state.cell(blad, 1, 1)?.formula).toBe("='Nieuwe bron'!A1*2");
    expect(host.state.valueAt(blad, 1, 1)).toBe(10);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Nieuwe bron").delete();
      await context.sync();
    });
    expect(host.state.cell(blad, 2, 1)?.formula).toBe("=#REF!");
  });
});
