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

export const STYLE_LOOKS: Record<StyleName, StyleLook> = {
  title: { bold: true, size: 14, color: "0F6E6E" },
  subtitle: { bold: true },
  header: { bold: true, fill: "D9EEEE", borderBottom: true, wrap: true, rowHeight: 45 },
  total: { bold: true, borderTop: true },
  input: { fill: "FFF7D6" },
  note: { italic: true, color: "595959" },
  ok: { fill: "C6EFCE", color: "006100" },
  bad: { fill: "FFC7CE", color: "9C0006" },
};
