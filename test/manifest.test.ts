import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { distFile } from "./support/dist";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.resolve(ROOT, "../shared/office-schemas/OfficeAppManifestV1_1.xsd");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("validates offline against the Office add-in manifest schema (xmllint)", () => {
    // xmllint is Debian's libxml2-utils; .ci/run installs it. It exits non-zero on an invalid manifest.
    const output = execFileSync("xmllint", ["--noout", "--schema", SCHEMA, path.join(ROOT, "manifest.xml")], { encoding: "utf8", stdio: "pipe" });
    expect(output).toBe("");
  });

  it("defines every resid it uses, and uses every resource it defines", () => {
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it("asks for ReadWriteDocument only, and runs functions and task pane in one long-lived runtime", () => {
    expect([...manifest.matchAll(/<Permissions>([^<]+)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="GGZ"\/>/);
    expect([...manifest.matchAll(/xsi:type="ShowTaskpane"/g)]).toHaveLength(1);
  });

  it("overrides display name, description and the functions metadata URL for nl-NL", () => {
    expect(manifest).toMatch(/<DisplayName [^>]*>\s*<Override Locale="nl-NL"/);
    expect(manifest).toMatch(/<Description [^>]*>\s*<Override Locale="nl-NL"/);
    expect(manifest).toMatch(/<bt:Url id="Functions.Metadata.Url"[^>]*>\s*<bt:Override Locale="nl-NL" Value="[^"]*functions-nl.json"/);
  });

  it("points at icons of 16, 32, 64 and 80 px that exist in assets/ at their size", () => {
    for (const m of manifest.matchAll(/assets\/icon-(\d+)\.png/g)) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${m[1]}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m[1]), Number(m[1])]);
    }
  });

  it("is copied into dist with the production URL everywhere, still valid", () => {
    const built = distFile("manifest.xml");
    expect(built).not.toContain("localhost");
    expect((built.match(/https:\/\//g) ?? []).length).toBe((manifest.match(/https:\/\//g) ?? []).length);
    const tmp = path.join(ROOT, "dist", "manifest.xml");
    expect(execFileSync("xmllint", ["--noout", "--schema", SCHEMA, tmp], { encoding: "utf8", stdio: "pipe" })).toBe("");
  });
});

/**
 * Issue 9.4: the manifest declares the requirement sets the add-in needs, and the code has no
 * run-time gate left for what the declared sets already guarantee. Each Office.js member's set
 * is taken from @types/office-js ("[Api set: ExcelApi 1.9]"), not from memory.
 */
describe("declared requirements", () => {
  const OFFICE_JS = fs.readFileSync(path.join(ROOT, "node_modules/@types/office-js/index.d.ts"), "utf8");
  const sets = Object.fromEntries([...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1], m[2]]));
  const version = (v: string) => v.split(".").map(Number).reduce((n, part, i) => n + part / 100 ** i, 0);
  /** The ExcelApi set of every declaration of `member` in the Excel classes (for a property set, its "for set" version). */
  const excelSetsOf = (member: string, setting: boolean): string[] =>
    [...OFFICE_JS.matchAll(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*?)\\*/\\s*(?:readonly\\s+)?${member}\\??[(:]`, "g"))]
      .map((m) => /\[Api set: ExcelApi ([\d.]+)(?: for get, ([\d.]+) for set)?/.exec(m[1]))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => (setting && m[2] ? m[2] : m[1]));
  const sources = ["src/render/office", "src/taskpane"].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => path.join(ROOT, dir, f)));
  const code = sources.map((f) => fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")).join("\n");

  it("declares SharedRuntime 1.1, ExcelApi 1.9 and CustomFunctionsRuntime 1.2", () => {
    expect(sets).toEqual({ SharedRuntime: "1.1", ExcelApi: "1.9", CustomFunctionsRuntime: "1.2" });
  });

  it("calls no Excel API newer than the ExcelApi it declares", () => {
    // Every member called or set in the pane's Office.js code that Excel defines somewhere: it must exist in a declared set.
    const used = new Map<string, boolean>();
    for (const m of code.matchAll(/\.([a-z][A-Za-z]+)\s*(\(|=(?!=))/g)) used.set(m[1], (used.get(m[1]) ?? false) || m[2] !== "(");
    const newer = [...used]
      .map(([member, setting]) => [member, excelSetsOf(member, setting)] as const)
      .filter(([, found]) => found.length > 0 && Math.min(...found.map(version)) > version(sets.ExcelApi))
      .map(([member, found]) => `${member} (ExcelApi ${found.join(", ")})`);
    expect(newer).toEqual([]);
    // And the newest ones it does call are in it: the declared set is what the pane needs, no lower.
    for (const member of ["copyFrom", "suspendScreenUpdatingUntilNextSync", "getSpecialCellsOrNullObject"]) {
      expect([member, code.includes(`.${member}(`), [...new Set(excelSetsOf(member, false))]]).toEqual([member, true, [sets.ExcelApi]]);
    }
  });

  it("has no run-time gate left that the declared sets make always true", () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const all = walk("src");
    const gated = all.filter((f) => /isSetSupported\(|\bsupports\(\s*["']1\.\d+["']\s*\)/.test(fs.readFileSync(path.join(ROOT, f), "utf8")) && !f.startsWith(path.join("src", "demo")));
    expect(gated).toEqual([]);
  });

  it("declares the CustomFunctionsRuntime that CustomFunctions.Error needs", () => {
    const functions = fs.readFileSync(path.join(ROOT, "src/functions/evaluate.ts"), "utf8");
    expect(functions).toContain("new CustomFunctions.Error(");
    const runtime = fs.readFileSync(path.join(ROOT, "node_modules/@types/custom-functions-runtime/index.d.ts"), "utf8");
    const needed = /\[Api set: CustomFunctionsRuntime ([\d.]+)\]\s*\*\/\s*class Error\b/.exec(runtime)![1];
    expect(version(sets.CustomFunctionsRuntime)).toBeGreaterThanOrEqual(version(needed));
  });
});
