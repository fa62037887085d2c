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
      // CustomFunctions.Error is how a function returns #VALUE! with a message; Excel wants this
      // class, which is no subclass of Error.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, text);
    }
    throw error;
  }
}
