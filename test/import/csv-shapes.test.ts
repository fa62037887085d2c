/** CSV files as Excel and other tools really write them, built as bytes. */
import { message } from "../../src/core/messages";
import { importPractices, practicesFromRecords, type ImportProblem } from "../../src/import/practices";
import { decodeText, parseRecords, separatorLine } from "../../src/import/records";

const describeProblem = (p: ImportProblem) => `${p.row}/${p.column}: ${message("nl", p.key, p.params)}`;
const TAB_TEXT = "praktijk\tagb\tlocatie\tpatienten\r\nCafé De Linde\t01000001\tÉmmelhage\t2.350\r\nDe Vaart\t01000002\tKreilhof\t3000\r\n";

/** UTF-16 big-endian bytes: Node only writes little-endian, so swap each pair. */
const utf16be = (text: string) => {
  const bytes = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return bytes;
};

describe("importPractices on real-world encodings", () => {
  it("reads UTF-16 LE with BOM, tab separated (Excel's Unicode-tekst)", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(TAB_TEXT, "utf16le")]);
    const { practices, errors } = importPractices(bytes);
    expect(errors).toEqual([]);
    expect(practices.map((p) => [p.name, p.location, p.patients])).toEqual([
      ["Café De Linde", "Émmelhage", 2350],
      ["De Vaart", "Kreilhof", 3000],
    ]);
  });

  it("reads UTF-16 BE with BOM", () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...utf16be(TAB_TEXT)]);
    const { practices, errors } = importPractices(bytes);
    expect(errors).toEqual([]);
    expect(practices.map((p) => p.name)).toEqual(["Café De Linde", "De Vaart"]);
  });

  it("reads a UTF-8 BOM followed by Windows-1252 bytes without keeping the BOM in the first header", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("praktijk;agb;patienten\nCaf", "latin1"), 0xe9, ...Buffer.from(";01000001;100\n", "latin1")]);
    expect(decodeText(bytes).startsWith("praktijk;")).toBe(true);
    const { practices, errors, ignoredColumns } = importPractices(bytes);
    expect(errors).toEqual([]);
    expect(ignoredColumns).toEqual([]);
    expect(practices[0].name).toBe("Café");
  });

  it("still reads plain UTF-8 with a BOM, and Windows-1252 without one", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]))).toBe("é");
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x80]))).toBe("Café€");
  });

  it("reads Windows-1252's €, ’ and “ ” as those characters, not as control characters", () => {
    const bytes = new Uint8Array([...Buffer.from("praktijk;agb;patienten\n", "latin1"), 0x92, ...Buffer.from("t Hofje ", "latin1"), 0x93, 0x80, 0x94, ...Buffer.from(";01000001;5\n", "latin1")]);
    const { practices, warnings } = importPractices(bytes);
    expect(practices[0].name).toBe("’t Hofje “€”");
    expect(warnings).toEqual([]);
  });
});

describe("importPractices on a first line sep=", () => {
  it("takes the separator from sep=; and keeps the file's line numbers in messages", () => {
    const { practices, errors } = importPractices("sep=;\r\npraktijk;agb;patienten\r\nA, B & C;01000001;5\r\nNegatief;01000002;-5\r\n");
    expect(practices.map((p) => p.name)).toEqual(["A, B & C"]);
    expect(errors.map(describeProblem)).toEqual(["4/patienten: patienten: mag niet negatief zijn (-5)"]);
  });

  it("takes sep=, over the header's more frequent ;", () => {
    const { practices, errors } = importPractices("sep=,\npraktijk,agb,patienten,locatie\nDe Linde; Zuid,01000001,5,Emmelhage; centrum\n");
    expect(errors).toEqual([]);
    expect(practices[0]).toMatchObject({ name: "De Linde; Zuid", location: "Emmelhage; centrum" });
  });

  it("reads sep= with a tab, as a tab character or written as \\t", () => {
    for (const line of ["sep=\t", "sep=\\t"]) {
      const { practices, errors } = importPractices(`${line}\npraktijk\tagb\tpatienten\nA;B\t01000001\t5\n`);
      expect(errors).toEqual([]);
      expect(practices[0].name).toBe("A;B");
    }
  });

  it("only treats sep= as a separator line when it is the first line", () => {
    expect(separatorLine("praktijk;agb\nsep=,\n")).toBeNull();
    expect(separatorLine('"sep=;"\r\nx')).toEqual({ separator: ";", rest: "x" });
  });
});

describe("importPractices on rows that do not fit", () => {
  it("skips rows of only separators like blank lines, and keeps the row numbers after them", () => {
    const { practices, errors } = importPractices("praktijk;agb;patienten\n;;\n;;;;\n  ;  ;\nA;01000001;5\nB;01000002;-1\n");
    expect(practices.map((p) => p.name)).toEqual(["A"]);
    expect(errors.map((e) => e.row)).toEqual([6]);
  });

  it("hints at the separator for a row split on the wrong one, too many or one field", () => {
    const { errors } = importPractices("praktijk;agb;patienten\nA;01000001;5;extra;velden\nB,01000002,5\n");
    expect(errors.map(describeProblem)).toEqual([
      "2/: 5 velden, de kop heeft er 3: klopt het scheidingsteken (; of ,)?",
      "3/: 1 veld, de kop heeft er 3: klopt het scheidingsteken (; , of tab)?",
    ]);
  });

  it("hints at the separator when the header is one column, e.g. separated by |", () => {
    const { errors, practices } = importPractices("praktijk|agb|patienten\nA|01000001|5\n");
    expect(practices).toEqual([]);
    expect(errors.map(describeProblem)).toEqual(["1/: de kopregel is één kolom (“praktijk|agb|patienten”): scheid de kolommen met ; , of tab"]);
    expect(message("en", errors[0].key, errors[0].params)).toBe("the header is one column (“praktijk|agb|patienten”): separate the columns with ; , or tab");
  });

  it("reports an unterminated quote on the row where it opened, and reads the rows after it", () => {
    const csv = ["praktijk;agb;patienten", "A;01000001;5", '"B;01000002;6', "C;01000003;7", "D;01000004;-8"].join("\n");
    const { practices, errors } = importPractices(csv);
    expect(errors.map(describeProblem)).toEqual([
      "3/: het aanhalingsteken (\") dat op deze rij een veld opent, wordt nergens gesloten; sluit of verwijder het",
      "5/patienten: patienten: mag niet negatief zijn (-8)",
    ]);
    expect(practices.map((p) => p.name)).toEqual(["A", "C"]);
  });

  it("counts the lines inside a closed quoted field, so a later unclosed quote names its own row", () => {
    const csv = 'praktijk;agb;patienten\r\n"Twee\r\nregels";01000001;5\r\nB;"01000002;6\r\n';
    const { errors, practices } = importPractices(csv);
    expect(practices.map((p) => p.name)).toEqual(["Twee\r\nregels"]);
    expect(errors.map((e) => [e.row, e.key])).toEqual([[4, "unclosedQuote"]]);
  });

  it("reports only the quote when it opens in the header", () => {
    const { errors } = importPractices('"praktijk;agb;patienten\nA;01000001;5\n');
    expect(errors.map((e) => [e.row, e.key])).toEqual([[1, "unclosedQuote"]]);
  });

  it("parses quotes that close as before", () => {
    expect(parseRecords('a;"b;""c"""\n1;2', ";")).toEqual({ records: [{ line: 1, fields: ["a", 'b;"c"'] }, { line: 2, fields: ["1", "2"] }], unclosedQuotes: [], strayQuotes: [] });
  });
});

describe("importPractices on a file without practices", () => {
  it.each([
    ["a header only", "praktijk;agb;patienten\n"],
    ["a header only, no line break", "praktijk;agb;patienten"],
    ["a header and blank or separator-only rows", "praktijk;agb;patienten\r\n\r\n;;\r\n"],
    ["a sep= line and a header", "sep=;\npraktijk;agb;patienten\n"],
  ])("refuses %s: no empty budget that says all is well", (_, csv) => {
    const { practices, errors } = importPractices(csv);
    expect(practices).toEqual([]);
    expect(errors.map((e) => e.key)).toEqual(["noPractices"]);
    expect(formatted(errors[0])).toMatch(/^Rij [12]: het bestand heeft geen praktijken/);
    expect(message("en", "noPractices")).toBe("the file holds no practices: only a header or blank lines");
  });

  it("still gives the header's own errors instead when the header is wrong", () => {
    expect(importPractices("naam;code\n").errors.map((e) => e.key)).toEqual(["missingColumn", "missingColumn"]);
  });

  it("leaves an empty Praktijken sheet (zero rows) to practicesFromRecords without an error", () => {
    const result = practicesFromRecords({ line: 4, fields: ["praktijk", "agb", "patienten"] }, []);
    expect(result).toEqual({ practices: [], errors: [], warnings: [], ignoredColumns: [] });
  });
});

const formatted = (p: ImportProblem) => message("nl", "rowProblem", { row: p.row, text: message("nl", p.key, p.params) });
