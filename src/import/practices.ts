/**
 * The practice importer shared by `poh-budget` and the task pane: CSV text in, practices or
 * row-level errors out. It never throws on bad input; every problem is reported at once.
 */
import { Dec } from "../core/decimal";
import { message, type Language, type MessageKey, type MessageParams } from "../core/messages";
import { parseModel } from "../core/models";
import { parseDecimalText } from "../core/numbers";
import type { Practice } from "../core/types";
import { fieldOfHeader, parseDateText, REQUIRED_FIELDS, type Field } from "./fields";
import { decodeText, detectSeparator, parseRecords, type CsvRecord } from "./records";

export interface ImportProblem {
  /** Line of the file (1 = the header). */
  row: number;
  /** The column as its header reads in the file; "" for a whole row or the file. */
  column: string;
  key: MessageKey;
  params: MessageParams;
}

export interface ImportResult {
  practices: Practice[];
  errors: ImportProblem[];
  /** Columns the importer does not know and left out. */
  ignoredColumns: string[];
}

const MAX_PATIENTS = 1_000_000; // far above any GP practice (a normpraktijk is 2,350)
const MAX_HOURS = 168; // hours in a week
const MAX_NAME = 200;

/** The Dutch column name used in messages for a field the file lacks. */
const FIELD_LABEL: Record<Field, string> = {
  name: "praktijk",
  agb: "agb",
  location: "locatie",
  patients: "patienten",
  model: "model",
  weeklyHours: "uren_per_week",
  startDate: "startdatum",
  endDate: "einddatum",
};

/**
 * Imports practices from CSV (bytes or text): `;` or `,` separated, Dutch or English headers,
 * decimal commas, `dd-mm-jjjj` or ISO dates, UTF-8 with or without BOM.
 *
 * @example
 * importPractices("praktijk;agb;patienten\nDe Linde;01234567;2.350").practices[0].patients // 2350
 */
export function importPractices(input: Uint8Array | string): ImportResult {
  const text = decodeText(input);
  const result: ImportResult = { practices: [], errors: [], ignoredColumns: [] };
  if (text.includes("\u0000")) return { ...result, errors: [{ row: 1, column: "", key: "notText", params: {} }] };
  const records = parseRecords(text, detectSeparator(text));
  if (records.length === 0) return { ...result, errors: [{ row: 1, column: "", key: "emptyFile", params: {} }] };

  const [header, ...rows] = records;
  return practicesFromRecords(header, rows);
}

/**
 * Practices from records whose first is the header: the CSV file's, or the Praktijken sheet's
 * rows with their sheet row numbers.
 */
export function practicesFromRecords(header: CsvRecord, rows: readonly CsvRecord[]): ImportResult {
  const result: ImportResult = { practices: [], errors: [], ignoredColumns: [] };
  const columnOf = new Map<Field, number>();
  header.fields.forEach((name, index) => {
    const field = fieldOfHeader(name);
    if (field === null) {
      if (name.trim() !== "") result.ignoredColumns.push(name.trim());
    } else if (columnOf.has(field)) {
      result.errors.push({ row: header.line, column: name.trim(), key: "duplicateColumn", params: { column: name.trim() } });
    } else columnOf.set(field, index);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columnOf.has(field)) {
      result.errors.push({ row: header.line, column: FIELD_LABEL[field], key: "missingColumn", params: { column: FIELD_LABEL[field], found: header.fields.map((f) => f.trim()).join(", ") } });
    }
  }
  if (result.errors.length > 0) return result;

  const firstRowOfAgb = new Map<string, number>();
  for (const record of rows) {
    const problems: ImportProblem[] = [];
    const columnName = (field: Field) => header.fields[columnOf.get(field) ?? -1]?.trim() ?? FIELD_LABEL[field];
    const report = (field: Field | "", key: MessageKey, params: MessageParams = {}) =>
      problems.push({ row: record.line, column: field === "" ? "" : columnName(field), key, params: { arg: field === "" ? "" : columnName(field), ...params } });
    const raw = (field: Field) => {
      const index = columnOf.get(field);
      return index === undefined ? "" : (record.fields[index] ?? "").trim();
    };
    if (record.fields.length > header.fields.length && record.fields.slice(header.fields.length).some((f) => f.trim() !== "")) {
      report("", "tooManyFields", { count: record.fields.length, expected: header.fields.length });
      result.errors.push(...problems);
      continue;
    }

    const name = raw("name");
    if (name === "") report("name", "missingName");
    else if (name.length > MAX_NAME) report("name", "tooLarge", { max: `${MAX_NAME} tekens`, value: `${name.slice(0, 20)}…` });

    const agb = raw("agb").replace(/\s/g, "");
    if (agb === "") report("agb", "missingAgb");
    else if (/^\d{7}$/.test(agb)) report("agb", "agbSevenDigits", { value: agb });
    else if (!/^\d{8}$/.test(agb)) report("agb", "agbMalformed", { value: raw("agb") });
    else if (firstRowOfAgb.has(agb)) report("agb", "agbDuplicate", { value: agb, first: firstRowOfAgb.get(agb)! });
    else firstRowOfAgb.set(agb, record.line);

    const patients = readNumber(raw("patients"), "patients", { required: true, whole: true, max: MAX_PATIENTS }, report);
    const weeklyHours = readNumber(raw("weeklyHours"), "weeklyHours", { required: false, whole: false, max: MAX_HOURS }, report);

    const modelText = raw("model");
    const model = modelText === "" ? "aanvullend" : parseModel(modelText);
    if (model === null) report("model", "unknownModelColumn", { value: modelText });

    const startDate = readDate(raw("startDate"), "startDate", report);
    const endDate = readDate(raw("endDate"), "endDate", report);
    if (startDate && endDate && endDate < startDate) report("endDate", "endBeforeStart", { start: raw("startDate"), end: raw("endDate") });

    if (problems.length > 0 || model === null || patients === null) {
      result.errors.push(...problems);
      continue;
    }
    result.practices.push({ name, agb, location: raw("location"), patients, model, weeklyHours, startDate, endDate });
  }
  return result;
}

type Report = (field: Field, key: MessageKey, params?: MessageParams) => void;

function readNumber(text: string, field: Field, rule: { required: boolean; whole: boolean; max: number }, report: Report): number | null {
  if (text === "") {
    if (rule.required) report(field, "missingValue");
    return null;
  }
  // A whole-number field cannot hold 2.35 patients: "2.350" and "2,350" are thousands.
  const parsed = rule.whole && /^\d{1,3}([.,]\d{3})+$/.test(text) ? text.replace(/[.,]/g, "") : parseDecimalText(text);
  if (parsed === null) {
    report(field, "notANumber", { value: text });
    return null;
  }
  const value = new Dec(parsed);
  if (value.isNeg() && !value.isZero()) report(field, "negative", { value: text });
  else if (value.gt(rule.max)) report(field, "tooLarge", { max: rule.max, value: text });
  else if (rule.whole && !value.isInteger()) report(field, "notWhole", { value: text });
  else return value.toNumber();
  return null;
}

function readDate(text: string, field: Field, report: Report): string | null {
  if (text === "") return null;
  const parsed = parseDateText(text);
  if ("error" in parsed) {
    report(field, parsed.error, { value: text });
    return null;
  }
  return parsed.date;
}

/**
 * One import problem as a person reads it.
 *
 * @example
 * formatProblem("nl", problem) // "Rij 6: patienten: mag niet negatief zijn (-5)"
 */
export function formatProblem(language: Language, problem: ImportProblem): string {
  return message(language, "rowProblem", { row: problem.row, text: message(language, problem.key, problem.params) });
}
