import type { BudgetYear } from "../core/budget";
import { PARAMETERS, scalarValue, UNIT_LABEL, type Unit } from "../core/parameters";
import type { Scheme } from "../core/schemes";
import { excelSerial } from "../core/dates";
import { absolute, cell, range, sheetRef } from "./a1";
import { FORMAT } from "./formats";
import { Grid, text } from "./grid";
import { printSetup } from "./page";
import { peildatumSource, PEILDATUM_NAME, type Peildatum } from "./peildatum";
import { DATE_RANGE } from "./practices-sheet";
import type { DefinedName, SheetDescription, Validation } from "./types";

export const PARAMETERS_SHEET = "Uitgangspunten";
const FIRST_ROW = 5;
/** The row of the municipality's name (column B), above the parameters. */
export const MUNICIPALITY_ROW = 3;
/** The row of the budget year, the first parameter. */
export const BUDGET_YEAR_ROW = FIRST_ROW;
/** The row of a parameter on the sheet (its value is in column C). */
export const parameterRow = (key: (typeof PARAMETERS)[number]["key"]): number => FIRST_ROW + 1 + PARAMETERS.findIndex((p) => p.key === key);
/** The defined name of the budget year. */
export const BUDGET_YEAR_NAME = "Begrotingsjaar";
/**
 * The budget year is fixed for the sheets built for it (their names, titles, dates and the
 * years of Uitbetalingen); typing another year here moves the budget on the next rebuild, and
 * until then Controle says that the year and the sheets disagree.
 */
export const BUDGET_YEAR_SOURCE = "Vast voor de gebouwde bladen. Een ander jaar: typ het hier en bouw opnieuw op (paneel: Opnieuw opbouwen, of poh-budget --update); tot dan meldt Controle het verschil.";

const UNIT_FORMAT: Record<Unit, string> = {
  patients: FORMAT.whole,
  hoursPerWeek: FORMAT.hours,
  weeks: FORMAT.whole,
  euroPerHour: FORMAT.money,
  share: FORMAT.share,
  hoursPerMonth: FORMAT.hours,
  months: FORMAT.whole,
  euro: FORMAT.money,
  yesNo: FORMAT.whole,
  instalments: FORMAT.whole,
};

/** The yearly rates a Begroting sheet reads, by column of the indexation table. */
export const RATE_COLUMNS = { hourlyCost: 4, rentPerHour: 5, onboardingRate: 6, hisLicence: 7, insurance: 8 } as const;
export type RateKey = keyof typeof RATE_COLUMNS;

/** The column of the index table where the municipality's available budget of each year is typed. */
export const BUDGET_LINE_COLUMN = 9;
export const BUDGET_LINE_HEADER = "Beschikbaar budget gemeente";

export interface ParametersLayout {
  /** Absolute reference (with sheet) of a rate in the year `offset` after the budget year. */
  rateRef(offset: number, rate: RateKey): string;
  /** Absolute reference (with sheet) of the available budget typed for the year `offset` after the budget year. */
  budgetLineRef(offset: number): string;
}

/** The Peildatum's row: below the parameters. */
export const PEILDATUM_ROW = FIRST_ROW + PARAMETERS.length + 1;

function indexTableTop(): number {
  return PEILDATUM_ROW + 3;
}

export const parametersLayout: ParametersLayout = {
  rateRef: (offset, rate) => `${sheetRef(PARAMETERS_SHEET)}${absolute(indexTableTop() + 1 + offset, RATE_COLUMNS[rate])}`,
  budgetLineRef: (offset) => `${sheetRef(PARAMETERS_SHEET)}${absolute(indexTableTop() + 1 + offset, BUDGET_LINE_COLUMN)}`,
};

/**
 * Uitgangspunten: every parameter with its defined name, value, unit and source, the
 * Peildatum of the payment checks, then the indexation table that gives each forecast year
 * its rates.
 */
export function describeParameters(scheme: Scheme, years: readonly BudgetYear[], peildatum: Peildatum): { sheet: SheetDescription; names: DefinedName[] } {
  const grid = new Grid();
  const names: DefinedName[] = [];
  grid.set(1, 1, text("Uitgangspunten POH-GGZ Jeugd"));
  grid.setRow(2, 1, [text("Regeling"), text(scheme.label.nl)]);
  // Typed here, the name heads every printed page from the next rebuild on.
  grid.setRow(MUNICIPALITY_ROW, 1, [text("Gemeente"), scheme.params.municipality ? text(scheme.params.municipality) : null]);
  grid.setRow(4, 1, ["Naam", "Omschrijving", "Waarde", "Eenheid", "Bron"].map(text));

  const budgetYear = years[0].year;
  grid.setRow(FIRST_ROW, 1, [text(BUDGET_YEAR_NAME), text("Begrotingsjaar"), { value: budgetYear, format: FORMAT.year }, text("jaar"), text(BUDGET_YEAR_SOURCE)]);
  names.push({ name: BUDGET_YEAR_NAME, ref: `${sheetRef(PARAMETERS_SHEET)}${absolute(FIRST_ROW, 3)}` });
  PARAMETERS.forEach((p, i) => {
    const row = FIRST_ROW + 1 + i;
    grid.setRow(row, 1, [
      text(p.name),
      text(p.label.nl),
      { value: Number(scalarValue(scheme.params, p.key)), format: UNIT_FORMAT[p.unit] },
      text(UNIT_LABEL[p.unit].nl),
      text(scheme.sources[p.key] ?? p.source ?? "Invoer"),
    ]);
    names.push({ name: p.name, ref: `${sheetRef(PARAMETERS_SHEET)}${absolute(row, 3)}` });
  });
  // A date a person may change (issue 8.6): payments due before it and not fully paid are overdue.
  grid.setRow(PEILDATUM_ROW, 1, [
    text(PEILDATUM_NAME),
    text("Peildatum betalingen: een betaling met vervaldatum vóór deze datum die niet (volledig) betaald is, is achterstallig"),
    { value: excelSerial(peildatum.date), format: FORMAT.date },
    text("datum"),
    text(peildatumSource(peildatum)),
  ]);
  names.push({ name: PEILDATUM_NAME, ref: `${sheetRef(PARAMETERS_SHEET)}${absolute(PEILDATUM_ROW, 3)}` });

  const top = indexTableTop();
  grid.setRow(top - 1, 1, [
    text(
      "Indexatie per jaar: het begrotingsjaar in basisprijzen, latere jaren × (1 + index), afgerond op centen. " +
        `${BUDGET_LINE_HEADER}: het bedrag op de begroting van de gemeente voor dat jaar (leeg = niet getoetst); Meerjarenraming en Controle tonen of het de kosten dekt.`,
    ),
  ]);
  grid.setRow(top, 1, ["Jaar", "Loonindex", "Prijsindex", "Uurtarief", "Huur per uur", "Tarief inwerken", "HIS-licentie", "Verzekering", BUDGET_LINE_HEADER].map(text));
  const base: Record<RateKey, string> = { hourlyCost: "Uurtarief", rentPerHour: "Huur_per_uur", onboardingRate: "Inwerk_tarief", hisLicence: "HIS_licentie", insurance: "Verzekering" };
  years.forEach((year, offset) => {
    const row = top + 1 + offset;
    // The years are those of the sheets (issue 8: the budget year is one truth); a new year comes with a rebuild.
    grid.set(row, 1, { value: year.year, format: FORMAT.year });
    if (offset > 0) {
      grid.set(row, 2, { value: Number(scheme.params.wageIndex[offset - 1] ?? "0"), format: FORMAT.share });
      grid.set(row, 3, { value: Number(scheme.params.priceIndex[offset - 1] ?? "0"), format: FORMAT.share });
    }
    for (const rate of Object.keys(RATE_COLUMNS) as RateKey[]) {
      const col = RATE_COLUMNS[rate];
      const indexCol = rate === "hourlyCost" ? "B" : "C";
      const formula = offset === 0 ? `=${base[rate]}` : `=ROUND(${cell(row - 1, col)}*(1+${indexCol}${row}),2)`;
      grid.set(row, col, { formula, result: year.rates[rate].toNumber(), format: FORMAT.money });
    }
    const line = scheme.params.budgetLines?.[year.year];
    grid.set(row, BUDGET_LINE_COLUMN, line === undefined ? { format: FORMAT.money } : { value: Number(line), format: FORMAT.money });
  });
  const bottom = top + years.length;
  // Description and source wrap (style "wrap"), so the sheet prints on one page wide at a readable size.
  const columnWidths = [24, 34, 14, 14, 44, 16, 14, 14, 16];
  const budgetLines = range(top + 1, BUDGET_LINE_COLUMN, bottom, BUDGET_LINE_COLUMN);

  return {
    names,
    sheet: {
      name: PARAMETERS_SHEET,
      kind: "parameters",
      cells: grid.build(),
      columnWidths,
      frozenRows: 4,
      frozenColumns: 1,
      styles: [
        { range: "A1", style: "title" },
        { range: "A2:B2", style: "subtitle" },
        { range: range(4, 1, 4, 5), style: "header" },
        { range: range(FIRST_ROW, 1, PEILDATUM_ROW, 5), style: "wrap" },
        { range: range(FIRST_ROW, 3, PEILDATUM_ROW, 3), style: "input" },
        { range: cell(MUNICIPALITY_ROW, 2), style: "input" },
        { range: range(top - 1, 1, top - 1, 1), style: "note" },
        { range: range(top, 1, top, BUDGET_LINE_COLUMN), style: "header" },
        ...(years.length > 1 ? [{ range: range(top + 2, 2, bottom, 3), style: "input" as const }] : []),
        { range: budgetLines, style: "input" },
      ],
      validations: [peildatumValidation(), ...scheduleValidations(), budgetLineValidation(budgetLines)],
      conditionalFormats: [],
      charts: [],
      inputRanges: [range(FIRST_ROW, 3, PEILDATUM_ROW, 3), cell(MUNICIPALITY_ROW, 2), ...(years.length > 1 ? [range(top + 2, 2, bottom, 3)] : []), budgetLines],
      manualColumns: [],
      firstDataRow: FIRST_ROW,
      // The parameters on one page wide; the index table's last rates (F–H) on the next.
      print: printSetup(columnWidths, { titleRows: "4:4", titleColumns: 1, breaks: [5] }),
    },
  };
}

/** An available budget is an amount of euros, 0 or more (blank: not checked). */
function budgetLineValidation(cells: string): Validation {
  return {
    range: cells,
    kind: "decimal",
    min: 0,
    max: 1e9,
    title: BUDGET_LINE_HEADER,
    prompt: "Het budget van de gemeente voor POH-GGZ Jeugd in dit jaar, in euro's (bijvoorbeeld 120000); leeg = niet getoetst.",
    error: `${BUDGET_LINE_HEADER}: typ een bedrag in euro's als getal, bijvoorbeeld 120000 (geen “€” of tekst).`,
  };
}

/** Issue 11.2: the formation's payment schedule takes 4 or 12 instalments, in advance (1) or afterwards (0). */
function scheduleValidations(): Validation[] {
  return [
    { range: cell(parameterRow("formationInstalments"), 3), kind: "list", values: ["4", "12"], title: "Termijnen", prompt: "4 = per kwartaal, 12 = per maand. Bouw daarna opnieuw op.", error: "Termijnen: kies 4 (per kwartaal) of 12 (per maand)." },
    { range: cell(parameterRow("formationInAdvance"), 3), kind: "list", values: ["0", "1"], title: "Vooraf of achteraf", prompt: "1 = vooraf, 0 = achteraf. Bouw daarna opnieuw op.", error: "Vooraf of achteraf: typ 1 (vooraf) of 0 (achteraf)." },
  ];
}

/** The Peildatum is a date (Dutch messages, as on Uitbetalingen). */
function peildatumValidation(): Validation {
  return {
    range: cell(PEILDATUM_ROW, 3),
    kind: "date",
    min: DATE_RANGE.min,
    max: DATE_RANGE.max,
    title: PEILDATUM_NAME,
    prompt: "Een datum, bijvoorbeeld 1-7-2026: betalingen met een eerdere vervaldatum die niet betaald zijn, zijn achterstallig.",
    error: `${PEILDATUM_NAME}: typ een datum, bijvoorbeeld 1-7-2026 (geen tekst).`,
  };
}
