import { agbStatuses } from "../core/agb";
import { excelSerial } from "../core/dates";
import { MODEL_LABELS } from "../core/models";
import { MODELS, type Practice } from "../core/types";
import { absolute, cell, range } from "./a1";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import type { Cell, SheetDescription } from "./types";

export const PRACTICES_SHEET = "Praktijken";
export const FIRST_DATA_ROW = 5;
/** Rows below the practices that keep the model drop-down, for practices typed in later. */
const SPARE_ROWS = 200;

/** Columns of the Praktijken sheet (1-based); the CSV importer's fields in the same order. */
export const PRACTICE_COLUMNS = { name: 1, agb: 2, location: 3, patients: 4, model: 5, weeklyHours: 6, startDate: 7, endDate: 8, check: 9 } as const;
export const PRACTICE_HEADERS = ["Praktijk", "AGB-code", "Locatie", "Patiënten", "Model", "Uren per week (leeg = norm)", "Startdatum", "Einddatum", "Controle AGB-code"];

/** Data rows of the practices sheets: at least one, so every range and sum stays well-formed. */
export function dataRowCount(practiceCount: number): number {
  return Math.max(1, practiceCount);
}

/** A reference to a practice's input cell from another sheet. @example practiceRef(5, "patients") // "Praktijken!D5" */
export function practiceRef(row: number, field: keyof typeof PRACTICE_COLUMNS): string {
  return `${PRACTICES_SHEET}!${cell(row, PRACTICE_COLUMNS[field])}`;
}

const dateCell = (date: string | null): Cell | null => (date === null ? null : { value: excelSerial(date), format: FORMAT.date });

/** Praktijken: the input table, one row per practice or location, with the model drop-down. */
export function describePractices(practices: readonly Practice[]): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Praktijken"));
  grid.set(2, 1, text("Eén rij per praktijk of locatie. Uren per week leeg = volgens de normpraktijk. Alleen aantallen, geen patiëntgegevens."));
  grid.setRow(4, 1, PRACTICE_HEADERS.map(text));
  const rows = dataRowCount(practices.length);
  const last = FIRST_DATA_ROW + rows - 1;
  const statuses = agbStatuses(practices);
  practices.forEach((p, i) => {
    const row = FIRST_DATA_ROW + i;
    grid.setRow(row, 1, [
      { value: p.name },
      { value: p.agb, format: FORMAT.text },
      p.location === "" ? null : { value: p.location },
      { value: p.patients, format: FORMAT.whole },
      { value: MODEL_LABELS[p.model] },
      p.weeklyHours === null ? null : { value: p.weeklyHours, format: FORMAT.hours },
      dateCell(p.startDate),
      dateCell(p.endDate),
    ]);
  });
  for (let row = FIRST_DATA_ROW; row <= last; row++) {
    const b = cell(row, PRACTICE_COLUMNS.agb);
    const agbs = `${absolute(FIRST_DATA_ROW, PRACTICE_COLUMNS.agb)}:${absolute(last, PRACTICE_COLUMNS.agb)}`;
    const notDigits = ["LEN(B)<>8", "NOT(ISNUMBER(--B))", ...[".", ",", "-", "+", " ", "e"].map((ch) => `ISNUMBER(FIND("${ch}",LOWER(B)))`)].join(",").replace(/\bB\b/g, b);
    const formula = `=IF(${b}="",IF(A${row}="","","AGB-code ontbreekt"),IF(OR(${notDigits}),"AGB-code is geen 8 cijfers",IF(COUNTIF(${agbs},${b})>1,"Dubbele AGB-code","OK")))`;
    const index = row - FIRST_DATA_ROW;
    grid.set(row, PRACTICE_COLUMNS.check, { formula, result: index < practices.length ? statuses[index] : "" });
  }
  return {
    name: PRACTICES_SHEET,
    kind: "practices",
    cells: grid.build(PRACTICE_HEADERS.length),
    columnWidths: [32, 12, 20, 12, 14, 16, 13, 13, 26],
    frozenRows: 4,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(4, 1, 4, PRACTICE_HEADERS.length), style: "header" },
      { range: range(FIRST_DATA_ROW, 1, last, PRACTICE_COLUMNS.endDate), style: "input" },
    ],
    validations: [
      {
        range: range(FIRST_DATA_ROW, PRACTICE_COLUMNS.model, last + SPARE_ROWS, PRACTICE_COLUMNS.model),
        values: MODELS.map((m) => MODEL_LABELS[m]),
        prompt: "Kies Basis, Aanvullend of Extra (VPG h. 6)",
      },
    ],
    conditionalFormats: [
      { range: range(FIRST_DATA_ROW, PRACTICE_COLUMNS.check, last, PRACTICE_COLUMNS.check), formula: `AND(${cell(FIRST_DATA_ROW, PRACTICE_COLUMNS.check)}<>"OK",${cell(FIRST_DATA_ROW, PRACTICE_COLUMNS.check)}<>"")`, style: "bad" },
    ],
    charts: [],
    inputRanges: [range(FIRST_DATA_ROW, 1, last + SPARE_ROWS, PRACTICE_COLUMNS.endDate)],
    manualColumns: [],
    firstDataRow: FIRST_DATA_ROW,
    print: { landscape: true, fitToWidth: true },
  };
}
