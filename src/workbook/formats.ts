/**
 * Number formats in the invariant form (PRODUCT.md: Excel localises `"€ "#,##0.00` to `€ #.##0,00`).
 * Issue 13: a negative amount shows in red with its minus, counts and hours get thousands
 * separators, and a share keeps the decimals it has (3,944%, not 3,9%) down to one.
 */
export const FORMAT = {
  money: '"€ "#,##0.00;[Red]-"€ "#,##0.00',
  hours: "#,##0.00",
  share: "0.0##%",
  date: "dd-mm-yyyy",
  whole: "#,##0",
  /** A year is no count: never "2.026". */
  year: "0",
  text: "@",
} as const;
