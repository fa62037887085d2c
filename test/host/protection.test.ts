/** The in-memory host's worksheet protection follows Excel's rules. */
import { MemoryExcel } from "../../src/host/memory-excel";
import type { MemoryContext } from "../../src/host/context";
import { lockedAt, protectionOf, protectSheet, unprotectSheet } from "../support/protection";

async function write(host: MemoryExcel, batch: (context: MemoryContext) => void): Promise<void> {
  await host.run(async (context) => {
    batch(context);
    await context.sync();
  });
}

const blad = (context: MemoryContext) => context.workbook.worksheets.getItem("Blad1");

describe("worksheet protection in the in-memory host", () => {
  it("starts unprotected with every cell locked", async () => {
    const host = new MemoryExcel();
    expect(protectionOf(host, "Blad1")).toEqual({ protected: false, options: {}, password: null });
    expect(lockedAt(host, "Blad1", "A1")).toBe(true);
    expect(lockedAt(host, "Blad1", "XFD1048576")).toBe(true);
  });

  it("refuses a write to a locked cell of a protected sheet with AccessDenied, and changes none of the range", async () => {
    const host = new MemoryExcel();
    await write(host, (c) => {
      blad(c).getRange("A1:B1").formulas = [[1, "=A1*2"]];
      blad(c).getRange("B2").format.protection.locked = false;
      blad(c).protection.protect({ allowFormatColumns: true });
    });
    expect(lockedAt(host, "Blad1", "B2")).toBe(false);
    // B2 is unlocked, A2 is not: the whole write is refused.
    await expect(write(host, (c) => (blad(c).getRange("A2:B2").values = [[5, 6]]))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(write(host, (c) => (blad(c).getRange("B1").formulas = [["=1"]]))).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.state.cell(host.state.sheet("Blad1")!, 2, 2)).toBeUndefined();
    expect(host.state.cell(host.state.sheet("Blad1")!, 1, 2)?.formula).toBe("=A1*2");
    await write(host, (c) => (blad(c).getRange("B2").values = [[6]]));
    expect(host.state.valueAt(host.state.sheet("Blad1")!, 2, 2)).toBe(6);
  });

  it("allows on a protected sheet only the formatting its options allow", async () => {
    const host = new MemoryExcel();
    await protectSheet(host, "Blad1", undefined, { allowFormatColumns: true });
    await write(host, (c) => (blad(c).getRange("A1").format.columnWidth = 120));
    expect(host.state.sheet("Blad1")!.columnWidths.get(1)).toBe(120);
    for (const refused of [
      (c: MemoryContext) => (blad(c).getRange("A1").format.rowHeight = 30),
      (c: MemoryContext) => (blad(c).getRange("A1").format.fill.color = "#FFFF00"),
      (c: MemoryContext) => (blad(c).getRange("A1").numberFormat = [["0.00"]]),
      (c: MemoryContext) => (blad(c).getRange("A1").format.protection.locked = false),
    ]) {
      await expect(write(host, refused)).rejects.toMatchObject({ code: "AccessDenied" });
    }
  });

  it("refuses to protect a protected sheet or unprotect an unprotected one, as Excel now does", async () => {
    const host = new MemoryExcel();
    await expect(unprotectSheet(host, "Blad1")).rejects.toMatchObject({ code: "AccessDenied" });
    await protectSheet(host, "Blad1");
    await expect(protectSheet(host, "Blad1")).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("keeps a sheet protected with a password protected without it, and lifts it with it", async () => {
    const host = new MemoryExcel();
    await protectSheet(host, "Blad1", "geheim");
    await expect(unprotectSheet(host, "Blad1")).rejects.toThrow(/password/);
    await expect(unprotectSheet(host, "Blad1", "fout")).rejects.toThrow(/password/);
    expect(protectionOf(host, "Blad1").protected).toBe(true);
    await unprotectSheet(host, "Blad1", "geheim");
    expect(protectionOf(host, "Blad1").protected).toBe(false);
  });

  it("loads protection through the sheet and through the collection's items, and refuses to read it unloaded", async () => {
    const host = new MemoryExcel();
    await protectSheet(host, "Blad1", undefined, { allowFormatRows: true });
    await host.run(async (context) => {
      const protection = blad(context).protection;
      expect(() => protection.protected).toThrow(/call the load method/);
      protection.load("protected,options");
      const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
      await context.sync();
      expect(protection.protected).toBe(true);
      // Unset options read back as null, as Excel may hand them; protect() refuses those.
      expect(protection.options).toMatchObject({ allowFormatRows: true, allowInsertRows: null });
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([["Blad1", true]]);
      expect(() => sheets.items[0].protection.options).toThrow(/call the load method/);
    });
  });

  it("reads a range's locked as null when its cells differ", async () => {
    const host = new MemoryExcel();
    await write(host, (c) => (blad(c).getRange("B1").format.protection.locked = false));
    await host.run(async (context) => {
      const mixed = blad(context).getRange("A1:B1").format.protection.load("locked");
      const unlocked = blad(context).getRange("B1").format.protection.load("locked");
      await context.sync();
      expect([mixed.locked, unlocked.locked]).toEqual([null, false]);
    });
  });
});
