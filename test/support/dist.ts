import fs from "fs";
import path from "path";

/** The add-in's production build (npm run build:test, which npm test runs). */
export const DIST = path.resolve(__dirname, "../../dist");
/** The demo page's build, kept out of dist/ (npm run build:demo, which npm test runs). */
export const DEMO_DIST = path.resolve(__dirname, "../../dist-demo");

function read(dir: string, name: string, script: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run ${script}" first (npm test does)`);
  return fs.readFileSync(file, "utf8");
}

/** A file of the production build. */
export const distFile = (name: string): string => read(DIST, name, "build:test");
/** A file of the demo page's build. */
export const demoFile = (name: string): string => read(DEMO_DIST, name, "build:demo");
