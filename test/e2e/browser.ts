/**
 * What the browser tests of the pane's manners share: Chromium, the pane page served as in
 * production (https origin, its own CSP) with the demo's stand-in Office and Excel routed in
 * place of office.js, axe-core run inside the page, and a contrast measurement of every text.
 */
import fs from "fs";
import path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEMO_DIST, DIST } from "../support/dist";

export const CHROMIUM = "/usr/bin/chromium";
export const PANE = "https://addin.example";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png" };
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launch(): Promise<Browser> {
  for (const file of [path.join(DIST, "taskpane.html"), path.join(DEMO_DIST, "demo.js")]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build:test and npm run build:demo (npm test does)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] });
}

function fileBelow(root: string, urlPath: string): string | null {
  const file = path.resolve(root, "." + decodeURIComponent(urlPath));
  return file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

export interface Opened {
  page: Page;
  /** Requests the route answered with 404: anything but the pane, the demo and office.js. */
  elsewhere: string[];
  errors: string[];
}

/**
 * Opens `page` (taskpane.html from dist/, or demo.html from dist-demo/) at a task pane's size.
 * On the pane page office.js is the demo's stand-in (dist-demo/demo.js), so the pane runs on
 * the in-memory workbook under its own production page and policy.
 */
export async function open(browser: Browser, file: "taskpane.html" | "demo.html", options: { theme?: string; width?: number; height?: number; locale?: string } = {}): Promise<Opened> {
  const context = await browser.newContext({ locale: options.locale ?? "nl-NL", viewport: { width: options.width ?? 340, height: options.height ?? 760 } });
  const opened: Opened = { page: undefined as unknown as Page, elsewhere: [], errors: [] };
  const root = file === "demo.html" ? DEMO_DIST : DIST;
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const local = url.origin === PANE ? fileBelow(root, url.pathname) : url.href.startsWith(CDN) && url.pathname.endsWith("/office.js") ? path.join(DEMO_DIST, "demo.js") : null;
    if (local) return route.fulfill({ path: local, contentType: TYPES[path.extname(local)] ?? "application/octet-stream" });
    opened.elsewhere.push(url.href);
    return route.fulfill({ status: 404, body: "" });
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => opened.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") opened.errors.push(message.text());
  });
  await page.goto(`${PANE}/${file}${options.theme ? `?theme=${options.theme}` : ""}`);
  await page.getByRole("button", { name: /Maak begroting|Create budget/ }).waitFor();
  opened.page = page;
  return opened;
}

/** axe-core's violations of impact serious or critical, as "rule: selector" lines. */
export async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not block.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/**
 * Every visible text's contrast against the background behind it (the nearest opaque one up
 * the tree), below `min`, as "text: ratio (colour on background)" lines.
 */
export function lowContrast(page: Page, min = 4.5): Promise<string[]> {
  return page.evaluate((threshold) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.closest("[hidden], :disabled, .visually-hidden, svg")) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const fg = rgb(getComputedStyle(element).color).slice(0, 3);
      const bg = background(element);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < threshold) low.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)} (${fg.join(",")} on ${bg.join(",")})`);
    }
    return low;
  }, min);
}

/** Whether anything makes the page wider than its window (a horizontal scroll bar). */
export const widened = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The focused element's id, role or text, and whether it is inside the window. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    const box = e?.getBoundingClientRect();
    return {
      what: e?.id || e?.getAttribute("role") || e?.className || e?.tagName || "",
      text: (e?.textContent ?? "").trim(),
      inView: !!box && box.bottom > 0 && box.top < window.innerHeight,
    };
  });
