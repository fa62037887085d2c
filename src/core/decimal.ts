import Decimal from "decimal.js";

/**
 * The project's one decimal constructor. Money is rounded half away from zero
 * (decimal.js ROUND_HALF_UP), which is what Excel's ROUND does.
 *
 * @example
 * new Dec("5000.005").toDecimalPlaces(2).toString() // "5000.01"
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
export type DecLike = Dec | string | number;

export const ZERO = new Dec(0);

/** A decimal from a decimal (as is: they are immutable), a string or a number. @example dec("4.5").toString() // "4.5" */
export function dec(value: DecLike): Dec {
  return value instanceof Dec ? value : new Dec(value);
}

/**
 * Rounds an amount to whole cents, half away from zero (Excel `ROUND(x, 2)`).
 *
 * @example
 * cents("2.675").toFixed(2) // "2.68"
 */
export function cents(value: DecLike): Dec {
  return dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Rounds hours to 2 decimals, half away from zero (PRODUCT.md: "Hours are rounded to 2 decimals").
 *
 * @example
 * hours(1000 * 4 / 2350).toString() // "1.7"
 */
export function hours(value: DecLike): Dec {
  return dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/**
 * Rounds hours down to 2 decimals, the way the sheet writes `ROUNDDOWN(ROUND(x, 10), 2)`:
 * the inner ROUND removes binary noise that formula engines would otherwise floor.
 *
 * @example
 * hoursDown("3.6799999").toString() // "3.67"
 */
export function hoursDown(value: DecLike): Dec {
  return new Dec(value).toDecimalPlaces(10, Dec.ROUND_HALF_UP).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

/** Sums decimals; the empty sum is zero. @example sum(["1.10", "2.20"]).toString() // "3.3" */
export function sum(values: Iterable<DecLike>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
