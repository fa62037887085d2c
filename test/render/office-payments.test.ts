/**
 * Issue 8, point 1: nothing typed on Uitbetalingen is ever lost. A person types a payment on
 * every row of a built workbook, then changes Praktijken the ways people do (a practice
 * removed, an AGB code corrected, a CSV without a practice), with and without a rebuild.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { samplePracticesCsv } from "../../src/samples/sample";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { text as paneText } from "../../src/taskpane/texts";
import { buildOn, typeInto, valueOf } from "../support/memory";

const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 4, hourlyCost: "52.50", withSample: true } };
const TYPED = ["F", "G", "H", "I", "J"];
const DE_LINDE = { agb: "01012345", name: "Huisartsenpraktijk De Linde" };

const lastRow = (host: MemoryExcel, sheet: string) => host.state.usedRange(host.state.sheet(sheet)!)!.bottom;
/** 12 practices and 25 free rows per year, 4 years: rows 5–152 of Uitbetalingen (the compensation). */
const REGISTER_END = 4 + 4 * (12 + 25);
/** Then the formation instalments (issue 11.2): 4 quarters per row of those, rows 153–744; kept rows follow. */
const FORMATION_ROWS = 4 * (12 + 25) * 4;
/** The last free row of the register (a year, no AGB code): kept rows stand below it. */
function lastFreeRow(host: MemoryExcel): number {
  let last = 0;
  for (let r = 5; r <= lastRow(host, "Uitbetalingen"); r++) if (typeof valueOf(host, "Uitbetalingen", `A${r}`) === "number" && valueOf(host, "Uitbetalingen", `B${r}`) === "") last = r;
  return last;
}

/** Every typed payment cell on Uitbetalingen, as "year|AGB|kind|column=value". */
function typedCells(host: MemoryExcel): string[] {
  const out: string[] = [];
  for (let r = 5; r <= lastRow(host, "Uitbetalingen"); r++) {
    if (typeof valueOf(host, "Uitbetalingen", `A${r}`) !== "number") continue; // the totals below the register
    for (const c of TYPED) {
      const v = valueOf(host, "Uitbetalingen", `${c}${r}`);
      if (v !== null && v !== "") out.push(`${valueOf(host, "Uitbetalingen", `A${r}`)}|${valueOf(host, "Uitbetalingen", `B${r}`)}|${valueOf(host, "Uitbetalingen", `T${r}`)}|${c}=${v}`);
    }
  }
  return out.sort();
}

/** Values of every cell of a sheet (rows from `from`), to look for errors. */
function sheetValues(host: MemoryExcel, sheet: string, from = 1): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= lastRow(host, sheet); r++) for (const c of "ABCDEFGHIJKL") out.push(valueOf(host, sheet, `${c}${r}`));
  return out;
}
const errors = (values: unknown[]) => values.filter((v) => typeof v === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NAME\?)/.test(v));

/** Controle as label → outcome. */
function controle(host: MemoryExcel): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = 5; r <= lastRow(host, "Controle"); r++) out.set(String(valueOf(host, "Controle", `A${r}`)), String(valueOf(host, "Controle", `B${r}`)));
  return out;
}

/**
 * The VPG sample, with an invoice and a payment of exactly the amount due, on the due date,
 * typed on every practice's register row (each year's 12 practices, before its free rows).
 */
async function builtWithPayments(): Promise<{ host: MemoryExcel; typed: string[] }> {
  const host = new MemoryExcel();
  expect(await buildOn(host, VPG_SAMPLE)).toMatchObject({ kind: "built" });
  for (let year = 0; year < 4; year++) {
    const top = 5 + year * 37;
    const rows: unknown[][] = [];
    for (let r = top; r < top + 12; r++) {
      expect(valueOf(host, "Uitbetalingen", `B${r}`)).toMatch(/^\d{8}$/);
      const due = valueOf(host, "Uitbetalingen", `D${r}`) as number;
      const dueDate = valueOf(host, "Uitbetalingen", `E${r}`);
      const paidOn = typeof dueDate === "number" ? dueDate : 46100 + r;
      rows.push([`F-${r}`, paidOn - 10, due, due, paidOn]);
    }
    expect(valueOf(host, "Uitbetalingen", `B${top + 12}`)).toBe(""); // the year's first free row
    await typeInto(host, "Uitbetalingen", `F${top}:J${top + 11}`, rows);
  }
  expect(valueOf(host, "Uitbetalingen", `T${REGISTER_END + 1}`)).toBe("Formatie K1"); // the formation rows follow
  expect(valueOf(host, "Uitbetalingen", `A${REGISTER_END + FORMATION_ROWS + 1}`)).toBeNull();
  const typed = typedCells(host);
  expect(typed).toHaveLength(48 * 5);
  return { host, typed };
}

/** Praktijken rows 5–16 as a person would retype them, name to own rate (text kept as text). */
function practiceRows(host: MemoryExcel): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 5; r <= 16; r++) rows.push([..."ABCDEFGHIJ"].map((c) => host.state.cell(host.state.sheet("Praktijken")!, r, c.charCodeAt(0) - 64)?.value ?? "").map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)));
  return rows;
}

/** What a rebuild must hold: every typed cell, the kept rows named on Controle, no error values, the other checks OK. */
function expectKept(host: MemoryExcel, typed: string[], gone: { agb: string; name: string }) {
  expect(typedCells(host)).toEqual(typed);
  const statuses = [2026, 2027, 2028, 2029].map((year) => {
    const r = [...Array(lastRow(host, "Uitbetalingen")).keys()].map((i) => i + 1).find((i) => valueOf(host, "Uitbetalingen", `A${i}`) === year && valueOf(host, "Uitbetalingen", `B${i}`) === gone.agb)!;
    expect(r).toBeGreaterThan(lastFreeRow(host)); // kept rows stand after the regular ones and the free rows
    expect(valueOf(host, "Uitbetalingen", `C${r}`)).toBe(gone.name);
    expect(valueOf(host, "Uitbetalingen", `D${r}`)).toBe(0);
    return valueOf(host, "Uitbetalingen", `L${r}`);
  });
  expect(statuses).toEqual(Array(4).fill("Praktijk niet gevonden"));
  expect(errors(sheetValues(host, "Uitbetalingen"))).toEqual([]);
  expect(errors(sheetValues(host, "Controle"))).toEqual([]);
  const checks = controle(host);
  for (const year of [2026, 2027, 2028, 2029]) expect(checks.get(`Bewaarde betaling ${year}: ${gone.name} (${gone.agb})`)).toMatch(/^Praktijk niet gevonden: zie Uitbetalingen rij \d+$/);
  expect(checks.get("Elke betaling hoort bij een praktijk in de begroting")).toMatch(new RegExp(`^Praktijk niet gevonden: Uitbetalingen rij \\d+ \\(${gone.name}\\) en nog 3 rij\\(en\\)$`));
  const others = [...checks].filter(([label]) => !label.startsWith("Bewaarde betaling") && label !== "Elke betaling hoort bij een praktijk in de begroting");
  expect(others.length).toBeGreaterThan(10);
  expect(others.filter(([, outcome]) => !outcome.startsWith("OK"))).toEqual([]);
}

// The pane builds with today as the default Peildatum: a fixed day before every due date of the 2026 budget,
// so a practice's unpaid row (an AGB code corrected, the payments kept on their own rows) is not yet overdue.
beforeAll(() => jest.useFakeTimers({ now: new Date(2026, 0, 15), doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] }));
afterAll(() => jest.useRealTimers());

describe("payments typed on Uitbetalingen survive every rebuild and import (issue 8.1)", () => {
  it("keeps every typed cell when a practice is removed from Praktijken and the budget rebuilt, as rows at the bottom named on Controle", async () => {
    const { host, typed } = await builtWithPayments();
    const rows = practiceRows(host);
    expect(rows[0][1]).toBe(`'${DE_LINDE.agb}`);
    await typeInto(host, "Praktijken", "A5:J16", [...rows.slice(1), Array(10).fill("")]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expectKept(host, typed, DE_LINDE);
    // The totals count every amount: paid includes the kept rows, due does not.
    const paid = typed.filter((t) => t.includes("|I=")).reduce((n, t) => n + Number(t.split("=")[1]), 0);
    // Below the register the totals per payee follow (issue 11.2): the register's Totaal row is found by its label.
    const totalRow = [...Array(lastRow(host, "Uitbetalingen")).keys()].map((i) => i + 1).find((r) => valueOf(host, "Uitbetalingen", `A${r}`) === "Totaal")!;
    expect(valueOf(host, "Uitbetalingen", `I${totalRow}`)).toBeCloseTo(paid, 2);
  });

  it("keeps every typed cell when an AGB code is corrected and the budget rebuilt", async () => {
    const { host, typed } = await builtWithPayments();
    await typeInto(host, "Praktijken", "B5", [["'01099999"]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expectKept(host, typed, DE_LINDE);
    expect(valueOf(host, "Uitbetalingen", "B5")).toBe("01099999");
    expect(valueOf(host, "Uitbetalingen", "F5")).toBeNull();
  });

  it("keeps every typed cell when a CSV without a practice is imported, after asking how many practices it replaces", async () => {
    const { host, typed } = await builtWithPayments();
    const csv = samplePracticesCsv(2026)
      .split("\n")
      .filter((line) => !line.includes(DE_LINDE.agb))
      .join("\n");
    const asked = await buildOn(host, { mode: "import", csv });
    expect(asked).toEqual({ kind: "confirm", edited: [], replacesBudget: false, replacesPractices: { current: 12, read: 11 } });
    expect(typedCells(host)).toEqual(typed);
    expect(await buildOn(host, { mode: "import", csv }, { confirmed: true })).toMatchObject({ kind: "built", practicesRead: 11 });
    expectKept(host, typed, DE_LINDE);
  });

  it("names the rows of a practice whose AGB code changed before any rebuild, with no #N/A on Uitbetalingen or Controle", async () => {
    const { host, typed } = await builtWithPayments();
    const name = valueOf(host, "Praktijken", "A7");
    await typeInto(host, "Praktijken", "B7", [["'01077777"]]);
    // Row 7 of Begroting 2026 is the third practice: Uitbetalingen row 7 in 2026.
    expect(valueOf(host, "Uitbetalingen", "L7")).toBe("Praktijk niet gevonden");
    expect(valueOf(host, "Uitbetalingen", "D7")).toBe(0);
    expect(valueOf(host, "Uitbetalingen", "E7")).toBe("");
    expect(errors(sheetValues(host, "Uitbetalingen"))).toEqual([]);
    expect(errors(sheetValues(host, "Controle"))).toEqual([]);
    const checks = controle(host);
    // Its 4 compensation rows and its 16 formation rows (they take the AGB code of its compensation rows).
    expect(checks.get("Elke betaling hoort bij een praktijk in de begroting")).toBe(`Praktijk niet gevonden: Uitbetalingen rij 7 (${name}) en nog 19 rij(en)`);
    expect(checks.get("Betaald gelijk aan te betalen")).toBe("OK");
    expect(checks.get("AGB-codes geldig en uniek")).toBe("OK");
    // A rebuild then keeps them as rows of their own.
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(typedCells(host)).toEqual(typed);
  });

  it("lets a kept row go only when a person clears its typed cells", async () => {
    const { host, typed } = await builtWithPayments();
    await typeInto(host, "Praktijken", "B5", [["'01099999"]]);
    await buildOn(host, { mode: "rebuild" });
    const kept = [1, 2, 3, 4].map((i) => REGISTER_END + FORMATION_ROWS + i).filter((r) => valueOf(host, "Uitbetalingen", `B${r}`) === DE_LINDE.agb);
    expect(kept).toHaveLength(4);
    await typeInto(host, "Uitbetalingen", `F${kept[0]}:J${kept[0]}`, [["", "", "", "", ""]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(typedCells(host)).toHaveLength(typed.length - 5);
    expect([...controle(host).keys()].filter((l) => l.startsWith("Bewaarde betaling"))).toHaveLength(3);
  });
});

describe("payments typed on formation instalments (issue 11.2)", () => {
  it("keeps them on their instalment's row, by AGB code, year and kind, through a rebuild that removes another practice", async () => {
    const { host } = await builtWithPayments();
    const formation = REGISTER_END + 1;
    // 2026: the first practice's four quarters, and the second practice's second quarter.
    const rows = [formation, formation + 1, formation + 2, formation + 3, formation + 5];
    for (const r of rows) {
      const due = valueOf(host, "Uitbetalingen", `D${r}`) as number;
      await typeInto(host, "Uitbetalingen", `F${r}:J${r}`, [[`FK-${r}`, 46100, due, due, valueOf(host, "Uitbetalingen", `E${r}`)]]);
      expect(valueOf(host, "Uitbetalingen", `L${r}`)).toBe("Betaald");
    }
    const before = typedCells(host);
    expect(before.filter((t) => t.includes("|Formatie K"))).toHaveLength(25);
    // The third practice leaves Praktijken: the instalment rows of the first two stay where they were.
    const practices = practiceRows(host);
    await typeInto(host, "Praktijken", "A5:J16", [...practices.slice(0, 2), ...practices.slice(3), Array(10).fill("")]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const after = typedCells(host);
    expect(after.filter((t) => t.includes("|Formatie K"))).toEqual(before.filter((t) => t.includes("|Formatie K")));
    expect(valueOf(host, "Uitbetalingen", `T${REGISTER_END - 4 + 1}`)).toBe("Formatie K1"); // one practice less a year
    expect(valueOf(host, "Uitbetalingen", `F${REGISTER_END - 4 + 1}`)).toBe(`FK-${formation}`);
    expect(valueOf(host, "Uitbetalingen", `F${REGISTER_END - 4 + 1 + 5}`)).toBe(`FK-${formation + 5}`);
    expect(errors(sheetValues(host, "Uitbetalingen"))).toEqual([]);
    const checks = controle(host);
    expect([checks.get("Formatietermijnen 2026 gelijk aan Gemeente op Begroting 2026"), checks.get("Totalen per ontvanger gelijk aan het register"), checks.get("Betaalschema formatie zoals gebouwd")]).toEqual(["OK", "OK", "OK"]);
  });
});

describe("amounts typed as text on Uitbetalingen", () => {
  it("names the row on Controle and keeps #VALUE! off Uitbetalingen and Controle", async () => {
    const { host } = await builtWithPayments();
    await typeInto(host, "Uitbetalingen", "I9", [["1.000,-"]]);
    expect(valueOf(host, "Uitbetalingen", "L9")).toBe("Bedrag is geen getal");
    expect(errors(sheetValues(host, "Uitbetalingen"))).toEqual([]);
    expect(errors(sheetValues(host, "Controle"))).toEqual([]);
    expect(controle(host).get("Bedragen op Uitbetalingen zijn getallen")).toBe(`Bedrag is geen getal: Uitbetalingen rij 9 (${valueOf(host, "Uitbetalingen", "C9")})`);
    expect(controle(host).get("Betaald gelijk aan te betalen")).toBe("OK");
  });
});

describe("importing practices over typed ones", () => {
  it("asks first when Praktijken holds practices, and says how many it has and how many it read", async () => {
    const host = new MemoryExcel();
    await buildOn(host, VPG_SAMPLE);
    const outcome = await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\nNieuw;01999999;4700\nTwee;01999998;2350\n" });
    expect(outcome).toMatchObject({ kind: "confirm", replacesPractices: { current: 12, read: 2 } });
    expect(valueOf(host, "Praktijken", "A6")).not.toBeNull(); // nothing written yet
    expect(paneText("nl", "confirmPractices", { current: 12, read: 2 })).toMatch(/^Praktijken heeft nu 12 ingevulde praktijk\(en\)\. Inlezen vervangt die door de 2 praktijk\(en\)/);
    expect(paneText("nl", "builtImport", { time: "14:03:12", practices: "2 praktijken", source: "het bestand p.csv", sheets: 9, sheet: "Begroting 2026" })).toBe(
      "Klaar om 14:03:12: 2 praktijken ingelezen uit het bestand p.csv; 9 bladen herschreven. Zie Begroting 2026.",
    );
  });

  it("does not ask when Praktijken is empty, and says how many practices it read", async () => {
    const host = new MemoryExcel();
    await buildOn(host, { mode: "new", budget: { ...(VPG_SAMPLE as { budget: object }).budget, withSample: false } } as BuildRequest, { confirmed: true });
    const outcome = await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\nNieuw;01999999;4700\n" });
    expect(outcome).toMatchObject({ kind: "built", practicesRead: 1 });
  });
});
