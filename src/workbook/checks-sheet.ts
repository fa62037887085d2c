import type { BudgetYear } from "../core/budget";
import { agbStatuses } from "../core/agb";
import { Dec } from "../core/decimal";
import { INVOICE_DATE_NOT_A_DATE, NOT_A_NUMBER, NOT_FOUND, PAID_DATE_NOT_A_DATE, payoutRegister, YEAR_NOT_BUDGETED, type PaymentRecord, type RegisterRow } from "../core/payouts";
import type { SchemeParameters } from "../core/parameters";
import type { Practice } from "../core/types";
import { column, range, sheetRef } from "./a1";
import { budgetLayout, budgetSheetName, BUDGET_COLUMN } from "./budget-sheet";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { payoutsLayout, PAYOUTS_SHEET, STATUS_COLUMN } from "./payouts-sheet";
import { dataRowCount, FIRST_DATA_ROW, inputProblems, PRACTICE_COLUMNS, PRACTICES_SHEET } from "./practices-sheet";
import type { Cell, SheetDescription } from "./types";

export const CHECKS_SHEET = "Controle";

/** What follows the first row a check names: " en nog 3 rij(en)", as a formula on the count cell … */
const andMoreFormula = (count: string) => `IF(${count}>1," en nog "&(${count}-1)&" rij(en)","")`;
/** … and as the core's text for the cached result. */
const andMoreText = (count: number) => (count > 1 ? ` en nog ${count - 1} rij(en)` : "");
const HEADER_ROW = 4;

interface Check {
  label: string;
  /** Formula of the deviation (0 = fine) and what the core says it is. */
  deviation: { formula: string; result: number; format: string };
  /** What the outcome says when the deviation is not 0. */
  problem: string;
  explanation: string;
  /** An outcome that names more than `problem` can (a row, a practice): formula of its Controle row, and its result. */
  outcome?: { formula: (row: number) => string; result: string };
}

export interface ChecksInput {
  params: SchemeParameters;
  practices: readonly Practice[];
  years: readonly BudgetYear[];
  payments: ReadonlyMap<string, PaymentRecord>;
}

function checks({ params, practices, years, payments }: ChecksInput): Check[] {
  const { totalRow } = budgetLayout(practices.length);
  const lastLine = totalRow - 1;
  const list: Check[] = [];
  const capacity = new Dec(params.capacityHours);
  for (const year of years) {
    const b = sheetRef(budgetSheetName(year.year));
    const t = year.totals;
    const over = capacity.gt(0) ? Dec.max(0, t.weeklyHours.minus(capacity)) : new Dec(0);
    list.push({
      label: `Uren binnen capaciteit ${year.year}`,
      deviation: { formula: `=IF(Capaciteit_uren=0,0,MAX(0,ROUND(${b}${BUDGET_COLUMN.weeklyHours}${totalRow}-Capaciteit_uren,2)))`, result: over.toNumber(), format: FORMAT.hours },
      problem: "Meer uren dan de capaciteit",
      explanation: "Som van de uren per week tegen Capaciteit_uren (NOP: herverdeling).",
    });
    list.push({
      label: `Gemeente + zorgverzekeraar = formatie ${year.year}`,
      deviation: {
        formula: `=ROUND(${b}${BUDGET_COLUMN.municipality}${totalRow}+${b}${BUDGET_COLUMN.insurer}${totalRow}-${b}${BUDGET_COLUMN.formationCost}${totalRow},2)`,
        result: t.municipalityPart.plus(t.insurerPart).minus(t.formationCost).toNumber(),
        format: FORMAT.money,
      },
      problem: "Delen tellen niet op tot de formatiekosten",
      explanation: "De twee financiers samen betalen precies de formatie.",
    });
    const overCap = year.lines.filter((l) => l.compensation.gt(l.overhead)).length;
    list.push({
      label: `Compensatie binnen overhead ${year.year}`,
      deviation: {
        formula: `=SUMPRODUCT((${b}${BUDGET_COLUMN.compensation}${FIRST_DATA_ROW}:${BUDGET_COLUMN.compensation}${lastLine}>${b}${BUDGET_COLUMN.overhead}${FIRST_DATA_ROW}:${BUDGET_COLUMN.overhead}${lastLine})*1)`,
        result: overCap,
        format: FORMAT.whole,
      },
      problem: "Praktijken met meer compensatie dan overhead",
      explanation: "Aantal praktijken waar de compensatie de overheadkosten overschrijdt (VPG h. 14: 50–100%).",
    });
  }
  const rows = dataRowCount(practices.length);
  const checkColumn = column(PRACTICE_COLUMNS.check);
  const agbRange = `${sheetRef(PRACTICES_SHEET)}${checkColumn}${FIRST_DATA_ROW}:${checkColumn}${FIRST_DATA_ROW + rows - 1}`;
  list.push({
    label: "AGB-codes geldig en uniek",
    deviation: { formula: `=SUMPRODUCT((${agbRange}<>"OK")*(${agbRange}<>""))`, result: agbStatuses(practices).filter((s) => s !== "OK").length, format: FORMAT.whole },
    problem: "Ontbrekende, ongeldige of dubbele AGB-codes",
    explanation: "Zie de kolom Controle AGB-code op het tabblad Praktijken.",
  });
  list.push(practiceInputCheck(practices));
  const register = payoutRegister(years, payments);
  list.push(...paymentChecks(register));
  const shares = ["Aandeel_gemeente", "Vergoeding_basis", "Vergoeding_aanvullend", "Vergoeding_extra"];
  const shareValues = [params.municipalityShare, params.compensationRates.basis, params.compensationRates.aanvullend, params.compensationRates.extra];
  list.push({
    label: "Percentages tussen 0 en 1",
    deviation: { formula: `=${shares.map((s) => `(${s}<0)+(${s}>1)`).join("+")}`, result: shareValues.filter((v) => new Dec(v).lt(0) || new Dec(v).gt(1)).length, format: FORMAT.whole },
    problem: "Een aandeel of compensatiepercentage ligt buiten 0–100%",
    explanation: "Aandeel gemeente en compensatiepercentages op Uitgangspunten.",
  });
  list.push(...keptRowChecks(register));
  return list;
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
    outcome: {
      formula: (row) => `=IF(C${row}=0,"OK","${PRACTICES_SHEET} rij "&MIN(${at("inputRow")})&", "&INDEX(${at("inputCheck")},MIN(${at("inputRow")})-${FIRST_DATA_ROW - 1})&${andMoreFormula(`C${row}`)})`,
      result,
    },
  };
}

const lost = (status: string) => status === NOT_FOUND || status === YEAR_NOT_BUDGETED;

/** Payments on Uitbetalingen: paid equal to due, and every row's practice still found (named by row when not). */
function paymentChecks(register: readonly RegisterRow[]): Check[] {
  const u = sheetRef(PAYOUTS_SHEET);
  const { first, last } = payoutsLayout(register);
  const statusRange = `${u}$${STATUS_COLUMN}$${first}:$${STATUS_COLUMN}$${last}`;
  const statuses = register.map((r) => r.status);
  const missing = statuses.filter(lost).length;
  // The first row with one of `wanted`, live: it names, say, a row whose AGB code was changed on Praktijken before any rebuild.
  const index = (wanted: string[]) => `MIN(${wanted.map((w) => `IFERROR(MATCH("${w}",${statusRange},0),10^6)`).join(",")})`;
  const named = (wanted: string[], head: string, c: string) =>
    `"${head}: Uitbetalingen rij "&(${index(wanted)}+${first - 1})&" ("&INDEX(${u}$C$${first}:$C$${last},${index(wanted)})&")"&${andMoreFormula(c)}`;
  const namedResult = (wanted: string[], head: string) => {
    const count = statuses.filter((s) => wanted.includes(s)).length;
    const at = statuses.findIndex((s) => wanted.includes(s));
    return count === 0 ? "OK" : `${head}: Uitbetalingen rij ${first + at} (${register[at].name})${andMoreText(count)}`;
  };
  const textAmounts = statuses.filter((s) => s === NOT_A_NUMBER).length;
  const DATES = [INVOICE_DATE_NOT_A_DATE, PAID_DATE_NOT_A_DATE];
  const textDates = statuses.filter((s) => DATES.includes(s)).length;
  const dateAt = statuses.findIndex((s) => DATES.includes(s));
  const dateColumn = (status: string) => (status === INVOICE_DATE_NOT_A_DATE ? "factuurdatum" : "betaaldatum");
  // "Uitbetalingen rij 7, betaaldatum: geen datum (De Linde)": the first such row, live, and how many more.
  const namedDate = (c: string) =>
    `"${PAYOUTS_SHEET} rij "&(${index(DATES)}+${first - 1})&", "&IF(INDEX(${statusRange},${index(DATES)})="${INVOICE_DATE_NOT_A_DATE}","factuurdatum","betaaldatum")&": geen datum ("&INDEX(${u}$C$${first}:$C$${last},${index(DATES)})&")"&${andMoreFormula(c)}`;
  return [
    {
      label: "Betaald gelijk aan te betalen",
      deviation: {
        formula: `=SUMPRODUCT((${statusRange}="Te veel betaald")+(${statusRange}="Te weinig betaald"))`,
        result: statuses.filter((s) => s === "Te veel betaald" || s === "Te weinig betaald").length,
        format: FORMAT.whole,
      },
      problem: "Betalingen die afwijken van het bedrag",
      explanation: "Aantal rijen op Uitbetalingen met te veel of te weinig betaald.",
    },
    {
      label: "Elke betaling hoort bij een praktijk in de begroting",
      deviation: { formula: `=SUMPRODUCT((${statusRange}="${NOT_FOUND}")+(${statusRange}="${YEAR_NOT_BUDGETED}"))`, result: missing, format: FORMAT.whole },
      problem: NOT_FOUND,
      explanation: "Rijen op Uitbetalingen waarvan de AGB-code niet (meer) op de Begroting van dat jaar staat: praktijk verwijderd, AGB-code gewijzigd of jaar buiten de raming. Bouw opnieuw op, of maak de gele cellen van de rij leeg als de betaling niet meer nodig is.",
      outcome: { formula: (row) => `=IF(C${row}=0,"OK",${named([NOT_FOUND, YEAR_NOT_BUDGETED], NOT_FOUND, `C${row}`)})`, result: namedResult([NOT_FOUND, YEAR_NOT_BUDGETED], NOT_FOUND) },
    },
    {
      label: "Bedragen op Uitbetalingen zijn getallen",
      deviation: { formula: `=COUNTIF(${statusRange},"${NOT_A_NUMBER}")`, result: textAmounts, format: FORMAT.whole },
      problem: NOT_A_NUMBER,
      explanation: "Rijen waar bij Gefactureerd of Betaald tekst staat (bijvoorbeeld “1.000,-”) in plaats van een bedrag; tekst telt niet mee in de totalen.",
      outcome: { formula: (row) => `=IF(C${row}=0,"OK",${named([NOT_A_NUMBER], NOT_A_NUMBER, `C${row}`)})`, result: namedResult([NOT_A_NUMBER], NOT_A_NUMBER) },
    },
    {
      label: "Datums op Uitbetalingen zijn datums",
      deviation: { formula: `=COUNTIF(${statusRange},"${INVOICE_DATE_NOT_A_DATE}")+COUNTIF(${statusRange},"${PAID_DATE_NOT_A_DATE}")`, result: textDates, format: FORMAT.whole },
      problem: "Datum is geen datum",
      explanation: "Rijen waar bij Factuurdatum of Betaaldatum tekst staat (bijvoorbeeld “1 maart”) in plaats van een datum.",
      outcome: {
        formula: (row) => `=IF(C${row}=0,"OK",${namedDate(`C${row}`)})`,
        result:
          textDates === 0
            ? "OK"
            : `${PAYOUTS_SHEET} rij ${first + dateAt}, ${dateColumn(statuses[dateAt])}: geen datum (${register[dateAt].name})${andMoreText(textDates)}`,
      },
    },
  ];
}

/** One check per kept row (a payment whose practice-year the budget no longer has), by name, until it is cleared. */
function keptRowChecks(register: readonly RegisterRow[]): Check[] {
  const u = sheetRef(PAYOUTS_SHEET);
  const { first } = payoutsLayout(register);
  return register.flatMap((item, i) => {
    if (!item.orphan) return [];
    const row = first + i;
    const status = `${u}${STATUS_COLUMN}${row}`;
    return [
      {
        label: `Bewaarde betaling ${item.year}: ${item.name || "(geen naam)"} (${item.agb || "geen AGB-code"})`,
        deviation: { formula: `=(${status}="${NOT_FOUND}")+(${status}="${YEAR_NOT_BUDGETED}")`, result: lost(item.status) ? 1 : 0, format: FORMAT.whole },
        problem: `${NOT_FOUND}: zie Uitbetalingen rij ${row}`,
        explanation: "Ingevuld bij een praktijk of jaar dat niet meer in de begroting staat. De rij blijft bewaard tot u de gele cellen ervan leegmaakt.",
      },
    ];
  });
}

/**
 * Controle: audit checks, each a formula that says OK or names the deviation (a payment row
 * by its row and practice), then one line per kept payment row.
 *
 * @example
 * describeChecks({ params, practices, years, payments }).cells[4][1]?.result // "OK"
 */
export function describeChecks(input: ChecksInput): SheetDescription {
  const grid = new Grid();
  grid.set(1, 1, text("Controle"));
  grid.set(2, 1, text("Elke controle is een formule: OK, of de afwijking met een toelichting."));
  grid.setRow(HEADER_ROW, 1, ["Controle", "Uitkomst", "Afwijking", "Toelichting"].map(text));
  const list = checks(input);
  list.forEach((check, i) => {
    const row = HEADER_ROW + 1 + i;
    const outcome: Cell = check.outcome
      ? { formula: check.outcome.formula(row), result: check.outcome.result }
      : { formula: `=IF(C${row}=0,"OK","${check.problem}")`, result: check.deviation.result === 0 ? "OK" : check.problem };
    grid.setRow(row, 1, [text(check.label), outcome, check.deviation, text(check.explanation)]);
  });
  const last = HEADER_ROW + list.length;
  const first = HEADER_ROW + 1;
  return {
    name: CHECKS_SHEET,
    kind: "checks",
    cells: grid.build(4),
    columnWidths: [44, 44, 12, 70],
    frozenRows: HEADER_ROW,
    styles: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: range(HEADER_ROW, 1, HEADER_ROW, 4), style: "header" },
    ],
    validations: [],
    conditionalFormats: [
      { range: range(first, 2, last, 2), formula: `B${first}="OK"`, style: "ok" },
      { range: range(first, 2, last, 2), formula: `B${first}<>"OK"`, style: "bad" },
    ],
    charts: [],
    inputRanges: [],
    manualColumns: [],
    firstDataRow: first,
    print: { landscape: true, fitToWidth: true },
  };
}
