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
  /**
   * Who employs the POH for this practice (NOP: one practice acts as employer for the others,
   * under a service agreement with the municipality): the municipality's formation share is paid
   * to it. Absent or "" = the practice itself.
   */
  employer?: string;
  /**
   * The overhead compensation rate for this practice as a decimal fraction ("0.75"), overriding
   * the scheme's rate for its model (VPG ch. 12/14: 50–100% for a district with more youth
   * problems). Absent or null = the model's rate.
   */
  compensationRate?: string | null;
}

/** The party the municipality pays the formation share to: the employer, or the practice itself. @example payee({ ...p, employer: "" }) // p.name */
export const payee = (p: Practice): string => (p.employer !== undefined && p.employer !== "" ? p.employer : p.name);
