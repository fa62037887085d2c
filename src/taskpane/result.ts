/**
 * Where the pane answers: progress bar, status line, problem list and confirmation, at the top
 * of the pane. Each answer scrolls into view and takes the focus, so a finance officer who
 * pressed a button far down the pane (or a screen reader) is taken to it; the status line is
 * the one live region (role=status), not the whole pane.
 */
import { el } from "./dom";

export interface Listed {
  text: string;
  /** Called when the person chooses the item (select its cell, focus its field). */
  pick?: () => void;
}

export interface Confirmation {
  paragraphs: string[];
  lines: string[];
  proceed: string;
  cancel: string;
}

/** Brings an answer into view and moves the focus to it (without a second jump from focus()). */
function reveal(target: HTMLElement, block: ScrollLogicalPosition): void {
  target.scrollIntoView({ block, inline: "nearest" });
  target.focus({ preventScroll: true });
}

/**
 * Lets the browser paint (a frame, then a task) before the work goes on. A hidden pane gets no
 * animation frames at all, so a timer ends the wait too: a build never hangs on a paint.
 */
export const nextPaint = (): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });

export class ResultArea {
  private readonly progress = el("progress", { max: "100", value: "0", tabindex: "-1" });
  private readonly progressLabel = el("span", { class: "progress-label", id: "progress-label" });
  private readonly progressBox = el("div", { class: "progress", hidden: true }, [this.progress, this.progressLabel]);
  private readonly statusLine = el("p", { class: "status", role: "status", tabindex: "-1", id: "status" });
  private readonly confirmBox = el("section", { class: "confirm", hidden: true, role: "alertdialog", "aria-labelledby": "confirm-text" });
  private readonly problemBox = el("section", { class: "problems", hidden: true, tabindex: "-1", "aria-labelledby": "problems-title" });
  readonly nodes: HTMLElement[] = [this.progressBox, this.statusLine, this.confirmBox, this.problemBox];
  /** The last status said, so that a build that would say the same again can say so differently. */
  lastStatus = "";

  constructor(progressName: string) {
    this.progress.setAttribute("aria-label", progressName);
    this.progress.setAttribute("aria-describedby", "progress-label");
  }

  /** A build starts: everything of the previous answer goes, the progress bar comes and takes the focus. */
  startProgress(label: string): void {
    this.clear();
    this.progress.value = 0;
    this.progressLabel.textContent = label;
    this.progressBox.hidden = false;
    reveal(this.progress, "nearest");
  }

  setProgress(percent: number, label: string): void {
    this.progress.value = percent;
    this.progressLabel.textContent = label;
  }

  stopProgress(): void {
    this.progressBox.hidden = true;
  }

  status(text: string): void {
    this.lastStatus = text;
    this.statusLine.textContent = text;
    reveal(this.statusLine, "nearest");
  }

  /** The list with its title; `focus` false when a status already took the focus and this comes with it. */
  problems(title: string, hint: string | null, items: Listed[], focus = true): void {
    const entries = items.map((item) => {
      if (!item.pick) return el("li", {}, [item.text]);
      const button = el("button", { type: "button", class: "link" }, [item.text]);
      button.addEventListener("click", item.pick);
      return el("li", {}, [button]);
    });
    this.problemBox.replaceChildren(el("h2", { id: "problems-title" }, [title]), ...(hint ? [el("p", {}, [hint])] : []), el("ul", {}, entries));
    this.problemBox.hidden = false;
    if (focus) reveal(this.problemBox, "start");
  }

  /** Asks before a destructive step; the focus goes to the safe choice, and Escape is that choice too. */
  confirm(question: Confirmation): Promise<boolean> {
    this.clear();
    const proceed = el("button", { type: "button" }, [question.proceed]);
    const cancel = el("button", { type: "button", class: "primary" }, [question.cancel]);
    this.confirmBox.replaceChildren(
      ...question.paragraphs.map((p, i) => el("p", i === 0 ? { id: "confirm-text" } : {}, [p])),
      ...(question.lines.length ? [el("ul", {}, question.lines.map((line) => el("li", {}, [line])))] : []),
      el("div", { class: "buttons" }, [cancel, proceed]),
    );
    this.confirmBox.hidden = false;
    reveal(this.confirmBox, "start");
    cancel.focus({ preventScroll: true });
    return new Promise((resolve) => {
      const answer = (yes: boolean) => {
        this.confirmBox.hidden = true;
        this.confirmBox.replaceChildren();
        resolve(yes);
      };
      proceed.addEventListener("click", () => answer(true));
      cancel.addEventListener("click", () => answer(false));
      // A property, not a listener: each question replaces the previous one's Escape.
      this.confirmBox.onkeydown = (event) => {
        if (event.key === "Escape") answer(false);
      };
    });
  }

  clear(): void {
    this.statusLine.textContent = "";
    this.problemBox.hidden = true;
    this.problemBox.replaceChildren();
    this.confirmBox.hidden = true;
    this.confirmBox.replaceChildren();
  }
}
