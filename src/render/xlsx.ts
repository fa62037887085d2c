/**
 * Writes a workbook description as an .xlsx file, streamed: ExcelJS's streaming writer takes
 * one row at a time and the zip is written to the output as it goes, so memory stays bounded
 * by a sheet's description rather than by the file. Every formula carries the core's value as
 * its cached result, so Excel, LibreOffice and previewers show numbers at once.
 */
import { PassThrough } from "stream";
import { PRACTICES_SHEET } from "../workbook/practices-sheet";
import type { SheetDescription, StreamedWorkbook, WorkbookDescription } from "../workbook/types";
import { chartAttacher } from "./xlsx-chart";
import { writeSheet } from "./xlsx-sheet";
import { streamingWorkbook } from "./xlsx-stream";

/**
 * The largest number of practices the .xlsx writer accepts. Measured (bench/results.json, 1 Dec
 * 2026), the peak resident memory of describing and writing grows linearly: about 400 MB at
 * 5,000 practices × 4 years, 730 MB at 20,000 and 2.6 GB at 100,000, where the V8 heap stays
 * below Node's default limit (about 4 GB on a 24 GB machine). 100,000 is twenty times the
 * national register's 5,000 locations; `poh-budget` also refuses up front a build whose
 * estimated heap would not fit (src/cli/capacity.ts), e.g. 100,000 practices × 10 years.
 *
 * @example
 * if (practices.length > MAX_XLSX_PRACTICES) throw new Error(`at most ${MAX_XLSX_PRACTICES} practices`)
 */
export const MAX_XLSX_PRACTICES = 100_000;

/** The data rows of the Praktijken sheet: one per practice (one blank row when there are none). */
function practiceRows(sheets: readonly SheetDescription[]): number {
  const sheet = sheets.find((s) => s.kind === "practices" || s.name === PRACTICES_SHEET);
  return sheet ? Math.max(0, sheet.cells.length - sheet.firstDataRow + 1) : 0;
}

/**
 * Streams the .xlsx of a description into `out`; resolves when `out` has finished (the function
 * ends `out`). Throws RangeError above MAX_XLSX_PRACTICES, before writing anything (`out` is
 * then left as it was). Rejects with the first error of `out`. Takes the whole description or
 * a streamed one (`describeWorkbookStreamed`), whose sheets are made one by one and dropped
 * once written — the form that keeps memory lowest.
 *
 * @example
 * await writeXlsx(describeWorkbook(input), fs.createWriteStream("begroting.xlsx"))
 */
export async function writeXlsx(description: WorkbookDescription | StreamedWorkbook, out: NodeJS.WritableStream): Promise<void> {
  const practices = "practiceCount" in description ? description.practiceCount : practiceRows(description.sheets);
  if (practices > MAX_XLSX_PRACTICES) {
    throw new RangeError(`An .xlsx holds at most ${MAX_XLSX_PRACTICES.toLocaleString("en")} practices (MAX_XLSX_PRACTICES); this one has ${practices.toLocaleString("en")}.`);
  }
  const book = streamingWorkbook(out);
  const attachCharts = chartAttacher(book);
  for (const sheet of description.sheets) await writeSheet(book, sheet, (ws) => attachCharts(ws, sheet));
  for (const { name, ref } of description.names) book.writer.definedNames.add(ref, name);
  await Promise.race([book.writer.commit(), book.failure]);
}

/**
 * The .xlsx bytes of a workbook description (writeXlsx collected into one Buffer).
 *
 * @example
 * fs.writeFileSync("begroting.xlsx", await renderXlsx(describeWorkbook(input)))
 */
export async function renderXlsx(description: WorkbookDescription | StreamedWorkbook): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(description, out);
  return Buffer.concat(chunks);
}
