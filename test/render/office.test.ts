import { unprotectSheet } from "../support/protection";
import { controleOutcome } from "../support/person";
import { MemoryExcel } from "../../src/host/memory-excel";
import { describeWorkbook } from "../../src/workbook/describe";
import { importPractices } from "../../src/import/practices";
import { SAMPLE_PRACTICES_CSV, sampleScheme } from "../../src/samples/sample";
import { sameValue } from "../support/hyperformula";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";

const SAMPLE_DESCRIPTION = () =>
  // Built today, as the pane builds it: the same Peildatum, so the same payments are overdue.
  describeWorkbook({ scheme: sampleScheme(), practices: importPractices(SAMPLE_PRACTICES_CSV).practices, budgetYear: 2026, years: 4, buildDate: new Date() });

describe("building the budget in Excel (in-memory host)", () => {
  it("builds the sample in at most 10 syncs, and Excel's values equal the core's to the cent", async () => {
    const host = new MemoryExcel();
    const outcome = await buildOn(host, NEW_SAMPLE);
    expect(outcome).toMatchObject({ kind: "built", budgetSheet: "Begroting 2026" });
    expect(host.syncs.length).toBeLessThanOrEqual(10);
    const description = SAMPLE_DESCRIPTION();
    expect(host.state.sheets.map((s) => s.name)).toEqual([...description.sheets.map((s) => s.name), "Blad1"]);
    const wrong: string[] = [];
    for (const sheet of description.sheets) {
      const memory = host.state.sheet(sheet.name)!;
      sheet.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.formula && !sameValue(cell.result, host.state.valueAt(memory, r + 1, c + 1))) wrong.push(`${sheet.name}!${r + 1},${c + 1}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(host.state.calculationMode).toBe("Automatic");
    expect(host.screenUpdatingSuspended).toBeGreaterThan(0);
    expect(host.state.sheet("Meerjarenraming")!.charts).toHaveLength(1);
    expect(host.state.sheet("Praktijken")!.validations.find((v) => v.kind === "list")!.source).toBe("Basis,Aanvullend,Extra");
  });

  it("keeps AGB codes and formula-like names as text", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Praktijken", "A5", [["'=HYPERLINK(\"http://x\")"]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(valueOf(host, "Praktijken", "A5")).toBe('=HYPERLINK("http://x")');
    expect(host.state.cell(host.state.sheet("Praktijken")!, 5, 1)?.formula).toBeUndefined();
    expect(valueOf(host, "Praktijken", "B5")).toBe("01012345");
    expect(valueOf(host, "Begroting 2026", "B5")).toBe("01012345");
  });

  it("leaves out what a workbook cannot hold when a rebuild reads Praktijken, and says so with the cell", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Praktijken", "C6", [["Emmel\uFFFEhage\u0001"]]);
    const outcome = await buildOn(host, { mode: "rebuild" });
    expect(outcome).toMatchObject({ kind: "built", warnings: [{ sheet: "Praktijken", cell: "C6", text: "Praktijken C6: Locatie: 2 teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)" }] });
    expect(valueOf(host, "Praktijken", "C6")).toBe("Emmelhage");
  });

  it("keeps what the controller typed on Uitbetalingen through a rebuild, matched on AGB code and year", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    // Row 5 is De Linde (01012345) in 2026; type an invoice and a payment.
    await typeInto(host, "Uitbetalingen", "F5:J5", [["F-2026-001", 46100, 1000, 1000, 46150]]);
    // Someone moves De Linde to the bottom of Praktijken.
    const row = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => host.state.cell(host.state.sheet("Praktijken")!, 5, c));
    const rest = await (async () => {
      const moved: unknown[][] = [];
      for (let r = 6; r <= 16; r++) moved.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => valueOf(host, "Praktijken", `${String.fromCharCode(64 + c)}${r}`) ?? ""));
      return moved;
    })();
    const linde = row.map((c) => (c?.value === undefined ? "" : typeof c.value === "string" ? `'${c.value}` : c.value));
    await typeInto(host, "Praktijken", "A5:J16", [...rest.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v))), linde]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    const uitbetalingen = host.state.sheet("Uitbetalingen")!;
    let found = 0;
    for (let r = 5; r <= 52; r++) {
      if (valueOf(host, "Uitbetalingen", `B${r}`) === "01012345" && valueOf(host, "Uitbetalingen", `A${r}`) === 2026) {
        expect([6, 7, 8, 9, 10].map((c) => host.state.valueAt(uitbetalingen, r, c))).toEqual(["F-2026-001", 46100, 1000, 1000, 46150]);
        expect(r).toBe(16);
        found++;
      }
    }
    expect(found).toBe(1);
  });

  it("asks before writing over a generated sheet someone edited, and writes when confirmed", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    // Overwriting a computed cell needs a deliberate unprotect (issue 8.4); Controle then names the cell.
    await unprotectSheet(host, "Begroting 2026");
    await typeInto(host, "Begroting 2026", "K7", [[99999]]);
    expect(controleOutcome((sheet, address) => valueOf(host, sheet, address), "Formules op Begroting 2026 ongewijzigd")).toBe("Begroting 2026 K7 is geen formule meer");
    const asked = await buildOn(host, { mode: "rebuild" });
    expect(asked).toEqual({ kind: "confirm", edited: [{ sheet: "Begroting 2026", cells: ["K7"] }], replacesBudget: false });
    expect(valueOf(host, "Begroting 2026", "K7")).toBe(99999);
    expect(await buildOn(host, { mode: "rebuild" }, { confirmed: true })).toMatchObject({ kind: "built" });
    expect(valueOf(host, "Begroting 2026", "K7")).not.toBe(99999);
  });

  it("does not take over a sheet it did not make", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.add("Controle").getRange("A1").values = [["mijn eigen controle"]];
      await context.sync();
    });
    const outcome = await buildOn(host, NEW_SAMPLE);
    expect(outcome).toEqual({ kind: "problems", problems: [{ text: "Er staat al een blad “Controle” dat niet door deze invoegtoepassing is gemaakt. Geef dat blad een andere naam en probeer het opnieuw." }] });
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Blad1", "Controle"]);
  });

  it("lists problems typed into Praktijken with the cell to select", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Praktijken", "B6:D6", [["'0102", "x", "veel"]]);
    const outcome = await buildOn(host, { mode: "rebuild" });
    expect(outcome).toEqual({
      kind: "problems",
      problems: [
        { text: "Praktijken B6: AGB-code “0102” is geen 8 cijfers", sheet: "Praktijken", cell: "B6" },
        { text: "Praktijken D6: Patiënten: verwacht een getal, niet “veel”", sheet: "Praktijken", cell: "D6" },
      ],
    });
  });

  it("imports a CSV into Praktijken, keeping the parameters of the workbook", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    await typeInto(host, "Uitgangspunten", "C10", [[60]]);
    const outcome = await buildOn(host, { mode: "import", csv: "praktijk;agb;patienten\nNieuw;01999999;4700\n" }, { confirmed: true });
    expect(outcome).toMatchObject({ kind: "built" });
    expect(valueOf(host, "Praktijken", "A5")).toBe("Nieuw");
    expect(valueOf(host, "Praktijken", "A6")).toBeNull();
    expect(valueOf(host, "Uitgangspunten", "C10")).toBe(60);
  });
});
