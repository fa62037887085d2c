/** The options of `poh-budget`, with their help in Dutch and English. */
import { PARAMETERS, type ScalarKey, type SchemeParameters } from "../core/parameters";
import { BUDGET_YEAR_RANGE, MAX_FORECAST_YEARS } from "../workbook/describe";

export interface FlagSpec {
  name: string;
  /** Placeholder of the value; null for a switch. */
  value: string | null;
  nl: string;
  en: string;
  /** The scheme parameter this flag sets (its bounds are the parameter's, src/core/parameters.ts). */
  parameter?: keyof SchemeParameters & ScalarKey;
  repeatable?: boolean;
  /** The values allowed, for the help; a parameter's come from its limit. */
  range?: string;
}

export const FLAGS: readonly FlagSpec[] = [
  { name: "--scheme", value: "vpg|flevoland|custom", nl: "regeling (standaard flevoland)", en: "scheme (default flevoland)" },
  { name: "--practices", value: "bestand.csv", nl: "praktijken uit CSV (; , of tab gescheiden; UTF-8, Windows-1252 of UTF-16)", en: "practices from CSV (; , or tab separated; UTF-8, Windows-1252 or UTF-16)" },
  { name: "--year", value: "jaar", nl: "begrotingsjaar (standaard volgend jaar)", en: "budget year (default next year)", range: `${BUDGET_YEAR_RANGE.min}–${BUDGET_YEAR_RANGE.max}` },
  { name: "--years", value: "n", nl: "jaren in de meerjarenraming, inclusief het begrotingsjaar (standaard 4)", en: "years in the forecast, budget year included (default 4)", range: `1–${MAX_FORECAST_YEARS}` },
  {
    name: "--out",
    value: "bestand.xlsx",
    nl: "uitvoerbestand (nooit een invoerbestand); een bestaande werkmap van poh-budget wordt eerst gelezen en met alles wat erin getypt is opnieuw opgebouwd",
    en: "output file (never an input file); an existing workbook made by poh-budget is read first and rebuilt with everything typed in it",
  },
  {
    name: "--update",
    value: "bestand.xlsx",
    nl: "bouw deze werkmap opnieuw op uit wat erin staat (uitgangspunten, praktijken, betalingen) en schrijf hem terug; met --out naar een ander, nieuw bestand",
    en: "rebuild this workbook from what it holds (parameters, practices, payments) and write it back; with --out into another, new file",
  },
  {
    name: "--force",
    value: null,
    nl: "vervang ook een alleen-lezen bestand (rechten blijven), het bestand achter een koppeling, een bestaand --sample-csv-bestand, een .xlsx die poh-budget niet maakte (als nieuwe begroting), of een bestaand --out-bestand bij --update",
    en: "also replace a read-only file (permissions kept), the file behind a link, an existing --sample-csv file, an .xlsx poh-budget did not make (as a new budget), or an existing --out file with --update",
  },
  { name: "--sample", value: "polderland|vpg", nl: "bouw een meegeleverd voorbeeld", en: "build a bundled sample" },
  { name: "--sample-csv", value: "bestand.csv", nl: "schrijf de voorbeeld-CSV, als sjabloon", en: "write the sample CSV, as a template" },
  { name: "--hourly-cost", value: "€", nl: "kosten formatie per uur", en: "formation cost per hour", parameter: "hourlyCost" },
  { name: "--capacity", value: "uren", nl: "beschikbare uren per week in de gemeente (0 = geen plafond)", en: "available hours per week in the municipality (0 = no cap)", parameter: "capacityHours" },
  { name: "--municipality-share", value: "0,5|50%", nl: "aandeel gemeente in de formatie", en: "municipality share of formation", parameter: "municipalityShare" },
  { name: "--hours-per-normpractice", value: "uren", nl: "uren per week per normpraktijk", en: "weekly hours per normpraktijk", parameter: "hoursPerNormpractice" },
  { name: "--normpractice-size", value: "patiënten", nl: "patiënten per normpraktijk", en: "patients per normpraktijk", parameter: "normpracticeSize" },
  { name: "--weeks-per-year", value: "weken", nl: "werkweken per jaar", en: "working weeks per year", parameter: "weeksPerYear" },
  { name: "--rent-per-hour", value: "€", nl: "bijdrage huur ruimte per uur", en: "room rent contribution per hour", parameter: "rentPerHour" },
  { name: "--onboarding-hours-per-month", value: "uren", nl: "overleguren inwerkperiode per maand", en: "onboarding consultation hours per month", parameter: "onboardingHoursPerMonth" },
  { name: "--onboarding-months", value: "maanden", nl: "maanden inwerkperiode", en: "onboarding months", parameter: "onboardingMonths" },
  { name: "--onboarding-rate", value: "€", nl: "tarief overleguren inwerkperiode", en: "onboarding consultation rate", parameter: "onboardingRate" },
  { name: "--his", value: "€", nl: "HIS-licentie per praktijk per jaar", en: "HIS licence per practice per year", parameter: "hisLicence" },
  { name: "--insurance", value: "€", nl: "beroepsaansprakelijkheidsverzekering per jaar", en: "liability insurance per year", parameter: "insurance" },
  { name: "--rate-basis", value: "0–1|%", nl: "compensatie overhead bij model Basis", en: "overhead compensation, model Basis", range: "0–1 / 0–100%" },
  { name: "--rate-aanvullend", value: "0–1|%", nl: "compensatie overhead bij model Aanvullend", en: "overhead compensation, model Aanvullend", range: "0–1 / 0–100%" },
  { name: "--rate-extra", value: "0–1|%", nl: "compensatie overhead bij model Extra", en: "overhead compensation, model Extra", range: "0–1 / 0–100%" },
  { name: "--payout-after-months", value: "maanden", nl: "uitbetaling na maanden inzet", en: "payout after months of deployment", parameter: "payoutAfterMonths" },
  { name: "--pilot", value: "ja|nee", nl: "formatie is incidenteel (pilot)", en: "formation is incidental (pilot)" },
  { name: "--wage-index", value: "3,2%|2027=3,2%", nl: "loonindex voor latere jaren (herhaalbaar per jaar)", en: "wage index of later years (repeat per year)", repeatable: true, range: "0–100%" },
  { name: "--price-index", value: "2%|2027=2%", nl: "prijsindex voor latere jaren (herhaalbaar per jaar)", en: "price index of later years (repeat per year)", repeatable: true, range: "0–100%" },
  {
    name: "--budget",
    value: "2027=120000",
    nl: "beschikbaar budget van de gemeente in een jaar van de raming (herhaalbaar per jaar); Meerjarenraming en Controle tonen of het de kosten dekt",
    en: "the municipality's available budget in a year of the forecast (repeat per year); Meerjarenraming and Controle show whether it covers the costs",
    repeatable: true,
    range: "0–1.000.000.000",
  },
  {
    name: "--peildatum",
    value: "jjjj-mm-dd",
    nl: "peildatum van de betalingscontrole op Uitbetalingen: te betalen vóór deze datum en niet betaald is achterstallig (standaard de datum van opbouwen; een in de werkmap getypte peildatum blijft)",
    en: "reference date of the payment checks on Uitbetalingen: due before it and not paid is overdue (default the build date; a date typed in the workbook is kept)",
    range: "1990-01-01–2100-12-31",
  },
  { name: "--lang", value: "nl|en", nl: "taal van de meldingen", en: "language of the messages" },
  { name: "--help", value: null, nl: "deze hulp", en: "this help" },
  { name: "--version", value: null, nl: "versie", en: "version" },
];

export type ParsedFlags = Map<string, string[]>;

/** Splits argv into flags and values (`--flag value` or `--flag=value`); throws on an unknown flag. */
export function parseFlags(argv: readonly string[]): ParsedFlags | { unknown: string } | { missingValue: string } | { switchWithValue: string } {
  const flags: ParsedFlags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
    const spec = FLAGS.find((f) => f.name === name) ?? (name === "-h" ? FLAGS.find((f) => f.name === "--help") : undefined);
    if (!spec) return { unknown: argv[i] };
    let value = "";
    if (spec.value !== null) {
      value = inline ?? argv[++i];
      // "--year --out x.xlsx": the next flag is not the year.
      if (value === undefined || (inline === undefined && isFlag(value))) return { missingValue: spec.name };
    } else if (inline !== undefined) return { switchWithValue: spec.name }; // "--force=no" must not mean force
    flags.set(spec.name, [...(flags.get(spec.name) ?? []), value]);
  }
  return flags;
}

const isFlag = (arg: string) => FLAGS.some((f) => arg === f.name || arg.startsWith(`${f.name}=`)) || arg === "-h";

/** The help text, Dutch and English side by side. */
export function helpText(): string {
  const lines = [
    "poh-budget — begroting POH-GGZ Jeugd als Excel-werkmap / POH-GGZ Youth budget as an Excel workbook",
    "",
    "Gebruik / usage: poh-budget [opties / options]",
    "Zonder --practices: bouwt het meegeleverde voorbeeld, voor volgend jaar (standaard in begroting-voorbeeld.xlsx).",
    "Without --practices: builds the bundled sample, for next year (by default into begroting-voorbeeld.xlsx).",
    "Is het uitvoerbestand een werkmap van poh-budget, dan worden uitgangspunten, praktijken en betalingen eerst daaruit gelezen; opties gaan daarvoor.",
    "When the output is a workbook made by poh-budget, its parameters, practices and payments are read from it first; options override them.",
    "Opnieuw opbouwen zonder CSV / rebuild without a CSV: poh-budget --update begroting.xlsx",
    "Afsluitcodes / exit codes: 0 geschreven / written, 1 fouten in de praktijken of de werkmap / bad practices or workbook values, 2 optie of uitvoer geweigerd (ook een .xlsx die poh-budget niet maakte) / option or output refused (also an .xlsx poh-budget did not make), 4 schrijven mislukt, oud bestand intact / write failed, old file intact.",
    "",
  ];
  for (const f of FLAGS) {
    const range = rangeOf(f);
    lines.push(`  ${f.name}${f.value ? ` <${f.value}>` : ""}${range ? `   [${range}]` : ""}`);
    lines.push(`      ${f.nl}`);
    lines.push(`      ${f.en}`);
  }
  lines.push(
    "",
    "Voorbeelden / examples:",
    "  poh-budget --scheme flevoland --practices praktijken.csv --year 2025 --years 4 --hourly-cost 52,50 --capacity 46 --out begroting.xlsx",
    "  poh-budget --update begroting.xlsx --hourly-cost 55",
  );
  return lines.join("\n");
}

/** The allowed values of a flag as the help shows them: "0–10000", "0–1 / 0–100%", "2000–2200". */
export function rangeOf(flag: FlagSpec): string | null {
  if (flag.range) return flag.range;
  const info = flag.parameter ? PARAMETERS.find((p) => p.key === flag.parameter) : undefined;
  if (!info) return null;
  const low = info.limit.positive ? (info.limit.whole ? "1" : "> 0") : "0";
  const span = low === "> 0" ? `> 0–${info.limit.max}` : `${low}–${info.limit.max}`;
  return info.unit === "share" ? `${span} / 0–100%` : span;
}
