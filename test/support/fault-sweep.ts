/**
 * The fault sweep of issue 9.1: one build tried again with a failure at every operation of
 * every batch of its clean run (the in-memory host's failAtOperation), each from a fork of the
 * same workbook. Every trial must end with the old workbook or the new one, and the pane must
 * say which. Small budgets keep it quick: every trial is a whole build, and the switch depends
 * on the sheets, not on the number of practices.
 */
import { isDeepStrictEqual } from "util";
import { MemoryExcel } from "../../src/host/memory-excel";
import type { BuildOutcome, BuildRequest } from "../../src/taskpane/pipeline";
import { buildOn, typeInto } from "./memory";

export const NEW_BUDGET: BuildRequest = { mode: "new", budget: { schemeId: "flevoland", budgetYear: 2026, years: 2, hourlyCost: "52.50", withSample: false } };
export const TWO_PRACTICES = "praktijk;agb;patienten\nDe Linde;01012345;2350\nHet Anker;01023456;4100\n";

const OLD_TEXT = /^De begroting kon niet worden opgebouwd \(stap: [a-z ]+\)\. Melding van Excel: “.+”\. (Er is nog niets geschreven|Nagelezen: de werkmap is zoals hij was vóór het opbouwen)\.$/;
const NEW_TEXT = /^De begroting kon niet worden opgebouwd \(stap: [a-z ]+\)\. Melding van Excel: “.+”\. Nagelezen: de nieuwe begroting staat er toch volledig in \(\d+ bladen\); de fout kwam bij het afronden, en dat is opnieuw gedaan\.$/;

export const textOf = (outcome: BuildOutcome) => (outcome.kind === "failed" ? outcome.text : JSON.stringify(outcome));

/** A built budget of two practices, protected, with a payment typed on Uitbetalingen. */
export async function builtBudget(): Promise<MemoryExcel> {
  const host = new MemoryExcel({ calculate: false });
  expect(await buildOn(host, NEW_BUDGET)).toMatchObject({ kind: "built" });
  expect(await buildOn(host, { mode: "import", csv: TWO_PRACTICES }, { confirmed: true })).toMatchObject({ kind: "built" });
  await typeInto(host, "Uitbetalingen", "F5:J5", [["F-1", 46100, 1000, 1000, 46150]]);
  return host;
}

export const emptyWorkbook = async () => new MemoryExcel({ calculate: false });

/** The clean run from `base`: the workbook after it, and the operations of each of its batches. */
export async function cleanRun(base: MemoryExcel, request: BuildRequest) {
  const host = base.fork();
  expect(await buildOn(host, request, { confirmed: true })).toMatchObject({ kind: "built" });
  return { after: host.snapshot(), batches: host.syncs.map((s) => s.operations) };
}

/** Sweeps the fault over every operation of every batch; returns how many fault points it tried and how they ended. */
export async function sweep(setup: () => Promise<MemoryExcel>, request: BuildRequest): Promise<{ tried: number; old: number; new: number }> {
  const base = await setup();
  const before = base.snapshot();
  const { after, batches } = await cleanRun(base, request);
  expect(isDeepStrictEqual(before, after)).toBe(false);
  const ended = { old: 0, new: 0 };
  for (let sync = 1; sync <= batches.length; sync++) {
    for (let operation = 1; operation <= batches[sync - 1]; operation++) {
      const host = base.fork();
      host.failAtOperation = { sync, operation };
      const outcome = await buildOn(host, request, { confirmed: true });
      const now = host.snapshot();
      const state = isDeepStrictEqual(now, before) ? "old" : isDeepStrictEqual(now, after) ? "new" : "between";
      expect([sync, operation, state]).toEqual([sync, operation, expect.stringMatching(/^(old|new)$/)]);
      // A failure the build itself read back and got past (lifting the protection) ends built.
      if (outcome.kind === "built") expect([sync, operation, state]).toEqual([sync, operation, "new"]);
      else expect([sync, operation, textOf(outcome)]).toEqual([sync, operation, expect.stringMatching(state === "old" ? OLD_TEXT : NEW_TEXT)]);
      ended[state as "old" | "new"]++;
    }
  }
  const tried = ended.old + ended.new;
  expect(tried).toBe(batches.reduce((n, k) => n + k, 0));
  return { tried, ...ended };
}

/** Prints the sweep's count, as issue 9 asks. */
export function report(title: string, counts: Record<string, number>): void {
  const total = Object.values(counts).reduce((n, k) => n + k, 0);
  console.log(`fault sweep (${title}): ${total} fault points tried (${Object.entries(counts).map(([name, n]) => `${name}: ${n}`).join("; ")})`);
}
