/**
 * Shows the in-memory workbook as Excel would: sheet tabs (a tablist: arrow keys, Home, End),
 * a name box and formula bar for the selected cell, in which a visitor can type (Enter writes
 * the cell, as in Excel, so a rebuild can be tried that keeps it), the sheet in pages of
 * ROWS_PER_PAGE rows, and the sheet's charts.
 */
import type { MemoryExcel } from "../host/memory-excel";
import type { MemoryContext } from "../host/context";
import { column } from "../workbook/a1";
import { el } from "../taskpane/dom";
import { drawCharts } from "./chart";
import { drawGrid, ROWS_PER_PAGE, type Selection } from "./grid";

const A1 = /^([A-Z]+)(\d+)$/;
const toSelection = (address: string): Selection | null => {
  const m = A1.exec(address.split(":")[0].replace(/\$/g, ""));
  return m ? { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) } : null;
};

export function mountViewer(host: MemoryExcel, tabs: HTMLElement, panel: HTMLElement, bar: HTMLElement): () => void {
  let current: string | null = null;
  let lastActive: string | null = null;
  let lastSelected: string | null = null;
  let selected: Selection = { row: 1, col: 1 };
  let page = 0;

  // A span, not <output>: that would be a second live region beside the pane's status.
  const nameBox = el("span", { class: "name-box", title: "Geselecteerde cel" });
  const formulaLabel = el("label", { for: "formula-bar", class: "visually-hidden" }, ["Inhoud van de cel"]);
  const formula = el("input", { type: "text", id: "formula-bar", spellcheck: "false", autocomplete: "off" });
  const note = el("p", { class: "cell-note", id: "cell-note" });
  formula.setAttribute("aria-describedby", "cell-note");
  const pager = el("div", { class: "pager" });
  bar.replaceChildren(nameBox, formulaLabel, formula, pager, note);

  const sheet = () => (current ? host.state.sheet(current) : undefined);
  const address = () => `${column(selected.col)}${selected.row}`;

  /** Writes what the visitor typed through Excel's API, so the sheet's protection applies as in Excel. */
  async function write(entry: string): Promise<void> {
    const name = current;
    if (!name) return;
    const at = address();
    try {
      await host.run(async (context: MemoryContext) => {
        context.workbook.worksheets.getItem(name).getRange(at).formulas = [[entry]];
        await context.sync();
      });
      note.textContent = `${at} bijgewerkt. Kies Begroting opnieuw opbouwen in het taakvenster om het mee te nemen.`;
      move(1, 0);
    } catch (error) {
      const code = (error as { code?: string }).code;
      note.textContent = code === "AccessDenied" ? `${at} is beveiligd: typ in de gele invoercellen (Uitgangspunten, Praktijken, Uitbetalingen).` : `${at}: ${(error as Error).message}`;
      render();
    }
  }

  function move(rows: number, cols: number): void {
    const s = sheet();
    const box = s ? host.state.usedRange(s) : null;
    selected = { row: Math.max(1, Math.min((box?.bottom ?? 1) + 20, selected.row + rows)), col: Math.max(1, Math.min(box?.right ?? 1, selected.col + cols)) };
    page = Math.floor((selected.row - 1) / ROWS_PER_PAGE);
    render();
    panel.querySelector(".selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function drawTabs(): void {
    const hadFocus = tabs.contains(document.activeElement);
    const sheets = host.state.sheets;
    tabs.replaceChildren(
      ...sheets.map((s, i) => {
        const chosen = s.name === current;
        const tab = el("button", { type: "button", role: "tab", id: `tab-${i}`, "aria-selected": String(chosen), "aria-controls": "grid", tabindex: chosen ? "0" : "-1" }, [s.name]);
        tab.addEventListener("click", () => choose(s.name));
        if (chosen) panel.setAttribute("aria-labelledby", tab.id);
        return tab;
      }),
    );
    // Re-drawn after every change of the workbook: the focus stays on the chosen tab.
    if (hadFocus) tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }

  function choose(name: string): void {
    if (name !== current) {
      current = name;
      selected = { row: 1, col: 1 };
      page = 0;
    }
    render();
  }

  tabs.addEventListener("keydown", (event) => {
    const names = host.state.sheets.map((s) => s.name);
    const at = names.indexOf(current ?? "");
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: names.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    choose(names[(to + names.length) % names.length]);
    tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  });

  panel.addEventListener("click", (event) => {
    const td = (event.target as HTMLElement).closest("td");
    if (!td?.dataset.row) return;
    selected = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
    render();
  });
  panel.addEventListener("dblclick", () => formula.focus());
  panel.addEventListener("keydown", (event) => {
    const step = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] }[event.key];
    if (step) {
      event.preventDefault();
      move(step[0], step[1]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      formula.focus();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a selected cell starts its entry, as in Excel.
      event.preventDefault();
      formula.value = event.key;
      formula.focus();
    }
  });
  formula.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void write(formula.value).then(() => panel.focus({ preventScroll: true }));
    } else if (event.key === "Escape") {
      render();
      panel.focus({ preventScroll: true });
    }
  });

  const render = () => {
    const sheets = host.state.sheets;
    // Follow the sheet a build activates and the cell the pane selects, as Excel shows them.
    if (host.state.active !== lastActive) current = lastActive = host.state.active;
    const picked = host.state.selected ? `${host.state.selected.sheet}!${host.state.selected.address}` : null;
    if (picked !== lastSelected && host.state.selected) {
      lastSelected = picked;
      current = host.state.selected.sheet;
      selected = toSelection(host.state.selected.address) ?? selected;
      page = Math.floor((selected.row - 1) / ROWS_PER_PAGE);
    }
    if (!current || !host.state.sheet(current)) current = sheets[0]?.name ?? null;
    drawTabs();
    const s = sheet();
    const used = s ? host.state.usedRange(s) : null;
    const box = { bottom: Math.max(used?.bottom ?? 1, selected.row), right: Math.max(used?.right ?? 1, selected.col) };
    nameBox.textContent = address();
    formulaLabel.textContent = `Inhoud van cel ${address()}`;
    if (document.activeElement !== formula) {
      const cell = s ? host.state.cell(s, selected.row, selected.col) : undefined;
      formula.value = cell?.formula ?? (cell?.value === undefined ? "" : String(cell.value));
    }
    if (!s || !used) {
      panel.replaceChildren(el("p", { class: "empty-sheet" }, ["(leeg blad)"]));
      return;
    }
    const pages = Math.ceil(box.bottom / ROWS_PER_PAGE);
    page = Math.min(page, pages - 1);
    const first = page * ROWS_PER_PAGE + 1;
    const previous = el("button", { type: "button", disabled: page === 0 }, ["Vorige rijen"]);
    const next = el("button", { type: "button", disabled: page >= pages - 1 }, ["Volgende rijen"]);
    // The pager is drawn anew: the focus goes to the same button of the new one.
    const turn = (by: number, which: number) => () => {
      page += by;
      render();
      // At the first or last page that button is disabled: the other one takes the focus.
      const buttons = pager.querySelectorAll("button");
      (buttons[which]?.disabled ? buttons[1 - which] : buttons[which])?.focus();
    };
    previous.addEventListener("click", turn(-1, 0));
    next.addEventListener("click", turn(1, 1));
    pager.replaceChildren(el("span", {}, [`Rijen ${first}–${Math.min(box.bottom, first + ROWS_PER_PAGE - 1)} van ${box.bottom}`]), ...(pages > 1 ? [previous, next] : []));
    const charts = drawCharts(host.state, s);
    panel.replaceChildren(drawGrid(host.state, s, page, selected, box), ...(charts.length ? [el("div", { class: "charts" }, charts)] : []));
  };
  render();
  return render;
}
