import { SCHEMES, withParameters, type Scheme } from "../core/schemes";

/**
 * The bundled samples. All names, codes and counts are made up: "gemeente Polderland" has 12
 * practice locations under the Flevoland scheme with 46 contracted hours, fewer than the
 * ~49 h its practices are entitled to, so the NOP redistribution shows. Het Anker employs the
 * POH for Kerkstraat and Noordermeer (NOP: one practice as employer for the others); Polderweg,
 * model Extra, gets 75% compensation (VPG ch. 12/14: 50–100%).
 */
export const SAMPLE_PRACTICES_CSV = `praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum;werkgever;vergoedingspercentage
Huisartsenpraktijk De Linde;01012345;Emmelhage;2.940;Aanvullend;;01-01-2024;;;
Gezondheidscentrum Het Anker;01023456;Emmelhage;5.120;Aanvullend;;01-01-2024;;;
Huisartsen Kerkstraat;01034567;Marsdorp;1.875;Basis;;01-01-2024;;Gezondheidscentrum Het Anker;
Praktijk Zuiderzee;01045678;Marsdorp;2.350;Aanvullend;;01-03-2025;;;
Huisartsenpraktijk Polderweg;01056789;Nagelveen;3.310;Extra;;01-01-2024;;;75%
Dokterspraktijk Bloemenhof;01067890;Nagelveen;1.640;Aanvullend;;01-09-2025;;;
Huisartsen Ruigeweg;01078901;Kreilhof;2.780;Aanvullend;;01-01-2024;31-12-2026;;
Gezondheidshuis De Vaart;01089012;Kreilhof;4.010;Aanvullend;4,5;01-01-2024;;;
Huisartsenpraktijk Noordermeer;01090123;Luttelwijk;1.230;Basis;;01-01-2024;;Gezondheidscentrum Het Anker;
Praktijk Oude Haven;01101234;Luttelwijk;2.205;Aanvullend;;01-05-2026;;;
Huisartsen Tollebeek-Oost;01112345;Tollebeek;2.660;Aanvullend;;01-01-2024;;;
Huisartsenpraktijk Espelerhof;01123456;Espel;1.980;Extra;;15-09-2026;;;
`;

/** The budget year the sample's dates are written for; samplePracticesCsv moves them to another. */
export const SAMPLE_BASE_YEAR = 2026;

/**
 * The sample CSV with its dates moved to `budgetYear`, so that whatever year it is built for
 * it shows the same things: practices running since two years, one starting mid-year and one
 * ending at the year's end.
 *
 * @example
 * samplePracticesCsv(2027).includes("01-05-2027") // true (Praktijk Oude Haven starts in May)
 */
export function samplePracticesCsv(budgetYear: number): string {
  const shift = budgetYear - SAMPLE_BASE_YEAR;
  return SAMPLE_PRACTICES_CSV.replace(/(\d{2}-\d{2}-)(\d{4})/g, (_, dayMonth: string, year: string) => `${dayMonth}${Number(year) + shift}`);
}

/** How the sample is built when \`poh-budget\` runs without a practices file. */
export const SAMPLE_SETTINGS = {
  scheme: "flevoland",
  years: 4,
  capacityHours: "46",
  hourlyCost: "52.50",
  /** The made-up municipality of the sample practices: it heads the printed pages. */
  municipality: "Polderland",
  /** Issue 11.7: Polderland compensates overhead by model as VPG does (the NOP proposal is silent on it). */
  compensationRates: { basis: "0", aanvullend: "0.5", extra: "1" },
} as const;

const SAMPLE_RATE_SOURCE = "Keuze van gemeente Polderland (voorbeeld): compensatie per model zoals VPG h. 6 en 14";

/**
 * Under the Flevoland scheme, the sample's overhead compensation by model, its source naming
 * the choice as the municipality's (the NOP proposal says nothing of it); other schemes as given.
 *
 * @example
 * withSampleRates(SCHEMES.flevoland).params.compensationRates.aanvullend // "0.5"
 */
export function withSampleRates(scheme: Scheme): Scheme {
  if (scheme.id !== "flevoland") return scheme;
  const changed = withParameters(scheme, { compensationRates: { ...SAMPLE_SETTINGS.compensationRates } });
  return { ...changed, sources: { ...changed.sources, rateBasis: SAMPLE_RATE_SOURCE, rateAanvullend: SAMPLE_RATE_SOURCE, rateExtra: SAMPLE_RATE_SOURCE } };
}

/**
 * The scheme of the bundled sample as the command and the pane build it: Flevoland with
 * Polderland's 46 hours, hourly cost, name and compensation by model.
 *
 * @example
 * sampleScheme().params.capacityHours // "46"
 */
export function sampleScheme(): Scheme {
  const { capacityHours, hourlyCost, municipality } = SAMPLE_SETTINGS;
  return withSampleRates(withParameters(SCHEMES.flevoland, { capacityHours, hourlyCost, municipality }));
}

/** The VPG worked example (VPG ch. 14) as a one-practice CSV for the \`vpg\` scheme. */
export const VPG_EXAMPLE_CSV = `praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum
Voorbeeldpraktijk VPG;01000001;Spijkenisse;4.700;Aanvullend;8;01-01-2025;
`;
