/**
 * A formula built from template pieces is a rope in V8 (every piece kept, several times the
 * text's size); reading it as a number flattens it in place. A sheet holds a few dozen formulas
 * per practice, for every practice × year: at 20,000 × 4 the payout register's description
 * takes 245 MB of heap flattened and 824 MB as ropes.
 *
 * @example
 * flatText(`=ROUND(${a}*${b},2)`) // the same text, one flat string
 */
export function flatText(text: string): string {
  // Kept in a variable the optimiser cannot drop: `void Number(…)` alone is dead code to it.
  flattened ^= Number(text) | 0;
  return text;
}
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- written, never read, on purpose (above)
let flattened = 0;
