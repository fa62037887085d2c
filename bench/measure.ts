/**
 * One measurement in a fresh process, so that its peak memory is its own:
 *   describe N | export N | floor N   → prints {"ms": …, "peakMB": …, "baseMB": …} as JSON.
 * bench/run.ts runs this compiled to JavaScript, as poh-budget runs, so the resident set holds
 * no TypeScript compiler.
 *
 * - describe: the whole description built at once; peakMB is the heap it holds (after a full
 *   GC), since the process's own size hides a small describe's.
 * - export: what poh-budget does, from the input to the finished file: describe the workbook
 *   sheet by sheet and stream the .xlsx to disk. peakMB is the process's peak resident set
 *   (everything: heap, buffers, code), baseMB the resident set before it started.
 * - floor: ExcelJS's whole-book writer writing the same cells with no logic (plain values, no
 *   formulas, formats or styles), from a description built before the clock starts; peakMB
 *   is again the process's peak resident set.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { writeXlsx } from "../src/render/xlsx";
import { describeWorkbook, describeWorkbookStreamed } from "../src/workbook/describe";
import { scaleInput } from "../test/support/scale";

const MB = 1024 * 1024;

async function floor(out: string, n: number): Promise<void> {
  const description = describeWorkbook(scaleInput(n));
  global.gc?.();
  const start = process.hrtime.bigint();
  const workbook = new ExcelJS.Workbook();
  for (const sheet of description.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) => {
      const target = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        if (cell) target.getCell(c + 1).value = cell.result ?? cell.value ?? null;
      });
    });
  }
  fs.writeFileSync(out, Buffer.from(await workbook.xlsx.writeBuffer()));
  report(start);
}

function report(start: bigint, extra: Record<string, number> = {}): void {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peakMB = (process.resourceUsage().maxRSS * 1024) / MB;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMB: Math.round(peakMB), ...extra }));
}

async function main(): Promise<void> {
  const [what, size] = process.argv.slice(2);
  const n = Number(size);
  const out = path.join(os.tmpdir(), `poh-bench-${process.pid}.xlsx`);
  try {
    if (what === "floor") return await floor(out, n);
    const input = scaleInput(n);
    global.gc?.();
    const baseMB = Math.round(process.memoryUsage().rss / MB);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    if (what === "describe") {
      const kept = describeWorkbook(input);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      global.gc?.();
      const held = (process.memoryUsage().heapUsed - heapBefore) / MB;
      process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMB: Math.round(Math.max(0, held)), sheets: kept.sheets.length }));
    } else if (what === "export") {
      await writeXlsx(describeWorkbookStreamed(input).description, fs.createWriteStream(out));
      report(start, { baseMB, fileMB: Math.round((fs.statSync(out).size / MB) * 10) / 10 });
    } else throw new Error(`unknown measurement ${what}`);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

main().catch((error: unknown) => {
  // A refusal (RangeError naming the limit) is a result, not a failure of the bench.
  process.stdout.write(JSON.stringify({ refused: error instanceof RangeError ? error.message : undefined, error: error instanceof RangeError ? undefined : String(error) }));
  process.exitCode = error instanceof RangeError ? 0 : 1;
});
