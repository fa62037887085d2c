import { renderAtScale } from "../support/scale";

const MB4 = 4 * 1024 * 1024;
const MB5 = 5 * 1024 * 1024;

describe("requests at scale", () => {
  it.each([12, 500])("builds %i practices × 4 years in at most 10 syncs", async (n) => {
    const { host } = await renderAtScale(n);
    expect(host.syncs.length).toBeLessThanOrEqual(10);
    expect(host.largestRequestBytes).toBeLessThanOrEqual(MB5);
  });

  it("builds 5,000 practices × 4 years within 6 + ⌈total bytes / 4 MB⌉ syncs, no request over 5 MB", async () => {
    const { host } = await renderAtScale(5000);
    expect(host.syncs.length).toBeLessThanOrEqual(6 + Math.ceil(host.totalRequestBytes / MB4));
    expect(host.largestRequestBytes).toBeLessThanOrEqual(MB5);
    expect(host.state.sheet("Uitbetalingen")!.cells.size).toBeGreaterThan(20000 * 12 - 1);
  }, 300_000);
});
