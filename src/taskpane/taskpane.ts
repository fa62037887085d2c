/**
 * Entry of the task pane page, which is also the shared runtime of the custom functions.
 *
 * Start-up never leaves "Laden…" standing: a page without office.js (the CDN blocked, offline),
 * a page outside Excel, and an Office that never calls onReady each get a message saying what to
 * do, and nothing here throws uncaught (test/e2e/office-js.test.ts drives all three with the real
 * office.js in Chromium).
 */
import { languageOf, type Language } from "../core/messages";
import { paneRun } from "./excel-run";
import { mountPane } from "./pane";
import { text, type TextKey } from "./texts";
import { applyTheme } from "./theme";

/**
 * How long Office may take to call onReady before the pane says it did not load. Real office.js
 * answers in well under a second in Excel and outside Office alike (measured: about 0.6 s outside
 * Office in headless Chromium); a slow host that answers later still gets its pane, this only
 * replaces "Laden…" meanwhile.
 */
const READY_TIMEOUT_MS = 10_000;

/** Before Office tells its display language the browser's is the best guess (Dutch by default). */
const browserLanguage = (): Language => languageOf(typeof navigator === "undefined" ? undefined : navigator.language);

function say(root: HTMLElement, language: Language, key: TextKey, params?: Record<string, string | number>): void {
  const line = document.createElement("p");
  line.setAttribute("role", "alert");
  line.textContent = text(language, key, params);
  document.documentElement.lang = language;
  // The static page holds the title and "Laden…"; only the line below the title changes.
  (root.querySelector("p") ?? root.appendChild(document.createElement("p"))).replaceWith(line);
}

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  // office.js is a blocking script before ours: when it is absent here, it failed (404, offline,
  // blocked by a proxy) and will not come; waiting longer would only keep "Laden…" on screen.
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    say(root, browserLanguage(), "officeMissing");
    return;
  }
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) say(root, browserLanguage(), "officeSilent", { seconds: READY_TIMEOUT_MS / 1000 });
  }, READY_TIMEOUT_MS);

  const onReady = (info: { host: Office.HostType | null }) => {
    ready = true;
    clearTimeout(timer);
    // Outside Office, office.js has no context and no display language: use the browser's.
    const language = languageOf(Office.context?.displayLanguage || (typeof navigator === "undefined" ? undefined : navigator.language));
    try {
      if (info.host !== Office.HostType.Excel && String(info.host) !== "Excel") {
        say(root, language, "notInExcel");
        return;
      }
      // <html lang> says the language the pane speaks, so screen readers pronounce it right.
      document.documentElement.lang = language;
      applyTheme(Office.context?.officeTheme);
      // Every API the pane calls is in ExcelApi 1.9, which the manifest requires: no run-time gates.
      mountPane(root, {
        run: paneRun(Excel),
        language,
        today: new Date(),
      });
    } catch (error) {
      // Shown rather than thrown: an uncaught error would leave a half-built pane and no word why.
      say(root, language, "startFailed", { message: error instanceof Error ? error.message : String(error) });
    }
  };
  try {
    void Office.onReady(onReady);
  } catch (error) {
    clearTimeout(timer);
    say(root, browserLanguage(), "startFailed", { message: error instanceof Error ? error.message : String(error) });
  }
}

start();
