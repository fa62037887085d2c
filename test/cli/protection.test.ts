/**
 * Issue 8 point 4 from the command line: poh-budget writes every sheet protected without a
 * password, and `--update` on a workbook whose sheet a person unprotected (to overwrite a
 * formula) writes it protected again, keeping what was typed in the inputs.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each sheet's name and its `<sheetProtection>` tag (undefined when it has none). */
async function protectionTags(file: string): Promise<[string, string | undefined][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, "xl/")]));
  const out: [string, string | undefined][] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    out.push([m[1], /<sheetProtection [^>]*\/>/.exec(await zip.file(target.get(m[2])!)!.async("string"))?.[0]]);
  }
  return out;
}

describe("poh-budget protects the sheets it writes", () => {
  it("writes every sheet protected without a password, and protects again on --update what a person unprotected", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "poh-protection-"));
    const file = path.join(dir, "begroting.xlsx");
    expect(run(["--sample", "vpg", "--year", "2026", "--years", "2", "--out", "begroting.xlsx"], dir).code).toBe(0);
    const written = await protectionTags(file);
    expect(written.length).toBeGreaterThanOrEqual(6);
    for (const [name, tag] of written) {
      expect([name, tag]).toEqual([name, expect.stringContaining('sheet="1"')]);
      expect(tag).not.toMatch(/hashValue|password/);
    }

    // A person lifts the protection of Begroting, overwrites a formula, and types a payment.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const budget = book.worksheets.find((w) => w.name.startsWith("Begroting"))!;
    budget.unprotect();
    budget.getCell("K5").value = 12345;
    book.getWorksheet("Uitbetalingen")!.getCell("F5").value = "F-2026-001";
    await book.xlsx.writeFile(file);
    expect((await protectionTags(file)).find(([name]) => name === budget.name)?.[1]).toBeUndefined();

    const updated = run(["--update", "begroting.xlsx"], dir);
    expect([updated.code, updated.stderr]).toEqual([0, ""]);
    for (const [name, tag] of await protectionTags(file)) expect([name, tag]).toEqual([name, expect.stringContaining('sheet="1"')]);
    const rebuilt = new ExcelJS.Workbook();
    await rebuilt.xlsx.readFile(file);
    expect(rebuilt.getWorksheet("Uitbetalingen")!.getCell("F5").value).toBe("F-2026-001");
    expect(rebuilt.getWorksheet(budget.name)!.getCell("K5").formula).toBeDefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
