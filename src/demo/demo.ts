/**
 * `npm run demo`: the task pane in a browser without Excel. Office and Excel are stood in for
 * by the in-memory host, whose workbook is shown beside the pane. Loaded before taskpane.js.
 */
import { MemoryExcel } from "../host/memory-excel";
import { mountViewer } from "./viewer";

const host = new MemoryExcel();
let refresh: () => void = () => undefined;

/** Excel.run, with or without RunOptions (the pane passes { delayForCellEdit: true }). */
const run = async <T>(...args: Parameters<MemoryExcel["run"]>): Promise<T> => {
  try {
    return (await host.run(...args)) as T;
  } finally {
    refresh();
  }
};

const demoWindow = window as unknown as Record<string, unknown>;
demoWindow.Excel = { run };
demoWindow.Office = {
  HostType: { Excel: "Excel" },
  context: { displayLanguage: navigator.language.startsWith("en") ? "en-US" : "nl-NL", requirements: { isSetSupported: () => true } },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
};
/** For the browser test and the curious: the host behind the page. */
demoWindow.pohDemo = { host };

window.addEventListener("DOMContentLoaded", () => {
  refresh = mountViewer(host, document.getElementById("tabs")!, document.getElementById("grid")!);
});
