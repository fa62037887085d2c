/**
 * Issue 9.1, the fault sweep for imports (see office-atomic.test.ts): the same practices
 * list length, and one practice more, where rows are inserted into the existing sheets before
 * anything is written and taken out again when the switch goes back.
 */
import type { BuildRequest } from "../../src/taskpane/pipeline";
import { builtBudget, report, sweep, TWO_PRACTICES } from "../support/fault-sweep";

describe("a failure at any operation of any batch of an import leaves the old budget or the new one", () => {
  const counts: Record<string, number> = {};
  afterAll(() => report("import", counts));

  it.each<[string, BuildRequest]>([
    ["an import", { mode: "import", csv: "praktijk;agb;patienten\nNieuw;01999999;4700\nDe Linde;01012345;2350\n" }],
    ["an import of one practice more", { mode: "import", csv: `${TWO_PRACTICES}Nieuw;01999999;4700\n` }],
  ])("%s", async (name, request) => {
    const ended = await sweep(builtBudget, request);
    counts[name] = ended.tried;
    expect(ended.old).toBeGreaterThan(0);
    expect(ended.new).toBeGreaterThan(0);
  }, 600_000);
});
