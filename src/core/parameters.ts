import type { IsoDate, Model } from "./types";

/**
 * Every parameter a scheme sets. Amounts, rates and shares are decimal strings so no
 * binary float ever touches money; counts are numbers.
 */
export interface SchemeParameters {
  normpracticeSize: number;
  hoursPerNormpractice: string;
  /** Contracted POH hours per week for the whole municipality; "0" = no cap. */
  capacityHours: string;
  weeksPerYear: string;
  hourlyCost: string;
  municipalityShare: string;
  rentPerHour: string;
  onboardingHoursPerMonth: string;
  onboardingMonths: string;
  onboardingRate: string;
  hisLicence: string;
  insurance: string;
  compensationRates: Record<Model, string>;
  payoutAfterMonths: number;
  /** A pilot's formation cost is incidental (BBV); a structural scheme's is not. */
  formationIncidental: boolean;
  /** Wage index per later year: element i applies to budget year + i + 1; missing = 0. */
  wageIndex: string[];
  /** Price index per later year, as wageIndex. */
  priceIndex: string[];
  /**
   * The reference date of the payment checks (a payment due before it and not fully paid is
   * overdue), as a person typed it on Uitgangspunten or gave it with --peildatum; absent = the
   * date the workbook is built (describe fills it in).
   */
  peildatum?: IsoDate;
  /**
   * The municipality's name, as typed on Uitgangspunten (or given): it heads every printed
   * page. Not a number of the budget; absent = none known.
   */
  municipality?: string;
  /**
   * The municipality's available budget per calendar year (its budget line for the POH; NOP:
   * the costs are covered "binnen het huidige budget van de meerjarige begroting"), as typed on
   * Uitgangspunten or given with --budget; a year not in it has no budget to check against.
   */
  budgetLines?: Readonly<Record<number, string>>;
  /** Instalments per year of the municipality's formation share: 4 (per quarter) or 12 (per month); absent = 4. */
  formationInstalments?: number;
  /** The formation instalments are paid in advance (first day of the period); absent or false = afterwards. */
  formationInAdvance?: boolean;
}

/** Keys of the scalar parameters shown one per row on the Uitgangspunten sheet. */
export type ScalarKey =
  | Exclude<keyof SchemeParameters, "compensationRates" | "wageIndex" | "priceIndex" | "peildatum" | "municipality" | "budgetLines">
  | "rateBasis"
  | "rateAanvullend"
  | "rateExtra";

export type Unit = "patients" | "hoursPerWeek" | "weeks" | "euroPerHour" | "share" | "hoursPerMonth" | "months" | "euro" | "yesNo" | "instalments";

export interface ParameterInfo {
  key: ScalarKey;
  /** The workbook's defined name for this parameter. */
  name: string;
  label: { nl: string; en: string };
  unit: Unit;
  /** Bounds a value must keep, wherever it is typed (command line, Uitgangspunten). */
  limit: { max: number; whole?: boolean; positive?: boolean };
  /** The only values allowed (besides the bounds), e.g. 4 or 12 instalments. */
  allowed?: readonly number[];
  /** The source shown when the scheme gives none. */
  source?: string;
}

/** No seed fixes a payment schedule for the formation: the municipality chooses (issue 11.2). */
export const SCHEDULE_SOURCE = "Keuze van de gemeente; de stukken regelen geen betaalschema";

/** The Uitgangspunten rows, in order. Names are Excel defined names (A1-safe, no cell-like names). */
export const PARAMETERS: readonly ParameterInfo[] = [
  { key: "normpracticeSize", name: "Normpraktijk", label: { nl: "Patiënten per normpraktijk", en: "Patients per normpraktijk" }, unit: "patients", limit: { max: 1_000_000, whole: true, positive: true } },
  { key: "hoursPerNormpractice", name: "Uren_per_normpraktijk", label: { nl: "Uren POH Jeugd per normpraktijk per week", en: "POH hours per normpraktijk per week" }, unit: "hoursPerWeek", limit: { max: 168 } },
  { key: "capacityHours", name: "Capaciteit_uren", label: { nl: "Beschikbare uren per week (0 = geen plafond)", en: "Available hours per week (0 = no cap)" }, unit: "hoursPerWeek", limit: { max: 100_000 } },
  { key: "weeksPerYear", name: "Weken_per_jaar", label: { nl: "Werkweken per jaar", en: "Working weeks per year" }, unit: "weeks", limit: { max: 53, positive: true } },
  { key: "hourlyCost", name: "Uurtarief", label: { nl: "Kosten formatie per uur", en: "Formation cost per hour" }, unit: "euroPerHour", limit: { max: 10_000 } },
  { key: "municipalityShare", name: "Aandeel_gemeente", label: { nl: "Aandeel gemeente in formatie", en: "Municipality share of formation" }, unit: "share", limit: { max: 1 } },
  { key: "rentPerHour", name: "Huur_per_uur", label: { nl: "Bijdrage huur ruimte per uur", en: "Room rent contribution per hour" }, unit: "euroPerHour", limit: { max: 10_000 } },
  { key: "onboardingHoursPerMonth", name: "Inwerk_uren_per_maand", label: { nl: "Overleguren inwerkperiode per maand", en: "Onboarding consultation hours per month" }, unit: "hoursPerMonth", limit: { max: 744 } },
  { key: "onboardingMonths", name: "Inwerk_maanden", label: { nl: "Maanden inwerkperiode", en: "Onboarding months" }, unit: "months", limit: { max: 12, whole: true } },
  { key: "onboardingRate", name: "Inwerk_tarief", label: { nl: "Tarief overleguren inwerkperiode", en: "Onboarding consultation rate" }, unit: "euroPerHour", limit: { max: 10_000 } },
  { key: "hisLicence", name: "HIS_licentie", label: { nl: "Licentie HIS per praktijk per jaar", en: "HIS licence per practice per year" }, unit: "euro", limit: { max: 1_000_000 } },
  { key: "insurance", name: "Verzekering", label: { nl: "Beroepsaansprakelijkheidsverzekering per jaar", en: "Liability insurance per year" }, unit: "euro", limit: { max: 1_000_000 } },
  { key: "rateBasis", name: "Vergoeding_basis", label: { nl: "Compensatie overhead, model Basis", en: "Overhead compensation, model Basis" }, unit: "share", limit: { max: 1 } },
  { key: "rateAanvullend", name: "Vergoeding_aanvullend", label: { nl: "Compensatie overhead, model Aanvullend", en: "Overhead compensation, model Aanvullend" }, unit: "share", limit: { max: 1 } },
  { key: "rateExtra", name: "Vergoeding_extra", label: { nl: "Compensatie overhead, model Extra jeugdhulp", en: "Overhead compensation, model Extra" }, unit: "share", limit: { max: 1 } },
  { key: "payoutAfterMonths", name: "Uitbetaling_na_maanden", label: { nl: "Uitbetaling na maanden inzet", en: "Payout after months of deployment" }, unit: "months", limit: { max: 12, whole: true, positive: true } },
  { key: "formationIncidental", name: "Formatie_incidenteel", label: { nl: "Formatie is incidenteel (pilot)", en: "Formation is incidental (pilot)" }, unit: "yesNo", limit: { max: 1, whole: true } },
  { key: "formationInstalments", name: "Formatie_termijnen", label: { nl: "Betaling formatie: termijnen per jaar (4 = per kwartaal, 12 = per maand)", en: "Formation payments: instalments per year (4 = quarterly, 12 = monthly)" }, unit: "instalments", limit: { max: 12, whole: true, positive: true }, allowed: [4, 12], source: SCHEDULE_SOURCE },
  { key: "formationInAdvance", name: "Formatie_vooraf", label: { nl: "Betaling formatie vooraf (1 = vooraf, 0 = achteraf)", en: "Formation paid in advance (1 = in advance, 0 = afterwards)" }, unit: "yesNo", limit: { max: 1, whole: true }, source: SCHEDULE_SOURCE },
];

export const UNIT_LABEL: Record<Unit, { nl: string; en: string }> = {
  patients: { nl: "patiënten", en: "patients" },
  hoursPerWeek: { nl: "uur per week", en: "hours per week" },
  weeks: { nl: "weken", en: "weeks" },
  euroPerHour: { nl: "€ per uur", en: "€ per hour" },
  share: { nl: "fractie (0–1)", en: "fraction (0–1)" },
  hoursPerMonth: { nl: "uur per maand", en: "hours per month" },
  months: { nl: "maanden", en: "months" },
  euro: { nl: "€", en: "€" },
  yesNo: { nl: "1 = ja, 0 = nee", en: "1 = yes, 0 = no" },
  instalments: { nl: "termijnen (4 of 12)", en: "instalments (4 or 12)" },
};

/** Reads one scalar parameter as a decimal string (booleans as "1"/"0"). */
export function scalarValue(params: SchemeParameters, key: ScalarKey): string {
  switch (key) {
    case "rateBasis":
      return params.compensationRates.basis;
    case "rateAanvullend":
      return params.compensationRates.aanvullend;
    case "rateExtra":
      return params.compensationRates.extra;
    case "formationIncidental":
      return params.formationIncidental ? "1" : "0";
    case "formationInstalments":
      return String(params.formationInstalments ?? 4);
    case "formationInAdvance":
      return params.formationInAdvance ? "1" : "0";
    default:
      return String(params[key]);
  }
}
