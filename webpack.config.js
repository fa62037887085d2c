/* Builds the add-in: the task pane page (the shared runtime), functions.js, functions.json
 * generated from JSDoc, functions-nl.json, assets, and the manifest with the production URL. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, WebpackError, Compilation } = require("webpack");

require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { dutchMetadata } = require("./src/functions/dutch.ts");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.ADDIN_PUBLIC_URL || "https://poh-ggz-jeugd.example.org/";

/** functions-nl.json: functions.json with the Dutch names (src/functions/dutch.ts). */
class DutchMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DutchMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "DutchMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset("functions.json");
        if (!english) return; // metadata generation failed: its errors are reported already
        try {
          compilation.emitAsset("functions-nl.json", new sources.RawSource(dutchMetadata(english.source.source().toString())));
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

function devServerTransport() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
  if (!files.every((f) => fs.existsSync(f))) return { type: "http" };
  const [key, cert, ca] = files.map((f) => fs.readFileSync(f));
  return { type: "https", options: { key, cert, ca } };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
      demo: "./src/demo/demo.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true } } }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new DutchMetadataPlugin(),
      new BundleContentsPlugin(),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], chunksSortMode: "manual", scriptLoading: "blocking", inject: "body" }),
      // The demo page: the same task pane on the in-memory host (npm run demo), no Excel needed.
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo", "taskpane"], chunksSortMode: "manual", scriptLoading: "blocking", inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/demo/demo.css", to: "demo.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(urlDev, urlProd)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: devServerTransport(),
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
