/**
 * Issue 11.5: realisation typed on Realisatie survives the pane's rebuild: by AGB code when
 * Praktijken is re-sorted, as a kept row when a practice is gone, and as a kept row naming its
 * year when the budget year changes.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { otherYear } from "../../src/core/realisation";
import { buildOn, typeInto, valueOf } from "../support/memory";

const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 2, hourlyCost: "52.50", withSample: true } };
const SHEET = "Realisatie";
const lastRow = (host: MemoryExcel, sheet: string) => host.state.usedRange(host.state.sheet(sheet)!)!.bottom;

/** Every typed cell of Realisatie (D to K), as "year|AGB|column=value". */
function typedCells(host: MemoryExcel): string[] {
  const out: string[] = [];
  for (let r = 5; r <= lastRow(host, SHEET); r++) {
    for (const c of "DEFGHIJK") {
      const v = valueOf(host, SHEET, `${c}${r}`);
      if (v !== null && v !== "" && typeof valueOf(host, SHEET, `C${r}`) === "number") out.push(`${valueOf(host, SHEET, `C${r}`)}|${valueOf(host, SHEET, `B${r}`)}|${c}=${v}`);
    }
  }
  return out.sort();
}
function controle(host: MemoryExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = 5; r <= lastRow(host, "Controle"); r++) out.set(String(valueOf(host, "Controle", `A${r}`)), String(valueOf(host, "Controle", `B${r}`)));
  return out;
}
const rowOfAgb = (host: MemoryExcel, agb: string, year: number) => [...Array(lastRow(host, SHEET)).keys()].map((i) => i + 1).find((r) => valueOf(host, SHEET, `B${r}`) === agb && valueOf(host, SHEET, `C${r}`) === year);

async function builtWithRealisation(): Promise<{ host: MemoryExcel; typed: string[]; first: { agb: string; name: string } }> {
  const host = new MemoryExcel();
  expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
  // Hours in K1 and K2 of the first three practices, an invoiced amount in K2 of the second.
  await typeInto(host, SHEET, "D5:E7", [
    [100, 120.5],
    [90, 95],
    [10, 0],
  ]);
  await typeInto(host, SHEET, "I6", [[5000.55]]);
  expect(valueOf(host, SHEET, "S6")).toBe(5000.55); // Kosten K2: the invoiced amount
  const typed = typedCells(host);
  expect(typed).toHaveLength(7);
  return { host, typed, first: { agb: String(valueOf(host, SHEET, "B5")), name: String(valueOf(host, SHEET, "A5")) } };
}

describe("realisation typed on Realisatie survives the pane's rebuild (issue 11.5)", () => {
  it("keeps every typed cell through a plain rebuild, on the same practices", async () => {
    const { host, typed } = await builtWithRealisation();
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(typedCells(host)).toEqual(typed);
    expect(valueOf(host, SHEET, "S6")).toBe(5000.55);
  });

  it("keeps a removed practice's realisation as a row at the bottom, named on Controle until cleared", async () => {
    const { host, typed, first } = await builtWithRealisation();
    const rows: unknown[][] = [];
    for (let r = 6; r <= 16; r++) rows.push([..."ABCDEFGH"].map((c) => host.state.cell(host.state.sheet("Praktijken")!, r, c.charCodeAt(0) - 64)?.value ?? "").map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)));
    await typeInto(host, "Praktijken", "A5:H16", [...rows, Array(8).fill("")]);
    // Before the rebuild the row keeps its practice, and says Praktijken changed under it.
    expect([valueOf(host, SHEET, "B5"), valueOf(host, SHEET, "AN5")]).toEqual([first.agb, "Praktijken gewijzigd: bouw opnieuw op"]);
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(typedCells(host)).toEqual(typed);
    const kept = rowOfAgb(host, first.agb, 2026)!;
    expect(kept).toBeGreaterThan(5 + 11 + 25); // below the practices, the free rows and the totals
    expect(valueOf(host, SHEET, `A${kept}`)).toBe(first.name);
    expect(valueOf(host, SHEET, `AN${kept}`)).toBe("Praktijk niet gevonden");
    expect(controle(host).get(`Bewaarde realisatie 2026: ${first.name} (${first.agb})`)).toBe(`Praktijk niet gevonden: zie Realisatie rij ${kept}`);
    // Cleared, it goes on the next rebuild.
    await typeInto(host, SHEET, `D${kept}:E${kept}`, [["", ""]]);
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(rowOfAgb(host, first.agb, 2026)).toBeUndefined();
    expect([...controle(host).keys()].filter((l) => l.startsWith("Bewaarde realisatie"))).toEqual([]);
  });

  it("keeps the previous budget year's realisation as kept rows naming the year when the budget year changes", async () => {
    const { host, typed } = await builtWithRealisation();
    await typeInto(host, "Uitgangspunten", "C5", [[2027]]);
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(valueOf(host, SHEET, "B2")).toBe(2027);
    expect(typedCells(host)).toEqual(typed);
    expect(valueOf(host, SHEET, "D5")).toBeNull(); // the new year starts empty
    const kept = rowOfAgb(host, String(typed[0].split("|")[1]), 2026)!;
    expect(valueOf(host, SHEET, `AN${kept}`)).toBe(otherYear(2026));
  });

  it("names text typed for hours and hours above the budget on the row and on Controle, without #VALUE!", async () => {
    const { host } = await builtWithRealisation();
    await typeInto(host, SHEET, "F8", [["tien uur"]]);
    await typeInto(host, SHEET, "G9", [[99999]]);
    expect(valueOf(host, SHEET, "AN8")).toBe("Invoer is geen getal");
    expect(valueOf(host, SHEET, "AN9")).toBe("Meer uren dan begroot");
    const checks = controle(host);
    expect(checks.get("Realisatie: invoer is een getal")).toBe(`Invoer is geen getal: Realisatie rij 8 (${valueOf(host, SHEET, "A8")})`);
    expect(checks.get("Realisatie: uren binnen de begroting")).toBe(`Meer uren dan begroot: Realisatie rij 9 (${valueOf(host, SHEET, "A9")})`);
    const values: unknown[] = [];
    for (let r = 1; r <= lastRow(host, SHEET); r++) for (let c = 1; c <= 41; c++) values.push(host.state.valueAt(host.state.sheet(SHEET)!, r, c));
    expect(values.filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
  });
});
