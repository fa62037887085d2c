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
 * The largest number of practices the .xlsx writer accepts. Measured (bench/results.json), the
 * peak resident memory of describing and writing grows linearly — about 330 MB at 5,000
 * practices × 4 years, 720 MB at 20,000, 2.1 GB at 100,000 — and at 100,000 the V8 heap peaks
 * at about 2 GB, half of Node's default limit (about 4 GB on a 24 GB machine). So 100,000 —
 * twenty times the national register's 5,000 locations — is measured to complete with room to
 * spare; much beyond it a run would near that limit and die with a raw V8 trace instead.
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
