/**
 * WCAG 2 contrast, so the pane can pick its accent colours for whatever background Office's
 * theme gives it (Office reports four colours and no accent; a mid-grey body like Dark Gray's
 * #6a6a6a leaves few colours readable on it).
 */

/** "#rrggbb" or "#rgb" (as Office reports them, any case) → [r, g, b] 0–255; null for anything else. */
export function parseHex(color: string | undefined): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance([r, g, b]: [number, number, number]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The AA threshold for normal text, which every text of the pane meets. */
export const MIN_CONTRAST = 4.5;

/**
 * The first candidate readable on every background, else black or white, whichever reads better.
 *
 * @example readableOn(["#0f6e6e", "#7fd8d8"], ["#262626"]) // "#7fd8d8"
 */
export function readableOn(candidates: string[], backgrounds: string[]): string {
  const bgs = backgrounds.map(parseHex).filter((c): c is [number, number, number] => c !== null);
  const worst = (color: string) => Math.min(...bgs.map((bg) => contrast(parseHex(color)!, bg)));
  const found = candidates.find((c) => worst(c) >= MIN_CONTRAST);
  if (found) return found;
  return worst("#000000") >= worst("#ffffff") ? "#000000" : "#ffffff";
}
