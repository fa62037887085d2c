/**
 * Office's themes as Office.context.officeTheme reports them, for the demo's stand-in Office
 * and the browser test's contrast check. Colorful, Dark Gray and White are the values Office
 * 2016 reports (OfficeDev/office-ui-fabric-core#732); Black has no published values, so it is
 * the near-black of current Office's dark mode with white text.
 */
export type ThemeName = "colorful" | "darkGray" | "black" | "white";

export const OFFICE_THEMES: Record<ThemeName, { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme: boolean }> = {
  colorful: { bodyBackgroundColor: "#e6e6e6", bodyForegroundColor: "#444444", controlBackgroundColor: "#fdfdfd", controlForegroundColor: "#444444", isDarkTheme: false },
  darkGray: { bodyBackgroundColor: "#6a6a6a", bodyForegroundColor: "#f0f0f0", controlBackgroundColor: "#d4d4d4", controlForegroundColor: "#262626", isDarkTheme: true },
  black: { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#363636", controlForegroundColor: "#ffffff", isDarkTheme: true },
  white: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#444444", controlBackgroundColor: "#fdfdfd", controlForegroundColor: "#444444", isDarkTheme: false },
};

/** `?theme=darkGray` chooses one; otherwise the browser's light or dark preference (White or Black). */
export function demoTheme(search: string, prefersDark: boolean): ThemeName {
  const asked = new URLSearchParams(search).get("theme");
  if (asked && asked in OFFICE_THEMES) return asked as ThemeName;
  return prefersDark ? "black" : "white";
}
