/** The three deployment models of VPG ch. 6. */
export const MODELS = ["basis", "aanvullend", "extra"] as const;
export type Model = (typeof MODELS)[number];

/** A calendar date as ISO `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * One GP practice or location (VPG ch. 14 pays "per praktijk of locatie").
 * Only counts: no patient-level data.
 */
export interface Practice {
  name: string;
  /** AGB code: 8 digits, kept as text because leading zeros matter. */
  agb: string;
  location: string;
  /** Registered patients (a count). */
  patients: number;
  model: Model;
  /** Weekly POH hours chosen for this practice; null = from the scheme's normpraktijk rule. */
  weeklyHours: number | null;
  /** First day of deployment; null = already running before any budget year. */
  startDate: IsoDate | null;
  /** Last day of deployment; null = open-ended. */
  endDate: IsoDate | null;
}
