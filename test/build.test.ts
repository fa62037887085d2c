import path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

describe("the build", () => {
  it("fails when custom-functions metadata generation reports an error", async () => {
    const compiler = webpack({
      mode: "production",
      context: path.resolve(__dirname, ".."),
      entry: { functions: "./test/fixtures/bad-functions.ts" },
      output: { path: path.resolve(__dirname, "../test-output/bad-build") },
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
      plugins: [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./test/fixtures/bad-functions.ts" })],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
    await new Promise((resolve) => compiler.close(resolve));
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toJson().errors!.map((e) => e.message).join("\n")).toMatch(/does not support type "Point"/);
  });
});
