import type { Practice } from "./types";

/** An AGB code is 8 digits (Vektis); GP codes start with 01. */
export const AGB_PATTERN = /^\d{8}$/;

export type AgbStatus = "OK" | "AGB-code ontbreekt" | "AGB-code is geen 8 cijfers" | "Dubbele AGB-code";

/**
 * The Controle column of the Praktijken sheet, computed as its formula does.
 *
 * @example
 * agbStatuses([{ agb: "01000001" }, { agb: "01000001" }]) // ["Dubbele AGB-code", "Dubbele AGB-code"]
 */
export function agbStatuses(practices: readonly Pick<Practice, "agb">[]): AgbStatus[] {
  const counts = new Map<string, number>();
  for (const p of practices) counts.set(p.agb, (counts.get(p.agb) ?? 0) + 1);
  return practices.map(({ agb }) => {
    if (agb === "") return "AGB-code ontbreekt";
    if (!AGB_PATTERN.test(agb)) return "AGB-code is geen 8 cijfers";
    return (counts.get(agb) ?? 0) > 1 ? "Dubbele AGB-code" : "OK";
  });
}
