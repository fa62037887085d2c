/**
 * What one run can take on before it starts: a practices file of bounded size, and a build
 * whose memory fits the heap Node was given, so the command refuses up front with a message
 * instead of dying with a raw V8 trace halfway.
 */
import fs from "fs";
import v8 from "v8";
import { ArgumentError } from "../core/errors";

/** The largest practices CSV read: 100,000 practices (MAX_XLSX_PRACTICES) take about 7 MB. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/**
 * Heap a build holds at its peak per practice and forecast year. Measured (bench/results.json):
 * 100,000 practices × 4 years peaked at about 2.6 GB resident (2.0–2.5 GB of heap), 5–6 KB a
 * practice-year, for which 7 KB was the safe side. Issue 11 (five register rows per
 * practice-year, a Zorgverzekeraar sheet per year, Realisatie) took the export's peak at 5,000
 * × 4 from 362 to 925 MB (npm run bench), 2.6 times: 18 KB keeps the estimate on the safe side,
 * so a build too large for the heap is refused up front rather than dying halfway.
 */
export const HEAP_BYTES_PER_PRACTICE_YEAR = 18 * 1024;
/** Heap the process itself uses before any practice (code, ExcelJS, the forecast's tables). */
const BASE_HEAP_BYTES = 100 * 1024 * 1024;

/**
 * The estimated and allowed heap of a build, in MB; `fits` is false when the estimate is over
 * 90% of Node's heap limit.
 *
 * @example
 * buildMemory(5_000, 4) // { needMB: 452, limitMB: 4144, fits: true }
 */
export function buildMemory(practices: number, years: number, limitBytes = v8.getHeapStatistics().heap_size_limit): { needMB: number; limitMB: number; fits: boolean } {
  const need = BASE_HEAP_BYTES + practices * years * HEAP_BYTES_PER_PRACTICE_YEAR;
  return { needMB: Math.ceil(need / 2 ** 20), limitMB: Math.floor(limitBytes / 2 ** 20), fits: need <= 0.9 * limitBytes };
}

/**
 * The bytes of the practices file given as `flag`; throws an ArgumentError (exit 2) for a
 * folder or device, a file that cannot be read, or one over MAX_CSV_BYTES.
 *
 * @example
 * readInputFile("/data/praktijken.csv", "--practices", "praktijken.csv").length // 1234
 */
export function readInputFile(file: string, flag: string, shown: string): Buffer {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    throw new ArgumentError("fileNotFound", { arg: flag, value: shown });
  }
  if (!stats.isFile()) throw new ArgumentError("targetNotAFile", { arg: flag, value: shown });
  if (stats.size > MAX_CSV_BYTES) throw new ArgumentError("fileTooLarge", { arg: flag, value: shown, size: Math.ceil(stats.size / 2 ** 20), max: MAX_CSV_BYTES / 2 ** 20 });
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ArgumentError("fileNotReadable", { arg: flag, value: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}
