/** Shows the in-memory workbook as sheet tabs with cells, formatted roughly as Excel would. */
import type { MemoryExcel } from "../host/memory-excel";
import { column } from "../workbook/a1";
import { el } from "../taskpane/dom";
import { serialToIso } from "../workbook/read-back";

const MAX_ROWS = 300;
const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
const decimal2 = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

function display(value: string | number | boolean | null | undefined, format: string | undefined): string {
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  if (!format) return String(value);
  if (format.includes("€")) return euro.format(value);
  if (format === "dd-mm-yyyy") return serialToIso(value).split("-").reverse().join("-");
  if (format.endsWith("%")) return percent.format(value);
  if (format === "0.00") return decimal2.format(value);
  return String(value);
}

export function mountViewer(host: MemoryExcel, tabs: HTMLElement, grid: HTMLElement): () => void {
  let current: string | null = null;
  let lastActive: string | null = null;
  const render = () => {
    const sheets = host.state.sheets;
    // Follow the sheet a build activates, as Excel shows it; otherwise keep the tab the person chose.
    if (host.state.active !== lastActive) current = lastActive = host.state.active;
    if (!current || !host.state.sheet(current)) current = sheets[0]?.name ?? null;
    tabs.replaceChildren(
      ...sheets.map((s) => {
        const button = el("button", { type: "button", role: "tab", "aria-selected": String(s.name === current) }, [s.name]);
        button.addEventListener("click", () => {
          current = s.name;
          render();
        });
        return button;
      }),
    );
    const sheet = current ? host.state.sheet(current) : undefined;
    const box = sheet ? host.state.usedRange(sheet) : null;
    if (!sheet || !box) {
      grid.replaceChildren(el("table", {}, [el("tr", {}, [el("td", { class: "empty-sheet" }, ["(leeg blad)"])])]));
      return;
    }
    const rows: HTMLElement[] = [el("tr", {}, [el("th", {}, [""]), ...Array.from({ length: box.right }, (_, c) => el("th", { scope: "col" }, [column(c + 1)]))])];
    for (let r = 1; r <= Math.min(box.bottom, MAX_ROWS); r++) {
      const cells = [el("th", { scope: "row" }, [String(r)])];
      for (let c = 1; c <= box.right; c++) {
        const cell = host.state.cell(sheet, r, c);
        const value = host.state.valueAt(sheet, r, c);
        const attributes: Record<string, string> = { class: [typeof value === "number" ? "num" : "", cell?.formula ? "formula" : ""].join(" ").trim(), "data-address": `${column(c)}${r}` };
        if (cell?.formula) attributes.title = cell.formula;
        cells.push(el("td", attributes, [display(value, cell?.numberFormat)]));
      }
      rows.push(el("tr", {}, cells));
    }
    grid.replaceChildren(el("table", { "aria-label": sheet.name }, rows));
  };
  render();
  return render;
}
