import { column } from "../../src/workbook/a1";
import { execFileSync } from "child_process";
import fs from "fs";
import JSZip from "jszip";
import path from "path";

const OUT = path.resolve(__dirname, "../../test-output/libreoffice");
const PROFILE = path.join(OUT, "profile");

/** A LibreOffice profile that recalculates every formula of an .xlsx on load (otherwise it keeps cached values); its file URL. */
export function ensureProfile(): string {
  const url = `file://${PROFILE}`;
  const file = path.join(PROFILE, "user", "registrymodifications.xcu");
  if (fs.existsSync(file)) return url;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const item = (prop: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  return url;
}

/**
 * Opens an .xlsx in headless LibreOffice, which recalculates every formula, saves it again,
 * and returns the recalculated values by sheet name, row and column (0-based).
 */
export async function recalculateWithLibreOffice(xlsx: Buffer, name: string): Promise<(sheet: string, row: number, col: number) => unknown> {
  ensureProfile();
  const inDir = path.join(OUT, "in");
  const outDir = path.join(OUT, "out");
  fs.mkdirSync(inDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const input = path.join(inDir, `${name}.xlsx`);
  fs.writeFileSync(input, xlsx);
  fs.rmSync(path.join(outDir, `${name}.xlsx`), { force: true });
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${PROFILE}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input], {
    stdio: "pipe",
    timeout: 180_000,
  });
  return readCachedValues(fs.readFileSync(path.join(outDir, `${name}.xlsx`)));
}

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);

/**
 * The cached value of every cell of an .xlsx, read from the XML itself (ExcelJS drops a
 * cached 0 when it reads a file, which would hide exactly the values this test checks).
 */
export async function readCachedValues(xlsx: Buffer): Promise<(sheet: string, row: number, col: number) => unknown> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (file: string) => (await zip.file(file)?.async("string")) ?? "";
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decodeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const workbookXml = await read("xl/workbook.xml");
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/^\/?(xl\/)?/, "xl/")]));
  const sheets = new Map<string, Map<string, unknown>>();
  for (const m of workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await read(target.get(m[2])!);
    const cells = new Map<string, unknown>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="(\w+)"/.exec(c[2])?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
      let value: unknown = undefined;
      if (type === "s" && v !== undefined) value = shared[Number(v)];
      else if (type === "str" || type === "e") value = v === undefined ? "" : decodeXml(v);
      else if (type === "inlineStr") value = decodeXml(inline ?? "");
      else if (type === "b") value = v === "1";
      else if (v !== undefined) value = Number(v);
      cells.set(c[1], value);
    }
    sheets.set(decodeXml(m[1]), cells);
  }
  return (sheet, row, col) => sheets.get(sheet)?.get(`${column(col + 1)}${row + 1}`);
}

