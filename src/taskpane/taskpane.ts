/** Entry of the task pane page, which is also the shared runtime of the custom functions. */
import { languageOf } from "../core/messages";
import { mountPane } from "./pane";
import { text } from "./texts";
import { applyTheme } from "./theme";

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  const language = languageOf(Office.context?.displayLanguage);
  applyTheme(Office.context?.officeTheme);
  if (info.host !== Office.HostType.Excel && String(info.host) !== "Excel") {
    root.querySelector("p")?.replaceChildren(document.createTextNode(text(language, "notInExcel")));
    return;
  }
  mountPane(root, {
    run: (batch) => Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    language,
    today: new Date(),
  });
});
