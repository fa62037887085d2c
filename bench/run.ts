/**
 * npm run bench: speed and memory at national scale (about 5,000 GP practice locations) and
 * beyond (20,000; 100,000 once). Prints a table and writes bench/results.json. Each figure is
 * the median of several runs, with min and max beside it. Timings are measured here, never
 * asserted in tests. The measurements run compiled to JavaScript (see measure.ts).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { fakeCustomFunctions, type Registered } from "../test/support/custom-functions";
import { describeWorkbook } from "../src/workbook/describe";
import { paneAtScale, readBackBytes, renderAtScale, scaleInput } from "../test/support/scale";

const SIZES = [50, 500, 5000, 20000];
/** Measured once, export only: minutes per run, and ExcelJS's whole-book writer (the floor) cannot hold it. */
const HUGE = 100000;
/** The Office.js renderer on the in-memory host is measured up to here (the task pane's scale). */
const OFFICE_UP_TO = 5000;
/** The pane's import and rebuild, with calculation (for the read-back's values), up to here. */
const PANE_UP_TO = 500;
const YEARS = 4;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_UP_TO=5000 measures only the sizes up to it (a quick look): printed, results.json left as it was. */
const UP_TO = Number(process.env.BENCH_UP_TO ?? Infinity);
const MB = 1024 * 1024;

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  // A crashed run has no figures: every figure of its size is then NaN, shown as "—".
  if (values.some(Number.isNaN)) return { median: NaN, min: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

interface Measured {
  ms: number;
  peakMB: number;
  baseMB?: number;
  fileMB?: number;
  refused?: string;
  crashed?: string;
}

/** bench/measure.ts and what it imports, compiled once (type-checking is the build's job). */
function compileMeasure(): { script: string; env: NodeJS.ProcessEnv } {
  const root = path.join(__dirname, "..");
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "poh-bench-"));
  const tsc = require.resolve("typescript/bin/tsc");
  const flags = ["--noCheck", "--outDir", outDir, "--rootDir", root, "--module", "commonjs", "--moduleResolution", "node", "--target", "ES2020", "--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--types", "node"];
  execFileSync(process.execPath, [tsc, ...flags, path.join(__dirname, "measure.ts")], { stdio: "inherit" });
  return { script: path.join(outDir, "bench", "measure.js"), env: { ...process.env, NODE_PATH: path.join(root, "node_modules") } };
}

const compiled = compileMeasure();

/** One measurement; a crash (the floor running out of heap, say) is recorded, not fatal. */
function measure(what: string, size: number): Measured {
  try {
    const output = execFileSync(process.execPath, ["--expose-gc", compiled.script, what, String(size)], { encoding: "utf8", maxBuffer: 1 << 20, env: compiled.env, stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(output) as Measured;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    const crashed = /heap out of memory/i.test(stderr) ? "ran out of memory (V8 heap)" : stderr.trim().split("\n").slice(-1)[0];
    process.stderr.write(`${what} ${size}: ${crashed}\n`);
    return { ms: NaN, peakMB: NaN, crashed };
  }
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

const runs = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

/**
 * What the task pane sends to Excel and gets back (issue 9): a new budget rendered into an empty
 * workbook (two reads, the writes, the switch), and up to PANE_UP_TO the pane's rebuild with its
 * read-back measured on the in-memory host; the read-back's size is also computed from the
 * description's values at every size. Bytes are UTF-8, as they travel.
 */
async function officeFigures(practices: number) {
  const started = Date.now();
  const { host } = await renderAtScale(practices);
  const renderMs = Date.now() - started;
  const pane = practices <= PANE_UP_TO ? await paneAtScale(practices) : null;
  return {
    syncs: host.syncs.length,
    totalRequestBytes: host.totalRequestBytes,
    largestRequestBytes: host.largestRequestBytes,
    renderMs,
    rebuild: pane && {
      syncs: pane.rebuilt.length,
      totalRequestBytes: pane.rebuilt.reduce((n, s) => n + s.bytes, 0),
      largestResponseBytes: Math.max(...pane.rebuilt.map((s) => s.responseBytes)),
    },
    readBackBytes: readBackBytes(describeWorkbook(scaleInput(practices))),
  };
}

async function main(): Promise<void> {
  const evals = evalsPerSecond();
  const sizes = [];
  for (const practices of SIZES.filter((n) => n <= UP_TO)) {
    const describe = runs(RUNS, () => measure("describe", practices));
    const exported = runs(RUNS, () => measure("export", practices));
    const floor = runs(RUNS, () => measure("floor", practices));
    const office = practices <= OFFICE_UP_TO ? await officeFigures(practices) : null;
    const row = {
      practices,
      years: YEARS,
      syncs: office?.syncs ?? null,
      largestRequestBytes: office?.largestRequestBytes ?? null,
      totalRequestBytes: office?.totalRequestBytes ?? null,
      office,
      describeMs: spread(describe.map((m) => m.ms)).median,
      describeHeldMB: spread(describe.map((m) => m.peakMB)).median,
      exportMs: spread(exported.map((m) => m.ms)).median,
      exportPeakMB: spread(exported.map((m) => m.peakMB)).median,
      processBaseMB: spread(exported.map((m) => m.baseMB ?? 0)).median,
      fileMB: exported[0].fileMB,
      floorMs: spread(floor.map((m) => m.ms)).median,
      floorPeakMB: spread(floor.map((m) => m.peakMB)).median,
      crashed: [...exported, ...floor].find((m) => m.crashed)?.crashed ?? null,
      spread: {
        describeMs: spread(describe.map((m) => m.ms)),
        exportMs: spread(exported.map((m) => m.ms)),
        exportPeakMB: spread(exported.map((m) => m.peakMB)),
        floorMs: spread(floor.map((m) => m.ms)),
        floorPeakMB: spread(floor.map((m) => m.peakMB)),
      },
    };
    sizes.push(row);
    process.stderr.write(`measured ${practices} practices\n`);
  }
  const huge = HUGE <= UP_TO ? { practices: HUGE, years: YEARS, runs: 1, ...measure("export", HUGE) } : null;
  if (huge) process.stderr.write(`measured ${HUGE} practices\n`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.versions.node}`;
  const resultsFile = path.join(__dirname, "results.json");
  // The figures of the run before, shown beside the new ones.
  const previous = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, "utf8")) as { sizes?: { practices: number; syncs?: number; totalRequestBytes?: number }[] }) : null;
  const results = { machine, runs: RUNS, evalsPerSecond: evals.median, evalsPerSecondSpread: evals, sizes, huge };
  if (huge) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");

  const mb = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / MB).toFixed(2)} MB`);
  const range = (s: Spread, unit: string) => (Number.isNaN(s.median) ? "—" : `${s.median} ${unit} (${s.min}–${s.max})`);
  const lines = [
    `Machine: ${machine}; median of ${RUNS} runs (min–max)`,
    `POH_COMPENSATION through the registered custom function: ${evals.median.toLocaleString("en")} evaluations/s (${evals.min.toLocaleString("en")}–${evals.max.toLocaleString("en")})`,
    "",
    "| practices × years | build: syncs | requests in all | largest request | render on the host | rebuild: syncs | requests | largest response (measured) | read-back (computed) | before (issue 8): syncs, requests |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...sizes
      .filter((s) => s.office)
      .map((s) => {
        const o = s.office!;
        const was = previous?.sizes?.find((p) => p.practices === s.practices);
        return `| ${s.practices} × ${s.years} | ${o.syncs} | ${mb(o.totalRequestBytes)} | ${mb(o.largestRequestBytes)} | ${o.renderMs} ms | ${o.rebuild?.syncs ?? "—"} | ${mb(o.rebuild?.totalRequestBytes ?? null)} | ${mb(o.rebuild?.largestResponseBytes ?? null)} | ${mb(o.readBackBytes)} | ${was?.syncs ? `${was.syncs}, ${mb(was.totalRequestBytes ?? null)}` : "—"} |`;
      }),
    "",
    "| practices × years | describe | describe holds | export .xlsx (describe + write) | export peak RSS | floor (ExcelJS, no logic) | floor peak RSS | export / floor |",
    "|---|---|---|---|---|---|---|---|",
    ...sizes.map(
      (s) =>
        `| ${s.practices} × ${s.years} | ${range(s.spread.describeMs, "ms")} | ${s.describeHeldMB} MB | ${range(s.spread.exportMs, "ms")} | ${range(s.spread.exportPeakMB, "MB")} | ${range(s.spread.floorMs, "ms")} | ${Number.isNaN(s.floorPeakMB) ? "—" : `${s.floorPeakMB} MB`} | ${Number.isNaN(s.floorMs) ? "—" : `${(s.exportMs / s.floorMs).toFixed(2)}×`} |`,
    ),
    "",
    !huge
      ? `Sizes up to ${UP_TO} only (BENCH_UP_TO); bench/results.json unchanged`
      : huge.refused
      ? `${HUGE} × ${YEARS}: refused up front: ${huge.refused}`
      : huge.crashed
        ? `${HUGE} × ${YEARS}: crashed: ${huge.crashed}`
        : `${HUGE} × ${YEARS} (one run, export only): ${huge.ms} ms, peak RSS ${huge.peakMB} MB, file ${huge.fileMB} MB`,
    ...sizes.filter((s) => s.crashed).map((s) => `${s.practices} × ${s.years}: a run ${s.crashed}`),
  ];
  console.log(lines.join("\n"));
}

void main();
