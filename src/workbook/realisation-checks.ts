/** The Controle lines about Realisatie: hours within the budget, numbers where numbers belong, kept rows by name. */
import { REALISATION_NOT_A_NUMBER, REALISATION_NOT_FOUND, type RealisationRow } from "../core/realisation";
import { sheetRef } from "./a1";
import { andMoreFormula, andMoreText, type Check } from "./check";
import { FORMAT } from "./formats";
import { ABOVE_LETTER, RCOL, STATUS_LETTER } from "./realisation-columns";
import { realisationLayout, REALISATION_SHEET, sheetRowOf } from "./realisation-sheet";
import { column } from "./a1";

const NO_NAME = "zonder naam";
const shown = (name: string) => (name === "" ? NO_NAME : name);

/**
 * "Realisatie: uren binnen de begroting" (a practice whose realised hours for the year exceed
 * its budgeted annual hours), "Realisatie: invoer is een getal", and one line per kept row.
 *
 * @example
 * realisationChecks(sheetRealisation(params, budget, new Map())).map((c) => c.label)
 * // ["Realisatie: uren binnen de begroting", "Realisatie: invoer is een getal"]
 */
export function realisationChecks(rows: readonly RealisationRow[]): Check[] {
  const u = sheetRef(REALISATION_SHEET);
  const { first, dataLast, last } = realisationLayout(rows);
  const rowOf = sheetRowOf(rows);
  const names = `${u}$A$${first}:$A$${last}`;
  const nameAt = (i: string) => `IF(INDEX(${names},${i})="","${NO_NAME}",INDEX(${names},${i}))`;
  const above = `${u}$${ABOVE_LETTER}$${first}:$${ABOVE_LETTER}$${dataLast}`;
  const statuses = `${u}$${STATUS_LETTER}$${first}:$${STATUS_LETTER}$${last}`;
  const flagged = rows.map((r, i) => ({ r, row: rowOf[i] })).filter((x) => x.r.above);
  const texts = rows.map((r, i) => ({ r, row: rowOf[i] })).filter((x) => x.r.status === REALISATION_NOT_A_NUMBER).sort((a, b) => a.row - b.row);
  const aboveProblem = "Meer uren dan begroot";
  const textProblem = REALISATION_NOT_A_NUMBER;
  const textIndex = `MATCH("${REALISATION_NOT_A_NUMBER}",${statuses},0)`;
  const list: Check[] = [
    {
      label: "Realisatie: uren binnen de begroting",
      deviation: { formula: `=COUNT(${above})`, result: flagged.length, format: FORMAT.whole },
      problem: aboveProblem,
      explanation: "Praktijken waarvan de geleverde uren van het jaar (Uren jaar) boven de begrote jaaruren van de Begroting liggen.",
      where: { sheet: REALISATION_SHEET, cell: `${ABOVE_LETTER}${first}` },
      outcome: {
        formula: (row) => `=IF(C${row}=0,"OK","${aboveProblem}: ${REALISATION_SHEET} rij "&MIN(${above})&" ("&${nameAt(`MIN(${above})-${first - 1}`)}&")"&${andMoreFormula(`C${row}`)})`,
        result: flagged.length === 0 ? "OK" : `${aboveProblem}: ${REALISATION_SHEET} rij ${flagged[0].row} (${shown(flagged[0].r.name)})${andMoreText(flagged.length)}`,
      },
    },
    {
      label: "Realisatie: invoer is een getal",
      deviation: { formula: `=COUNTIF(${statuses},"${REALISATION_NOT_A_NUMBER}")`, result: texts.length, format: FORMAT.whole },
      problem: textProblem,
      explanation: "Rijen op Realisatie waar bij de uren of het gefactureerde bedrag tekst staat (bijvoorbeeld “10 uur”) in plaats van een getal; tekst telt niet mee.",
      where: { sheet: REALISATION_SHEET, cell: `${column(RCOL.hours)}${first}` },
      outcome: {
        formula: (row) => `=IF(C${row}=0,"OK","${textProblem}: ${REALISATION_SHEET} rij "&(${textIndex}+${first - 1})&" ("&${nameAt(textIndex)}&")"&${andMoreFormula(`C${row}`)})`,
        result: texts.length === 0 ? "OK" : `${textProblem}: ${REALISATION_SHEET} rij ${texts[0].row} (${shown(texts[0].r.name)})${andMoreText(texts.length)}`,
      },
    },
  ];
  rows.forEach((r, i) => {
    if (!r.kept) return;
    const row = rowOf[i];
    const typed = `${u}${column(RCOL.hours)}${row}:${column(RCOL.invoiced + 3)}${row}`;
    list.push({
      label: `Bewaarde realisatie ${r.year}: ${r.name || "(geen naam)"} (${r.agb || "geen AGB-code"})`,
      deviation: { formula: `=IF(COUNTA(${typed})>0,1,0)`, result: r.status === "" ? 0 : 1, format: FORMAT.whole },
      problem: `${r.reason ?? REALISATION_NOT_FOUND}: zie ${REALISATION_SHEET} rij ${row}`,
      explanation: "Ingevuld bij een praktijk die niet meer op Praktijken staat, of in een ander begrotingsjaar. De rij blijft bewaard tot u de gele cellen ervan leegmaakt.",
      where: { sheet: REALISATION_SHEET, cell: `A${row}` },
    });
  });
  return list;
}
