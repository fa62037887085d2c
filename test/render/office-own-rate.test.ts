/**
 * Issue 11.1, 11.4 and 11.6 in the pane's workbook: an employer, an own compensation rate and
 * an available budget typed as a person types them, recalculated at once and kept by a rebuild.
 */
import { MemoryExcel } from "../../src/host/memory-excel";
import { forecast } from "../../src/core/budget";
import { cents } from "../../src/core/decimal";
import { importPractices } from "../../src/import/practices";
import { samplePracticesCsv, sampleScheme } from "../../src/samples/sample";
import { buildOn, NEW_SAMPLE, typeInto, valueOf } from "../support/memory";
import { controleOutcome, type ValueAt } from "../support/person";

describe("typed on Praktijken and Uitgangspunten in the pane's workbook", () => {
  it("counts an own rate of 75% and an employer at once, names text as a rate, and a rebuild keeps them", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    // De Linde (row 5), Aanvullend: 50% by its model until 75% is typed (Excel reads "75%" as 0,75).
    const overhead = at("Begroting 2026", "R5") as number;
    expect(at("Begroting 2026", "T5")).toBe(cents(overhead * 0.5).toNumber());
    await typeInto(host, "Praktijken", "I5:J5", [["Zorggroep Polder", "75%"]]);
    expect(at("Praktijken", "J5")).toBe(0.75);
    expect([at("Begroting 2026", "S5"), at("Begroting 2026", "T5")]).toEqual([0.75, cents(overhead * 0.75).toNumber()]);
    // Text pasted as a rate: no compensation, named on its row and on Controle, nothing spreads.
    await typeInto(host, "Praktijken", "J6", [["driekwart"]]);
    expect([at("Praktijken", "L6"), at("Begroting 2026", "T6")]).toEqual(["compensatie %: geen getal", 0]);
    expect(controleOutcome(at, "Invoer op Praktijken is geldig")).toBe("Praktijken rij 6, compensatie %: geen getal");
    // A rebuild refuses the text (nothing is lost), then, mended, keeps rate and employer.
    const refused = await buildOn(host, { mode: "rebuild" });
    expect(refused.kind).toBe("problems");
    await typeInto(host, "Praktijken", "J6", [[""]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect([at("Praktijken", "I5"), at("Praktijken", "J5"), at("Begroting 2026", "S5")]).toEqual(["Zorggroep Polder", 0.75, 0.75]);
    const practices = importPractices(samplePracticesCsv(2026)).practices;
    practices[0] = { ...practices[0], employer: "Zorggroep Polder", compensationRate: "0.75" };
    const core = forecast(sampleScheme().params, practices, 2026, 4)[0];
    expect(at("Begroting 2026", "T5")).toBe(core.lines[0].compensation.toNumber());
  });

  it("flags a year whose costs exceed the budget typed on Uitgangspunten, and a rebuild keeps the budget", async () => {
    const host = new MemoryExcel();
    await buildOn(host, NEW_SAMPLE);
    const at: ValueAt = (sheet, address) => valueOf(host, sheet, address);
    let header = 0;
    for (let r = 1; r < 60 && header === 0; r++) if (at("Uitgangspunten", `A${r}`) === "Jaar" && at("Uitgangspunten", `B${r}`) === "Loonindex") header = r;
    const need2027 = at("Meerjarenraming", "H6") as number;
    await typeInto(host, "Uitgangspunten", `I${header + 1}:I${header + 2}`, [[1_000_000], [need2027 - 1]]);
    expect([at("Meerjarenraming", "L5"), at("Meerjarenraming", "L6")]).toEqual([cents(1_000_000 - (at("Meerjarenraming", "H5") as number)).toNumber(), -1]);
    expect(controleOutcome(at, "Budget dekt de kosten 2026")).toBe("OK");
    expect(controleOutcome(at, "Budget dekt de kosten 2027")).toBe("Kosten gemeente boven het beschikbare budget");
    expect(controleOutcome(at, "Budget dekt de kosten 2028")).toBe("OK: geen budget ingevuld");
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect([at("Uitgangspunten", `I${header + 1}`), at("Uitgangspunten", `I${header + 2}`)]).toEqual([1_000_000, need2027 - 1]);
    expect(controleOutcome(at, "Budget dekt de kosten 2027")).toBe("Kosten gemeente boven het beschikbare budget");
  });
});
