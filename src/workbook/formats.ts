/** Number formats in the invariant form (PRODUCT.md: Excel localises `"€ "#,##0.00` to `€ #.##0,00`). */
export const FORMAT = {
  money: '"€ "#,##0.00',
  hours: "0.00",
  share: "0.0%",
  date: "dd-mm-yyyy",
  whole: "0",
  year: "0",
  text: "@",
} as const;
