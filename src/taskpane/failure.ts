/**
 * What the pane says after a build failed: Excel's message, the repair's own failure if it
 * had one, and what the read-back of the workbook after the repair found. Never an assumed
 * outcome: "not changed" is said only when the read-back shows it.
 */
import { KeyedError } from "../core/errors";
import { message, type Language } from "../core/messages";
import type { SwitchOutcome } from "../render/office/render";

/** Excel's message, or what to do when Excel refused the batch because a cell is being edited. */
function detailOf(language: Language, error: unknown): string {
  if ((error as { code?: unknown } | null)?.code === "InvalidOperationInCellEditMode") return message(language, "cellEditMode");
  if (error instanceof KeyedError) return message(language, (error as KeyedError).key, (error as KeyedError).params);
  return error instanceof Error ? error.message : String(error);
}

export function outcomeText(language: Language, outcome: SwitchOutcome): string {
  switch (outcome.state) {
    case "old":
      return message(language, "buildOutcomeOld");
    case "new":
      return message(language, "buildOutcomeNew", { sheets: outcome.sheets });
    case "unknown":
      return message(language, "buildOutcomeUnknown");
    case "partial": {
      const what = [
        outcome.leftovers.length ? message(language, "buildOutcomeLeftovers", { names: outcome.leftovers.join(", ") }) : null,
        outcome.missing.length ? message(language, "buildOutcomeMissing", { names: outcome.missing.join(", ") }) : null,
        outcome.unprotected.length ? message(language, "buildOutcomeUnprotected", { names: outcome.unprotected.join(", ") }) : null,
      ].filter((part): part is string => part !== null);
      return message(language, "buildOutcomePartial", { what: what.join("; ") });
    }
  }
}

/**
 * @example
 * failureText("nl", "swapping", error, { state: "old", … })
 * // "De begroting kon niet worden opgebouwd (stap: nieuwe bladen plaatsen). Melding van Excel: “…”. Nagelezen: de werkmap is zoals hij was vóór het opbouwen."
 */
export function failureText(language: Language, stepName: string, cause: unknown, outcome: SwitchOutcome | null): string {
  const parts = [message(language, "buildFailed", { step: stepName, detail: detailOf(language, cause) })];
  if (outcome?.repairError !== undefined) parts.push(message(language, "cleanupFailed", { detail: detailOf(language, outcome.repairError) }));
  parts.push(outcome ? outcomeText(language, outcome) : message(language, "buildNothingWritten"));
  return parts.join(" ");
}
