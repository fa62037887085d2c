/**
 * The demo page in Chromium, as a visitor uses it: axe-core finds nothing serious or critical
 * in the light and the dark theme (start, built, problems, confirmation), the sheet tabs are a
 * tablist that keeps the focus, input cells are coloured as in Excel, a typed cell survives a
 * rebuild, the pager says which rows it shows, and the chart is drawn.
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { axeSerious, launch, lowContrast, open } from "./browser";

const OUT = path.resolve(__dirname, "../../test-output");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => browser?.close());

const done = (page: Page) => page.getByRole("status").filter({ hasText: /^Klaar/ }).waitFor({ timeout: 60_000 });

/** The address of the yellow input cell on `sheet` that holds `value` (found in the host, not assumed). */
const inputCell = (page: Page, sheet: string, value: number) =>
  page.evaluate(
    ([name, wanted]) => {
      type Cell = { value?: unknown; format?: { fill?: string } };
      const { host } = (window as unknown as { pohDemo: { host: { state: { sheet(n: string): { cells: Map<string, Cell> } } } } }).pohDemo;
      for (const [key, cell] of host.state.sheet(name).cells) {
        if (cell.value === wanted && cell.format?.fill?.toUpperCase() === "#FFF7D6") {
          const [r, c] = key.split(",").map(Number);
          return `${String.fromCharCode(64 + c)}${r}`;
        }
      }
      return null;
    },
    [sheet, value] as const,
  );

describe("the demo page", () => {
  it.each(["white", "black"])("%s: no serious axe violation and readable text, at start, built, with problems and with a confirmation", async (theme) => {
    const { page, errors } = await open(browser, "demo.html", { theme, width: 1400, height: 900 });
    const clean = async (state: string) => {
      expect({ state, axe: await axeSerious(page) }).toEqual({ state, axe: [] });
      expect({ state, contrast: await lowContrast(page) }).toEqual({ state, contrast: [] });
    };
    await clean("start");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    await clean("built");
    await page.screenshot({ path: path.join(OUT, `demo-${theme === "white" ? "light" : "dark"}.png`) });
    await page.getByLabel("Of plak de CSV hier").fill("praktijk;agb;patienten\nX;0123;veel\n");
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await page.locator(".problems li").first().waitFor();
    await clean("problems");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("alertdialog").waitFor();
    await clean("confirmation");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("has sheet tabs that arrow keys move through, keeping the focus while the workbook changes", async () => {
    const { page } = await open(browser, "demo.html", { width: 1400, height: 900 });
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    // The workbook view adds no live region: the pane's status stays the only one.
    await expect(page.evaluate(() => [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], output')].map((e) => e.id))).resolves.toEqual(["status"]);
    const tabs = await page.getByRole("tab").allInnerTexts();
    const selected = () => page.getByRole("tab", { selected: true }).innerText();
    const focusedTab = () => page.evaluate(() => (document.activeElement?.getAttribute("role") === "tab" ? document.activeElement.textContent : null));
    await page.getByRole("tab", { selected: true }).focus();
    const start = tabs.indexOf(await selected());
    await page.keyboard.press("ArrowRight");
    await expect(selected()).resolves.toBe(tabs[(start + 1) % tabs.length]);
    await expect(focusedTab()).resolves.toBe(tabs[(start + 1) % tabs.length]);
    await page.keyboard.press("Home");
    await expect(focusedTab()).resolves.toBe(tabs[0]);
    await page.keyboard.press("ArrowLeft");
    await expect(focusedTab()).resolves.toBe(tabs[tabs.length - 1]);
    // Any Excel.run redraws the tabs (the demo shows the workbook after every batch): focus stays.
    await page.evaluate(() => (window as unknown as { Excel: { run(batch: () => Promise<void>): Promise<void> } }).Excel.run(async () => undefined));
    await expect(focusedTab()).resolves.toBe(tabs[tabs.length - 1]);
    // Only the chosen tab is in the Tab order, and the panel is labelled by it.
    await expect(page.locator('[role="tab"][tabindex="0"]').count()).resolves.toBe(1);
    const labelledBy = await page.locator('[role="tabpanel"]').getAttribute("aria-labelledby");
    await expect(page.locator(`#${labelledBy}`).innerText()).resolves.toBe(tabs[tabs.length - 1]);
    await page.context().close();
  });

  it("colours input cells as Excel does, keeps a typed cell through a rebuild, pages the rows and draws the chart", async () => {
    const { page } = await open(browser, "demo.html", { width: 1400, height: 900 });
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    await page.getByRole("tab", { name: "Uitgangspunten" }).click();
    const address = await inputCell(page, "Uitgangspunten", 52.5);
    expect(address).not.toBeNull();
    const cell = page.locator(`td[data-address="${address}"]`);
    await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe("rgb(255, 247, 214)");

    // Select it, type as in Excel (typing starts the entry, Enter writes), then rebuild.
    await cell.click();
    await expect(page.locator(".name-box").innerText()).resolves.toBe(address);
    await page.locator("#grid").focus();
    await page.keyboard.type("61,25");
    await page.keyboard.press("Enter");
    await expect(page.locator("#cell-note").innerText()).resolves.toMatch(new RegExp(`^${address} bijgewerkt`));
    await page.getByRole("button", { name: "Begroting opnieuw opbouwen" }).click();
    await done(page);
    await page.getByRole("tab", { name: "Uitgangspunten" }).click();
    await expect(page.locator(`td[data-address="${address}"]`).innerText()).resolves.toMatch(/61,25/);

    // A locked cell says why it does not take typing.
    await page.locator('td[data-address="A1"]').click();
    await page.locator("#grid").focus();
    await page.keyboard.type("x");
    await page.keyboard.press("Enter");
    await expect(page.locator("#cell-note").innerText()).resolves.toMatch(/^A1 is beveiligd/);

    // The pager names the rows shown and how many the sheet has.
    const rows = await page.evaluate(() => document.querySelectorAll("#grid tbody tr").length - 1);
    await expect(page.locator(".pager span").innerText()).resolves.toBe(`Rijen 1–${rows} van ${rows}`);

    await page.getByRole("tab", { name: "Meerjarenraming" }).click();
    await page.screenshot({ path: path.join(OUT, "demo-chart.png") });
    const chart = page.locator("svg.chart");
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator("rect.chart-bar").count()).resolves.toBeGreaterThanOrEqual(4);
    await page.context().close();
  });

  it("shows every row of a long sheet, a page of 100 at a time, saying which", async () => {
    const { page } = await open(browser, "demo.html", { width: 1400, height: 900 });
    const csv = ["praktijk;agb;patienten", ...Array.from({ length: 150 }, (_, i) => `Praktijk ${i + 1};${String(1000001 + i).padStart(8, "0")};2350`)].join("\n");
    await page.getByLabel("Of plak de CSV hier").fill(csv);
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await done(page);
    await page.getByRole("tab", { name: "Praktijken" }).click();
    const label = page.locator(".pager span");
    const total = Number(/van (\d+)$/.exec(await label.innerText())?.[1]);
    expect(total).toBeGreaterThan(154); // 4 heading rows and 150 practices, and the free rows below
    await expect(label.innerText()).resolves.toBe(`Rijen 1–100 van ${total}`);
    await page.getByRole("button", { name: "Volgende rijen" }).click();
    await expect(label.innerText()).resolves.toBe(`Rijen 101–${Math.min(200, total)} van ${total}`);
    await expect(page.locator('td[data-address="A105"]').innerText()).resolves.toBe("Praktijk 101");
    // The pager is drawn anew on every turn: the focus stays on the button just used.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Volgende rijen");
    await page.context().close();
  });
});
