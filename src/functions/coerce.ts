/**
 * Turns whatever Excel passes for an argument (number, text, boolean, null for an omitted
 * argument, "" for an empty cell) into a checked value, or throws an ArgumentError naming
 * the argument and the reason.
 */
import { Dec } from "../core/decimal";
import { ArgumentError } from "../core/errors";
import { parseModel } from "../core/models";
import { parseDecimalText } from "../core/numbers";
import type { Model } from "../core/types";

export interface NumberRule {
  /** Default for an omitted argument; without one the argument is required. */
  fallback?: string;
  /** Smallest allowed value, inclusive; `positive` excludes 0. */
  positive?: boolean;
  max: number;
  whole?: boolean;
}

function shown(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isOmitted(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** One cell's value as Excel passes it (undefined: an argument left off at the end). */
type Scalar = string | number | boolean | null | undefined;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === undefined;
}

/** The one value of an argument: a scalar, or the cell of a 1×1 range; anything else is refused. */
function single(value: unknown, arg: string): Scalar {
  const one: unknown = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
  if (!isScalar(one)) throw new ArgumentError("notASingleValue", { arg });
  return one;
}

/** The rule's checks, on facts about the value computed the cheap way for its type. */
function checkRule(arg: string, rule: NumberRule, value: unknown, is: { negative: boolean; zero: boolean; aboveMax: boolean; whole: boolean }): void {
  if (is.negative) throw new ArgumentError("negative", { arg, value: shown(value) });
  if (rule.positive && is.zero) throw new ArgumentError("notPositive", { arg, value: shown(value) });
  if (is.aboveMax) throw new ArgumentError("tooLarge", { arg, max: rule.max, value: shown(value) });
  if (rule.whole && !is.whole) throw new ArgumentError("notWhole", { arg, value: shown(value) });
}

/** A finite number as Excel passes it, checked with plain comparisons (the common case, kept cheap). */
function checkPlainNumber(value: number, arg: string, rule: NumberRule): void {
  checkRule(arg, rule, value, { negative: value < 0, zero: value === 0, aboveMax: value > rule.max, whole: Number.isInteger(value) });
}

/** @example numberArg("8,5", "weekly_hours", { max: 168 }).toString() // "8.5" */
export function numberArg(raw: unknown, arg: string, rule: NumberRule): Dec {
  const value = single(raw, arg);
  if (isOmitted(value)) {
    if (rule.fallback === undefined) throw new ArgumentError("required", { arg });
    return new Dec(rule.fallback);
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    checkPlainNumber(value, arg, rule);
    return new Dec(value);
  }
  const number = toDecimal(value, arg);
  checkRule(arg, rule, value, { negative: number.isNeg() && !number.isZero(), zero: number.isZero(), aboveMax: number.gt(rule.max), whole: number.isInteger() });
  return number;
}

/**
 * A count such as months, as a plain number: a number Excel passes goes straight through its
 * checks; anything else is read as numberArg reads it.
 *
 * @example
 * countArg(null, "months_active", { fallback: "12", max: 12, whole: true }) // 12
 */
export function countArg(raw: unknown, arg: string, rule: NumberRule): number {
  if (typeof raw === "number" && Number.isFinite(raw)) {
    checkPlainNumber(raw, arg, rule);
    return raw;
  }
  return numberArg(raw, arg, rule).toNumber();
}

function toDecimal(value: unknown, arg: string): Dec {
  if (typeof value === "boolean") throw new ArgumentError("notANumberBoolean", { arg });
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ArgumentError("notANumber", { arg, value: shown(value) });
    return new Dec(value);
  }
  const text = parseDecimalText(String(value));
  if (text === null) throw new ArgumentError("notANumber", { arg, value: shown(value) });
  return new Dec(text);
}

const TRUE_WORDS = ["true", "waar", "ja", "yes", "1"];
const FALSE_WORDS = ["false", "onwaar", "nee", "no", "0"];

/** @example booleanArg(null, "first_year", true) // true */
export function booleanArg(raw: unknown, arg: string, fallback: boolean): boolean {
  const value = single(raw, arg);
  if (isOmitted(value)) return fallback;
  if (typeof value === "boolean") return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new ArgumentError("notABoolean", { arg, value: shown(value) });
}

/**
 * A model name (Dutch or English, any case) or a compensation rate from 0 to 1.
 *
 * @example
 * modelOrRateArg("Extra", "model_or_rate", "aanvullend") // { model: "extra" }
 */
export function modelOrRateArg(raw: unknown, arg: string, fallback: Model): { model: Model } | { rate: Dec } {
  const value = single(raw, arg);
  if (isOmitted(value)) return { model: fallback };
  if (typeof value === "string") {
    const model = parseModel(value);
    if (model) return { model };
    if (parseDecimalText(value) === null) throw new ArgumentError("unknownModel", { arg, value: shown(value) });
  }
  if (typeof value === "boolean") throw new ArgumentError("unknownModel", { arg, value: shown(value) });
  const rate = toDecimal(value, arg);
  if (rate.isNeg() || rate.gt(1)) throw new ArgumentError("rateOutOfRange", { arg, value: shown(value) });
  return { rate };
}

export type Part = "municipality" | "insurer";
const PART_WORDS: Record<Part, readonly string[]> = {
  municipality: ["gemeente", "municipality"],
  insurer: ["verzekeraar", "zorgverzekeraar", "insurer"],
};

/** @example partArg("Verzekeraar", "part") // "insurer" */
export function partArg(raw: unknown, arg: string): Part {
  const value = single(raw, arg);
  if (isOmitted(value)) return "municipality";
  const word = String(value).trim().toLowerCase();
  const part = (Object.keys(PART_WORDS) as Part[]).find((p) => PART_WORDS[p].includes(word));
  if (!part) throw new ArgumentError("unknownPart", { arg, value: shown(value) });
  return part;
}
