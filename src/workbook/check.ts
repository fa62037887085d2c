/** One line of Controle, and the small texts its formulas share. */

/** What follows the first row a check names: " en nog 3 rij(en)", as a formula on the count cell … */
export const andMoreFormula = (count: string) => `IF(${count}>1," en nog "&(${count}-1)&" rij(en)","")`;
/** … and as the core's text for the cached result. */
export const andMoreText = (count: number) => (count > 1 ? ` en nog ${count - 1} rij(en)` : "");

export interface Check {
  label: string;
  /** Formula of the deviation (0 = fine) and what the core says it is. */
  deviation: { formula: string; result: number; format: string };
  /** What the outcome says when the deviation is not 0. */
  problem: string;
  explanation: string;
  /** Where a person looks to see or mend what the check is about: Controle links there. */
  where: { sheet: string; cell: string };
  /** An outcome that names more than `problem` can (a row, a practice): formula of its Controle row, and its result. */
  outcome?: { formula: (row: number) => string; result: string };
}
