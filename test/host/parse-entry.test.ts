/**
 * What the in-memory host stores for text written into a cell, per locale: the model of
 * Excel's entry parser (src/host/parse-entry.ts). Where a case rests on a Microsoft source
 * it is named; the rest is Excel's well-known behaviour for these notations.
 */
import { formatAfterEntry, parseEntry, type HostLocale } from "../../src/host/parse-entry";
import { MemoryExcel } from "../../src/host/memory-excel";
import { typeInto } from "../support/memory";

const YEAR = 2026;
const read = (text: string, locale: HostLocale) => parseEntry(text, { locale, currentYear: YEAR });
/** The serial number of a date after 28 February 1900, computed independently of the host. */
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const text = (t: string) => ({ value: t });

type Case = [input: string, nl: unknown, en: unknown];

describe("Excel's reading of text written into a cell, nl-NL and en-US", () => {
  const cases: Case[] = [
    // numbers: the locale's decimal and group separators
    ["4,5", { value: 4.5 }, text("4,5")],
    ["1.234,5", { value: 1234.5, numberFormat: "#,##0.00" }, text("1.234,5")],
    ["1,234.5", text("1,234.5"), { value: 1234.5, numberFormat: "#,##0.00" }],
    ["1.234", { value: 1234, numberFormat: "#,##0" }, { value: 1.234 }],
    ["1.23", text("1.23"), { value: 1.23 }], // nl-NL: groups are of three
    ["1e3", { value: 1000, numberFormat: "0.00E+00" }, { value: 1000, numberFormat: "0.00E+00" }],
    ["-4", { value: -4 }, { value: -4 }],
    ["(12)", { value: -12 }, { value: -12 }],
    ["1 1/2", { value: 1.5, numberFormat: "# ?/?" }, { value: 1.5, numberFormat: "# ?/?" }],
    // spaces around a number are ignored: the property test's " +0"
    [" +0", { value: 0 }, { value: 0 }],
    [" 12 ", { value: 12 }, { value: 12 }],
    // leading zeros are lost: why AGB codes are written with the quote prefix
    ["01012345", { value: 1012345 }, { value: 1012345 }],
    ["'01012345", text("01012345"), text("01012345")],
    // 15 significant digits, the rest zeros
    ["1234567890123456789", { value: 1234567890123450000 }, { value: 1234567890123450000 }],
    // currency and percentages
    ["€ 12,50", { value: 12.5, numberFormat: '"€" #,##0.00' }, text("€ 12,50")],
    ["-€ 12,50", { value: -12.5, numberFormat: '"€" #,##0.00' }, { formula: "=-€ 12,50" }], // en-US: Lotus-style formula entry
    ["$12.50", text("$12.50"), { value: 12.5, numberFormat: "$#,##0.00" }],
    ["50%", { value: 0.5, numberFormat: "0%" }, { value: 0.5, numberFormat: "0%" }],
    ["4,5%", { value: 0.045, numberFormat: "0.00%" }, text("4,5%")],
    // dates: the locale's order of day and month; a year first is year-month-day everywhere
    ["1-3-2025", { value: serial("2025-03-01"), numberFormat: "m/d/yyyy" }, { value: serial("2025-01-03"), numberFormat: "m/d/yyyy" }],
    ["1/3/2025", { value: serial("2025-03-01"), numberFormat: "m/d/yyyy" }, { value: serial("2025-01-03"), numberFormat: "m/d/yyyy" }],
    ["2025-03-01", { value: serial("2025-03-01"), numberFormat: "m/d/yyyy" }, { value: serial("2025-03-01"), numberFormat: "m/d/yyyy" }],
    ["13-1-2025", { value: serial("2025-01-13"), numberFormat: "m/d/yyyy" }, text("13-1-2025")],
    ["30-2-2025", text("30-2-2025"), text("30-2-2025")],
    // KB 214391: two-digit years 00–29 are 20xx, 30–99 19xx
    ["5-7-98", { value: serial("1998-07-05"), numberFormat: "m/d/yyyy" }, { value: serial("1998-05-07"), numberFormat: "m/d/yyyy" }],
    ["3-2-27", { value: serial("2027-02-03"), numberFormat: "m/d/yyyy" }, { value: serial("2027-03-02"), numberFormat: "m/d/yyyy" }],
    // KB 214391: two parts are day and month this year, else month and year
    ["30-4", { value: serial(`${YEAR}-04-30`), numberFormat: "d-mmm" }, text("30-4")],
    ["3-2025", { value: serial("2025-03-01"), numberFormat: "mmm-yy" }, { value: serial("2025-03-01"), numberFormat: "mmm-yy" }],
    // month names in the locale's language
    ["1 maart", { value: serial(`${YEAR}-03-01`), numberFormat: "d-mmm" }, text("1 maart")],
    ["1-mrt-2025", { value: serial("2025-03-01"), numberFormat: "d-mmm-yy" }, text("1-mrt-2025")],
    ["april 30", { value: serial("1930-04-01"), numberFormat: "mmm-yy" }, { value: serial(`${YEAR}-04-30`), numberFormat: "d-mmm" }],
    ["March 1, 2025", text("March 1, 2025"), { value: serial("2025-03-01"), numberFormat: "d-mmm-yy" }],
    // KB 181194: a month and a number that is no day of it is month and year
    ["Dec 32", { value: serial("1932-12-01"), numberFormat: "mmm-yy" }, { value: serial("1932-12-01"), numberFormat: "mmm-yy" }],
    ["Dec 31", { value: serial("1931-12-01"), numberFormat: "mmm-yy" }, { value: serial(`${YEAR}-12-31`), numberFormat: "d-mmm" }],
    // 1900 has Lotus 1-2-3's 29 February; before 1900 is text
    ["29-2-1900", { value: 60, numberFormat: "m/d/yyyy" }, text("29-2-1900")],
    ["1-3-1900", { value: 61, numberFormat: "m/d/yyyy" }, { value: 3, numberFormat: "m/d/yyyy" }],
    ["31-12-1899", text("31-12-1899"), text("31-12-1899")],
    // times and dates with times
    ["12:30", { value: 0.5208333333333334, numberFormat: "h:mm" }, { value: 0.5208333333333334, numberFormat: "h:mm" }],
    ["25:00", { value: 25 / 24, numberFormat: "[h]:mm" }, { value: 25 / 24, numberFormat: "[h]:mm" }],
    ["9 PM", text("9 PM"), { value: 0.875, numberFormat: "h:mm AM/PM" }],
    ["1-3-2025 12:00", { value: serial("2025-03-01") + 0.5, numberFormat: "m/d/yyyy h:mm" }, { value: serial("2025-01-03") + 0.5, numberFormat: "m/d/yyyy h:mm" }],
    ["12:75", text("12:75"), text("12:75")],
    // the locale's booleans, in any case
    ["WAAR", { value: true }, text("WAAR")],
    ["onwaar", { value: false }, text("onwaar")],
    ["TRUE", text("TRUE"), { value: true }],
    // error literals become the error (the host's formulas are English)
    ["#N/B", { formula: "=#N/A" }, text("#N/B")],
    ["#N/A", text("#N/A"), { formula: "=#N/A" }],
    // formulas, and Lotus-style formula entry
    ["=1+1", { formula: "=1+1" }, { formula: "=1+1" }],
    ["-Praktijk", { formula: "=-Praktijk" }, { formula: "=-Praktijk" }],
    ["+31 6 12345678", { formula: "=+31 6 12345678" }, { formula: "=+31 6 12345678" }],
    ["@SUM(1)", { formula: "=SUM(1)" }, { formula: "=SUM(1)" }],
    ["+", text("+"), text("+")],
    // texts the pane writes or a person types, that stay text
    ["F-2026-001", text("F-2026-001"), text("F-2026-001")],
    ["Huisartsenpraktijk De Linde 2", text("Huisartsenpraktijk De Linde 2"), text("Huisartsenpraktijk De Linde 2")],
    ["1.000,-", text("1.000,-"), text("1.000,-")],
    ["1 mrt.", text("1 mrt."), text("1 mrt.")],
    [" ", text(" "), text(" ")],
  ];

  it.each(cases)("%j", (input, nl, en) => {
    expect([read(input, "nl-NL"), read(input, "en-US")]).toEqual([nl, en]);
  });

  it("keeps numbers and booleans as they are and leaves an empty string an empty cell", () => {
    expect([parseEntry(3), parseEntry(false), parseEntry(""), parseEntry(null)]).toEqual([{ value: 3 }, { value: false }, null, null]);
  });

  it("reads dates without a year in the current year", () => {
    expect(parseEntry("1 maart")?.value).toBe(serial(`${new Date().getFullYear()}-03-01`));
  });
});

describe("the host reads text in its locale", () => {
  it("is nl-NL by default and en-US when asked", async () => {
    const dutch = new MemoryExcel();
    const american = new MemoryExcel({ locale: "en-US" });
    for (const host of [dutch, american]) await typeInto(host, "Blad1", "A1:C1", [["4,5", "1.234", "WAAR"]]);
    const row = (host: MemoryExcel) => [1, 2, 3].map((c) => host.state.cell(host.state.sheet("Blad1")!, 1, c)?.value);
    expect(row(dutch)).toEqual([4.5, 1234, true]);
    expect(row(american)).toEqual(["4,5", 1.234, "WAAR"]);
  });

  it("gives a General cell the entry's format and replaces a format that shows no date when a date is typed", async () => {
    const host = new MemoryExcel();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("B1:C1").numberFormat = [["#,##0.00", "d-m-yyyy"]];
      await context.sync();
    });
    await typeInto(host, "Blad1", "A1:D1", [["1-3-2025", "1-3-2025", "1-3-2025", "50%"]]);
    const formats = [1, 2, 3, 4].map((c) => host.state.cell(host.state.sheet("Blad1")!, 1, c)?.numberFormat);
    expect(formats).toEqual(["m/d/yyyy", "m/d/yyyy", "d-m-yyyy", "0%"]);
    expect(formatAfterEntry("0.00", "0%")).toBe("0.00");
    expect(formatAfterEntry("[h]:mm", "m/d/yyyy")).toBe("[h]:mm");
  });
});
