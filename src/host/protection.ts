/**
 * Worksheet protection in the in-memory host, with Excel's rules: every cell starts locked,
 * and on a protected sheet a write to a locked cell, or any formatting the protection does
 * not allow, is refused with AccessDenied — the whole write, before any cell changes. Like
 * current Excel, protecting a protected sheet or unprotecting an unprotected one is refused
 * too, and a sheet protected with a password stays protected without it.
 */
import { parseRange } from "../workbook/a1";
import { HostError, type MemorySheet } from "./state";

export interface MemoryProtection {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** The password it was protected with; null for none. */
  password: string | null;
}

/** A `locked` set on a range; the last entry covering a cell decides (cells start locked). */
export interface LockEntry {
  top: number;
  left: number;
  bottom: number;
  right: number;
  locked: boolean;
}

/** What a write on a protected sheet needs: unlocked cells, or a permission of the protection. */
export type Change = "cells" | "formatCells" | "formatColumns" | "formatRows" | "locked" | "validation" | "objects";

const PERMISSION: Partial<Record<Change, keyof Excel.WorksheetProtectionOptions>> = {
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  objects: "allowEditObjects",
};

export const unprotected = (): MemoryProtection => ({ protected: false, options: {}, password: null });

export function isLocked(sheet: MemorySheet, row: number, col: number): boolean {
  for (let i = sheet.locks.length - 1; i >= 0; i--) {
    const e = sheet.locks[i];
    if (row >= e.top && row <= e.bottom && col >= e.left && col <= e.right) return e.locked;
  }
  return true;
}

function accessDenied(sheet: MemorySheet, address: string): HostError {
  return new HostError("AccessDenied", `The cell or chart you're trying to change (${sheet.name}!${address}) is on a protected sheet. To make a change, unprotect the sheet.`);
}

/** Throws AccessDenied when the sheet's protection refuses `change` at `address`. */
export function checkWritable(sheet: MemorySheet, address: string, change: Change): void {
  if (!sheet.protection.protected) return;
  const permission = PERMISSION[change];
  if (permission) {
    if (!sheet.protection.options[permission]) throw accessDenied(sheet, address);
    return;
  }
  if (change !== "cells") throw accessDenied(sheet, address);
  const { top, left, bottom, right } = parseRange(address);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (isLocked(sheet, r, c)) throw accessDenied(sheet, address);
}
