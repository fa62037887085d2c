/**
 * One measurement in a fresh process, so that its peak memory is its own:
 *   describe N | export N | floor N   → prints {"ms": …, "peakMB": …} as JSON.
 * peakMB: for export and floor, the growth of the resident set during the work (peak RSS minus
 * RSS before it); for describe, the heap the finished description holds (after a full GC),
 * since the process's earlier peak (compiling TypeScript) hides a small describe's own.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { renderXlsx } from "../src/render/xlsx";
import { describeWorkbook } from "../src/workbook/describe";
import { scaleInput } from "../test/support/scale";

async function main(): Promise<void> {
  const [what, size] = process.argv.slice(2);
  const n = Number(size);
  const out = path.join(os.tmpdir(), `poh-bench-${process.pid}.xlsx`);
  const input = scaleInput(n);
  // The floor and the export start from the same description; only the export's own work is timed.
  const description = what === "describe" ? null : describeWorkbook(input);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  let kept: unknown = null;
  const heapBefore = process.memoryUsage().heapUsed;
  if (what === "describe") {
    kept = describeWorkbook(input);
  } else if (what === "export") {
    fs.writeFileSync(out, await renderXlsx(description!));
  } else if (what === "floor") {
    // ExcelJS writing the same cells with no logic: plain values, no formulas, formats or styles.
    const workbook = new ExcelJS.Workbook();
    for (const sheet of description!.sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      sheet.cells.forEach((row, r) => {
        const target = ws.getRow(r + 1);
        row.forEach((cell, c) => {
          if (cell) target.getCell(c + 1).value = (cell.result ?? cell.value ?? null) as ExcelJS.CellValue;
        });
      });
    }
    fs.writeFileSync(out, Buffer.from(await workbook.xlsx.writeBuffer()));
  } else throw new Error(`unknown measurement ${what}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  global.gc?.();
  const held = kept === null ? 0 : process.memoryUsage().heapUsed - heapBefore;
  const peakMB = Math.max(0, what === "describe" ? held : process.resourceUsage().maxRSS * 1024 - before) / 1024 / 1024;
  fs.rmSync(out, { force: true });
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMB: Math.round(peakMB) }));
}

void main();
