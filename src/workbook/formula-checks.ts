/**
 * Issue 8.4: where a sheet is unprotected and a formula is typed over anyway, Controle names
 * the cell. ISFORMULA over a range (Excel 2013 and later, LibreOffice; the in-memory host and
 * the parity tests register a HyperFormula plugin that computes it the same way).
 */
import { sheetRef } from "./a1";
import type { Check } from "./check";
import { FORMAT } from "./formats";

/** Columns of one sheet whose rows `first` to `last` hold only formulas. */
export interface FormulaColumns {
  sheet: string;
  columns: readonly string[];
  first: number;
  last: number;
}

/**
 * A Controle line that counts the cells of `block` that are no formula any more and names the
 * first ("Meerjarenraming C6 is geen formule meer"), column by column, without helper cells:
 * for sheets with a few columns (the Begroting has its own Formulecontrole rows).
 *
 * @example
 * formulaColumnsCheck({ sheet: "Meerjarenraming", columns: ["B", "C"], first: 5, last: 8 }).label // "Formules op Meerjarenraming ongewijzigd"
 */
export function formulaColumnsCheck(block: FormulaColumns): Check {
  const s = sheetRef(block.sheet);
  const cells = (c: string) => `${s}$${c}$${block.first}:$${c}$${block.last}`;
  const missing = (c: string) => `(ROWS(${cells(c)})-SUMPRODUCT(ISFORMULA(${cells(c)})*1))`;
  const firstRow = (c: string) => `MATCH(FALSE(),ISFORMULA(${cells(c)}),0)+${block.first - 1}`;
  // The first column with a typed-over cell, then its first such row.
  const name = block.columns.reduceRight((otherwise, c) => `IF(${missing(c)}>0,"${block.sheet} ${c}"&(${firstRow(c)}),${otherwise})`, '""');
  return {
    label: `Formules op ${block.sheet} ongewijzigd`,
    deviation: { formula: `=${block.columns.map(missing).join("+")}`, result: 0, format: FORMAT.whole },
    problem: "Een berekende cel is overschreven",
    explanation: `Een cel met een formule op ${block.sheet} bevat nu een getal of tekst (het blad was niet beveiligd). Zet de formule terug of bouw opnieuw op.`,
    where: { sheet: block.sheet, cell: `${block.columns[0]}${block.first}` },
    outcome: {
      formula: (row) => `=IF(C${row}=0,"OK",${name}&" is geen formule meer"&IF(C${row}>1," (en nog "&(C${row}-1)&" cel(len))",""))`,
      result: "OK",
    },
  };
}
