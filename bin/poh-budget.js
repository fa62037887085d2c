#!/usr/bin/env node
// poh-budget: the budget workbook without Excel. The TypeScript is compiled to lib/ by
// `npm ci` (the "prepare" script) or `npm run build:cli`.
let cli;
try {
  cli = require("../lib/src/cli/main.js");
} catch (error) {
  if (error.code !== "MODULE_NOT_FOUND") throw error;
  console.error("poh-budget is not compiled yet: run `npm run build:cli` (npm ci does it too).");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    // A bug, not a user's mistake: say so, with the message made safe for the terminal.
    const text = error instanceof Error ? error.message : String(error);
    console.error(`Onverwachte fout / unexpected error: ${require("../lib/src/cli/terminal.js").visible(text)}`);
    process.exitCode = 3;
  },
);
