/**
 * The pane's manners in Chromium, on its production page (dist/taskpane.html at a task pane's
 * width, 340 px, with the demo's stand-in Office and Excel): axe-core finds nothing serious or
 * critical and every text reads at 4.5:1 in each of Office's themes, in the four states a
 * finance officer sees (start, after a build, problems listed, a confirmation open); the
 * answer to each action takes the focus, in view; a rejected field says why.
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { axeSerious, focused, launch, lowContrast, open, widened } from "./browser";

const OUT = path.resolve(__dirname, "../../test-output");
const LONG_NAME = "Huisartsenpraktijkgezondheidscentrumdeverenigdehuisartsenvandepolder";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => browser?.close());

const done = (page: Page) => page.getByRole("status").filter({ hasText: /^(Klaar|Done)/ }).waitFor({ timeout: 60_000 });

/** What must hold in every state: no serious axe finding, readable text, nothing wider than the pane. */
async function clean(page: Page, state: string): Promise<void> {
  expect({ state, axe: await axeSerious(page) }).toEqual({ state, axe: [] });
  expect({ state, contrast: await lowContrast(page) }).toEqual({ state, contrast: [] });
  expect({ state, widened: await widened(page) }).toEqual({ state, widened: false });
}

describe("the pane page in each Office theme", () => {
  it.each(["white", "colorful", "darkGray", "black"])("%s: no serious axe violation, text at 4.5:1, nothing widens the pane, in four states", async (theme) => {
    // The narrowest task pane (320 px) for two themes, 340 px for the two the screenshots show.
    const { page, errors, elsewhere } = await open(browser, "taskpane.html", { theme, width: theme === "white" || theme === "black" ? 340 : 320 });
    await clean(page, "start");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    await clean(page, "built");
    if (theme === "white" || theme === "black") await page.screenshot({ path: path.join(OUT, `pane-${theme === "white" ? "light" : "dark"}.png`), fullPage: true });
    await page.getByLabel("Of plak de CSV hier").fill(`praktijk;agb;patienten\n${LONG_NAME};0123;veel\n`);
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await page.locator(".problems li").first().waitFor();
    await clean(page, "problems");
    if (theme === "white") await page.screenshot({ path: path.join(OUT, "pane-problems.png"), fullPage: true });
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("alertdialog").waitFor();
    await clean(page, "confirmation");
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.context().close();
  });
});

describe("the pane's answers", () => {
  it("says the language in <html lang>, and only the status is a live region", async () => {
    for (const [locale, lang] of [["nl-NL", "nl"], ["en-US", "en"]]) {
      const { page } = await open(browser, "taskpane.html", { locale });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')].map((e) => e.id));
      expect(live).toEqual(["status"]);
      await page.context().close();
    }
  });

  it("marks a rejected field invalid with a message that says what it takes, and takes the focus to the list", async () => {
    const { page } = await open(browser, "taskpane.html");
    await page.getByLabel("Begrotingsjaar").fill("1999");
    await page.getByLabel("Kosten formatie per uur (€)").fill("52,505");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    const year = page.getByLabel("Begrotingsjaar");
    await expect(year.getAttribute("aria-invalid")).resolves.toBe("true");
    const described = await year.getAttribute("aria-describedby");
    await expect(page.locator(`#${described}`).innerText()).resolves.toBe("Begrotingsjaar: kies een jaar van 2000 tot 2200 (nu: 1999)");
    await expect(page.locator("#hourly-cost-error").innerText()).resolves.toMatch(/^Kosten formatie per uur \(€\): vul een bedrag in van 0 tot 10\.000, met hoogstens twee decimalen/);
    await expect(focused(page)).resolves.toMatchObject({ what: "problems", inView: true });
    // Choosing a message goes to its field; typing there clears the mark.
    await page.getByRole("button", { name: /^Begrotingsjaar: kies/ }).click();
    await expect(focused(page)).resolves.toMatchObject({ what: "budget-year" });
    await year.fill("2027");
    await expect(year.getAttribute("aria-invalid")).resolves.toBeNull();
    await page.context().close();
  });

  it("paints the progress bar during a build, focuses each answer in view, and says each rebuild differently", async () => {
    const { page } = await open(browser, "taskpane.html", { height: 600 });
    // Each animation frame records what it paints: the bar's value and whether it has the focus.
    await page.evaluate(() => {
      const frames: { value: number; focused: boolean }[] = [];
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      const tick = () => {
        const bar = document.querySelector("progress");
        if (bar && !bar.closest("[hidden]")) frames.push({ value: bar.value, focused: document.activeElement === bar });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    const frames = await page.evaluate(() => (window as unknown as { frames_: { value: number; focused: boolean }[] }).frames_);
    expect(new Set(frames.map((f) => f.value)).size).toBeGreaterThanOrEqual(2);
    expect(frames.every((f) => f.focused)).toBe(true);
    const first = await page.getByRole("status").innerText();
    expect(first).toMatch(/^Klaar om \d\d:\d\d:\d\d: nieuwe begroting met 12 praktijken; \d+ bladen geschreven\. Zie Begroting \d{4}\.$/);
    await expect(focused(page)).resolves.toMatchObject({ what: "status", inView: true });

    // The rebuild button is far down the pane: its answer comes into view at the top.
    await page.getByRole("button", { name: "Begroting opnieuw opbouwen" }).scrollIntoViewIfNeeded();
    await page.getByRole("button", { name: "Begroting opnieuw opbouwen" }).click();
    await done(page);
    const second = await page.getByRole("status").innerText();
    expect(second).toMatch(/^Klaar om \d\d:\d\d:\d\d \(opbouw 2\): 12 praktijken gelezen van Praktijken; \d+ bladen herschreven\./);
    expect(second).not.toBe(first);
    await expect(focused(page)).resolves.toMatchObject({ what: "status", inView: true });

    // Before replacing the budget the pane asks, with the focus on the safe choice; Escape is that choice.
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("alertdialog").waitFor();
    await expect(focused(page)).resolves.toMatchObject({ text: "Annuleren", inView: true });
    await page.keyboard.press("Escape");
    await expect(page.getByRole("status").innerText()).resolves.toMatch(/^Geannuleerd om \d\d:\d\d:\d\d: niets gewijzigd\.$/);
    await expect(focused(page)).resolves.toMatchObject({ what: "status", inView: true });
    await page.context().close();
  });

  it("says a problem on Praktijken with the sheet's column header and dd-mm-jjjj dates, and selects its cell", async () => {
    const { page } = await open(browser, "taskpane.html");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await done(page);
    // A person types on Praktijken (unlocked input cells): a word for a number, an end before the start.
    const headers = await page.evaluate(async () => {
      type Run = (batch: (context: Excel.RequestContext) => Promise<void>) => Promise<void>;
      await (window as unknown as { Excel: { run: Run } }).Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Praktijken");
        sheet.getRange("D5").values = [["veel"]];
        sheet.getRange("G5:H5").values = [["1-3-2026", "1-1-2026"]];
        await context.sync();
      });
      const { host } = (window as unknown as { pohDemo: { host: { state: { sheet(n: string): unknown; valueAt(s: unknown, r: number, c: number): unknown } } } }).pohDemo;
      return [4, 8].map((c) => String(host.state.valueAt(host.state.sheet("Praktijken"), 4, c)).replace(/\s+/g, " ").trim());
    });
    await page.getByRole("button", { name: "Begroting opnieuw opbouwen" }).click();
    await page.locator(".problems li").first().waitFor();
    const listed = await page.locator(".problems li").allInnerTexts();
    expect(listed).toContain(`Praktijken D5: ${headers[0]}: verwacht een getal, niet “veel”`);
    expect(listed.find((line) => line.startsWith("Praktijken H5"))).toMatch(/01-01-2026.*01-03-2026/);
    expect(listed.join("\n")).not.toMatch(/\d{4}-\d\d-\d\d|patienten|einddatum:/);
    await expect(focused(page)).resolves.toMatchObject({ what: "problems", inView: true });
    await page.screenshot({ path: path.join(OUT, "pane-sheet-problems.png") });
    await page.getByRole("button", { name: /^Praktijken D5/ }).click();
    await expect(page.evaluate(() => (window as unknown as { pohDemo: { host: { state: { selected: unknown } } } }).pohDemo.host.state.selected)).resolves.toEqual({ sheet: "Praktijken", address: "D5" });
    await page.context().close();
  });

  it("imports a CSV before any budget exists, the pasted text before a chosen file", async () => {
    const { page } = await open(browser, "taskpane.html");
    await page.getByLabel("Regeling").selectOption("vpg");
    await page.getByLabel("CSV-bestand").setInputFiles({ name: "oud.csv", mimeType: "text/csv", buffer: Buffer.from("praktijk;agb;patienten\nA;01000001;2350\nB;01000002;2350\n") });
    await page.getByLabel("Of plak de CSV hier").fill(`praktijk;agb;patienten\n${LONG_NAME};01000003;4700\n`);
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await done(page);
    await expect(page.getByRole("status").innerText()).resolves.toMatch(
      /^Klaar om .*: nieuwe begroting \(VPG regioplan \(pilot\)\) met 1 praktijk uit de geplakte tekst; \d+ bladen geschreven\. Zie Begroting \d{4}\. Het gekozen bestand oud\.csv is niet gebruikt/,
    );
    const practice = await page.evaluate(() => {
      const { host } = (window as unknown as { pohDemo: { host: { state: { sheet(n: string): unknown; valueAt(s: unknown, r: number, c: number): unknown } } } }).pohDemo;
      return [host.state.valueAt(host.state.sheet("Praktijken"), 5, 1), host.state.valueAt(host.state.sheet("Praktijken"), 6, 1)];
    });
    expect(practice).toEqual(["Huisartsenpraktijkgezondheidscentrumdeverenigdehuisartsenvandepolder", null]);
    expect(await widened(page)).toBe(false);
    await page.context().close();
  });
});
