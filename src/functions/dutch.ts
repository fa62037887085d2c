/**
 * Dutch names and descriptions of every custom function and parameter, keyed by id and by
 * English parameter name. The build turns functions.json into functions-nl.json with this
 * table and fails when an id or a parameter has no Dutch entry.
 */
export interface DutchFunction {
  name: string;
  description: string;
  result: string;
  parameters: Record<string, { name: string; description: string }>;
}

export const DUTCH: Record<string, DutchFunction> = {
  POH_HOURS_PER_NORMPRACTICE: {
    name: "POH_UREN_PER_NORMPRAKTIJK",
    description: "Uren POH-GGZ Jeugd per week voor een praktijk: normpraktijken x uren per normpraktijk.",
    result: "Uren per week, afgerond op 2 decimalen.",
    parameters: {
      patients: { name: "patienten", description: "Ingeschreven patiënten van de praktijk." },
      hours_per_normpractice: { name: "uren_per_normpraktijk", description: "Uren per week per normpraktijk (standaard 4, NOP)." },
      normpractice_size: { name: "normpraktijk", description: "Patiënten per normpraktijk (standaard 2350)." },
    },
  },
  POH_RENT: {
    name: "POH_HUUR",
    description: "Jaarlijkse bijdrage huur ruimte: uren per week x weken x huur per uur x maanden / 12.",
    result: "Huur per jaar in euro, afgerond op centen.",
    parameters: {
      weekly_hours: { name: "uren_per_week", description: "Uren POH per week in de praktijk." },
      rent_per_hour: { name: "huur_per_uur", description: "Bijdrage huur per uur (standaard 10 euro, VPG)." },
      weeks_per_year: { name: "weken_per_jaar", description: "Werkweken per jaar (standaard 48)." },
      months_active: { name: "maanden_actief", description: "Maanden actief in het jaar (standaard 12)." },
    },
  },
  POH_OVERHEAD: {
    name: "POH_OVERHEAD",
    description: "Overheadkosten van een praktijkjaar: inwerken (eerste jaar) + huur + HIS-licentie + verzekering.",
    result: "Overhead in euro, afgerond op centen.",
    parameters: {
      weekly_hours: { name: "uren_per_week", description: "Uren POH per week in de praktijk." },
      first_year: { name: "eerste_jaar", description: "WAAR in het jaar waarin de inzet start (standaard WAAR)." },
      months_active: { name: "maanden_actief", description: "Maanden actief in het jaar (standaard 12)." },
    },
  },
  POH_COMPENSATION: {
    name: "POH_COMPENSATIE",
    description: "Compensatie van de overheadkosten door de gemeente voor een praktijkjaar.",
    result: "Compensatie in euro, afgerond op centen.",
    parameters: {
      weekly_hours: { name: "uren_per_week", description: "Uren POH per week in de praktijk." },
      model_or_rate: { name: "model_of_percentage", description: "\"basis\", \"aanvullend\" (standaard), \"extra\" of een percentage van 0 tot 1." },
      first_year: { name: "eerste_jaar", description: "WAAR in het jaar waarin de inzet start (standaard WAAR)." },
      months_active: { name: "maanden_actief", description: "Maanden actief in het jaar (standaard 12)." },
    },
  },
  POH_SPLIT: {
    name: "POH_VERDELING",
    description: "Het deel van één financier; de verzekeraar krijgt de rest, zodat beide delen optellen tot het bedrag.",
    result: "Het deel in euro, afgerond op centen.",
    parameters: {
      amount: { name: "bedrag", description: "Het te verdelen bedrag in euro." },
      municipality_share: { name: "aandeel_gemeente", description: "Aandeel van de gemeente van 0 tot 1 (standaard 0,5, NOP)." },
      part: { name: "deel", description: "\"gemeente\" (standaard) of \"verzekeraar\"." },
    },
  },
};

/** The Dutch name of an English parameter name, for messages in Dutch. @example dutchParameterName("weekly_hours") // "uren_per_week" */
export function dutchParameterName(englishName: string): string {
  for (const fn of Object.values(DUTCH)) {
    const found = fn.parameters[englishName];
    if (found) return found.name;
  }
  return englishName;
}

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
  result: Record<string, unknown>;
}

/**
 * functions-nl.json from functions.json: same ids, types and order, Dutch names and texts.
 * Throws when the table lacks a function or parameter, so the build fails.
 */
export function dutchMetadata(metadataJson: string): string {
  const metadata = JSON.parse(metadataJson) as { functions: MetadataFunction[] };
  const functions = metadata.functions.map((fn) => {
    const nl = DUTCH[fn.id];
    if (!nl) throw new Error(`functions-nl.json: no Dutch entry for ${fn.id} (src/functions/dutch.ts)`);
    const parameters = fn.parameters.map((p) => {
      const np = nl.parameters[p.name];
      if (!np) throw new Error(`functions-nl.json: no Dutch entry for ${fn.id}(${p.name}) (src/functions/dutch.ts)`);
      return { ...p, name: np.name, description: np.description };
    });
    return { ...fn, name: nl.name, description: nl.description, parameters };
  });
  return JSON.stringify({ ...metadata, functions }, null, 4);
}
