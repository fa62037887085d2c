/** A small DOM builder: text always goes in as textContent, never as HTML. */
type Child = Node | string | null | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean> = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * A labelled form field: the label's `for` points at the control, so screen readers name it;
 * below it the place for the field's own error message (see setFieldError).
 */
export function field(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el("div", { class: "field" }, [el("label", { for: id }, [label]), control, el("p", { class: "field-error", id: `${id}-error`, hidden: true })]);
}

/** Marks a field invalid with its message (aria-invalid, described by the message), or clears it. */
export function setFieldError(control: HTMLElement, message: string | null): void {
  const box = document.getElementById(`${control.id}-error`);
  if (box) {
    box.textContent = message ?? "";
    box.hidden = message === null;
  }
  if (message === null) {
    control.removeAttribute("aria-invalid");
    control.removeAttribute("aria-describedby");
  } else {
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", `${control.id}-error`);
  }
}
