import fs from "fs";
import path from "path";
import { demoFile, distFile } from "../support/dist";

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  return new Map(meta[1].split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
/** The pane's policy, exactly: office.js runs under it (test/e2e/office-js.test.ts proves that in Chromium). */
const TASKPANE_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_CDN],
  "style-src": ["'self'"],
  // office.js sets style attributes (its hidden frames, the XML it parses): attributes only.
  "style-src-attr": ["'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  // The frames office.js opens itself: its host trust check and its telemetry proxy.
  "frame-src": [OFFICE_CDN, "https://telemetryservice.firstpartyapps.oaspapps.com"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};
/** The demo page loads no office.js (the in-memory host stands in): nothing inline at all. */
const DEMO_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

/** The pane from the add-in's build; the demo page from its own (it never ships in dist/). */
const built = (page: string) => (page === "demo.html" ? demoFile(page) : distFile(page));

describe("Content-Security-Policy of the built pages", () => {
  it.each([
    ["taskpane.html", TASKPANE_POLICY],
    ["demo.html", DEMO_POLICY],
  ])("%s has exactly its documented policy", (page, expected) => {
    expect(Object.fromEntries(policyOf(built(page)))).toEqual(expected);
  });

  it.each([["taskpane.html"], ["demo.html"]])("%s allows scripts only from its own origin and Office's script host, never inline or eval", (page) => {
    const html = built(page);
    const policy = policyOf(html);
    expect(policy.get("script-src")?.every((source) => source === "'self'" || source === OFFICE_CDN)).toBe(true);
    expect(html).not.toMatch(/unsafe-eval|unsafe-hashes|'nonce-|'sha256-|strict-dynamic/);
    // 'unsafe-inline' appears for style attributes only; no directive that governs scripts has it.
    for (const [name, values] of policy) if (values.includes("'unsafe-inline'")) expect(name).toBe("style-src-attr");
    // Every script is a file of the add-in (or office.js), none inline.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/src="?(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[a-z]+\.js)"?>/);
  });

  it("the README explains every directive of the pane's policy", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const section = /### Content-Security-Policy\n([\s\S]*?)\n#{2,3} /.exec(readme)?.[1] ?? "";
    expect(Object.keys(TASKPANE_POLICY).filter((directive) => !section.includes(`\`${directive}`))).toEqual([]);
  });
});

describe("no network calls from the add-in", () => {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  it("has no fetch, XMLHttpRequest, WebSocket, sendBeacon or EventSource in src/", () => {
    const offenders = files(path.resolve(__dirname, "../../src"))
      .filter((f) => /\.(ts|html)$/.test(f))
      .filter((f) => /\b(fetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource)/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
