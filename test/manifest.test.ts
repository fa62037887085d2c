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
