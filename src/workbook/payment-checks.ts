/** The Controle lines about Uitbetalingen: what a controller checks on the payout register. */
import { INVOICE_DATE_NOT_A_DATE, NOT_A_NUMBER, NOT_FOUND, PAID_DATE_NOT_A_DATE, YEAR_NOT_BUDGETED, type RegisterRow } from "../core/payouts";
import { sheetRef } from "./a1";
import { andMoreFormula, andMoreText, type Check } from "./check";
import { FORMAT } from "./formats";
import { payoutsLayout, PAYOUTS_SHEET, SIGNAL_COLUMNS, STATUS_COLUMN } from "./payouts-sheet";
import { PEILDATUM_NAME } from "./peildatum";
import { SIGNAL_KEYS, type Signal } from "../core/payment-signals";

const lost = (status: string) => status === NOT_FOUND || status === YEAR_NOT_BUDGETED;

/** How a row without practice name is named (a free row, or a payment typed where no practice was). */
const NO_NAME = "zonder naam";
/** The practice name of register position `i` (a formula), live, NO_NAME when empty; and the core's text. */
const nameFormula = (u: string, first: number, last: number, i: string) => `IF(INDEX(${u}$C$${first}:$C$${last},${i})="","${NO_NAME}",INDEX(${u}$C$${first}:$C$${last},${i}))`;
const shownName = (name: string) => (name === "" ? NO_NAME : name);

/** Payments on Uitbetalingen: paid equal to due, and every row's practice still found (named by row when not). */
export function paymentChecks(register: readonly RegisterRow[]): Check[] {
  const u = sheetRef(PAYOUTS_SHEET);
  const { first, last } = payoutsLayout(register);
  const statusRange = `${u}$${STATUS_COLUMN}$${first}:$${STATUS_COLUMN}$${last}`;
  const statuses = register.map((r) => r.status);
  const status = { sheet: PAYOUTS_SHEET, cell: `${STATUS_COLUMN}${first}` };
  const missing = statuses.filter(lost).length;
  // The first row with one of `wanted`, live: it names, say, a row whose AGB code was changed on Praktijken before any rebuild.
  const index = (wanted: string[]) => `MIN(${wanted.map((w) => `IFERROR(MATCH("${w}",${statusRange},0),10^6)`).join(",")})`;
  const named = (wanted: string[], head: string, c: string) =>
    `"${head}: Uitbetalingen rij "&(${index(wanted)}+${first - 1})&" ("&${nameFormula(u, first, last, index(wanted))}&")"&${andMoreFormula(c)}`;
  const namedResult = (wanted: string[], head: string) => {
    const count = statuses.filter((s) => wanted.includes(s)).length;
    const at = statuses.findIndex((s) => wanted.includes(s));
    return count === 0 ? "OK" : `${head}: Uitbetalingen rij ${first + at} (${shownName(register[at].name)})${andMoreText(count)}`;
  };
  const textAmounts = statuses.filter((s) => s === NOT_A_NUMBER).length;
  const DATES = [INVOICE_DATE_NOT_A_DATE, PAID_DATE_NOT_A_DATE];
  const textDates = statuses.filter((s) => DATES.includes(s)).length;
  const dateAt = statuses.findIndex((s) => DATES.includes(s));
  const dateColumn = (status: string) => (status === INVOICE_DATE_NOT_A_DATE ? "factuurdatum" : "betaaldatum");
  // "Uitbetalingen rij 7, betaaldatum: geen datum (De Linde)": the first such row, live, and how many more.
  const namedDate = (c: string) =>
    `"${PAYOUTS_SHEET} rij "&(${index(DATES)}+${first - 1})&", "&IF(INDEX(${statusRange},${index(DATES)})="${INVOICE_DATE_NOT_A_DATE}","factuurdatum","betaaldatum")&": geen datum ("&${nameFormula(u, first, last, index(DATES))}&")"&${andMoreFormula(c)}`;
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
      where: status,
    },
    {
      label: "Elke betaling hoort bij een praktijk in de begroting",
      deviation: { formula: `=SUMPRODUCT((${statusRange}="${NOT_FOUND}")+(${statusRange}="${YEAR_NOT_BUDGETED}"))`, result: missing, format: FORMAT.whole },
      problem: NOT_FOUND,
      explanation: "Rijen op Uitbetalingen waarvan de AGB-code niet (meer) op de Begroting van dat jaar staat: praktijk verwijderd, AGB-code gewijzigd of jaar buiten de raming. Bouw opnieuw op, of maak de gele cellen van de rij leeg als de betaling niet meer nodig is.",
      where: status,
      outcome: { formula: (row) => `=IF(C${row}=0,"OK",${named([NOT_FOUND, YEAR_NOT_BUDGETED], NOT_FOUND, `C${row}`)})`, result: namedResult([NOT_FOUND, YEAR_NOT_BUDGETED], NOT_FOUND) },
    },
    {
      label: "Bedragen op Uitbetalingen zijn getallen",
      deviation: { formula: `=COUNTIF(${statusRange},"${NOT_A_NUMBER}")`, result: textAmounts, format: FORMAT.whole },
      problem: NOT_A_NUMBER,
      explanation: "Rijen waar bij Gefactureerd of Betaald tekst staat (bijvoorbeeld “1.000,-”) in plaats van een bedrag; tekst telt niet mee in de totalen.",
      where: { sheet: PAYOUTS_SHEET, cell: `H${first}` },
      outcome: { formula: (row) => `=IF(C${row}=0,"OK",${named([NOT_A_NUMBER], NOT_A_NUMBER, `C${row}`)})`, result: namedResult([NOT_A_NUMBER], NOT_A_NUMBER) },
    },
    {
      label: "Datums op Uitbetalingen zijn datums",
      deviation: { formula: `=COUNTIF(${statusRange},"${INVOICE_DATE_NOT_A_DATE}")+COUNTIF(${statusRange},"${PAID_DATE_NOT_A_DATE}")`, result: textDates, format: FORMAT.whole },
      problem: "Datum is geen datum",
      explanation: "Rijen waar bij Factuurdatum of Betaaldatum tekst staat (bijvoorbeeld “begin maart”) in plaats van een datum.",
      where: { sheet: PAYOUTS_SHEET, cell: `G${first}` },
      outcome: {
        formula: (row) => `=IF(C${row}=0,"OK",${namedDate(`C${row}`)})`,
        result:
          textDates === 0
            ? "OK"
            : `${PAYOUTS_SHEET} rij ${first + dateAt}, ${dateColumn(statuses[dateAt])}: geen datum (${shownName(register[dateAt].name)})${andMoreText(textDates)}`,
      },
    },
    ...SIGNAL_KEYS.map((s) => signalCheck(register, s)),
  ];
}

/** What Controle says of each signal: its line, what it says when rows have it, and why it matters. */
const SIGNAL_CHECKS: Record<Signal, { label: string; problem: string; explanation: string }> = {
  invoicedNotDue: {
    label: "Gefactureerd gelijk aan te betalen",
    problem: "Gefactureerd ≠ te betalen",
    explanation: "Rijen op Uitbetalingen waar het gefactureerde bedrag afwijkt van Te betalen (de compensatie volgens de Begroting van dat jaar).",
  },
  paidNotInvoiced: {
    label: "Betaald gelijk aan gefactureerd",
    problem: "Betaald ≠ gefactureerd",
    explanation: "Rijen waar het betaalde bedrag afwijkt van het gefactureerde.",
  },
  paidBeforeDue: {
    label: "Niet betaald vóór de vervaldatum",
    problem: "Betaald vóór de vervaldatum",
    explanation: "Rijen met een betaaldatum vóór de vervaldatum (de uitbetaling volgt na de eerste maanden inzet, Uitbetaling_na_maanden).",
  },
  paidWithoutInvoice: {
    label: "Geen betaling zonder factuur",
    problem: "Betaald zonder factuur",
    explanation: "Rijen met een betaald bedrag maar zonder factuurnummer, factuurdatum of gefactureerd bedrag.",
  },
  overdue: {
    label: "Niets achterstallig op de peildatum",
    problem: "Achterstallig op de peildatum",
    explanation: `Rijen met iets te betalen waarvan de vervaldatum vóór de ${PEILDATUM_NAME} op Uitgangspunten ligt en die niet (volledig) betaald zijn. De ${PEILDATUM_NAME} is standaard de datum van opbouwen; typ er een andere datum om op een ander moment te toetsen.`,
  },
};

/** What the overdue line says when the Peildatum on Uitgangspunten is no date (emptied, or text). */
export const PEILDATUM_NOT_A_DATE = `${PEILDATUM_NAME} op Uitgangspunten is geen datum: achterstallig is niet getoetst`;

/**
 * One signal on Controle: how many rows have it (the numbers in its column on Uitbetalingen)
 * and the first of them by row and practice, live: "Betaald zonder factuur: Uitbetalingen rij
 * 7 (De Linde) en nog 2 rij(en)".
 */
function signalCheck(register: readonly RegisterRow[], signal: Signal): Check {
  const u = sheetRef(PAYOUTS_SHEET);
  const { first, last } = payoutsLayout(register);
  const col = SIGNAL_COLUMNS[signal];
  const rows = `${u}$${col}$${first}:$${col}$${last}`;
  const { label, problem, explanation } = SIGNAL_CHECKS[signal];
  const flagged = register.map((r, i) => ({ r, row: first + i })).filter((x) => x.r.signals.includes(signal));
  const named = (c: string) => `"${problem}: ${PAYOUTS_SHEET} rij "&MIN(${rows})&" ("&${nameFormula(u, first, last, `MIN(${rows})-${first - 1}`)}&")"&${andMoreFormula(c)}`;
  const guard = (inner: string) => (signal === "overdue" ? `IF(ISNUMBER(${PEILDATUM_NAME}),${inner},"${PEILDATUM_NOT_A_DATE}")` : inner);
  return {
    label,
    deviation: { formula: `=COUNT(${rows})`, result: flagged.length, format: FORMAT.whole },
    problem,
    explanation,
    where: { sheet: PAYOUTS_SHEET, cell: `${col}${first}` },
    outcome: {
      formula: (row) => `=${guard(`IF(C${row}=0,"OK",${named(`C${row}`)})`)}`,
      result: flagged.length === 0 ? "OK" : `${problem}: ${PAYOUTS_SHEET} rij ${flagged[0].row} (${shownName(flagged[0].r.name)})${andMoreText(flagged.length)}`,
    },
  };
}

/** One check per kept row (a payment whose practice-year the budget no longer has), by name, until it is cleared. */
export function keptRowChecks(register: readonly RegisterRow[]): Check[] {
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
        where: { sheet: PAYOUTS_SHEET, cell: `A${row}` },
      },
    ];
  });
}
