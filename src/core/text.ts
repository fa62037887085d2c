/**
 * Text as a workbook can hold it: XML 1.0 (the .xlsx format) cannot carry C0 control characters
 * other than tab, line feed and carriage return, nor U+FFFE, U+FFFF or a lone surrogate, and an
 * Excel cell holds at most 32,767 characters.
 */

/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/** C0 controls except tab, LF and CR; U+FFFE and U+FFFF; a surrogate without its pair. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/**
 * The text without the characters XML 1.0 cannot carry, and how many were removed.
 *
 * @example
 * xmlSafeText("De\uFFFE Linde\u0001") // { text: "De Linde", removed: 2 }
 */
export function xmlSafeText(text: string): { text: string; removed: number } {
  let removed = 0;
  const safe = text.replace(NOT_XML, () => {
    removed++;
    return "";
  });
  return { text: safe, removed };
}

/**
 * Whether the text holds nothing XML 1.0 cannot carry.
 *
 * @example
 * isXmlSafe("a\tb") // true
 * isXmlSafe("a\u001bb") // false
 */
export function isXmlSafe(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return !found;
}

/**
 * Text a cell can hold: XML-safe and cut at 32,767 characters (never between the halves of a
 * surrogate pair).
 *
 * @example
 * cellText("x".repeat(40_000)).length // 32767
 */
export function cellText(text: string): string {
  const safe = xmlSafeText(text).text;
  if (safe.length <= MAX_CELL_TEXT) return safe;
  const cut = /[\uD800-\uDBFF]/.test(safe[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return safe.slice(0, cut);
}


/**
 * The length of a text in UTF-8 bytes, as it goes over the wire (Excel's request limit is in
 * bytes), counted without encoding it. A lone surrogate counts as U+FFFD, 3 bytes.
 * @example utf8Bytes("€ 1") // 5
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
