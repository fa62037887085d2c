import type { ScalarKey, SchemeParameters } from "./parameters";

export const SCHEME_IDS = ["vpg", "flevoland", "custom"] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];

export interface Scheme {
  id: SchemeId;
  label: { nl: string; en: string };
  params: SchemeParameters;
  /** Where each default comes from, shown beside it on the Uitgangspunten sheet. */
  sources: Partial<Record<ScalarKey, string>>;
}

const VPG = "VPG regioplan POH-GGZ Jeugd 2021";
const NOP = "Raadsvoorstel Noordoostpolder 12-12-2023";
const NO_NOP_COMPENSATION = `${NOP} noemt geen compensatie overhead: 0 tot de gemeente een percentage kiest (VPG h. 6 en 14: per model)`;

/** Sources shared by every preset: the rules are the same, only the funding differs. */
const COMMON_SOURCES: Partial<Record<ScalarKey, string>> = {
  normpracticeSize: "Norm POH-GGZ van zorgverzekeraars (VWS 2005)",
  hoursPerNormpractice: `${NOP}: 4 uur per normpraktijk`,
  weeksPerYear: `Afgeleid: ${VPG} h. 14, 384 uur = 8 uur × 48 weken`,
  hourlyCost: "Invoer; geen bron in de stukken (€ 52,50 is één openbaar detacheringstarief)",
  rentPerHour: `${VPG} h. 14`,
  onboardingHoursPerMonth: `${VPG} h. 14`,
  onboardingMonths: `Afgeleid: ${VPG} h. 14, € 1.320 = 2 uur × 12 maanden × € 55`,
  onboardingRate: `Afgeleid: ${VPG} h. 14, € 1.320 / 24 uur`,
  hisLicence: `${VPG} h. 14`,
  insurance: `${VPG} h. 14`,
  payoutAfterMonths: `${VPG} h. 14: uitbetaling na de eerste vier maanden inzet`,
};

const BASE: SchemeParameters = {
  normpracticeSize: 2350,
  hoursPerNormpractice: "4",
  capacityHours: "0",
  weeksPerYear: "48",
  hourlyCost: "52.50",
  municipalityShare: "1",
  rentPerHour: "10",
  onboardingHoursPerMonth: "2",
  onboardingMonths: "12",
  onboardingRate: "55",
  hisLicence: "350",
  insurance: "150",
  compensationRates: { basis: "0", aanvullend: "0.5", extra: "1" },
  payoutAfterMonths: 4,
  formationIncidental: false,
  // Issue 11.2: per quarter afterwards until the municipality chooses otherwise (SCHEDULE_SOURCE).
  formationInstalments: 4,
  formationInAdvance: false,
  wageIndex: [],
  priceIndex: [],
};

/** The three presets of PRODUCT.md ("Schemes"). */
export const SCHEMES: Record<SchemeId, Scheme> = {
  vpg: {
    id: "vpg",
    label: { nl: "VPG regioplan (pilot)", en: "VPG regional plan (pilot)" },
    params: { ...BASE, municipalityShare: "1", formationIncidental: true },
    sources: {
      ...COMMON_SOURCES,
      capacityHours: "Geen plafond in het regioplan",
      municipalityShare: `${VPG} h. 14: gemeenten financieren 100% van de formatie in de pilot`,
      rateBasis: `${VPG} h. 6: model Basis, geen compensatie`,
      rateAanvullend: `${VPG} h. 6 en 14: model Aanvullend, 50%`,
      rateExtra: `${VPG} h. 6 en 14: model Extra jeugdhulp, 50–100%`,
      formationIncidental: `${VPG} h. 14: pilotperiode`,
    },
  },
  flevoland: {
    id: "flevoland",
    label: { nl: "Flevoland / Zilveren Kruis (structureel)", en: "Flevoland / Zilveren Kruis (structural)" },
    params: {
      ...BASE,
      municipalityShare: "0.5",
      compensationRates: { basis: "0", aanvullend: "0", extra: "0" },
      formationIncidental: false,
    },
    sources: {
      ...COMMON_SOURCES,
      capacityHours: `${NOP}: 46 uur in totaal, herverdeeld als ze niet ingevuld kunnen worden (0 = geen plafond)`,
      municipalityShare: `${NOP}: 50/50 met Zilveren Kruis`,
      // The NOP proposal says nothing of overhead compensation: 0 is no rule of it, only nothing chosen yet.
      rateBasis: NO_NOP_COMPENSATION,
      rateAanvullend: NO_NOP_COMPENSATION,
      rateExtra: NO_NOP_COMPENSATION,
      formationIncidental: `${NOP}: structureel vanaf 1 januari 2024`,
    },
  },
  custom: {
    id: "custom",
    label: { nl: "Eigen regeling", en: "Custom scheme" },
    params: { ...BASE, municipalityShare: "0.5" },
    sources: { ...COMMON_SOURCES, municipalityShare: "Eigen keuze", rateBasis: `${VPG} h. 6`, rateAanvullend: `${VPG} h. 6`, rateExtra: `${VPG} h. 6` },
  },
};

/**
 * A preset with some parameters changed; a changed parameter's source becomes "eigen invoer".
 *
 * @example
 * withParameters(SCHEMES.flevoland, { capacityHours: "46" }).params.capacityHours // "46"
 */
export function withParameters(scheme: Scheme, changes: Partial<SchemeParameters>): Scheme {
  const params: SchemeParameters = {
    ...scheme.params,
    ...changes,
    compensationRates: { ...scheme.params.compensationRates, ...changes.compensationRates },
  };
  const sources = { ...scheme.sources };
  for (const key of Object.keys(changes) as (keyof SchemeParameters)[]) {
    if (key === "compensationRates") {
      const rates = changes.compensationRates ?? {};
      if ("basis" in rates) sources.rateBasis = "Eigen invoer";
      if ("aanvullend" in rates) sources.rateAanvullend = "Eigen invoer";
      if ("extra" in rates) sources.rateExtra = "Eigen invoer";
    } else if (key !== "wageIndex" && key !== "priceIndex" && key !== "peildatum" && key !== "municipality" && key !== "budgetLines") {
      sources[key] = "Eigen invoer";
    }
  }
  return { ...scheme, params, sources };
}
