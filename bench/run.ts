/**
 * npm run bench: speed and memory at national scale (about 5,000 GP practice locations).
 * Prints a table and writes bench/results.json. Each figure is the median of several runs,
 * with min and max beside it. Timings are measured here, never asserted in tests.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { fakeCustomFunctions, type Registered } from "../test/support/custom-functions";
import { renderAtScale } from "../test/support/scale";

const SIZES = [50, 500, 5000];
const YEARS = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MB = 1024 * 1024;

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function measure(what: string, size: number): { ms: number; peakMB: number } {
  const output = execFileSync(process.execPath, ["--expose-gc", "-r", "ts-node/register/transpile-only", path.join(__dirname, "measure.ts"), what, String(size)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(output) as { ms: number; peakMB: number };
}

/** POH_COMPENSATION evaluations per second through the function Excel calls (dist/functions.js). */
function evalsPerSecond(): Spread {
  const registry: Registered = new Map();
  // Run in this realm, as a page runs it: a separate vm context would slow every global lookup.
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = fakeCustomFunctions(registry);
  vm.runInThisContext(fs.readFileSync(path.join(__dirname, "..", "dist", "functions.js"), "utf8"), { filename: "functions.js" });
  const compensation = registry.get("POH_COMPENSATION")!;
  const models = ["basis", "aanvullend", "extra", 0.75, null];
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    let n = 0;
    let checksum = 0;
    while (Number(process.hrtime.bigint() - start) < 1e9) {
      for (let i = 0; i < 1000; i++, n++) checksum += compensation((n % 4000) / 100, models[n % 5], n % 2 === 0, (n % 12) + 1) as number;
    }
    if (!Number.isFinite(checksum)) throw new Error("non-finite result");
    rates.push(Math.round(n / (Number(process.hrtime.bigint() - start) / 1e9)));
  }
  return spread(rates);
}

async function main(): Promise<void> {
  const evals = evalsPerSecond();
  const sizes = [];
  for (const practices of SIZES) {
    const describe = Array.from({ length: RUNS }, () => measure("describe", practices));
    const exported = Array.from({ length: RUNS }, () => measure("export", practices));
    const floor = Array.from({ length: RUNS }, () => measure("floor", practices));
    const { host } = await renderAtScale(practices);
    const row = {
      practices,
      years: YEARS,
      syncs: host.syncs.length,
      largestRequestBytes: host.largestRequestBytes,
      totalRequestBytes: host.totalRequestBytes,
      describeMs: spread(describe.map((m) => m.ms)).median,
      describePeakMB: spread(describe.map((m) => m.peakMB)).median,
      exportMs: spread(exported.map((m) => m.ms)).median,
      exportPeakMB: spread(exported.map((m) => m.peakMB)).median,
      floorMs: spread(floor.map((m) => m.ms)).median,
      spread: { describeMs: spread(describe.map((m) => m.ms)), exportMs: spread(exported.map((m) => m.ms)), floorMs: spread(floor.map((m) => m.ms)) },
    };
    sizes.push(row);
    process.stderr.write(`measured ${practices} practices\n`);
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.versions.node}`;
  const results = { machine, runs: RUNS, evalsPerSecond: evals.median, evalsPerSecondSpread: evals, sizes };
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");

  const lines = [
    `Machine: ${machine}; median of ${RUNS} runs (min–max)`,
    `POH_COMPENSATION through the registered custom function: ${evals.median.toLocaleString("en")} evaluations/s (${evals.min.toLocaleString("en")}–${evals.max.toLocaleString("en")})`,
    "",
    "| practices × years | syncs | largest request | total requests | describe | describe peak | export .xlsx | export peak | floor (ExcelJS, no logic) | export / floor |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...sizes.map(
      (s) =>
        `| ${s.practices} × ${s.years} | ${s.syncs} (bound ${s.practices <= 500 ? 10 : 6 + Math.ceil(s.totalRequestBytes / (4 * MB))}) | ${(s.largestRequestBytes / MB).toFixed(2)} MB | ${(s.totalRequestBytes / MB).toFixed(2)} MB | ${s.describeMs} ms (${s.spread.describeMs.min}–${s.spread.describeMs.max}) | ${s.describePeakMB} MB | ${s.exportMs} ms (${s.spread.exportMs.min}–${s.spread.exportMs.max}) | ${s.exportPeakMB} MB | ${s.floorMs} ms (${s.spread.floorMs.min}–${s.spread.floorMs.max}) | ${(s.exportMs / s.floorMs).toFixed(2)}× |`,
    ),
  ];
  console.log(lines.join("\n"));
}

void main();
