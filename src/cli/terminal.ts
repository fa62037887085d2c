/**
 * What the command prints of its input: shortened, with control and escape characters made
 * visible, so that a header or a name can neither flood nor take over the terminal.
 */
import type { MessageParams } from "../core/messages";

/** At most this many characters of one input value are echoed. */
export const MAX_ECHO = 80;

// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A line with every control character shown as an escape (`\x1B`, `\u202E`); tabs and
 * line breaks of the line itself stay.
 *
 * @example
 * visible("Rij 2: \u001b[2J") // "Rij 2: \\x1B[2J"
 */
export function visible(line: string): string {
  return line.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/**
 * A value shortened to MAX_ECHO characters, its line breaks and tabs made visible too.
 *
 * @example
 * echoed("x".repeat(100)) // 79 x's, then "… (100)"
 */
export function echoed(value: string | number): string | number {
  if (typeof value === "number") return value;
  const oneLine = visible(value).replace(/\t/g, "\\t").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
  return oneLine.length > MAX_ECHO ? `${oneLine.slice(0, MAX_ECHO - 1)}… (${value.length})` : oneLine;
}

/**
 * Message parameters with every value as `echoed` gives it; those named in `whole` (a path:
 * cut short it would hide which file is meant) are only made visible.
 *
 * @example
 * echoedParams({ value: "a\nb" }) // { value: "a\\nb" }
 */
export function echoedParams(params: MessageParams, whole: readonly string[] = []): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, whole.includes(k) ? visible(String(v)) : echoed(v)]));
}
