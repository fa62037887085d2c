/**
 * Below the Uitbetalingen register (issue 11.2): per payee (the employer for the formation, the
 * practice for the compensation) and year, what the municipality pays it, as SUMIFS on the
 * register. The payees are those known at build; one typed later on Praktijken is counted by
 * none of these rows, which Controle flags (payeeCheck) until a rebuild adds it.
 */
import type { BudgetYear } from "../core/budget";
import { cents, Dec, sum } from "../core/decimal";
import type { RegisterRow } from "../core/payouts";
import { range } from "./a1";
import type { Check } from "./check";
import { FORMAT } from "./formats";
import { text } from "./grid";
import { LINE_COLUMN, PAYEE_COLUMN } from "./payout-row";
import { FIRST_DATA_ROW } from "./practices-sheet";
import type { Cell, RangeStyle } from "./types";

export const PAYEE_SECTION_LABEL = "Per ontvanger";
/** The row of practices typed on free rows since the build, each paid itself. */
export const NEW_PRACTICES_LABEL = "Nieuwe praktijken op vrije rijen (eigen werkgever)";
const TOTAL_LABEL = "Totaal ontvangers";
/** The column of each year's totals: D for the first year. */
const yearColumn = (i: number) => String.fromCharCode("D".charCodeAt(0) + i);

export interface PayeeLayout {
  first: number;
  last: number;
  totalRow: number;
  payeeTop: number;
}

/**
 * The payees of the register (case-insensitive, as SUMIFS compares them), sorted, with what each
 * receives per year (to the cent), and the cells from `payeeTop`: a header row, a row per payee, the total.
 *
 * @example
 * payeeTotals(register, years, layout).payees // [{ name: "Zorggroep Noord", perYear: [Dec(3024), …] }, …]
 */
export function payeeTotals(rows: readonly RegisterRow[], years: readonly BudgetYear[], layout: PayeeLayout) {
  const byName = new Map<string, { name: string; perYear: Dec[] }>();
  for (const r of rows) {
    if (r.payee === "" || !years.some((y) => y.year === r.year)) continue;
    const key = r.payee.toLowerCase();
    if (!byName.has(key)) byName.set(key, { name: r.payee, perYear: years.map(() => new Dec(0)) });
  }
  const payees = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  for (const r of rows) {
    const entry = byName.get(r.payee.toLowerCase());
    const i = years.findIndex((y) => y.year === r.year);
    if (entry && i >= 0 && r.due !== null) entry.perYear[i] = entry.perYear[i].plus(r.due);
  }
  payees.forEach((p) => (p.perYear = p.perYear.map(cents)));
  const { first, last, payeeTop } = layout;
  const col = (c: string) => `$${c}$${first}:$${c}$${last}`;
  const header: (Cell | null)[] = [text(PAYEE_SECTION_LABEL), null, text("Ontvanger"), ...years.map((y): Cell => ({ value: y.year, format: FORMAT.year }))];
  const payeeRows = payees.map((p, i): (Cell | null)[] => {
    const row = payeeTop + 1 + i;
    // Matched as written: wildcards escaped, and a first "=", "<" or ">" (which a criterion would read
    // as an operator; HyperFormula refuses "==…") stands as "?", any one character.
    const escaped = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($C${row},"~","~~"),"*","~*"),"?","~?")`;
    const exact = `"="&IF(OR(LEFT($C${row},1)="=",LEFT($C${row},1)="<",LEFT($C${row},1)=">"),"?"&MID(${escaped},2,1000),${escaped})`;
    return [null, null, text(p.name), ...years.map((_, y): Cell => ({ formula: `=ROUND(SUMIFS(${col("D")},${col("U")},${exact},${col("A")},${yearColumn(y)}$${payeeTop}),2)`, result: p.perYear[y].toNumber(), format: FORMAT.money }))];
  });
  // Then what is due to practices typed on free rows of Praktijken since the build and paid
  // themselves (no employer): their Rij op Begroting lies past the practices of the build, and
  // the payee is the practice. They count at once, without a rebuild; a new employer does not.
  const newRow = payeeTop + 1 + payees.length;
  const firstFreeLine = FIRST_DATA_ROW + (years[0]?.lines.length ?? 0);
  const line = col(LINE_COLUMN);
  const newCells: (Cell | null)[] = [
    null,
    null,
    text(NEW_PRACTICES_LABEL),
    ...years.map((_, y): Cell => ({
      formula: `=ROUND(SUMPRODUCT((${col("A")}=${yearColumn(y)}$${payeeTop})*(${line}>=${firstFreeLine})*(${line}<1000000)*(${col(PAYEE_COLUMN)}=${col("C")})*${col("D")}),2)`,
      result: 0,
      format: FORMAT.money,
    })),
  ];
  const totalRow = newRow + 1;
  const from = payeeTop + 1;
  const to = newRow;
  const totals = years.map((_, y) => cents(sum(payees.map((p) => p.perYear[y]))));
  const totalCells: (Cell | null)[] = [text(TOTAL_LABEL), null, null, ...years.map((_, y): Cell => ({ formula: `=ROUND(SUM(${yearColumn(y)}${from}:${yearColumn(y)}${to}),2)`, result: totals[y].toNumber(), format: FORMAT.money }))];
  const styles: RangeStyle[] = [
    // From Ontvanger on: the section's label in A stays plain text (a header style would wrap it in the narrow Jaar column).
    { range: range(payeeTop, 3, payeeTop, 3 + years.length), style: "header" },
    { range: range(totalRow, 1, totalRow, 3 + years.length), style: "total" },
  ];
  const grand = cents(sum(totals));
  return { payees, cells: [header, ...payeeRows, newCells, totalCells], styles, totalRow, grand, totalsRange: range(totalRow, 4, totalRow, 3 + years.length) };
}

/**
 * Controle: the totals per payee add up to the register's total. A practice typed later on a free
 * row of Praktijken (or an employer typed there) is in none of the payee rows: flagged until a rebuild.
 */
export function payeeCheck(rows: readonly RegisterRow[], years: readonly BudgetYear[], layout: PayeeLayout, sheet: string, sheetPrefix: string, due: Dec): Check {
  const totals = payeeTotals(rows, years, layout);
  return {
    label: "Totalen per ontvanger gelijk aan het register",
    deviation: { formula: `=ROUND(SUM(${sheetPrefix}${totals.totalsRange})-${sheetPrefix}D${layout.totalRow},2)`, result: cents(totals.grand.minus(due)).toNumber(), format: FORMAT.money },
    problem: "Betaling aan een ontvanger die niet in de totalen staat: bouw opnieuw op",
    explanation: "De totalen per ontvanger onder het register tellen op tot Totaal Te betalen. Een praktijk of werkgever die na het opbouwen op Praktijken is getypt, staat er nog niet bij: bouw opnieuw op.",
    where: { sheet, cell: `C${layout.payeeTop}` },
  };
}
