/**
 * `npm run demo`: the task pane in a browser without Excel. Office and Excel are stood in for
 * by the in-memory host, whose workbook is shown beside the pane. Loaded before taskpane.js.
 * The browser test also loads this file in place of office.js on the pane's own page, which
 * has no workbook view: then only Office and Excel are stood in for.
 */
import { MemoryExcel } from "../host/memory-excel";
import type { MemoryContext } from "../host/context";
import { demoTheme, OFFICE_THEMES } from "./themes";
import { mountViewer } from "./viewer";
// A frame, then a task (or a timer in a hidden tab): the browser paints, as it does while real Excel answers a sync.
import { nextPaint } from "../taskpane/result";

const host = new MemoryExcel();
let refresh: () => void = () => undefined;


/**
 * Excel.run, with or without RunOptions (the pane passes { delayForCellEdit: true }). The
 * in-memory host answers a sync at once; real Excel answers over postMessage, between which the
 * browser paints. So each sync here yields a frame too, or the progress bar would never show.
 */
const run = async <T>(first: Parameters<MemoryExcel["run"]>[0], second?: (context: MemoryContext) => Promise<T>): Promise<T> => {
  const batch = (typeof first === "function" ? first : second!) as (context: MemoryContext) => Promise<T>;
  const options = typeof first === "function" ? {} : first;
  try {
    return await host.run(options, (context) => {
      const sync = context.sync.bind(context);
      context.sync = async () => {
        await sync();
        await nextPaint();
      };
      return batch(context);
    });
  } finally {
    refresh();
  }
};

const theme = OFFICE_THEMES[demoTheme(location.search, matchMedia("(prefers-color-scheme: dark)").matches)];
const demoWindow = window as unknown as Record<string, unknown>;
demoWindow.Excel = { run };
demoWindow.Office = {
  HostType: { Excel: "Excel" },
  context: {
    displayLanguage: navigator.language.startsWith("en") ? "en-US" : "nl-NL",
    officeTheme: theme,
    requirements: { isSetSupported: () => true },
  },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
};
/** For the browser test and the curious: the host behind the page. */
demoWindow.pohDemo = { host };

window.addEventListener("DOMContentLoaded", () => {
  const tabs = document.getElementById("tabs");
  const grid = document.getElementById("grid");
  if (tabs && grid) refresh = mountViewer(host, tabs, grid, document.getElementById("cell-bar")!);
});
