import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import webpack from "webpack";
import { DEMO_DIST, DIST, distFile } from "./support/dist";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin") as new (options: { output: string; input: string }) => webpack.WebpackPluginInstance;

const ROOT = path.resolve(__dirname, "..");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js");

const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** `webpack` as npm run build runs it, without ADDIN_PUBLIC_URL, into a folder of its own (never dist/). */
function webpackCli(...args: string[]) {
  const out = path.join(ROOT, "test-output", `refused-build-${process.pid}`);
  fs.rmSync(out, { recursive: true, force: true });
  const env = { ...process.env };
  delete env.ADDIN_PUBLIC_URL;
  const run = spawnSync(process.execPath, [WEBPACK_CLI, ...args, "--output-path", out], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stderr: run.stderr, wrote: fs.existsSync(out) };
}

describe("the build", () => {
  it("fails when custom-functions metadata generation reports an error", async () => {
    const compiler = webpack({
      mode: "production",
      context: ROOT,
      entry: { functions: "./test/fixtures/bad-functions.ts" },
      output: { path: path.resolve(ROOT, "test-output/bad-build") },
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
      plugins: [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./test/fixtures/bad-functions.ts" })],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))));
    await new Promise((resolve) => compiler.close(resolve));
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toJson().errors!.map((e) => e.message).join("\n")).toMatch(/does not support type "Point"/);
  });

  it("refuses a production build without the add-in's public URL, saying how to give it, and writes nothing", () => {
    const refused = webpackCli("--mode", "production");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("A production build needs the add-in's public URL");
    expect(refused.stderr).toContain("--env url=https://");
    expect(refused.stderr).not.toMatch(/\n\s+at /); // the message, no stack trace
    expect(refused.wrote).toBe(false);
  });

  it("refuses a public URL that is not https or does not end in a slash", () => {
    for (const url of ["http://budget.example.nl/", "https://budget.example.nl/app"]) {
      const refused = webpackCli("--mode", "production", "--env", `url=${url}`);
      expect([url, refused.status, refused.wrote]).toEqual([url, 1, false]);
      expect(refused.stderr).toContain(`must start with https:// and end in "/": ${url}`);
    }
  });
});

describe("the dev server", () => {
  type DevServer = { server: { type: string; options: unknown } } | undefined;
  type Config = (env: Record<string, unknown>, options: { mode: string }) => Promise<{ devServer: DevServer }>;
  /** webpack.config.js with office-addin-dev-certs stood in for (the real one installs a CA on this machine). */
  function configWith(getHttpsServerOptions: jest.Mock): Config {
    let config: Config | undefined;
    jest.isolateModules(() => {
      jest.doMock("office-addin-dev-certs", () => ({ getHttpsServerOptions }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require("../webpack.config.js") as Config;
    });
    return config!;
  }

  it("serves https with office-addin-dev-certs' certificate, which it installs or renews when needed", async () => {
    const certs = jest.fn(() => Promise.resolve({ ca: "CA", key: "KEY", cert: "CERT" }));
    const { devServer } = await configWith(certs)({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(certs).toHaveBeenCalledTimes(1);
    expect(devServer?.server).toEqual({ type: "https", options: { ca: "CA", key: "KEY", cert: "CERT" } });
  });

  it("does not start without a certificate: no fall-back to http", async () => {
    const certs = jest.fn(() => Promise.reject(new Error("Unable to install the CA certificate")));
    await expect(configWith(certs)({ WEBPACK_SERVE: true }, { mode: "development" })).rejects.toThrow("Unable to install the CA certificate");
  });

  it("is not asked for a certificate by a build", async () => {
    const certs = jest.fn();
    expect((await configWith(certs)({ WEBPACK_BUILD: true }, { mode: "development" })).devServer).toBeUndefined();
    expect(certs).not.toHaveBeenCalled();
  });
});

describe("the production build in dist/ (npm run build:test)", () => {
  it("holds the add-in only: no demo page, nothing of HyperFormula", () => {
    const built = files(DIST).map((f) => path.relative(DIST, f));
    expect(built).toEqual(expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "functions.json", "functions-nl.json", "manifest.xml", "help.html"]));
    expect(built.filter((f) => /demo/i.test(f))).toEqual([]);
    expect(built.filter((f) => /hyperformula|gpl-v3/i.test(fs.readFileSync(path.join(DIST, f), "latin1")))).toEqual([]);
  });

  it("gives every custom function a helpUrl: the pane's help page at the add-in's public URL, in English and Dutch", () => {
    const support = /<SupportUrl DefaultValue="([^"]+)"\/>/.exec(distFile("manifest.xml"))?.[1];
    expect(support).toBe("https://addin.example/help.html"); // package.json's build:test URL
    expect(distFile("help.html")).toContain("POH_COMPENSATIE");
    for (const metadata of ["functions.json", "functions-nl.json"]) {
      const { functions } = JSON.parse(distFile(metadata)) as { functions: { id: string; helpUrl?: string }[] };
      expect(functions).toHaveLength(5);
      expect([metadata, functions.filter((f) => f.helpUrl !== support).map((f) => f.id)]).toEqual([metadata, []]);
    }
  });
});

describe("the demo page's build in dist-demo/ (npm run build:demo)", () => {
  it("is the pane on the in-memory host, with no manifest or functions of the add-in", () => {
    const built = files(DEMO_DIST).map((f) => path.relative(DEMO_DIST, f));
    expect(built).toEqual(expect.arrayContaining(["demo.html", "demo.js", "taskpane.js", "taskpane.css", "demo.css"]));
    expect(built.filter((f) => /^(manifest\.xml|functions)/.test(f))).toEqual([]);
  });
});
