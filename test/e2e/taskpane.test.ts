/**
 * The built task pane in a real browser (Debian's Chromium, headless, via playwright-core), on
 * the demo page where the in-memory host stands in for Excel: new budget with the sample,
 * build, and the Begroting totals checked against the calculation core.
 */
import fs from "fs";
import path from "path";
import type { Server } from "http";
import { budgetLayout } from "../../src/workbook/budget-sheet";
import { chromium, type Browser, type Page } from "playwright-core";
import { forecast } from "../../src/core/budget";
import { SCHEMES, withParameters } from "../../src/core/schemes";
import { importPractices } from "../../src/import/practices";
import { SAMPLE_PRACTICES_CSV } from "../../src/samples/sample";
import { DEMO_DIST as DIST } from "../support/dist";

/** 115122 → "115\\.122,00": the amount as the Dutch grid shows it, as a pattern. */
const dutchMoney = (amount: number) =>
  amount.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\./g, "\\.");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../scripts/serve.js") as { serve: (root: string, port?: number) => Promise<Server> };

const OUT = path.resolve(__dirname, "../../test-output");
const CHROMIUM = "/usr/bin/chromium";

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "demo.html"))) throw new Error("dist/demo.html is missing: run npm run build (npm test does)");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  server = await serve(DIST);
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openDemo(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "nl-NL" });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${origin}/demo.html`);
  await page.getByRole("button", { name: "Maak begroting" }).waitFor();
  return { page, requests, errors };
}

const cellValue = (page: Page, sheet: string, address: string) =>
  page.evaluate(
    ([s, a]) => {
      const host = (window as unknown as { pohDemo: { host: { state: { sheet(n: string): unknown; valueAt(sheet: unknown, r: number, c: number): unknown } } } }).pohDemo.host;
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return host.state.valueAt(host.state.sheet(s), Number(m[2]), col);
    },
    [sheet, address] as const,
  );

describe("the task pane in Chromium", () => {
  it("starts a new budget with the sample, builds it, and shows the core's totals", async () => {
    const { page, requests, errors } = await openDemo();
    await page.getByLabel("Begrotingsjaar").fill("2026");
    await page.getByLabel("Regeling").selectOption("flevoland");
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });

    const year = forecast(withParameters(SCHEMES.flevoland, { capacityHours: "46", hourlyCost: "52.50" }).params, importPractices(SAMPLE_PRACTICES_CSV).practices, 2026, 1)[0];
    const totalRow = budgetLayout(12).totalRow;
    expect(await cellValue(page, "Begroting 2026", `K${totalRow}`)).toBe(year.totals.formationCost.toNumber());
    expect(await cellValue(page, "Begroting 2026", `L${totalRow}`)).toBe(year.totals.municipalityPart.toNumber());
    expect(await cellValue(page, "Begroting 2026", `M${totalRow}`)).toBe(year.totals.insurerPart.toNumber());
    expect(await cellValue(page, "Begroting 2026", `I${totalRow}`)).toBe(year.totals.weeklyHours.toNumber());

    // The workbook beside the pane shows the Begroting sheet with the total, formatted in euros.
    await expect(page.locator(`td[data-address="K${totalRow}"]`).innerText()).resolves.toMatch(new RegExp(`€\\s*${dutchMoney(year.totals.formationCost.toNumber())}`));
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "taskpane.png") });

    // Rebuild keeps going, and the page never talked to any other origin.
    await page.getByRole("button", { name: "Begroting opnieuw opbouwen" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists CSV problems and shows a practice name as text, never as HTML", async () => {
    const { page, errors } = await openDemo();
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });
    await page.getByLabel("Of plak de CSV hier").fill("praktijk;agb;patienten\n<img src=x onerror=\"window.pwned=1\">;0123;veel\n");
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    const problems = page.locator(".problems li");
    await problems.first().waitFor();
    await expect(problems.allInnerTexts()).resolves.toEqual(["Rij 2: AGB-code “0123” is geen 8 cijfers", "Rij 2: patienten: verwacht een getal, niet “veel”"]);
    await page.getByLabel("Of plak de CSV hier").fill("praktijk;agb;patienten\n<img src=x onerror=\"window.pwned=1\">;01000001;2350\n");
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await page.getByRole("button", { name: "Toch doorgaan" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Praktijken" }).click();
    await expect(page.locator('td[data-address="A5"]').innerText()).resolves.toBe('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("imports a CSV with a character a workbook cannot hold, and lists what it left out", async () => {
    const { page, errors } = await openDemo();
    await page.getByRole("button", { name: "Maak begroting" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });
    await page.getByLabel("Of plak de CSV hier").fill("praktijk;agb;patienten\nDe \uFFFELinde;01000001;2350\n");
    await page.getByRole("button", { name: "Praktijken inlezen" }).click();
    await expect(page.locator("#confirm-text").innerText()).resolves.toMatch(/^Praktijken heeft nu 12 ingevulde praktijk\(en\)\. Inlezen vervangt die door de 1 praktijk\(en\)/);
    await page.getByRole("button", { name: "Toch doorgaan" }).click();
    await page.getByRole("status").filter({ hasText: "Klaar" }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole("status").innerText()).resolves.toMatch(/^Klaar om \d\d:\d\d:\d\d \(opbouw 2\): 1 praktijk \(was 12\) ingelezen uit de geplakte tekst/);
    await expect(page.locator(".problems h2").innerText()).resolves.toBe("Ingelezen, met deze aanpassingen");
    await expect(page.locator(".problems li").allInnerTexts()).resolves.toEqual(["Rij 2: praktijk: 1 teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)"]);
    expect(await cellValue(page, "Praktijken", "A5")).toBe("De Linde");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is operable with the keyboard: every control is labelled and reachable with Tab", async () => {
    const { page } = await openDemo();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("#app input, #app select, #app textarea, #app button")]
        .filter((e) => !(e as HTMLElement).innerText?.trim() && !document.querySelector(`label[for="${e.id}"]`) && !e.getAttribute("aria-label"))
        .map((e) => e.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.getByLabel("Regeling").focus();
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      reached.add(await page.evaluate(() => document.activeElement?.textContent || document.activeElement?.id || ""));
    }
    expect(reached.has("Maak begroting")).toBe(true);
    expect(reached.has("Begroting opnieuw opbouwen")).toBe(true);
    await page.close();
  });
});
