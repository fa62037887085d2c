/**
 * Which texts must be written with Excel's quote prefix (a leading apostrophe, which Excel
 * drops and which makes the cell text) so that Excel keeps them as the text they are.
 *
 * Excel reads text written into a cell as the user would have typed it: a formula (= + - @),
 * a number in the locale's notation ("4,5", "1.234,50", "€ 12", "50%", "1e3", " +0"), a date
 * or time ("1-3-2025", "2025-03-01", "1 mrt", "12:30", "9 PM"), TRUE/FALSE or WAAR/ONWAAR,
 * or an error literal (#N/A, #N/B). Which locale Excel uses for text sent through Office.js
 * is not settled (see src/host/parse-entry.ts), so the rule covers en-US and nl-NL at once,
 * and it is deliberately broader than any exact parser: a quote on text that would have
 * stayed text costs nothing (the value is the same text), a missing one corrupts the value
 * (the AGB code 01012345 would become the number 1012345) or runs a formula.
 *
 * The rule: quote when the text, without white space around it,
 * - starts with = + - @ ' or # (formula entry, the quote prefix itself, error literals), or
 * - is one of the boolean words, or
 * - holds a digit and no word other than those Excel reads inside a number, date or time
 *   (an exponent "e", AM/PM, a currency code, month names of either language).
 */

/** Words Excel can read as part of a number, date or time, in en-US or nl-NL (lower case). */
const NUMBER_WORDS = new Set([
  "e", "a", "p", "am", "pm", "eur", "usd",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
  "mrt", "okt",
]);

const BOOLEANS = new Set(["true", "false", "waar", "onwaar"]);

/**
 * Whether Excel could turn the text into something other than that text.
 *
 * @example
 * needsQuotePrefix("=HYPERLINK(\"x\")") // true
 * needsQuotePrefix("01012345") // true (an AGB code keeps its leading zero)
 * needsQuotePrefix(" +0") // true
 * needsQuotePrefix("1 mrt") // true
 * needsQuotePrefix("Huisartsenpraktijk De Linde 2") // false
 */
export function needsQuotePrefix(text: string): boolean {
  const trimmed = text.replace(/^\s+|\s+$/gu, "");
  if (trimmed === "") return false;
  if (/^[=+\-@'#]/.test(trimmed)) return true;
  if (BOOLEANS.has(trimmed.toLowerCase())) return true;
  if (!/\p{Nd}/u.test(trimmed)) return false;
  const words = trimmed.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.every((word) => NUMBER_WORDS.has(word));
}

/**
 * The entry the renderer writes for a text cell: the text, with the quote prefix where
 * Excel would otherwise read it as something else.
 *
 * @example
 * textEntry("50%") // "'50%"
 */
export function textEntry(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}
