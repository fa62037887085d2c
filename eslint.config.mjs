// npm run lint: the type check (tsc) and ESLint with this configuration, zero warnings allowed.
// It starts where office-addin-lint's own config starts (eslint-plugin-office-addins' recommended
// set: eslint:recommended and the Office.js rules) and adds typescript-eslint's type-checked rules.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

// The plugin brings its own, older typescript-eslint; one copy of the plugin and parser is used
// everywhere (ESLint refuses two plugins under one name), the project's, which knows TypeScript 5.9.
const officeRecommended = officeAddins.configs.recommended.map((config) =>
  config.plugins?.["@typescript-eslint"]
    ? {
        ...config,
        plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin },
        languageOptions: { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: "latest" },
      }
    : config,
);

export default tseslint.config(
  { ignores: ["dist/", "dist-demo/", "lib/", "coverage/", "test-output/", "node_modules/"] },
  ...officeRecommended,
  {
    plugins: { "office-addins": officeAddins },
    rules: {
      // office-addin-lint formats with Prettier (printWidth 100); this code base has its own,
      // wider layout, and reformatting every file is not a lint finding.
      "prettier/prettier": "off",
    },
  },
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused names are what tsc's noUnusedLocals/noUnusedParameters already refuse; "_x" is the
      // way to say a parameter is unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // These write and read .xlsx files through exceljs, never Office.js: exceljs' getCell and
    // .value look like Excel's proxies to the office-addins rules, but there is nothing to load
    // or sync. (A file that uses both, like test/hardening/injection.test.ts, disables per line.)
    files: ["src/render/xlsx*.ts", "src/cli/**/*.ts", "src/import/**/*.ts", "test/render/xlsx*.test.ts", "test/cli/**/*.ts"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
  {
    // Tests: jest's asymmetric matchers (expect.stringContaining, expect.objectContaining) are typed
    // `any`, and a host factory may be async without awaiting; the type-checked rules about `any`
    // and `await` would flag every such assertion without finding anything.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    // The in-memory host stands in for Excel: String() of whatever a caller wrote is Excel's own
    // coercion, and its property objects reach their proxy through a captured `self`.
    files: ["src/host/**/*.ts"],
    rules: { "@typescript-eslint/no-base-to-string": "off", "@typescript-eslint/no-this-alias": "off" },
  },
  {
    // The build, the test runner's config and the small scripts: plain CommonJS on Node.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
);
