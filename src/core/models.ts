import { MODELS, type Model } from "./types";

/** Names a person may type for each model (VPG ch. 6), Dutch and English, lower case. */
const MODEL_NAMES: Record<Model, readonly string[]> = {
  basis: ["basis", "basis huisartsenzorg", "basic", "basic gp care"],
  aanvullend: ["aanvullend", "aanvullende huisartsenzorg", "additional", "supplementary", "additional gp care"],
  extra: ["extra", "extra jeugdhulp", "extra youth care"],
};

/** The display name of each model, as the drop-down in the Praktijken sheet offers them. */
export const MODEL_LABELS: Record<Model, string> = { basis: "Basis", aanvullend: "Aanvullend", extra: "Extra" };

/**
 * Recognises a model name in any case, Dutch or English.
 *
 * @example
 * parseModel(" Aanvullende huisartsenzorg ") // "aanvullend"
 */
export function parseModel(text: string): Model | null {
  return MODEL_BY_NAME.get(text) ?? MODEL_BY_NAME.get(text.trim().toLowerCase().replace(/\s+/g, " ")) ?? null;
}

const MODEL_BY_NAME = new Map<string, Model>(MODELS.flatMap((m) => MODEL_NAMES[m].map((name) => [name, m] as const)));
