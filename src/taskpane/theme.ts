/**
 * Office theme colours as CSS variables, so the pane follows Excel's theme (Colorful, Dark
 * Gray, Black, White). Office gives four colours and no accent: the accent and the colour of
 * problems are chosen here, per theme, as the first of a few shades that reads at 4.5:1 on the
 * background it is drawn on (test/e2e/pane-a11y.test.ts measures every text in each theme).
 */
import { luminance, parseHex, readableOn } from "./contrast";

/** Teal of the add-in's icon, from dark to light: on white the darkest, on a mid grey the lightest. */
const ACCENTS = ["#0f6e6e", "#0a5454", "#7fd8d8", "#b3ecec", "#d6f7f7"];
const PROBLEMS = ["#9c0006", "#7a0005", "#ff9e9e", "#ffc4c4", "#ffe0e0"];

export function applyTheme(theme: Partial<Office.OfficeTheme> | undefined): void {
  if (!theme) return;
  const style = document.documentElement.style;
  const bodyBg = parseHex(theme.bodyBackgroundColor) ? theme.bodyBackgroundColor! : "#ffffff";
  const controlBg = parseHex(theme.controlBackgroundColor) ? theme.controlBackgroundColor! : bodyBg;
  // Office's own pairs are kept unless they fail (an odd custom theme): then black or white.
  const bodyFg = readableOn([theme.bodyForegroundColor ?? ""], [bodyBg]);
  const controlFg = readableOn([theme.controlForegroundColor ?? ""], [controlBg]);
  style.setProperty("--body-bg", bodyBg);
  style.setProperty("--body-fg", bodyFg);
  style.setProperty("--control-bg", controlBg);
  style.setProperty("--control-fg", controlFg);
  style.setProperty("--accent", readableOn(ACCENTS, [bodyBg]));
  style.setProperty("--accent-control", readableOn(ACCENTS, [controlBg]));
  style.setProperty("--bad", readableOn(PROBLEMS, [bodyBg]));
  const dark = luminance(parseHex(bodyBg)!) < 0.2;
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  // Native parts of controls (the file button, scroll bars) follow the controls' background.
  style.setProperty("color-scheme", luminance(parseHex(controlBg)!) < 0.2 ? "dark" : "light");
}
