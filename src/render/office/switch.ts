/**
 * The final switch of a build: the new budget, built on temporary sheets, takes the place of
 * the old one. Office.js batches are not transactional (the operations before a failing one
 * are applied, later ones are not), so the switch is ordered around one commit, the write of
 * the registry setting that names the new sheets:
 *
 * 1. Before it, in the first write batch: a backup of every existing generated sheet's cells
 *    (`~poh oud N`, Range.copyFrom "All"); then, where the new budget has more data rows (a
 *    practice more, a year more), as many rows inserted below the old ones, so that Excel moves
 *    every reference to a total below them along; the new cells are written after that.
 * 2. Before it, in the switch batch: every change can be undone. An existing generated sheet
 *    gets the new cells copied in; it stays the same sheet, so formulas, names and charts
 *    elsewhere that point at it keep pointing at it (a deleted sheet would leave #REF!, a
 *    renamed one would take them along). A sheet that is new is renamed into place. Names
 *    are pointed at the new ranges.
 * 3. The commit.
 * 4. After it, only what can be done again until it holds: the sheet-level formatting and the
 *    charts of the sheets rebuilt in place, deleting the temporary sheets, the backups and the
 *    generated sheets the new budget no longer has, protecting, ordering, calculating.
 *
 * A failure before the commit is repaired back to the old budget, one after it forward to the
 * new one (./repair), each from a read-back of the workbook.
 */
import { sheetRef } from "../../workbook/a1";
import type { WorkbookDescription } from "../../workbook/types";
import { formatSheet } from "./format";
import { TEMP_PREFIX } from "./plan";
import { officeProtection } from "./protection";
import { dataBlock, REGISTRY_KEY, registryOf } from "./registry";
import type { WorkbookState } from "./render";

export const BACKUP_PREFIX = "~poh oud ";
/** Defined names a build adds for the time it runs, one per sheet that gets rows inserted. */
export const PROBE_PREFIX = "_poh_rij_";

/** Rows inserted into an existing sheet at `at` (the first row below its old data block); `probe` names that row. */
export interface Growth {
  at: number;
  count: number;
  probe: string;
}

/** A sheet only a build makes and removes again: a temporary sheet or a backup. */
export const isTransient = (name: string): boolean => name.startsWith(TEMP_PREFIX) || name.startsWith(BACKUP_PREFIX);

const lower = (name: string) => name.toLowerCase();

export interface SwitchLayout {
  /** The sheets of the new budget, in order, and the temporary sheets they are built on. */
  finalNames: string[];
  temps: string[];
  /** Per new sheet: the existing generated sheet it is rebuilt into (as spelled now), or null when it is new. */
  targets: (string | null)[];
  /** Per new sheet rebuilt in place: the name of its backup. */
  backups: (string | null)[];
  /** Per new sheet rebuilt in place: the rows to insert first, or null. */
  growth: (Growth | null)[];
  /** Generated sheets of the old budget the new one has not: deleted after the commit. */
  obsolete: string[];
  /** The registry setting's new value: its presence on a read-back means the switch committed. */
  registryJson: string;
  /** The workbook before the build. */
  oldSheets: string[];
  oldNames: { name: string; formula: string }[];
  oldRegistryValue: unknown;
}

export function switchLayout(description: WorkbookDescription, state: WorkbookState, temps: string[]): SwitchLayout {
  const present = new Map(state.sheetNames.map((n) => [lower(n), n]));
  const registered = (state.registry?.sheets ?? []).map((s) => lower(s.name));
  const finalNames = description.sheets.map((s) => s.name);
  const finals = new Set(finalNames.map(lower));
  const targets = finalNames.map((n) => (registered.includes(lower(n)) ? (present.get(lower(n)) ?? null) : null));
  const oldRows = new Map((state.registry?.sheets ?? []).map((s) => [lower(s.name), s.rows]));
  const growth = description.sheets.map((sheet, i): Growth | null => {
    const old = targets[i] === null ? undefined : oldRows.get(lower(sheet.name));
    const now = dataBlock(sheet);
    // The registry is read from the workbook: only whole numbers in range are taken.
    if (!old || !Number.isSafeInteger(old.first) || !Number.isSafeInteger(old.count) || old.first !== now.first || old.count < 0 || now.count <= old.count || now.first + now.count > 1_048_576) return null;
    return { at: old.first + old.count, count: now.count - old.count, probe: `${PROBE_PREFIX}${i + 1}` };
  });
  return {
    finalNames,
    temps,
    targets,
    backups: targets.map((t, i) => (t === null ? null : `${BACKUP_PREFIX}${i + 1}`)),
    growth,
    obsolete: [...new Set(registered.filter((n) => present.has(n) && !finals.has(n)).map((n) => present.get(n)!))],
    // Numbered: the commit must be visible on a read-back even when the sheets stay the same.
    registryJson: JSON.stringify(registryOf(description, (Number.isSafeInteger(state.registry?.build) ? state.registry!.build! : 0) + 1)),
    oldSheets: state.sheetNames,
    oldNames: Object.entries(state.nameFormulas ?? {}).map(([name, formula]) => ({ name, formula })),
    oldRegistryValue: state.registryValue,
  };
}

export const findName = <T extends { name: string }>(list: readonly T[], name: string): T | undefined => list.find((n) => lower(n.name) === lower(name));

/**
 * Queued in the first write batch, before any new cell: the probes of an interrupted build go,
 * every sheet to be rebuilt in place gets its backup and, where the new budget has more data
 * rows, the rows inserted (with a probe name on the first row below them: Excel moves the name
 * with the rows, so a read-back shows whether the insert happened). Returns the charts of
 * those sheets, loaded to be replaced after the commit.
 */
export function queuePrepare(context: Excel.RequestContext, layout: SwitchLayout, leftoverProbes: readonly string[]): (Excel.ChartCollection | null)[] {
  const workbook = context.workbook;
  for (const name of leftoverProbes) workbook.names.getItem(name).delete();
  return layout.targets.map((target, i) => {
    if (target === null) return null;
    const existing = workbook.worksheets.getItem(target);
    workbook.worksheets.add(layout.backups[i]!).getRange().copyFrom(existing.getRange(), "All");
    const growth = layout.growth[i];
    if (growth) {
      workbook.names.add(growth.probe, `=${sheetRef(target)}$A$${growth.at}`);
      existing.getRange(`${growth.at}:${growth.at + growth.count - 1}`).insert("Down");
    }
    return existing.charts.load("items/name");
  });
}

/** What the part after the commit needs to know of the workbook (expected, or read back). */
export interface FinishState {
  sheets: { name: string; protected: boolean }[];
  /** The probe names still there. */
  probes: string[];
  /** Per new sheet rebuilt in place: the charts it has now. */
  charts: (readonly Excel.Chart[] | null)[];
}

/** Queues the switch: the undoable part, the commit, and the part after it (one batch). */
export function queueSwitch(context: Excel.RequestContext, description: WorkbookDescription, layout: SwitchLayout, temps: Excel.Worksheet[], charts: (Excel.ChartCollection | null)[]): void {
  const workbook = context.workbook;
  // Once per build, as the documentation advises: repeated calls make the Excel window flicker.
  workbook.application.suspendScreenUpdatingUntilNextSync();
  description.sheets.forEach((sheet, i) => {
    const target = layout.targets[i];
    // "copyFrom replicates the Copy and Paste actions of the Excel UI": the cells are replaced, the sheet stays.
    if (target !== null) workbook.worksheets.getItem(target).getRange().copyFrom(temps[i].getRange(), "All");
    else temps[i].name = sheet.name;
  });
  for (const { name, ref } of description.names) {
    const old = findName(layout.oldNames, name);
    // A name a formula uses is pointed elsewhere, never deleted: a deleted name leaves #NAME?.
    if (!old) workbook.names.add(name, `=${ref}`);
    else if (old.formula !== `=${ref}`) workbook.names.getItem(old.name).formula = `=${ref}`;
  }
  workbook.settings.add(REGISTRY_KEY, layout.registryJson);
  // After the commit; the sheets as they will be by then: every generated sheet unprotected
  // (lifted before the build, or never protected), the temporary ones and backups still there.
  const sheets = [
    ...layout.oldSheets.filter((n) => !isTransient(n)).map((name) => ({ name, protected: false })),
    ...layout.targets.flatMap((target, i) => (target === null ? [] : [layout.temps[i], layout.backups[i]!])).map((name) => ({ name, protected: false })),
    ...layout.finalNames.filter((_, i) => layout.targets[i] === null).map((name) => ({ name, protected: false })),
  ];
  const probes = layout.growth.flatMap((g) => (g ? [g.probe] : []));
  queueFinish(context, description, layout, { sheets, probes, charts: charts.map((c) => c?.items ?? null) });
}

/** The part after the commit; each step may be queued again on a read-back until it holds. */
export function queueFinish(context: Excel.RequestContext, description: WorkbookDescription, layout: SwitchLayout, now: FinishState): void {
  const worksheets = context.workbook.worksheets;
  const find = (name: string) => now.sheets.find((s) => lower(s.name) === lower(name));
  const isProtected = description.sheets.map((sheet, i) => (find(sheet.name) ?? find(layout.targets[i] ?? sheet.name))?.protected === true);
  const finals = description.sheets.map((sheet, i) => {
    const target = layout.targets[i];
    const worksheet = worksheets.getItem(target ?? sheet.name);
    if (target !== null) {
      // Done again after a failure that came after it protected the sheet: lift that first (no password).
      if (isProtected[i]) worksheet.protection.unprotect();
      isProtected[i] = false;
      if (target !== sheet.name) worksheet.name = sheet.name;
      for (const chart of now.charts[i] ?? []) chart.delete();
      formatSheet(worksheet, sheet);
    }
    return worksheet;
  });
  // Deleted only now that nothing of the new budget refers to them.
  const obsolete = new Set(layout.obsolete.map(lower));
  for (const sheet of now.sheets) if (isTransient(sheet.name) || obsolete.has(lower(sheet.name))) worksheets.getItem(sheet.name).delete();
  for (const probe of now.probes) context.workbook.names.getItem(probe).delete();
  finals.forEach((worksheet, i) => {
    if (!isProtected[i]) worksheet.protection.protect(officeProtection());
  });
  finals.forEach((worksheet, i) => {
    worksheet.position = i;
    // The write batches suspended API calculation; "it is the developer's responsibility to
    // re-calc the workbook": these sheets only, never the application's calculation mode.
    worksheet.calculate(true);
  });
  finals[Math.min(2, finals.length - 1)].activate();
}
