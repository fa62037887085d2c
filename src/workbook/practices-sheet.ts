import { agbStatuses } from "../core/agb";
import { excelSerial } from "../core/dates";
import { MODEL_LABELS } from "../core/models";
import { MODELS, type Practice } from "../core/types";
import { absolute, cell, column, range } from "./a1";
import { flatText } from "./flat-text";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { headerWidths, printSetup } from "./page";
import type { Cell, SheetDescription, Validation } from "./types";

export const PRACTICES_SHEET = "Praktijken";
export const FIRST_DATA_ROW = 5;
/**
 * Rows below the free rows that keep the validations, where a practice typed anyway is named
 * on Controle as not in the budget (a rebuild takes it in).
 */
export const SPARE_ROWS = 200;
/** Issue 8: free input rows, at least 25 or 20% of the practices, counted in every sheet on recalculation. */
export const MIN_FREE_ROWS = 25;
export const FREE_ROW_SHARE = 0.2;

/** Columns of the Praktijken sheet (1-based); the CSV importer's fields in the same order. */
export const PRACTICE_COLUMNS = { name: 1, agb: 2, location: 3, patients: 4, model: 5, weeklyHours: 6, startDate: 7, endDate: 8, employer: 9, compensationRate: 10, check: 11, inputCheck: 12, inputRow: 13 } as const;
/** The last typed column (J): a row is empty when nothing is typed from A to here. */
export const LAST_TYPED_COLUMN = PRACTICE_COLUMNS.compensationRate;
export const PRACTICE_HEADERS = [
  "Praktijk",
  "AGB-code",
  "Locatie",
  "Patiënten",
  "Model",
  "Uren per week (leeg = norm)",
  "Startdatum",
  "Einddatum",
  "Werkgever POH (leeg = praktijk zelf)",
  "Compensatie % (leeg = model)",
  "Controle AGB-code",
  "Controle invoer",
  "Rij met fout",
];
/** What Controle invoer says on a row below the free rows where something was typed. */
export const NOT_IN_BUDGET = "Niet in de begroting: bouw opnieuw op";
/** Dates the date columns accept (the validation), as ISO dates. */
export const DATE_RANGE = { min: "1990-01-01", max: "2100-12-31" } as const;

/**
 * Free rows below the practices, formatted as input: a practice typed there enters every
 * Begroting, the Meerjarenraming, Uitbetalingen and Controle on recalculation, without a rebuild.
 *
 * @example
 * freeRowCount(12) // 25
 * freeRowCount(500) // 100
 */
export function freeRowCount(practiceCount: number): number {
  return Math.max(MIN_FREE_ROWS, Math.ceil(practiceCount * FREE_ROW_SHARE));
}

/**
 * Data rows of the practices and Begroting sheets: the practices and the free rows below them.
 *
 * @example
 * dataRowCount(12) // 37
 */
export function dataRowCount(practiceCount: number): number {
  return practiceCount + freeRowCount(practiceCount);
}

/** A reference to a practice's input cell from another sheet. @example practiceRef(5, "patients") // "Praktijken!D5" */
export function practiceRef(row: number, field: keyof typeof PRACTICE_COLUMNS): string {
  return `${PRACTICES_SHEET}!${cell(row, PRACTICE_COLUMNS[field])}`;
}

const dateCell = (date: string | null): Cell => (date === null ? { format: FORMAT.date } : { value: excelSerial(date), format: FORMAT.date });

/** The whole input row of a practice on Praktijken, name to compensation rate. @example practiceRowRange(5) // "Praktijken!$A5:$J5" */
export function practiceRowRange(row: number): string {
  return `${PRACTICES_SHEET}!$A${row}:$${column(LAST_TYPED_COLUMN)}${row}`;
}

/** A date cell holds a date Excel can take apart (YEAR, MONTH), without an error. */
export const isDateCell = (ref: string) => `IF(ISNUMBER(${ref}),AND(${ref}>=1,${ref}<2958466),FALSE)`;

/**
 * The problems of one Praktijken row, "; "-prefixed, as a formula of text ("" when none): the
 * Controle invoer column. Mirrored by inputProblems.
 */
function inputProblemsFormula(row: number): string {
  const at = (field: keyof typeof PRACTICE_COLUMNS) => cell(row, PRACTICE_COLUMNS[field]);
  const [a, d, e, f, g, h, j] = [at("name"), at("patients"), at("model"), at("weeklyHours"), at("startDate"), at("endDate"), at("compensationRate")];
  const patients = `IF(${d}="",IF(${a}="","","; ${LABEL.patients}: ${REASON.missing}"),IF(ISNUMBER(${d}),IF(${d}<0,"; ${LABEL.patients}: ${REASON.negative}",IF(${d}<>INT(${d}),"; ${LABEL.patients}: ${REASON.notWhole}","")),"; ${LABEL.patients}: ${REASON.notNumber}"))`;
  const model = `IF(OR(${e}="",${MODELS.map((m) => `${e}="${MODEL_LABELS[m]}"`).join(",")}),"","; ${LABEL.model}: ${REASON.unknownModel}")`;
  const hours = `IF(${f}="","",IF(ISNUMBER(${f}),IF(${f}<0,"; ${LABEL.weeklyHours}: ${REASON.negative}",""),"; ${LABEL.weeklyHours}: ${REASON.notNumber}"))`;
  const start = `IF(${g}="","",IF(${isDateCell(g)},"","; ${LABEL.startDate}: ${REASON.notDate}"))`;
  const end = `IF(${h}="","",IF(${isDateCell(h)},IF(${isDateCell(g)},IF(${h}<${g},"; ${LABEL.endDate}: ${REASON.endBeforeStart}",""),""),"; ${LABEL.endDate}: ${REASON.notDate}"))`;
  const rate = `IF(${j}="","",IF(ISNUMBER(${j}),IF(OR(${j}<0,${j}>1),"; ${LABEL.compensationRate}: ${REASON.notShare}",""),"; ${LABEL.compensationRate}: ${REASON.notNumber}"))`;
  return `${patients}&${model}&${hours}&${start}&${end}&${rate}`;
}

const LABEL = { patients: "patiënten", model: "model", weeklyHours: "uren per week", startDate: "startdatum", endDate: "einddatum", compensationRate: "compensatie %" } as const;
const REASON = {
  missing: "ontbreekt",
  notNumber: "geen getal",
  negative: "negatief",
  notWhole: "geen geheel getal",
  unknownModel: "geen Basis, Aanvullend of Extra",
  notDate: "geen datum",
  endBeforeStart: "vóór de startdatum",
  notShare: "niet tussen 0% en 100%",
} as const;

/**
 * What the Controle invoer column says of a practice as the core holds it: "OK", or its
 * problems joined by "; " (the formula of inputProblemsFormula, for the cached value).
 *
 * @example
 * inputProblems({ ...practice, patients: -4 }) // "patiënten: negatief"
 */
export function inputProblems(p: Practice): string {
  const found: string[] = [];
  if (p.patients < 0) found.push(`${LABEL.patients}: ${REASON.negative}`);
  else if (!Number.isInteger(p.patients)) found.push(`${LABEL.patients}: ${REASON.notWhole}`);
  if (p.weeklyHours !== null && p.weeklyHours < 0) found.push(`${LABEL.weeklyHours}: ${REASON.negative}`);
  if (p.startDate !== null && p.endDate !== null && p.endDate < p.startDate) found.push(`${LABEL.endDate}: ${REASON.endBeforeStart}`);
  if (p.compensationRate != null && (Number(p.compensationRate) < 0 || Number(p.compensationRate) > 1)) found.push(`${LABEL.compensationRate}: ${REASON.notShare}`);
  return found.length === 0 ? "OK" : found.join("; ");
}

/** Praktijken: the input table, one row per practice or location, with the model drop-down. */
export function describePractices(practices: readonly Practice[]): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Praktijken"));
  const rows = dataRowCount(practices.length);
  const last = FIRST_DATA_ROW + rows - 1;
  grid.set(
    2,
    1,
    text(
      `Eén rij per praktijk of locatie. Uren per week leeg = volgens de normpraktijk. Alleen aantallen, geen patiëntgegevens. ` +
        `Een nieuwe praktijk typt u op een vrije gele rij (tot en met rij ${last}): die telt meteen mee. Daaronder: bouw opnieuw op.`,
    ),
  );
  grid.setRow(4, 1, PRACTICE_HEADERS.map(text));
  const statuses = agbStatuses(practices);
  practices.forEach((p, i) => {
    const row = FIRST_DATA_ROW + i;
    grid.setRow(row, 1, [
      { value: p.name },
      { value: p.agb, format: FORMAT.text },
      p.location === "" ? null : { value: p.location },
      { value: p.patients, format: FORMAT.whole },
      { value: MODEL_LABELS[p.model] },
      p.weeklyHours === null ? { format: FORMAT.hours } : { value: p.weeklyHours, format: FORMAT.hours },
      dateCell(p.startDate),
      dateCell(p.endDate),
      p.employer ? { value: p.employer } : null,
      p.compensationRate == null ? { format: FORMAT.share } : { value: Number(p.compensationRate), format: FORMAT.share },
    ]);
  });
  const lastTyped = column(LAST_TYPED_COLUMN);
  for (let row = FIRST_DATA_ROW; row <= last; row++) {
    const b = cell(row, PRACTICE_COLUMNS.agb);
    const agbs = `${absolute(FIRST_DATA_ROW, PRACTICE_COLUMNS.agb)}:${absolute(last, PRACTICE_COLUMNS.agb)}`;
    const notDigits = ["LEN(B)<>8", "NOT(ISNUMBER(--B))", ...[".", ",", "-", "+", " ", "e"].map((ch) => `ISNUMBER(FIND("${ch}",LOWER(B)))`)].join(",").replace(/\bB\b/g, b);
    const formula = `=IF(${b}="",IF(A${row}="","","AGB-code ontbreekt"),IF(OR(${notDigits}),"AGB-code is geen 8 cijfers",IF(COUNTIF(${agbs},${b})>1,"Dubbele AGB-code","OK")))`;
    const index = row - FIRST_DATA_ROW;
    grid.set(row, PRACTICE_COLUMNS.check, { formula: flatText(formula), result: index < practices.length ? statuses[index] : "" });
    // Bad input is named on its row (and on Controle), never spread: the Begroting treats it as 0 or not active.
    const problems = inputProblemsFormula(row);
    const checkText = index < practices.length ? inputProblems(practices[index]) : "";
    const j = cell(row, PRACTICE_COLUMNS.inputCheck);
    grid.set(row, PRACTICE_COLUMNS.inputCheck, { formula: flatText(`=IF(COUNTA(A${row}:${lastTyped}${row})=0,"",IF(${problems}="","OK",MID(${problems},3,500)))`), result: checkText });
    grid.set(row, PRACTICE_COLUMNS.inputRow, { formula: `=IF(OR(${j}="",${j}="OK"),"",ROW())`, result: checkText === "" || checkText === "OK" ? "" : row, format: FORMAT.whole });
  }
  // The free and spare rows have the typed columns' formats: an AGB code typed there keeps its leading 0
  // in Excel, a date shows as one. (A column of one format is also one copy for the Office.js build.)
  const typedFormats = [
    [PRACTICE_COLUMNS.agb, FORMAT.text],
    [PRACTICE_COLUMNS.patients, FORMAT.whole],
    [PRACTICE_COLUMNS.weeklyHours, FORMAT.hours],
    [PRACTICE_COLUMNS.startDate, FORMAT.date],
    [PRACTICE_COLUMNS.endDate, FORMAT.date],
    [PRACTICE_COLUMNS.compensationRate, FORMAT.share],
  ] as const;
  for (let row = FIRST_DATA_ROW + practices.length; row <= last + SPARE_ROWS; row++) for (const [col, format] of typedFormats) grid.set(row, col, { format });
  // Below the free rows the budget has no row: a practice typed there is named, never silently left out.
  for (let row = last + 1; row <= last + SPARE_ROWS; row++) {
    const j = cell(row, PRACTICE_COLUMNS.inputCheck);
    grid.set(row, PRACTICE_COLUMNS.inputCheck, { formula: `=IF(COUNTA(A${row}:${lastTyped}${row})=0,"","${NOT_IN_BUDGET}")`, result: "" });
    grid.set(row, PRACTICE_COLUMNS.inputRow, { formula: `=IF(${j}="","",ROW())`, result: "", format: FORMAT.whole });
  }
  const columnWidths = headerWidths(PRACTICE_HEADERS, [32, 12, 20, 12, 14, 16, 13, 13, 28, 14, 26, 36, 8]);
  return {
    name: PRACTICES_SHEET,
    kind: "practices",
    cells: grid.build(PRACTICE_HEADERS.length),
    columnWidths,
    frozenRows: 4,
    frozenColumns: 1,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(4, 1, 4, PRACTICE_HEADERS.length), style: "header" },
      { range: range(FIRST_DATA_ROW, 1, last, LAST_TYPED_COLUMN), style: "input" },
    ],
    validations: practiceValidations(FIRST_DATA_ROW, last + SPARE_ROWS),
    conditionalFormats: [
      { range: range(last + 1, PRACTICE_COLUMNS.inputCheck, last + SPARE_ROWS, PRACTICE_COLUMNS.inputCheck), formula: `${cell(last + 1, PRACTICE_COLUMNS.inputCheck)}<>""`, style: "bad" },
      { range: range(FIRST_DATA_ROW, PRACTICE_COLUMNS.check, last, PRACTICE_COLUMNS.inputCheck), formula: `AND(${cell(FIRST_DATA_ROW, PRACTICE_COLUMNS.check)}<>"OK",${cell(FIRST_DATA_ROW, PRACTICE_COLUMNS.check)}<>"")`, style: "bad" },
    ],
    charts: [],
    inputRanges: [range(FIRST_DATA_ROW, 1, last + SPARE_ROWS, LAST_TYPED_COLUMN)],
    manualColumns: [],
    firstDataRow: FIRST_DATA_ROW,
    // The practices and the free rows (the spare rows below would print as empty pages): what is
    // typed, then the checks on a page of their own.
    print: printSetup(columnWidths, { titleRows: "4:4", titleColumns: 1, breaks: [PRACTICE_COLUMNS.endDate], area: range(1, 1, last, PRACTICE_HEADERS.length) }),
  };
}

/** Data validation of every input column of Praktijken, rows `top` to `bottom`, with Dutch messages. */
function practiceValidations(top: number, bottom: number): Validation[] {
  const col = (field: keyof typeof PRACTICE_COLUMNS) => range(top, PRACTICE_COLUMNS[field], bottom, PRACTICE_COLUMNS[field]);
  const b = cell(top, PRACTICE_COLUMNS.agb);
  const dates = { min: DATE_RANGE.min, max: DATE_RANGE.max };
  const dateText = "Een datum, bijvoorbeeld 1-3-2025 (tussen 1990 en 2100).";
  return [
    { range: col("agb"), kind: "custom", formula: `AND(ISTEXT(${b}),LEN(${b})=8,ISNUMBER(--${b}))`, title: "AGB-code", prompt: "8 cijfers, als tekst (begin met een apostrof: '01012345).", error: "De AGB-code is 8 cijfers, als tekst: typ '01012345 (met apostrof) zodat de voorloopnul blijft." },
    { range: col("patients"), kind: "whole", min: 0, title: "Patiënten", prompt: "Aantal ingeschreven patiënten: een geheel getal, 0 of meer.", error: "Patiënten: typ een geheel getal van 0 of meer (geen tekst, geen decimalen)." },
    { range: col("model"), kind: "list", values: MODELS.map((m) => MODEL_LABELS[m]), title: "Model", prompt: "Kies Basis, Aanvullend of Extra (VPG h. 6)", error: "Kies Basis, Aanvullend of Extra (VPG h. 6)" },
    { range: col("weeklyHours"), kind: "decimal", min: 0, title: "Uren per week", prompt: "Uren POH per week, 0 of meer; leeg = volgens de normpraktijk.", error: "Uren per week: typ een getal van 0 of meer, of laat de cel leeg." },
    { range: col("startDate"), kind: "date", ...dates, title: "Startdatum", prompt: `${dateText} Leeg = liep al voor het begrotingsjaar.`, error: `Startdatum: typ ${dateText.charAt(0).toLowerCase()}${dateText.slice(1)}` },
    { range: col("endDate"), kind: "date", ...dates, title: "Einddatum", prompt: `${dateText} Leeg = loopt door.`, error: `Einddatum: typ ${dateText.charAt(0).toLowerCase()}${dateText.slice(1)}` },
    // VPG ch. 12/14: 50–100% for a practice in a district with more youth problems; any rate 0–100% may be chosen.
    { range: col("compensationRate"), kind: "decimal", min: 0, max: 1, title: "Compensatie %", prompt: "Compensatie overhead voor deze praktijk, 0% tot 100% (typ 75%); leeg = het percentage van het model op Uitgangspunten.", error: "Compensatie %: typ een percentage van 0% tot 100%, bijvoorbeeld 75%, of laat de cel leeg." },
  ];
}
