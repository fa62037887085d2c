/** Stray quotes that would merge rows, and UTF-8 files with one byte that is not: built as bytes. */
import { message } from "../../src/core/messages";
import { formatProblem, importPractices, type ImportProblem } from "../../src/import/practices";
import { decodeText, decodeTextLines, parseRecords } from "../../src/import/records";

const describeProblem = (p: ImportProblem) => `${p.row}/${p.column}: ${message("nl", p.key, p.params)}`;
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "utf8")] : part)));

describe("a quoted field followed by text after its closing quote (not RFC 4180)", () => {
  it("reports a quote at the start of two lines on rows 2 and 3 instead of merging them into one practice", () => {
    const csv = bytes('praktijk;agb;locatie;patienten\n"Praktijk 0;10000000;Plaats;1000\n"Praktijk 1;10000001;Plaats;1000\n');
    const { practices, errors } = importPractices(csv);
    expect(practices).toEqual([]);
    expect(errors.map((e) => [e.row, e.key])).toEqual([
      [2, "strayQuote"],
      [3, "unclosedQuote"],
    ]);
    expect(formatProblem("nl", errors[0])).toBe(
      'Rij 2: een aanhalingsteken (") staat midden in een veld: het veld opent op deze rij met " en gaat na het sluitende " op rij 3 verder; zet "" voor een " binnen een veld, of verwijder het',
    );
    expect(message("en", errors[0].key, errors[0].params)).toContain("closing \" on row 3");
  });

  it("leaves out only the row with text after a closing quote and reads the rows around it", () => {
    const csv = ["praktijk;agb;patienten", "A;01000001;5", '"B" en zn;01000002;6', "C;01000003;7"].join("\r\n");
    const { practices, errors } = importPractices(csv);
    expect(errors.map(describeProblem)).toEqual([
      '3/: een aanhalingsteken (") staat midden in een veld: het veld opent op deze rij met " en gaat na het sluitende " op rij 3 verder; zet "" voor een " binnen een veld, of verwijder het',
    ]);
    expect(practices.map((p) => p.name)).toEqual(["A", "C"]);
  });

  it("keeps a quoted field with a line break inside it, doubled quotes and spaces after the closing quote", () => {
    const csv = bytes('praktijk;agb;locatie;patienten\n"De Linde\nNoord";01000001;"Emmel""hage" ;5\nB;01000002;;6\n');
    const { practices, errors } = importPractices(csv);
    expect(errors).toEqual([]);
    expect(practices.map((p) => [p.name, p.location])).toEqual([
      ["De Linde\nNoord", 'Emmel"hage'],
      ["B", ""],
    ]);
  });

  it("reports a stray quote in the header alone: no row can be read by column after it", () => {
    const { practices, errors } = importPractices('"praktijk"x;agb;patienten\nA;01000001;5\n');
    expect(practices).toEqual([]);
    expect(errors.map((e) => [e.row, e.key])).toEqual([[1, "strayQuote"]]);
  });

  it("names the row where the field opened after a legitimate multi-line field in the same file", () => {
    const parsed = parseRecords('a;b\n"x\ny";1\n"z;2\n"w;3\n', ";");
    expect(parsed.records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x\ny", "1"] },
    ]);
    expect(parsed.strayQuotes).toEqual([{ line: 4, at: 5 }]);
    expect(parsed.unclosedQuotes).toEqual([5]);
  });

  // Speed is measured, not asserted (README: Performance); a quadratic parser would run into jest's timeout here.
  it("turns a 5 MB file with a quote at the start of every line into errors, never practices with ';' in their names", () => {
    const lines = ["praktijk;agb;locatie;patienten"];
    for (let i = 0, length = lines[0].length; length < 5_000_000; i++) {
      lines.push(`"Praktijk ${i};${String(10_000_000 + i)};Plaats;1000`);
      length += lines[lines.length - 1].length + 1;
    }
    const csv = bytes(lines.join("\n") + "\n");
    expect(csv.length).toBeGreaterThan(5_000_000);
    const { practices, errors } = importPractices(csv);
    expect(practices.filter((p) => p.name.includes(";") || p.location.includes(";"))).toEqual([]);
    expect(practices).toEqual([]);
    expect(errors.length).toBe(lines.length - 1);
    expect(errors.slice(0, 2).map((e) => [e.row, e.key])).toEqual([
      [2, "strayQuote"],
      [3, "strayQuote"],
    ]);
    expect(errors[errors.length - 1]).toMatchObject({ row: lines.length, key: "unclosedQuote" });
  });
});

describe("a UTF-8 file with a line that is not UTF-8", () => {
  const header = "praktijk;agb;locatie;patienten\n";
  const fancy = "Émélie ’t “Huis” €";

  it("reads every other row exactly as UTF-8, the line with 0xFF as Windows-1252, with a warning for that row", () => {
    const csv = bytes(header, `${fancy};01000001;Émmelhage;5\n`, "Bad", [0xff], ";01000002;Plaats;6\n", `${fancy} 2;01000003;Zoë’s;7\n`);
    const { practices, errors, warnings } = importPractices(csv);
    expect(errors).toEqual([]);
    expect(practices.map((p) => [p.name, p.location])).toEqual([
      [fancy, "Émmelhage"],
      ["Badÿ", "Plaats"],
      [`${fancy} 2`, "Zoë’s"],
    ]);
    expect(warnings.map((w) => formatProblem("nl", w))).toEqual(["Rij 3: geen UTF-8, gelezen als Windows-1252"]);
    expect(message("en", warnings[0].key, warnings[0].params)).toBe("not UTF-8, read as Windows-1252");
  });

  it("decodes per line after a UTF-8 BOM and keeps CRLF, CR and LF line breaks and the line numbers", () => {
    const decoded = decodeTextLines(bytes([0xef, 0xbb, 0xbf], "é\r\n", [0x80], "\rü\n", [0x92], "t"));
    expect(decoded).toEqual({ text: "é\r\n€\rü\n’t", windows1252Lines: [2, 4] });
  });

  it("keeps the fast path for a valid UTF-8 file: one decode, no warnings", () => {
    const csv = bytes(header, `${fancy};01000001;Plaats;5\n`);
    expect(decodeTextLines(csv)).toEqual({ text: `${header}${fancy};01000001;Plaats;5\n`, windows1252Lines: [] });
  });

  it("reads a pure Windows-1252 file as before (€ ’ “ ” é), without warnings", () => {
    const cp1252 = [
      ...Buffer.from(header, "latin1"),
      ...Buffer.from("Caf", "latin1"), 0xe9, 0x20, 0x92, 0x74, 0x20, 0x93, ...Buffer.from("Huis", "latin1"), 0x94, 0x20, 0x80,
      ...Buffer.from(";01000001;Emmelhage;5\r\nDe Vaart;01000002;Kreilhof;6\r\n", "latin1"),
    ];
    const { practices, errors, warnings } = importPractices(new Uint8Array(cp1252));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(practices.map((p) => p.name)).toEqual(["Café ’t “Huis” €", "De Vaart"]);
    expect(decodeText(new Uint8Array(cp1252))).toBe(`${header}Café ’t “Huis” €;01000001;Emmelhage;5\r\nDe Vaart;01000002;Kreilhof;6\r\n`);
  });
});
