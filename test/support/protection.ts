/** A person lifting or setting a sheet's protection in the in-memory host (Review > Unprotect Sheet). */
import type { MemoryExcel } from "../../src/host/memory-excel";
import { isLocked } from "../../src/host/protection";
import { parseCell } from "../../src/workbook/a1";

/** Unprotects a sheet as a person would before overwriting a computed cell. */
export async function unprotectSheet(host: MemoryExcel, sheet: string, password?: string): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).protection.unprotect(password);
    await context.sync();
  });
}

/** Protects a sheet as a person would, with a password when given. */
export async function protectSheet(host: MemoryExcel, sheet: string, password?: string, options: Excel.WorksheetProtectionOptions = {}): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).protection.protect(options, password);
    await context.sync();
  });
}

export function protectionOf(host: MemoryExcel, sheet: string) {
  const found = host.state.sheet(sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.protection;
}

export function lockedAt(host: MemoryExcel, sheet: string, address: string): boolean {
  const { row, col } = parseCell(address);
  return isLocked(host.state.sheet(sheet)!, row, col);
}
