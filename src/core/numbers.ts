import { Dec } from "./decimal";

const NUMBER_TEXT = /^[+-]?(?=[.,]?\d)(\d+|\d{1,3}([.,\s]\d{3})+)?([.,]\d+)?$/;

/**
 * Reads a number typed by a person, Dutch or English: `4,5`, `4.5`, `1.234,56`, `1,234.56`,
 * `€ 52,50`. With one kind of separator it is the decimal separator. Returns the number as a
 * canonical decimal string, or null when the text is not a number.
 *
 * @example
 * parseDecimalText("1.234,56") // "1234.56"
 */
export function parseDecimalText(input: string): string | null {
  let text = input.trim().replace(/^€\s*/, "").replace(/\u00a0/g, " ");
  if (text === "" || !NUMBER_TEXT.test(text)) return null;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  const decimalSep = lastComma > lastDot ? "," : ".";
  const thousandsSep = decimalSep === "," ? "." : ",";
  if (lastComma >= 0 && lastDot >= 0) {
    text = text.split(thousandsSep).join("");
  } else if (text.indexOf(decimalSep) !== text.lastIndexOf(decimalSep)) {
    // "1.234.567": one kind of separator used more than once can only be thousands.
    text = text.split(decimalSep).join("");
  }
  text = text.replace(/\s/g, "").replace(",", ".");
  if (text.startsWith("+")) text = text.slice(1);
  if (text.startsWith(".") || text.startsWith("-.")) text = text.replace(".", "0.");
  return text;
}

/**
 * Reads a percentage typed by a person as a fraction: `75%`, `75` and `0,75` all give "0.75";
 * without a % sign a number above 1 is read as percent (`75` = 75%), one from 0 to 1 as a
 * fraction (`1` = 100%). Null when the text is not a number; the caller checks 0–1.
 *
 * @example
 * parsePercentText("75%") // "0.75"
 * parsePercentText("0,75") // "0.75"
 * parsePercentText("75") // "0.75"
 */
export function parsePercentText(input: string): string | null {
  const text = input.trim();
  const percent = text.endsWith("%");
  const number = parseDecimalText(percent ? text.slice(0, -1) : text);
  if (number === null) return null;
  const value = new Dec(number);
  return (percent || value.abs().gt(1) ? value.div(100) : value).toString();
}
