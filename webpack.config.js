/* Builds the add-in into dist/: the task pane page (the shared runtime), functions.js,
 * functions.json generated from JSDoc, functions-nl.json, assets, and the manifest with the
 * production URL. `--env demo` builds the demo page (the pane on the in-memory host, with
 * HyperFormula) into dist-demo/ instead: it is no part of the add-in and never lands in dist/. */
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, WebpackError, Compilation } = require("webpack");

require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { dutchMetadata } = require("./src/functions/dutch.ts");

/** Where the dev server serves the add-in; manifest.xml and the functions' helpUrl name it. */
const urlDev = "https://localhost:3000/";

/**
 * The public URL a production build points the manifest and the functions' help at, where
 * dist/ is served: `--env url=…` or ADDIN_PUBLIC_URL. There is no default: a build that points
 * at a placeholder host installs an add-in that cannot load.
 */
function productionUrl(env) {
  const url = env.url || process.env.ADDIN_PUBLIC_URL;
  if (!url) {
    refuse(
      "A production build needs the add-in's public URL, where dist/ will be served:\n" +
        "  npm run build -- --env url=https://budget.example.nl/   (or set ADDIN_PUBLIC_URL)\n" +
        "For the dev server on this machine: npm run build:dev, npm start.",
    );
  }
  if (!/^https:\/\/[^/\s?#]+\/([^\s?#]*\/)?$/.test(url)) refuse(`The add-in's public URL must start with https:// and end in "/": ${url}`);
  return url;
}

/** Stops the build before anything is written (dist/ is left as it was), with the message only. */
function refuse(message) {
  console.error(`webpack.config.js: ${message}`);
  process.exit(1);
}

/** functions.json with the add-in's URL (its helpUrl), and functions-nl.json with the Dutch names (src/functions/dutch.ts). */
class FunctionsMetadataPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset("functions.json");
        if (!english) return; // metadata generation failed: its errors are reported already
        try {
          const json = english.source.source().toString().replaceAll(urlDev, this.url);
          compilation.updateAsset("functions.json", new sources.RawSource(json));
          compilation.emitAsset("functions-nl.json", new sources.RawSource(dutchMetadata(json)));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

/**
 * dist/bundle-contents.json: per bundle, the packages its code comes from ("our code" for src/),
 * so anyone can see what the add-in ships; a test holds the add-in's bundles to our code and
 * decimal.js.
 */
class BundleContentsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleContentsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BundleContentsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const origin = (resource) => {
          const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(resource);
          return m ? m[1].replace(/\\/g, "/") : path.relative(__dirname, resource).split(path.sep).slice(0, 2).join("/");
        };
        const contents = {};
        for (const chunk of compilation.chunks) {
          const origins = new Set();
          const visit = (module) => {
            if (module.modules) module.modules.forEach(visit); // a concatenated module holds several
            else if (module.resource) origins.add(origin(module.resource.split("?")[0]));
          };
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module);
          contents[chunk.name] = [...origins].sort();
        }
        compilation.emitAsset("bundle-contents.json", new sources.RawSource(JSON.stringify(contents, null, 2)));
      });
    });
  }
}

const common = (dev) => ({
  devtool: dev ? "source-map" : false,
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } } }],
  },
  performance: { hints: false },
  stats: "errors-warnings",
});

/** npm run build:demo / npm run demo: the task pane on the in-memory host, no Excel needed. */
function demoConfig(dev) {
  return {
    ...common(dev),
    entry: { demo: "./src/demo/demo.ts", taskpane: "./src/taskpane/taskpane.ts" },
    output: { path: path.resolve(__dirname, "dist-demo"), clean: true },
    plugins: [
      new BundleContentsPlugin(),
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo", "taskpane"], chunksSortMode: "manual", scriptLoading: "blocking", inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/demo/demo.css", to: "demo.css" },
        ],
      }),
    ],
  };
}

/**
 * The dev server's certificate, as the Office add-in templates do it: office-addin-dev-certs
 * creates a localhost certificate and has its CA trusted the first time (Office loads add-ins
 * over https only), and renews it when it is about to expire. No http fall-back.
 */
async function devServer() {
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return {
    static: { directory: path.join(__dirname, "dist") },
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: { ca, key, cert } },
    port: Number(process.env.npm_package_config_dev_server_port || 3000),
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (env.demo) return demoConfig(dev);
  const url = dev ? urlDev : productionUrl(env);
  return {
    ...common(dev),
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsMetadataPlugin(url),
      new BundleContentsPlugin(),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], chunksSortMode: "manual", scriptLoading: "blocking", inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => content.toString().replaceAll(urlDev, url) },
        ],
      }),
    ],
    // Only `webpack serve` asks for the certificate; a build never touches the machine's trust store.
    devServer: env.WEBPACK_SERVE ? await devServer() : undefined,
  };
};
