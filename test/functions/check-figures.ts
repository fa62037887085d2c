/** Every check figure of PRODUCT.md ("Custom functions"); null is how Excel passes an omitted argument. */
export const CHECK_FIGURES: [string, unknown[], number][] = [
  ["POH_HOURS_PER_NORMPRACTICE", [2350], 4],
  ["POH_HOURS_PER_NORMPRACTICE", [3525], 6],
  ["POH_HOURS_PER_NORMPRACTICE", [1000], 1.7],
  ["POH_HOURS_PER_NORMPRACTICE", [2350, 6], 6],
  ["POH_RENT", [8], 3840],
  ["POH_RENT", [8, 12.5], 4800],
  ["POH_RENT", [8, null, null, 6], 1920],
  ["POH_COMPENSATION", [8], 2830],
  ["POH_COMPENSATION", [8, "aanvullend", false], 2170],
  ["POH_COMPENSATION", [8, "extra"], 5660],
  ["POH_COMPENSATION", [8, 0.75], 4245],
  ["POH_OVERHEAD", [8], 5660],
  ["POH_OVERHEAD", [8, false], 4340],
  ["POH_SPLIT", [10000.01, 0.5], 5000.01],
  ["POH_SPLIT", [10000.01, 0.5, "insurer"], 5000],
];
