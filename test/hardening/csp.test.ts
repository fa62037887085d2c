import fs from "fs";
import path from "path";
import { distFile } from "../support/dist";

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  return new Map(meta[1].split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe("Content-Security-Policy of the built pages", () => {
  it.each([
    ["taskpane.html", ["'self'", "https://appsforoffice.microsoft.com"]],
    ["demo.html", ["'self'"]],
  ])("%s allows scripts only from its own origin and Office's script host, and connects nowhere else", (page, scripts) => {
    const html = distFile(page);
    const policy = policyOf(html);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(scripts);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
    // Every script is a file of the add-in (or office.js), none inline.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/src="?(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[a-z]+\.js)"?>/);
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
