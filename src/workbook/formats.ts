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

/**
 * The format with an empty section for zero: the free rows of a Begroting compute 0 until a
 * practice is typed on Praktijken, and print and show as empty rows rather than columns of 0,00.
 * (The formats here hold no ";" inside quotes.)
 * @example hideZeros("#,##0.00") // "#,##0.00;-#,##0.00;"
 * @example hideZeros(FORMAT.money) // '"€ "#,##0.00;[Red]-"€ "#,##0.00;'
 */
export function hideZeros(format = "General"): string {
  const sections = format.split(";");
  return sections.length === 1 ? `${format};-${format};` : `${sections[0]};${sections[1]};`;
}
