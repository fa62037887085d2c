import type { Dec } from "../core/decimal";
import { ArgumentError } from "../core/errors";
import { languageOf, message, type Language } from "../core/messages";
import { dutchParameterName } from "./dutch";

/** Office's display language inside Excel; Dutch where Office is not loaded. */
function displayLanguage(): Language {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return languageOf(office?.context?.displayLanguage ?? "nl-NL");
}

/**
 * Runs a function's body: the decimal result becomes a number at this edge only; an
 * ArgumentError becomes `#VALUE!` with a message in the user's language.
 */
export function evaluate(body: () => Dec, language?: Language): number {
  try {
    return body().toNumber();
  } catch (error) {
    if (error instanceof ArgumentError) {
      language ??= displayLanguage();
      const arg = language === "nl" ? dutchParameterName(error.params.arg) : error.params.arg;
      const text = message(language, error.key, { ...error.params, arg });
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, text);
    }
    throw error;
  }
}
