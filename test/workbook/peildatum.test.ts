/**
 * The Peildatum on Uitgangspunten (issue 8.6): the reference date of the overdue check. It is
 * the build date unless a person typed another; a rebuild keeps a typed one and moves a default
 * one to the new build date. Read back like every parameter, a bad value named by its cell.
 */
import { excelSerial } from "../../src/core/dates";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { MemoryExcel } from "../../src/host/memory-excel";
import { importPractices } from "../../src/import/practices";
import { samplePracticesCsv } from "../../src/samples/sample";
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { describeWorkbook, type BudgetInput } from "../../src/workbook/describe";
import { PARAMETERS_SHEET, PEILDATUM_ROW } from "../../src/workbook/parameters-sheet";
import { buildDateOf, recordedDefault } from "../../src/workbook/peildatum";
import { formatSheetProblem, readParameters, type Values } from "../../src/workbook/read-back";
import { buildOn, typeInto, valueOf } from "../support/memory";

const INPUT: BudgetInput = { scheme: withParameters(SCHEMES.vpg, { hourlyCost: "52.50" }), practices: importPractices(samplePracticesCsv(2026)).practices, budgetYear: 2026, years: 2 };
const PEIL = `C${PEILDATUM_ROW}`;
const serial = excelSerial;

/** Uitgangspunten as values, the way Excel's `values` (or the command's reader) gives them. */
const valuesOf = (input: BudgetInput): unknown[][] => describeWorkbook(input).sheets[0].cells.map((row) => row.map((c) => c?.value ?? c?.result ?? ""));
const withCell = (values: unknown[][], col: number, value: unknown): Values => values.map((row, i) => (i === PEILDATUM_ROW - 1 ? row.map((v, c) => (c === col - 1 ? value : v)) : row));
const peildatumCell = (input: BudgetInput) => describeWorkbook(input).sheets[0].cells[PEILDATUM_ROW - 1];

describe("the Peildatum on Uitgangspunten", () => {
  it("is a named, unlocked date input, the build date by default, its source naming that date", () => {
    const sheet = describeWorkbook({ ...INPUT, buildDate: "2026-01-15" });
    const parameters = sheet.sheets[0];
    const row = parameters.cells[PEILDATUM_ROW - 1];
    expect(row.map((c) => c?.value)).toEqual([
      "Peildatum",
      "Peildatum betalingen: een betaling met vervaldatum vóór deze datum die niet (volledig) betaald is, is achterstallig",
      serial("2026-01-15"),
      "datum",
      "Standaard: de datum van opbouwen (15-1-2026). Typ een andere datum om die vast te houden; anders schuift hij mee bij opnieuw opbouwen.",
      undefined,
      undefined,
      undefined,
    ]);
    expect(row[2]?.format).toBe("dd-mm-yyyy");
    expect(sheet.names).toContainEqual({ name: "Peildatum", ref: `Uitgangspunten!$C$${PEILDATUM_ROW}` });
    expect(parameters.inputRanges[0]).toBe(`C5:C${PEILDATUM_ROW}`);
    expect(parameters.styles).toContainEqual({ range: `C5:C${PEILDATUM_ROW}`, style: "input" });
    // The Peildatum's is the one date validation (issue 11.2 adds the payment schedule's lists).
    expect(parameters.validations.filter((v) => v.kind === "date")).toMatchObject([{ range: PEIL, kind: "date", title: "Peildatum" }]);
    // The index table stands below it, read as before.
    expect(readParameters(valuesOf(INPUT)).years).toBe(2);
  });

  it("follows the build date on a rebuild when nobody typed one, and keeps one a person typed", () => {
    const built = valuesOf({ ...INPUT, buildDate: "2026-01-15" });
    expect(recordedDefault(String(built[PEILDATUM_ROW - 1][4]))).toBe("2026-01-15");
    // As built: the default, so the next build takes its own date.
    const asBuilt = readParameters(built);
    expect([asBuilt.scheme.params.peildatum, asBuilt.problems]).toEqual([undefined, []]);
    expect(peildatumCell({ ...INPUT, scheme: asBuilt.scheme, buildDate: "2026-03-01" })[2]?.value).toBe(serial("2026-03-01"));

    // Typed: kept, through any number of rebuilds, whatever their date.
    const typed = readParameters(withCell(built, 3, serial("2026-06-30")));
    expect(typed.scheme.params.peildatum).toBe("2026-06-30");
    const rebuilt = peildatumCell({ ...INPUT, scheme: typed.scheme, buildDate: "2026-03-01" });
    expect([rebuilt[2]?.value, rebuilt[4]?.value]).toEqual([serial("2026-06-30"), "Eigen invoer: blijft bij opnieuw opbouwen. Maak de cel leeg om weer de datum van opbouwen te nemen."]);
    const again = readParameters(describeWorkbook({ ...INPUT, scheme: typed.scheme, buildDate: "2026-04-01" }).sheets[0].cells.map((row) => row.map((c) => c?.value ?? c?.result ?? "")));
    expect(again.scheme.params.peildatum).toBe("2026-06-30");

    // Cleared: the default again. A date typed as text is taken as a date.
    expect(readParameters(withCell(built, 3, "")).scheme.params.peildatum).toBeUndefined();
    expect(readParameters(withCell(built, 3, "1-3-2027")).scheme.params.peildatum).toBe("2027-03-01");
  });

  it("names a bad value by its cell, as other parameters; a workbook from before the Peildatum reads as the default", () => {
    const built = valuesOf(INPUT);
    const problem = (value: unknown) => readParameters(withCell(built, 3, value)).problems.map((p) => formatSheetProblem("nl", p));
    expect(problem("morgen")).toEqual([`${PARAMETERS_SHEET} ${PEIL}: Peildatum: “morgen” is geen datum (dd-mm-jjjj of jjjj-mm-dd)`]);
    expect(problem("31-02-2026")).toEqual([`${PARAMETERS_SHEET} ${PEIL}: Peildatum: 31-02-2026 bestaat niet`]);
    expect(problem(serial("1980-01-01"))).toEqual([`${PARAMETERS_SHEET} ${PEIL}: Peildatum: kies een waarde van 1-1-1990 tot 31-12-2100 (1-1-1980)`]);
    expect(problem(true)).toHaveLength(1);
    const older = built.filter((_, i) => i !== PEILDATUM_ROW - 1);
    expect([readParameters(older).scheme.params.peildatum, readParameters(older).problems]).toEqual([undefined, []]);
  });

  it("takes a Date as the local calendar day, and 1 January of the budget year when no build date is given", () => {
    expect(buildDateOf(new Date(2026, 11, 1, 23, 59), 2027)).toBe("2026-12-01");
    expect(buildDateOf(undefined, 2027)).toBe("2027-01-01");
    expect(peildatumCell(INPUT)[2]?.value).toBe(serial("2026-01-01"));
  });
});

const VPG_SAMPLE: BuildRequest = { mode: "new", budget: { schemeId: "vpg", budgetYear: 2026, years: 2, hourlyCost: "52.50", withSample: true } };
const localSerial = (d: Date) => serial(buildDateOf(d, 0));

describe("the Peildatum in the pane", () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date(2026, 0, 15), doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] }));
  afterEach(() => jest.useRealTimers());

  it("is today's date on a new budget, moves with the day of a rebuild, and stays once a person typed one", async () => {
    const host = new MemoryExcel();
    await buildOn(host, VPG_SAMPLE);
    expect(valueOf(host, PARAMETERS_SHEET, PEIL)).toBe(localSerial(new Date(2026, 0, 15)));

    jest.setSystemTime(new Date(2026, 2, 1));
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(valueOf(host, PARAMETERS_SHEET, PEIL)).toBe(serial("2026-03-01"));

    // Typed in an input cell: no question before the rebuild, and the date stays.
    await typeInto(host, PARAMETERS_SHEET, PEIL, [[serial("2026-06-30")]]);
    jest.setSystemTime(new Date(2026, 3, 1));
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(valueOf(host, PARAMETERS_SHEET, PEIL)).toBe(serial("2026-06-30"));
    expect(valueOf(host, PARAMETERS_SHEET, `E${PEILDATUM_ROW}`)).toMatch(/^Eigen invoer/);
    // Overdue is checked on it: De Linde, due 1-5-2026 and nothing paid.
    expect(valueOf(host, "Uitbetalingen", "M5")).toBe("achterstallig op de peildatum");

    // Cleared: the rebuild takes its own date again.
    await typeInto(host, PARAMETERS_SHEET, PEIL, [[""]]);
    expect(await buildOn(host, { mode: "rebuild" })).toMatchObject({ kind: "built" });
    expect(valueOf(host, PARAMETERS_SHEET, PEIL)).toBe(serial("2026-04-01"));
    expect(valueOf(host, "Uitbetalingen", "M5")).toBe("");
  });

  it("names a Peildatum typed as text when rebuilding, by its cell, and changes nothing", async () => {
    const host = new MemoryExcel();
    await buildOn(host, VPG_SAMPLE);
    await typeInto(host, PARAMETERS_SHEET, PEIL, [["volgende week"]]);
    expect(await buildOn(host, { mode: "rebuild" })).toEqual({
      kind: "problems",
      problems: [{ text: `${PARAMETERS_SHEET} ${PEIL}: Peildatum: “volgende week” is geen datum (dd-mm-jjjj of jjjj-mm-dd)`, sheet: PARAMETERS_SHEET, cell: PEIL }],
    });
  });
});
