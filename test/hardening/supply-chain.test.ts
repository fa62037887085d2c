/**
 * What `npm ci` installs and what the add-in ships: exact versions, every package locked with
 * its checksum, and bundles of our own code plus decimal.js only.
 */
import fs from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));

describe("supply chain", () => {
  it("names every direct dependency at an exact version, so npm install cannot drift from the lock", () => {
    const pkg = json("package.json");
    const ranged = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(String(v)));
    expect(ranged).toEqual([]);
  });

  it("locks every installed package with its integrity checksum, at the versions package.json names", () => {
    const lock = json("package-lock.json");
    const pkg = json("package.json");
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const packages = Object.entries(lock.packages as Record<string, { version?: string; integrity?: string; link?: boolean }>).filter(([name]) => name !== "");
    expect(packages.length).toBeGreaterThan(100);
    expect(packages.filter(([, p]) => !p.link && !/^sha(256|384|512)-/.test(p.integrity ?? "")).map(([name]) => name)).toEqual([]);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
  });

  it("ships in the add-in's bundles (task pane, functions) nothing but our code and decimal.js", () => {
    const contents = json("dist/bundle-contents.json") as Record<string, string[]>;
    for (const bundle of ["taskpane", "functions"]) {
      expect(contents[bundle]).toContain("decimal.js");
      expect([bundle, contents[bundle].filter((origin) => origin !== "decimal.js" && !origin.startsWith("src/"))]).toEqual([bundle, []]);
    }
    // The demo page (not part of the add-in) is where the in-memory host brings HyperFormula.
    expect(contents.demo).toContain("hyperformula");
  });
});
