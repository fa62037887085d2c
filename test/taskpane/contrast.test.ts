/** The pane's colours per Office theme: every pair the pane draws text with reads at 4.5:1. */
import { contrast, MIN_CONTRAST, parseHex, readableOn } from "../../src/taskpane/contrast";
import { OFFICE_THEMES } from "../../src/demo/themes";

describe("contrast", () => {
  it("measures as WCAG does: black on white 21:1, equal colours 1:1, #767676 on white just above 4.5", () => {
    expect(contrast(parseHex("#000")!, parseHex("#ffffff")!)).toBeCloseTo(21, 5);
    expect(contrast(parseHex("#6a6a6a")!, parseHex("#6A6A6A")!)).toBe(1);
    expect(contrast(parseHex("#767676")!, parseHex("#fff")!)).toBeCloseTo(4.54, 2);
    expect(parseHex("teal")).toBeNull();
  });

  it("picks, for each Office theme's background, an accent that reads on it", () => {
    const accents = ["#0f6e6e", "#0a5454", "#7fd8d8", "#b3ecec", "#d6f7f7"];
    for (const theme of Object.values(OFFICE_THEMES)) {
      for (const background of [theme.bodyBackgroundColor, theme.controlBackgroundColor]) {
        const chosen = readableOn(accents, [background]);
        expect(contrast(parseHex(chosen)!, parseHex(background)!)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      }
    }
    // Dark Gray's body is a mid grey: neither teal of the light themes reads on it.
    expect(readableOn(accents, ["#6a6a6a"])).toBe("#d6f7f7");
    expect(readableOn(accents, ["#ffffff"])).toBe("#0f6e6e");
  });

  it("falls back to black or white when no candidate reads", () => {
    expect(readableOn(["#777777"], ["#707070"])).toBe("#ffffff");
    expect(readableOn(["#777777"], ["#f0f0f0"])).toBe("#000000");
  });
});
