/**
 * The .xlsx value reader behind `poh-budget --update`, on the shapes other writers produce:
 * inline strings, rich and phonetic shared strings, a namespace prefix, cells without an
 * address, `t="str"`, `t="b"`, `t="e"`, `t="d"`, a number typed as text, entities and `_x000D_`.
 */
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { openXlsx, XlsxReadError } from "../../src/import/xlsx-values";

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function handMade(sheetXml: string): Promise<string> {
  const zip = new JSZip();
  zip.file("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>');
  zip.file("docProps/core.xml", '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jan &amp; Piet</dc:creator></cp:coreProperties>');
  zip.file("xl/workbook.xml", `<x:workbook ${NS}><x:sheets><x:sheet name="Blad &amp; 1" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="sheets/s1.xml" Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>');
  zip.file("xl/strings.xml", `<x:sst ${NS}><x:si><x:t>gedeeld</x:t></x:si><x:si><x:r><x:t>rij</x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve">ke tekst</x:t></x:r><x:rPh><x:t>fonetisch</x:t></x:rPh></x:si><x:si/><x:si><x:t>2350</x:t></x:si></x:sst>`);
  zip.file("xl/sheets/s1.xml", `<x:worksheet ${NS}><x:cols><x:col min="1" max="3"/></x:cols><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "poh-xlsx-values-")), "hand.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

describe("openXlsx", () => {
  it("reads every cell shape as Office.js's values give it", async () => {
    const file = await handMade(
      [
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>2</x:v></x:c></x:row>',
        '<x:row r="3" spans="1:6"><x:c t="inlineStr"><x:is><x:t>inline &lt;tekst&gt;_x000D_</x:t></x:is></x:c><x:c><x:v>42.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>gedeeldx</x:v></x:c><x:c t="d"><x:v>2025-03-01</x:v></x:c></x:row>',
        '<x:row r="4"/>',
        '<x:row r="5"><x:c r="B5" t="s"><x:v>3</x:v></x:c><x:c r="C5" s="2"/><x:c r="D5"><x:f>1/0</x:f><x:v>0</x:v></x:c><x:c r="BZ5"><x:v>9</x:v></x:c></x:row>',
      ].join(""),
    );
    const book = await openXlsx(file);
    expect(book.creator).toBe("Jan & Piet");
    expect(book.sheetNames).toEqual(["Blad & 1"]);
    expect(await book.values("blad & 1")).toEqual([
      ["gedeeld", "", "rijke tekst"],
      [],
      ["inline <tekst>\r", 42.5, true, "#N/A", "gedeeldx", 45717],
      [],
      ["", "2350", "", 0],
    ]);
    expect(await book.values("Praktijken")).toBeNull();
  });

  it("refuses what is no .xlsx with a reason", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "poh-xlsx-values-"));
    fs.writeFileSync(path.join(dir, "tekst.xlsx"), "praktijk;agb\n".repeat(10));
    await expect(openXlsx(path.join(dir, "tekst.xlsx"))).rejects.toThrow(XlsxReadError);
    const zip = new JSZip();
    zip.file("iets.txt", "geen werkmap");
    fs.writeFileSync(path.join(dir, "zip.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await expect(openXlsx(path.join(dir, "zip.xlsx"))).rejects.toThrow("no workbook part");
  });
});
