import fc from "fast-check";
import { parseDecimalText } from "../../src/core/numbers";

describe("parseDecimalText", () => {
  it.each([
    ["4,5", "4.5"],
    ["4.5", "4.5"],
    ["1.234,56", "1234.56"],
    ["1,234.56", "1234.56"],
    ["1.234.567", "1234567"],
    ["€ 52,50", "52.50"],
    [" 12 ", "12"],
    ["-3", "-3"],
    [",5", "0.5"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseDecimalText(text)).toBe(expected);
  });

  it.each(["", "+", "-", ".", ",", "abc", "1,2,3,4", "12a", "1e5", "--1"])("refuses %j", (text) => {
    expect(parseDecimalText(text)).toBeNull();
  });

  it("reads back any number written with either separator", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(",", "."), (whole, frac, sep) => {
        const text = `${whole}${sep}${String(frac).padStart(2, "0")}`;
        expect(Number(parseDecimalText(text))).toBeCloseTo(Number(`${whole}.${String(frac).padStart(2, "0")}`), 6);
      }),
    );
  });

  it("returns null or a decimal string for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseDecimalText(text);
        if (result !== null) expect(result).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });
});
