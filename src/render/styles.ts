import type { StyleName } from "../workbook/types";

/** How each style of the description looks; shared by the Office.js and .xlsx renderers. Colours are RGB hex. */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
  wrap?: boolean;
  /** Row height in points for the rows this style covers. */
  rowHeight?: number;
}

/**
 * The font of every cell in the .xlsx: the Office default (Calibri, body text at 11 points).
 * A font left unnamed falls back, in LibreOffice, to a serif for every styled cell.
 */
export const FONT = { name: "Calibri", size: 11, family: 2 } as const;

export const STYLE_LOOKS: Record<StyleName, StyleLook> = {
  title: { bold: true, size: 14, color: "0F6E6E" },
  subtitle: { bold: true },
  // Its rows get the height their wrapped headers need (SheetDescription.rowHeights).
  header: { bold: true, fill: "D9EEEE", borderBottom: true, wrap: true },
  total: { bold: true, borderTop: true },
  input: { fill: "FFF7D6" },
  note: { italic: true, color: "595959" },
  ok: { fill: "C6EFCE", color: "006100" },
  bad: { fill: "FFC7CE", color: "9C0006" },
  wrap: { wrap: true },
};
