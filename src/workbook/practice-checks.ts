/** The Controle lines about Praktijken and Uitgangspunten: AGB codes, bad input, practices beyond the free rows, the budget year. */
import { agbStatuses } from "../core/agb";
import type { Practice } from "../core/types";
import { column, sheetRef } from "./a1";
import { andMoreFormula, andMoreText, type Check } from "./check";
import { FORMAT } from "./formats";
import { formulaColumnsCheck } from "./formula-checks";
import { BUDGET_YEAR_NAME, BUDGET_YEAR_ROW, PARAMETERS_SHEET } from "./parameters-sheet";
import { dataRowCount, FIRST_DATA_ROW, inputProblems, PRACTICE_COLUMNS, PRACTICES_SHEET, SPARE_ROWS } from "./practices-sheet";

/** Rows below the named band still looked at, so a practice typed far down is counted too. */
const FAR_ROWS = 10_000;

/**
 * Praktijken and the budget agree: AGB codes, input, every practice typed is in the budget,
 * and the budget year on Uitgangspunten is the year the sheets were built for.
 */
export function practiceChecks(practices: readonly Practice[], builtYear: number): Check[] {
  const rows = dataRowCount(practices.length);
  const checkColumn = column(PRACTICE_COLUMNS.check);
  const agbRange = `${sheetRef(PRACTICES_SHEET)}${checkColumn}${FIRST_DATA_ROW}:${checkColumn}${FIRST_DATA_ROW + rows - 1}`;
  return [
    {
      label: "AGB-codes geldig en uniek",
      deviation: { formula: `=SUMPRODUCT((${agbRange}<>"OK")*(${agbRange}<>""))`, result: agbStatuses(practices).filter((s) => s !== "OK").length, format: FORMAT.whole },
      problem: "Ontbrekende, ongeldige of dubbele AGB-codes",
      explanation: "Zie de kolom Controle AGB-code op het tabblad Praktijken.",
      where: { sheet: PRACTICES_SHEET, cell: `${checkColumn}${FIRST_DATA_ROW}` },
    },
    practiceInputCheck(practices),
    beyondFreeRowsCheck(practices.length),
    // The check columns of the practice and free rows are formulas too.
    formulaColumnsCheck({ sheet: PRACTICES_SHEET, columns: [PRACTICE_COLUMNS.check, PRACTICE_COLUMNS.inputCheck, PRACTICE_COLUMNS.inputRow].map((c) => column(c)), first: FIRST_DATA_ROW, last: FIRST_DATA_ROW + rows - 1 }),
    budgetYearCheck(builtYear),
  ];
}

/**
 * Issue 8: a practice typed below the free rows has no row in any Begroting. Named by row and
 * name (the Praktijken columns J and K say it on the row), never silently left out.
 */
function beyondFreeRowsCheck(practiceCount: number): Check {
  const p = sheetRef(PRACTICES_SHEET);
  const first = FIRST_DATA_ROW + dataRowCount(practiceCount);
  const last = first + SPARE_ROWS - 1;
  const rowsOf = (field: keyof typeof PRACTICE_COLUMNS) => `${p}$${column(PRACTICE_COLUMNS[field])}$${first}:$${column(PRACTICE_COLUMNS[field])}$${last}`;
  const far = `${p}$A$${last + 1}:$H$${last + FAR_ROWS}`;
  const firstRow = `MIN(${rowsOf("inputRow")})`;
  return {
    label: "Elke praktijk op Praktijken staat in de begroting",
    deviation: { formula: `=COUNT(${rowsOf("inputRow")})+(COUNTA(${far})>0)`, result: 0, format: FORMAT.whole },
    problem: "Praktijk niet in de begroting: bouw opnieuw op",
    explanation: `De vrije rijen lopen tot en met rij ${first - 1} van Praktijken. Een praktijk daaronder telt nergens mee tot u opnieuw opbouwt (paneel: Opnieuw opbouwen, of poh-budget --update); daarna zijn er weer vrije rijen.`,
    where: { sheet: PRACTICES_SHEET, cell: `A${first}` },
    outcome: {
      formula: (row) =>
        `=IF(C${row}=0,"OK",IF(COUNT(${rowsOf("inputRow")})=0,"${PRACTICES_SHEET} onder rij ${last}: niet in de begroting, bouw opnieuw op","${PRACTICES_SHEET} rij "&${firstRow}&" ("&INDEX(${rowsOf("name")},${firstRow}-${first - 1})&"): niet in de begroting, bouw opnieuw op"&${andMoreFormula(`C${row}`)}))`,
      result: "OK",
    },
  };
}

/** Issue 8: the year on Uitgangspunten is the year of the sheets; another year is moved there by a rebuild. */
function budgetYearCheck(builtYear: number): Check {
  return {
    label: "Begrotingsjaar hoort bij de bladen",
    deviation: { formula: `=IF(ISNUMBER(${BUDGET_YEAR_NAME}),${BUDGET_YEAR_NAME}-${builtYear},1)`, result: 0, format: FORMAT.whole },
    problem: "",
    explanation: `De bladen (namen, titels, vervaldatums, jaren op Uitbetalingen) zijn gebouwd voor ${builtYear}. Een ander Begrotingsjaar op Uitgangspunten geldt pas na opnieuw opbouwen (paneel of poh-budget --update).`,
    where: { sheet: PARAMETERS_SHEET, cell: `C${BUDGET_YEAR_ROW}` },
    outcome: {
      formula: (row) => `=IF(C${row}=0,"OK","Begrotingsjaar op Uitgangspunten is "&${BUDGET_YEAR_NAME}&", de bladen zijn van ${builtYear}: bouw opnieuw op")`,
      result: "OK",
    },
  };
}

/**
 * Bad input on Praktijken (text as patients, negative hours, no date…), named live by sheet,
 * row and column from the Controle invoer and Rij met fout columns: the first row and how many more.
 */
function practiceInputCheck(practices: readonly Practice[]): Check {
  const rows = dataRowCount(practices.length);
  const p = sheetRef(PRACTICES_SHEET);
  const at = (field: keyof typeof PRACTICE_COLUMNS) => `${p}$${column(PRACTICE_COLUMNS[field])}$${FIRST_DATA_ROW}:$${column(PRACTICE_COLUMNS[field])}$${FIRST_DATA_ROW + rows - 1}`;
  const texts = practices.map(inputProblems);
  const bad = texts.map((t, i) => ({ t, row: FIRST_DATA_ROW + i })).filter((x) => x.t !== "OK");
  const result = bad.length === 0 ? "OK" : `${PRACTICES_SHEET} rij ${bad[0].row}, ${bad[0].t}${andMoreText(bad.length)}`;
  return {
    label: "Invoer op Praktijken is geldig",
    deviation: { formula: `=COUNT(${at("inputRow")})`, result: bad.length, format: FORMAT.whole },
    problem: "Ongeldige invoer op Praktijken",
    explanation: "Tekst waar een getal hoort, negatieve aantallen of uren, geen datum of een onbekend model: zie de kolom Controle invoer op Praktijken. Zo'n cel telt als 0 (of de praktijk als niet actief) tot u hem verbetert.",
    where: { sheet: PRACTICES_SHEET, cell: `${column(PRACTICE_COLUMNS.inputCheck)}${FIRST_DATA_ROW}` },
    outcome: {
      formula: (row) => `=IF(C${row}=0,"OK","${PRACTICES_SHEET} rij "&MIN(${at("inputRow")})&", "&INDEX(${at("inputCheck")},MIN(${at("inputRow")})-${FIRST_DATA_ROW - 1})&${andMoreFormula(`C${row}`)})`,
      result,
    },
  };
}
