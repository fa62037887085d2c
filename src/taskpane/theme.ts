/** Office theme colours as CSS variables, so the pane follows Excel's light or dark theme. */
export function applyTheme(theme: Partial<Office.OfficeTheme> | undefined): void {
  if (!theme) return;
  const style = document.documentElement.style;
  const set = (name: string, value: string | undefined) => {
    if (value) style.setProperty(name, value);
  };
  set("--body-bg", theme.bodyBackgroundColor);
  set("--body-fg", theme.bodyForegroundColor);
  set("--control-bg", theme.controlBackgroundColor);
  set("--control-fg", theme.controlForegroundColor);
}
