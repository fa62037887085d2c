/**
 * The task pane: new budget, practices import, rebuild, with progress, problems that select
 * their cell, and a confirmation before anything edited is overwritten. Every answer appears at
 * the top of the pane and takes the focus (./result).
 */
import type { Language } from "../core/messages";
import { SCHEME_IDS, SCHEMES, type SchemeId } from "../core/schemes";
import { el, field, setFieldError } from "./dom";
import { build, selectCell, stepName, type BuildOutcome, type BuildRequest, type ExcelRun, type NewBudget, type Problem } from "./pipeline";
import { nextPaint, ResultArea } from "./result";
import { text } from "./texts";
import { checkFields, HOURLY_COST_MAX, type FieldId } from "./validate";
import { BUDGET_YEAR_RANGE, MAX_FORECAST_YEARS } from "../workbook/describe";

export interface PaneDependencies {
  run: ExcelRun;
  language: Language;
  today: Date;
}

/** Where an import's CSV came from, for the message after it. */
interface Source {
  label: string;
  /** The file chosen as well but not used (pasted text goes first). */
  unusedFile?: string;
}

const clock = (date: Date) => [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");

export function mountPane(root: HTMLElement, deps: PaneDependencies): void {
  const lang = deps.language;
  const t = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text(lang, key, params);
  root.replaceChildren();

  const scheme = el("select", {}, SCHEME_IDS.map((id) => el("option", { value: id, selected: id === "flevoland" }, [SCHEMES[id].label[lang]])));
  const year = el("input", { type: "number", min: String(BUDGET_YEAR_RANGE.min), max: String(BUDGET_YEAR_RANGE.max), value: String(deps.today.getFullYear() + 1), required: true });
  const years = el("input", { type: "number", min: "1", max: String(MAX_FORECAST_YEARS), value: "4", required: true });
  const hourlyCost = el("input", { type: "text", inputmode: "decimal", value: lang === "nl" ? "52,50" : "52.50", required: true, "data-max": String(HOURLY_COST_MAX) });
  const withSample = el("input", { type: "checkbox", id: "with-sample", checked: true });
  const create = el("button", { type: "button", class: "primary" }, [t("create")]);

  const file = el("input", { type: "file", accept: ".csv,text/csv,text/plain" });
  const paste = el("textarea", { rows: "4", spellcheck: "false" });
  const importButton = el("button", { type: "button" }, [t("import")]);
  const rebuild = el("button", { type: "button", class: "primary" }, [t("rebuild")]);
  const result = new ResultArea(t("progress"));

  root.append(
    el("header", {}, [el("img", { src: "assets/icon-32.png", alt: "", width: "32", height: "32" }), el("h1", {}, [t("title")])]),
    el("p", { class: "intro" }, [t("intro")]),
    ...result.nodes,
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

  const fields: Record<FieldId, HTMLInputElement> = { "budget-year": year, "forecast-years": years, "hourly-cost": hourlyCost };
  for (const control of Object.values(fields)) control.addEventListener("input", () => setFieldError(control, null));
  const buttons = [create, importButton, rebuild];
  let busy = false;
  let builds = 0;
  let lastPractices: number | undefined;

  async function start(request: BuildRequest, confirmed = false, source?: Source): Promise<void> {
    if (busy) return;
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    let outcome: BuildOutcome;
    try {
      result.startProgress(t("working", { step: stepName(lang, "reading"), percent: 0 }));
      // Paint the bar before the first request: in the demo and on a fast host the build could
      // otherwise run to its end without one frame drawn.
      await nextPaint();
      outcome = await build(deps.run, request, {
        language: lang,
        confirmed,
        onProgress: (step, done, total) => {
          const percent = Math.round((100 * done) / Math.max(1, total));
          result.setProgress(percent, t("working", { step: stepName(lang, step), percent }));
        },
      });
    } finally {
      busy = false;
      buttons.forEach((b) => (b.disabled = false));
      result.stopProgress();
    }
    await show(outcome, request, source);
  }

  const count = (n: number) => (n === 1 ? t("practiceOne") : t("practiceMany", { n }));

  /** "Klaar om 14:03:12: 12 praktijken (was 11) gelezen van Praktijken; 9 bladen herschreven. …" */
  function builtText(outcome: Extract<BuildOutcome, { kind: "built" }>, request: BuildRequest, source?: Source): string {
    const changed = lastPractices !== undefined && lastPractices !== outcome.practices && request.mode !== "new";
    const practices = changed ? t("was", { now: count(outcome.practices), before: lastPractices! }) : count(outcome.practices);
    lastPractices = outcome.practices;
    builds++;
    // Two builds in the same second would read the same: from the second one on, number them.
    const time = clock(new Date()) + (builds > 1 ? t("buildNumber", { n: builds }) : "");
    const schemeName = request.mode === "import" && request.budget ? SCHEMES[request.budget.schemeId].label[lang] : "";
    const params = { time, practices, sheets: outcome.sheets.length, sheet: outcome.budgetSheet, source: source?.label ?? "", scheme: schemeName };
    const key = request.mode === "new" ? "builtNew" : request.mode === "rebuild" ? "builtRebuild" : outcome.created ? "builtImportNew" : "builtImport";
    return t(key, params) + (source?.unusedFile ? t("fileNotUsed", { name: source.unusedFile }) : "");
  }

  const listed = (list: Problem[]) =>
    list.map((problem) => ({ text: problem.text, pick: problem.sheet && problem.cell ? () => void selectCell(deps.run, problem.sheet!, problem.cell!) : undefined }));

  async function show(outcome: BuildOutcome, request: BuildRequest, source?: Source): Promise<void> {
    switch (outcome.kind) {
      case "built":
        result.status(builtText(outcome, request, source));
        if (outcome.warnings.length > 0) result.problems(t("warningsTitle"), outcome.warnings.some((w) => w.cell) ? t("problemHint") : null, listed(outcome.warnings), false);
        return;
      case "failed":
        result.status(outcome.text);
        return;
      case "problems":
        result.problems(t("problemsTitle"), outcome.problems.some((p) => p.cell) ? t("problemHint") : null, listed(outcome.problems));
        return;
      case "confirm": {
        // The first paragraph names what the question is about (the practices when only they are at stake).
        const paragraphs = [
          ...(outcome.replacesPractices ? [t("confirmPractices", outcome.replacesPractices)] : []),
          ...(outcome.replacesBudget ? [t("confirmReplace")] : outcome.edited.length > 0 ? [t("confirmEdited")] : []),
        ];
        const lines = outcome.edited.map((e) => `${e.sheet}: ${e.cells.join(", ")}`);
        if (await result.confirm({ paragraphs, lines, proceed: t("proceed"), cancel: t("cancel") })) await start(request, true, source);
        else result.status(t("cancelled", { time: clock(new Date()) }));
        return;
      }
    }
  }

  /** The New budget settings, or null after marking each rejected field and listing why. */
  function budgetSettings(report: boolean): NewBudget | null {
    Object.values(fields).forEach((control) => setFieldError(control, null));
    const checked = checkFields(lang, { budgetYear: year.value, years: years.value, hourlyCost: hourlyCost.value });
    if (checked.ok) return { schemeId: scheme.value as SchemeId, budgetYear: checked.budgetYear, years: checked.years, hourlyCost: checked.hourlyCost, withSample: withSample.checked };
    if (report) {
      for (const error of checked.errors) setFieldError(fields[error.field], error.text);
      result.clear();
      result.problems(t("fieldsTitle"), t("fieldHint"), checked.errors.map((e) => ({ text: e.text, pick: () => fields[e.field].focus() })));
    }
    return null;
  }

  create.addEventListener("click", () => {
    const budget = budgetSettings(true);
    if (budget) void start({ mode: "new", budget });
  });

  const importChosen = async () => {
    const chosen = file.files?.[0];
    const pasted = paste.value.trim() !== "";
    if (!chosen && !pasted) {
      result.clear();
      return result.problems(t("problemsTitle"), null, [{ text: t("noFile"), pick: () => paste.focus() }]);
    }
    // Pasted text goes first: it is what the person typed last, a file is easily left chosen.
    const csv = pasted ? paste.value : new Uint8Array(await chosen!.arrayBuffer());
    const source: Source = pasted ? { label: t("sourcePaste"), ...(chosen ? { unusedFile: chosen.name } : {}) } : { label: t("sourceFile", { name: chosen!.name }) };
    // The New budget settings go along for a workbook without a budget; they are not checked
    // loudly here, as with a budget they do not matter.
    const budget = budgetSettings(false);
    await start({ mode: "import", csv, ...(budget ? { budget } : {}) }, false, source);
  };
  // A listener's promise is not awaited by the DOM: say so with void, as the other buttons do.
  importButton.addEventListener("click", () => void importChosen());

  rebuild.addEventListener("click", () => void start({ mode: "rebuild" }));
}
