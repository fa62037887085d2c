/**
 * The task pane: new budget, practices import, rebuild, with progress, problems that select
 * their cell, and a confirmation before anything edited is overwritten.
 */
import type { Language } from "../core/messages";
import { SCHEME_IDS, SCHEMES, type SchemeId } from "../core/schemes";
import { parseDecimalText } from "../core/numbers";
import { el, field } from "./dom";
import { build, selectCell, stepName, type BuildOutcome, type BuildRequest, type ExcelRun, type Problem } from "./pipeline";
import { text } from "./texts";
import { MAX_FORECAST_YEARS } from "../workbook/describe";

export interface PaneDependencies {
  run: ExcelRun;
  language: Language;
  today: Date;
}

export function mountPane(root: HTMLElement, deps: PaneDependencies): void {
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(deps.language, key, params);
  root.replaceChildren();

  const scheme = el("select", {}, SCHEME_IDS.map((id) => el("option", { value: id, selected: id === "flevoland" }, [SCHEMES[id].label[deps.language]])));
  const year = el("input", { type: "number", min: "2000", max: "2200", value: String(deps.today.getFullYear() + 1), required: true });
  const years = el("input", { type: "number", min: "1", max: String(MAX_FORECAST_YEARS), value: "4", required: true });
  const hourlyCost = el("input", { type: "text", inputmode: "decimal", value: deps.language === "nl" ? "52,50" : "52.50", required: true });
  const withSample = el("input", { type: "checkbox", id: "with-sample", checked: true });
  const create = el("button", { type: "button", class: "primary" }, [t("create")]);

  const file = el("input", { type: "file", accept: ".csv,text/csv,text/plain" });
  const paste = el("textarea", { rows: "4", spellcheck: "false" });
  const importButton = el("button", { type: "button" }, [t("import")]);
  const rebuild = el("button", { type: "button", class: "primary" }, [t("rebuild")]);

  const progress = el("progress", { max: "100", value: "0", "aria-label": t("progress") });
  const progressLabel = el("span", { class: "progress-label" });
  const progressBox = el("div", { class: "progress", hidden: true }, [progress, progressLabel]);
  const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
  const problems = el("section", { class: "problems", hidden: true, "aria-labelledby": "problems-title" });
  const confirm = el("section", { class: "confirm", hidden: true, role: "alertdialog", "aria-labelledby": "confirm-text" });

  root.append(
    el("header", {}, [el("img", { src: "assets/icon-32.png", alt: "", width: "32", height: "32" }), el("h1", {}, [t("title")])]),
    el("p", { class: "intro" }, [t("intro")]),
    progressBox,
    status,
    confirm,
    problems,
    el("section", { "aria-labelledby": "new-title" }, [
      el("h2", { id: "new-title" }, [t("newBudget")]),
      field("scheme", t("scheme"), scheme),
      field("budget-year", t("budgetYear"), year),
      field("forecast-years", t("years"), years),
      field("hourly-cost", t("hourlyCost"), hourlyCost),
      el("div", { class: "check" }, [withSample, el("label", { for: "with-sample" }, [t("withSample")])]),
      create,
    ]),
    el("section", { "aria-labelledby": "practices-title" }, [
      el("h2", { id: "practices-title" }, [t("practices")]),
      el("p", {}, [t("practicesHelp")]),
      field("csv-file", t("csvFile"), file),
      field("csv-paste", t("csvPaste"), paste),
      importButton,
    ]),
    el("section", { "aria-labelledby": "rebuild-title" }, [el("h2", { id: "rebuild-title" }, [t("rebuildTitle")]), el("p", {}, [t("rebuildHelp")]), rebuild]),
  );

  const buttons = [create, importButton, rebuild];
  let busy = false;

  async function start(request: BuildRequest, confirmed = false): Promise<void> {
    if (busy) return;
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    problems.hidden = true;
    confirm.hidden = true;
    progressBox.hidden = false;
    progress.value = 0;
    status.textContent = "";
    try {
      const outcome = await build(deps.run, request, {
        language: deps.language,
        confirmed,
        onProgress: (step, done, total) => {
          progress.value = Math.round((100 * done) / Math.max(1, total));
          progressLabel.textContent = t("working", { step: stepName(deps.language, step) });
        },
      });
      show(outcome, request);
    } finally {
      busy = false;
      buttons.forEach((b) => (b.disabled = false));
      progressBox.hidden = true;
    }
  }

  function show(outcome: BuildOutcome, request: BuildRequest): void {
    switch (outcome.kind) {
      case "built":
        status.textContent =
          outcome.practicesRead === undefined
            ? t("done", { sheets: outcome.sheets.length, sheet: outcome.budgetSheet })
            : t("imported", { read: outcome.practicesRead, sheets: outcome.sheets.length, sheet: outcome.budgetSheet });
        if (outcome.warnings.length > 0) showProblems(outcome.warnings, t("warningsTitle"));
        return;
      case "failed":
        status.textContent = outcome.text;
        return;
      case "problems":
        showProblems(outcome.problems);
        return;
      case "confirm": {
        const proceed = el("button", { type: "button", class: "primary" }, [t("proceed")]);
        const cancel = el("button", { type: "button" }, [t("cancel")]);
        const lines = outcome.edited.map((e) => el("li", {}, [`${e.sheet}: ${e.cells.join(", ")}`]));
        const paragraphs = [
          ...(outcome.replacesPractices ? [t("confirmPractices", outcome.replacesPractices)] : []),
          ...(outcome.replacesBudget ? [t("confirmReplace")] : lines.length > 0 ? [t("confirmEdited")] : []),
        ];
        // The first paragraph names what the dialog is about (the practices when only they are at stake).
        confirm.replaceChildren(
          ...paragraphs.map((p, i) => el("p", i === 0 ? { id: "confirm-text" } : {}, [p])),
          ...(lines.length ? [el("ul", {}, lines)] : []),
          el("div", { class: "buttons" }, [proceed, cancel]),
        );
        confirm.hidden = false;
        proceed.addEventListener("click", () => void start(request, true));
        cancel.addEventListener("click", () => {
          confirm.hidden = true;
          status.textContent = t("cancelled");
        });
        proceed.focus();
        return;
      }
    }
  }

  function showProblems(list: Problem[], title = t("problemsTitle")): void {
    const items = list.map((problem) => {
      if (!problem.sheet || !problem.cell) return el("li", {}, [problem.text]);
      const button = el("button", { type: "button", class: "link" }, [problem.text]);
      button.addEventListener("click", () => void selectCell(deps.run, problem.sheet!, problem.cell!));
      return el("li", {}, [button]);
    });
    const hint = list.some((p) => p.cell) ? [el("p", {}, [t("problemHint")])] : [];
    problems.replaceChildren(el("h2", { id: "problems-title" }, [title]), ...hint, el("ul", {}, items));
    problems.hidden = false;
  }

  create.addEventListener("click", () => {
    const cost = parseDecimalText(hourlyCost.value);
    const budgetYear = Number(year.value);
    const forecastYears = Number(years.value);
    const invalid = [
      cost === null || Number(cost) < 0 ? `${t("hourlyCost")}: ${hourlyCost.value}` : null,
      !Number.isInteger(budgetYear) || budgetYear < 2000 || budgetYear > 2200 ? `${t("budgetYear")}: ${year.value}` : null,
      !Number.isInteger(forecastYears) || forecastYears < 1 || forecastYears > MAX_FORECAST_YEARS ? `${t("years")}: ${years.value}` : null,
    ].filter((x): x is string => x !== null);
    if (invalid.length > 0) return showProblems(invalid.map((text) => ({ text })));
    void start({ mode: "new", budget: { schemeId: scheme.value as SchemeId, budgetYear, years: forecastYears, hourlyCost: cost!, withSample: withSample.checked } });
  });

  const importChosen = async () => {
    const chosen = file.files?.[0];
    const csv = chosen ? new Uint8Array(await chosen.arrayBuffer()) : paste.value;
    if (!chosen && paste.value.trim() === "") return showProblems([{ text: t("noFile") }]);
    void start({ mode: "import", csv });
  };
  // A listener's promise is not awaited by the DOM: say so with void, as the other buttons do.
  importButton.addEventListener("click", () => void importChosen());

  rebuild.addEventListener("click", () => void start({ mode: "rebuild" }));
}
