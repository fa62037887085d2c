/** The New budget fields' checks: each rejected value is named with what the field takes. */
import { checkFields } from "../../src/taskpane/validate";

const valid = { budgetYear: "2027", years: "4", hourlyCost: "52,50" };

describe("checkFields", () => {
  it("takes valid values, the amount in Dutch or English writing, as a decimal string", () => {
    expect(checkFields("nl", valid)).toEqual({ ok: true, budgetYear: 2027, years: 4, hourlyCost: "52.50" });
    expect(checkFields("en", { ...valid, hourlyCost: "1,000.25" })).toMatchObject({ ok: true, hourlyCost: "1000.25" });
  });

  it.each([
    [{ budgetYear: "1999" }, "budget-year", "Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: 1999)"],
    [{ budgetYear: "2026.5" }, "budget-year", "Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: 2026.5)"],
    [{ budgetYear: " " }, "budget-year", "Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: leeg)"],
    [{ years: "11" }, "forecast-years", "Jaren in de meerjarenraming: kies een aantal van 1 tot 10 (nu: 11)"],
    [{ hourlyCost: "52,505" }, "hourly-cost", "Kosten formatie per uur (€): vul een bedrag in van 0 tot 10.000, met hoogstens twee decimalen, zoals 52,50 (nu: 52,505)"],
    [{ hourlyCost: "-1" }, "hourly-cost", "Kosten formatie per uur (€): vul een bedrag in van 0 tot 10.000, met hoogstens twee decimalen, zoals 52,50 (nu: -1)"],
    [{ hourlyCost: "10000,01" }, "hourly-cost", "Kosten formatie per uur (€): vul een bedrag in van 0 tot 10.000, met hoogstens twee decimalen, zoals 52,50 (nu: 10000,01)"],
    [{ hourlyCost: "veel" }, "hourly-cost", "Kosten formatie per uur (€): vul een bedrag in van 0 tot 10.000, met hoogstens twee decimalen, zoals 52,50 (nu: veel)"],
  ])("rejects %j on %s with its allowed range", (change, field, text) => {
    expect(checkFields("nl", { ...valid, ...change })).toEqual({ ok: false, errors: [{ field, text }] });
  });

  it("lists every rejected field, in English too", () => {
    const checked = checkFields("en", { budgetYear: "3000", years: "0", hourlyCost: "1.234" });
    expect(checked.ok ? [] : checked.errors.map((e) => e.text)).toEqual([
      "Budget year: choose a year from 2000 to 2200 (now: 3000)",
      "Years in the forecast: choose a number from 1 to 10 (now: 0)",
      "Formation cost per hour (€): enter an amount from 0 to 10,000, with at most two decimals, such as 52.50 (now: 1.234)",
    ]);
  });
});
