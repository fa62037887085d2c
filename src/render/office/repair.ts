/**
 * What a build does after a failure at any operation of any batch (./switch): it reads the
 * workbook back, repairs towards the old budget when the switch had not committed and towards
 * the new one when it had, and reads the workbook back again to say what is there now. The
 * pane reports that read-back, never an assumed outcome; a repair that fails itself is
 * reported as such, with whatever a last read-back shows.
 */
import type { WorkbookDescription } from "../../workbook/types";
import { restoreProtection, type ProtectedSheet } from "./protection";
import { REGISTRY_KEY } from "./registry";
import { findName, isTransient, PROBE_PREFIX, queueFinish, type SwitchLayout } from "./switch";

/** What a read-back found, in the terms the pane reports. */
export interface SwitchOutcome {
  /** old: the workbook as before the build; new: the new budget complete; partial: neither; unknown: no read-back. */
  state: "old" | "new" | "partial" | "unknown";
  /** Whether the registry names the new budget. */
  committed?: boolean;
  /** Temporary sheets, backups or sheets of the old budget still there that should not be. */
  leftovers: string[];
  missing: string[];
  unprotected: string[];
  /** Sheets of the budget that is in place (old or new). */
  sheets: number;
  /** The repair's own failure. */
  repairError?: unknown;
}

interface ReadBack {
  items: Excel.Worksheet[];
  sheets: { name: string; protected: boolean }[];
  names: { name: string; formula: string }[];
  registryValue: unknown;
}

const lower = (name: string) => name.toLowerCase();
const probesIn = (now: ReadBack) => now.names.filter((n) => n.name.startsWith(PROBE_PREFIX)).map((n) => n.name);

function queueReadBack(context: Excel.RequestContext): () => ReadBack {
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  const names = context.workbook.names.load("items/name,items/formula");
  const setting = context.workbook.settings.getItemOrNullObject(REGISTRY_KEY).load("value");
  return () => ({
    items: sheets.items,
    sheets: sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    registryValue: setting.isNullObject ? undefined : setting.value,
  });
}

async function readBack(context: Excel.RequestContext): Promise<ReadBack> {
  const read = queueReadBack(context);
  await context.sync();
  return read();
}

/**
 * Back to the old budget: rows the build inserted go again (where the probe moved: references
 * below them move back up), the sheets rebuilt in place get their cells back from the backups
 * (only once the switch was sent: before that their cells were never written), names point
 * where they pointed, every sheet and probe the build added goes, and the protection it lifted
 * is put back.
 */
function queueRollback(context: Excel.RequestContext, description: WorkbookDescription, layout: SwitchLayout, now: ReadBack, switchSent: boolean, lifted: readonly ProtectedSheet[]): void {
  const worksheets = context.workbook.worksheets;
  const has = (name: string) => now.sheets.some((s) => lower(s.name) === lower(name));
  layout.growth.forEach((growth, i) => {
    const target = layout.targets[i];
    const probe = growth && findName(now.names, growth.probe);
    // The probe is on the first row below the data block: one insert further down means it happened.
    if (growth && target !== null && has(target) && probe && /\$A\$(\d+)$/.exec(probe.formula)?.[1] === String(growth.at + growth.count)) {
      worksheets.getItem(target).getRange(`${growth.at}:${growth.at + growth.count - 1}`).delete("Up");
    }
  });
  if (switchSent) {
    layout.targets.forEach((target, i) => {
      const backup = layout.backups[i];
      if (target !== null && backup !== null && has(target) && has(backup)) worksheets.getItem(target).getRange().copyFrom(worksheets.getItem(backup).getRange(), "All");
    });
  }
  for (const { name } of description.names) {
    const old = findName(layout.oldNames, name);
    const current = findName(now.names, name);
    if (old && current && current.formula !== old.formula) context.workbook.names.getItem(current.name).formula = old.formula;
    else if (!old && current) context.workbook.names.getItem(current.name).delete();
  }
  for (const probe of probesIn(now)) context.workbook.names.getItem(probe).delete();
  const before = new Set(layout.oldSheets.map(lower));
  for (const sheet of now.sheets) if (isTransient(sheet.name) || !before.has(lower(sheet.name))) worksheets.getItem(sheet.name).delete();
  restoreProtection(now.items, lifted);
}

/** What a read-back shows, against the old workbook and the new budget. */
function classify(now: ReadBack, layout: SwitchLayout, lifted: readonly ProtectedSheet[]): SwitchOutcome {
  const present = new Map(now.sheets.map((s) => [lower(s.name), s]));
  const transient = [...now.sheets.filter((s) => isTransient(s.name)).map((s) => s.name), ...probesIn(now)];
  if (now.registryValue === layout.registryJson) {
    const leftovers = [...transient, ...layout.obsolete.filter((n) => present.has(lower(n)))];
    const missing = layout.finalNames.filter((n) => !present.has(lower(n)));
    const unprotected = layout.finalNames.filter((n) => present.get(lower(n))?.protected === false);
    const complete = leftovers.length + missing.length + unprotected.length === 0;
    return { state: complete ? "new" : "partial", committed: true, leftovers, missing, unprotected, sheets: layout.finalNames.length };
  }
  const before = new Set(layout.oldSheets.map(lower));
  const leftovers = [...transient, ...now.sheets.filter((s) => !isTransient(s.name) && !before.has(lower(s.name))).map((s) => s.name)];
  const missing = layout.oldSheets.filter((n) => !isTransient(n) && !present.has(lower(n)));
  const unprotected = lifted.filter((l) => present.get(lower(l.name))?.protected === false).map((l) => l.name);
  const same = leftovers.length + missing.length + unprotected.length === 0 && now.registryValue === layout.oldRegistryValue;
  return { state: same ? "old" : "partial", committed: false, leftovers, missing, unprotected, sheets: layout.oldSheets.filter((n) => !isTransient(n)).length };
}

/**
 * Repairs after a failure and says what is there now. `switchSent`: the switch batch was sent
 * (its first operations may have been applied). Never throws.
 */
export async function repairAfterFailure(
  context: Excel.RequestContext,
  description: WorkbookDescription,
  layout: SwitchLayout,
  switchSent: boolean,
  lifted: readonly ProtectedSheet[],
): Promise<SwitchOutcome> {
  try {
    const now = await readBack(context);
    if (now.registryValue === layout.registryJson) {
      // Committed: finish the new budget. The charts of the sheets rebuilt in place are read
      // first; whatever of them is there now is replaced.
      const has = (name: string) => now.sheets.some((s) => lower(s.name) === lower(name));
      const charts = layout.targets.map((target) => (target !== null && has(target) ? context.workbook.worksheets.getItem(target).charts.load("items/name") : null));
      await context.sync();
      queueFinish(context, description, layout, { sheets: now.sheets, probes: probesIn(now), charts: charts.map((c) => c?.items ?? null) });
    } else {
      queueRollback(context, description, layout, now, switchSent, lifted);
    }
    const verify = queueReadBack(context);
    await context.sync();
    return classify(verify(), layout, lifted);
  } catch (repairError) {
    try {
      return { ...classify(await readBack(context), layout, lifted), repairError };
    } catch {
      return { state: "unknown", leftovers: [], missing: [], unprotected: [], sheets: 0, repairError };
    }
  }
}
