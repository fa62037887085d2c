/**
 * The practice importer shared by `poh-budget` and the task pane: CSV text in, practices or
 * row-level errors out. It never throws on bad input; every problem is reported at once.
 */
import { Dec } from "../core/decimal";
import { message, type Language, type MessageKey, type MessageParams } from "../core/messages";
import { parseModel } from "../core/models";
import { parseDecimalText, parsePercentText } from "../core/numbers";
import { xmlSafeText } from "../core/text";
import type { Practice } from "../core/types";
import { fieldOfHeader, parseDateText, REQUIRED_FIELDS, type Field } from "./fields";
import { decodeTextLines, detectSeparator, parseRecords, separatorLine, type CsvRecord } from "./records";

export interface ImportProblem {
  /** Line of the file (1 = the header, or 2 after a `sep=` line). */
  row: number;
  /** The column as its header reads in the file; "" for a whole row or the file. */
  column: string;
  key: MessageKey;
  params: MessageParams;
}

export interface ImportResult {
  practices: Practice[];
  /** Rows left out, each problem with its row and column. */
  errors: ImportProblem[];
  /** What was changed without leaving the row out (characters a workbook cannot hold removed). */
  warnings: ImportProblem[];
  /** Columns the importer does not know and left out. */
  ignoredColumns: string[];
}

const MAX_PATIENTS = 1_000_000; // far above any GP practice (a normpraktijk is 2,350)
const MAX_HOURS = 168; // hours in a week
const MAX_NAME = 200;
const MAX_LOCATION = 200; // a place or street name; far below Excel's 32,767 per cell

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
  employer: "werkgever",
  compensationRate: "vergoedingspercentage",
};

/**
 * Imports practices from CSV (bytes or text): `;`, `,` or tab separated (or as a first line
 * `sep=;` says), Dutch or English headers, decimal commas, `dd-mm-jjjj` or ISO dates, UTF-8
 * with or without BOM, Windows-1252, UTF-16 with BOM. A file without practices is an error.
 *
 * @example
 * importPractices("praktijk;agb;patienten\nDe Linde;01234567;2.350").practices[0].patients // 2350
 */
export function importPractices(input: Uint8Array | string): ImportResult {
  const { text, windows1252Lines } = decodeTextLines(input);
  const fail = (key: MessageKey): ImportResult => ({ practices: [], errors: [{ row: 1, column: "", key, params: {} }], warnings: [], ignoredColumns: [] });
  if (text.includes("\u0000")) return fail("notText");
  const encodingWarnings = windows1252Lines.map((row): ImportProblem => ({ row, column: "", key: "notUtf8Line", params: {} }));
  const declared = separatorLine(text);
  const body = declared ? declared.rest : text;
  const { records, unclosedQuotes, strayQuotes } = parseRecords(body, declared ? declared.separator : detectSeparator(body), declared ? 2 : 1);
  const quoteErrors = [
    ...unclosedQuotes.map((row): ImportProblem => ({ row, column: "", key: "unclosedQuote", params: {} })),
    ...strayQuotes.map(({ line, at }): ImportProblem => ({ row: line, column: "", key: "strayQuote", params: { at } })),
  ].sort((a, b) => a.row - b.row);
  // A quote problem before the first record took the header with it: nothing after it can be read by column.
  if (records.length === 0 || (quoteErrors.length > 0 && quoteErrors[0].row < records[0].line)) {
    const failed = fail("emptyFile");
    return { ...failed, errors: quoteErrors.length > 0 ? quoteErrors : failed.errors, warnings: encodingWarnings };
  }

  const [header, ...rows] = records;
  const result = practicesFromRecords(header, rows);
  result.errors = [...result.errors, ...quoteErrors].sort((a, b) => a.row - b.row);
  result.warnings = [...encodingWarnings, ...result.warnings].sort((a, b) => a.row - b.row);
  if (result.errors.length === 0 && result.practices.length === 0) result.errors.push({ row: header.line, column: "", key: "noPractices", params: {} });
  return result;
}

/**
 * Practices from records whose first is the header: the CSV file's, or the Praktijken sheet's
 * rows with their sheet row numbers. Zero rows give zero practices (an empty Praktijken sheet).
 * Characters a workbook cannot hold are removed from every field read, with one warning per row.
 *
 * @example
 * practicesFromRecords({ line: 1, fields: ["praktijk", "agb", "patienten"] }, [{ line: 2, fields: ["A\uFFFE", "01234567", "5"] }]).warnings[0].key // "removedCharacters"
 */
export function practicesFromRecords(header: CsvRecord, rows: readonly CsvRecord[]): ImportResult {
  const result: ImportResult = { practices: [], errors: [], warnings: [], ignoredColumns: [] };
  const headerNames = header.fields.map((name) => xmlSafeText(name).text.trim());
  const columnOf = new Map<Field, number>();
  headerNames.forEach((name, index) => {
    const field = fieldOfHeader(name);
    if (field === null) {
      if (name !== "") result.ignoredColumns.push(name);
    } else if (columnOf.has(field)) {
      result.errors.push({ row: header.line, column: name, key: "duplicateColumn", params: { column: name } });
    } else columnOf.set(field, index);
  });
  const missing = REQUIRED_FIELDS.filter((field) => !columnOf.has(field));
  if (missing.length > 0 && headerNames.length === 1) {
    result.errors.push({ row: header.line, column: "", key: "oneColumnHeader", params: { found: headerNames[0] } });
  } else {
    for (const field of missing) {
      result.errors.push({ row: header.line, column: FIELD_LABEL[field], key: "missingColumn", params: { column: FIELD_LABEL[field], found: headerNames.join(", ") } });
    }
  }
  if (result.errors.length > 0) return result;
  const columnName = (field: Field) => headerNames[columnOf.get(field) ?? -1] ?? FIELD_LABEL[field];
  const readIndices = [...columnOf.values()];
  cleanFields(header, readIndices, headerNames, result.warnings); // a header read with characters removed

  const firstRowOfAgb = new Map<string, number>();
  for (const original of rows) {
    const record = { line: original.line, fields: cleanFields(original, readIndices, headerNames, result.warnings) };
    const problems: ImportProblem[] = [];
    const report = (field: Field | "", key: MessageKey, params: MessageParams = {}) =>
      problems.push({ row: record.line, column: field === "" ? "" : columnName(field), key, params: { arg: field === "" ? "" : columnName(field), ...params } });
    const raw = (field: Field) => {
      const index = columnOf.get(field);
      return index === undefined ? "" : (record.fields[index] ?? "").trim();
    };
    if (record.fields.length > header.fields.length && record.fields.slice(header.fields.length).some((f) => f.trim() !== "")) {
      report("", "tooManyFields", { count: record.fields.length, expected: header.fields.length });
    } else if (record.fields.length === 1 && header.fields.length > 1) {
      report("", "tooFewFields", { count: 1, expected: header.fields.length });
    }
    if (problems.length > 0) {
      result.errors.push(...problems);
      continue;
    }

    const name = raw("name");
    if (name === "") report("name", "missingName");
    else if (name.length > MAX_NAME) report("name", "textTooLong", { max: MAX_NAME, length: name.length });
    const location = raw("location");
    if (location.length > MAX_LOCATION) report("location", "textTooLong", { max: MAX_LOCATION, length: location.length });
    const employer = raw("employer");
    if (employer.length > MAX_NAME) report("employer", "textTooLong", { max: MAX_NAME, length: employer.length });

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

    const compensationRate = readPercent(raw("compensationRate"), "compensationRate", report);
    const startDate = readDate(raw("startDate"), "startDate", report);
    const endDate = readDate(raw("endDate"), "endDate", report);
    if (startDate && endDate && endDate < startDate) report("endDate", "endBeforeStart", { start: raw("startDate"), end: raw("endDate") });

    if (problems.length > 0 || model === null || patients === null) {
      result.errors.push(...problems);
      continue;
    }
    const practice: Practice = { name, agb, location, patients, model, weeklyHours, startDate, endDate };
    if (employer !== "") practice.employer = employer;
    if (compensationRate !== null) practice.compensationRate = compensationRate;
    result.practices.push(practice);
  }
  return result;
}

/**
 * The record's fields with the characters XML 1.0 cannot carry removed from those at `indices`;
 * one warning for the record naming the columns (as `names`, already clean, has them) that changed.
 */
function cleanFields(record: CsvRecord, indices: readonly number[], names: readonly string[], warnings: ImportProblem[]): string[] {
  const fields = [...record.fields];
  const changed: string[] = [];
  let removed = 0;
  for (const index of [...indices].sort((a, b) => a - b)) {
    if (fields[index] === undefined) continue;
    const safe = xmlSafeText(fields[index]);
    if (safe.removed === 0) continue;
    fields[index] = safe.text;
    removed += safe.removed;
    changed.push(names[index] || String(index + 1));
  }
  if (removed > 0) warnings.push({ row: record.line, column: changed[0], key: "removedCharacters", params: { arg: changed.join(", "), count: removed } });
  return fields;
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

/** A rate of 0% to 100% as `75%`, `75` or `0,75` (parsePercentText), as a fraction string. */
function readPercent(text: string, field: Field, report: Report): string | null {
  if (text === "") return null;
  const share = parsePercentText(text);
  if (share !== null && new Dec(share).gte(0) && new Dec(share).lte(1)) return share;
  report(field, "notAPercentage", { value: text });
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
