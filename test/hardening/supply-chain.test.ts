/**
 * What `npm ci` installs and what the add-in ships: exact versions, every package locked with
 * its checksum, and bundles of our own code plus decimal.js only.
 */
import fs from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const json = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as T;

interface PackageJson {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface PackageLock {
  lockfileVersion: number;
  packages: Record<string, { version?: string; integrity?: string; link?: boolean }>;
}
/** dist/bundle-contents.json: per bundle, the packages its code comes from. */
type BundleContents = Record<string, string[]>;

describe("supply chain", () => {
  it("names every direct dependency at an exact version, so npm install cannot drift from the lock", () => {
    const pkg = json<PackageJson>("package.json");
    const ranged = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(String(v)));
    expect(ranged).toEqual([]);
  });

  it("locks every installed package with its integrity checksum, at the versions package.json names", () => {
    const lock = json<PackageLock>("package-lock.json");
    const pkg = json<PackageJson>("package.json");
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const packages = Object.entries(lock.packages).filter(([name]) => name !== "");
    expect(packages.length).toBeGreaterThan(100);
    expect(packages.filter(([, p]) => !p.link && !/^sha(256|384|512)-/.test(p.integrity ?? "")).map(([name]) => name)).toEqual([]);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
  });

  it("ships in the add-in's bundles (task pane, functions) nothing but our code and decimal.js", () => {
    const contents = json<BundleContents>("dist/bundle-contents.json");
    expect(Object.keys(contents).sort()).toEqual(["functions", "taskpane"]);
    for (const bundle of ["taskpane", "functions"]) {
      expect(contents[bundle]).toContain("decimal.js");
      expect([bundle, contents[bundle].filter((origin) => origin !== "decimal.js" && !origin.startsWith("src/"))]).toEqual([bundle, []]);
    }
  });

  it("keeps HyperFormula (GPLv3) to the demo page, built on its own into dist-demo/", () => {
    // The in-memory host calculates with HyperFormula for the tests and the demo; the add-in never does.
    const demo = json<BundleContents>("dist-demo/bundle-contents.json");
    expect(demo.demo).toContain("hyperformula");
    expect(demo.demo).toContain("src/host");
  });
});
