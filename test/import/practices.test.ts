import fc from "fast-check";
import { message } from "../../src/core/messages";
import { importPractices, type ImportProblem } from "../../src/import/practices";
import { SAMPLE_PRACTICES_CSV } from "../../src/samples/sample";

const describeProblem = (p: ImportProblem) => `${p.row}/${p.column}: ${message("nl", p.key, p.params)}`;

describe("importPractices", () => {
  it("reads the bundled sample: 12 practices, Dutch headers, ';', decimal commas, dd-mm-jjjj", () => {
    const result = importPractices(SAMPLE_PRACTICES_CSV);
    expect(result.errors).toEqual([]);
    expect(result.practices).toHaveLength(12);
    expect(result.practices[0]).toEqual({
      name: "Huisartsenpraktijk De Linde",
      agb: "01012345",
      location: "Emmelhage",
      patients: 2940,
      model: "aanvullend",
      weeklyHours: null,
      startDate: "2024-01-01",
      endDate: null,
    });
    expect(result.practices[7].weeklyHours).toBe(4.5);
    expect(result.practices[6].endDate).toBe("2026-12-31");
  });

  it("reads English headers, ',' separators, decimal points, ISO dates and a BOM alike", () => {
    const csv = "\uFEFFPractice,AGB,Location,Patients,Model,Weekly_hours,Start_date,End_date\r\n" + '"Smith, Jones & Partners",01234567,"Lelystad",2350,extra,4.5,2025-03-01,2026-02-28\r\n';
    const bytes = new TextEncoder().encode(csv);
    const { practices, errors } = importPractices(bytes);
    expect(errors).toEqual([]);
    expect(practices[0]).toMatchObject({ name: "Smith, Jones & Partners", agb: "01234567", patients: 2350, model: "extra", weeklyHours: 4.5, startDate: "2025-03-01", endDate: "2026-02-28" });
  });

  it("reads a Windows-1252 file as Excel saves it", () => {
    const bytes = Uint8Array.from([...Buffer.from("praktijk;agb;patiënten\nCentre Médical;01234567;100\n", "latin1")]);
    const { practices, errors } = importPractices(bytes);
    expect(errors).toEqual([]);
    expect(practices[0].name).toBe("Centre Médical");
  });

  it("reports ten kinds of errors at once, each with its row, column and reason", () => {
    const csv = [
      "praktijk;agb;patienten;model;uren_per_week;startdatum;einddatum",
      "Goed;01000001;2350;Aanvullend;;01-01-2025;", // 2: fine
      "Malformed AGB;01A00002;2350;;;;", // 3
      "Dubbel;01000001;2350;;;;", // 4
      ";01000004;2350;;;;", // 5 missing name
      "Negatief;01000005;-5;;;;", // 6
      "Geen getal;01000006;veel;;;;", // 7
      "Uren;01000007;2350;;-4;;", // 8 negative hours
      "Model;01000008;2350;Premium;;;", // 9
      "Datum;01000009;2350;;;31-02-2025;", // 10 impossible date
      "Volgorde;01000010;2350;;;01-06-2025;01-01-2025", // 11 end before start
      "Zeven;1000011;2350;;;;", // 12 7-digit AGB
    ].join("\n");
    const { practices, errors } = importPractices(csv);
    expect(practices.map((p) => p.name)).toEqual(["Goed"]);
    expect(errors.map(describeProblem)).toEqual([
      "3/agb: AGB-code “01A00002” is geen 8 cijfers",
      "4/agb: AGB-code 01000001 staat ook op rij 2",
      "5/praktijk: de naam van de praktijk ontbreekt",
      "6/patienten: patienten: mag niet negatief zijn (-5)",
      "7/patienten: patienten: verwacht een getal, niet “veel”",
      "8/uren_per_week: uren_per_week: mag niet negatief zijn (-4)",
      "9/model: model: onbekend model “Premium”; kies Basis, Aanvullend of Extra (VPG h. 6)",
      "10/startdatum: startdatum: 31-02-2025 bestaat niet",
      "11/einddatum: einddatum 01-01-2025 ligt voor startdatum 01-06-2025",
      "12/agb: AGB-code “1000011” heeft 7 cijfers; Excel laat vaak de voorloopnul weg (bedoeld: 01000011?)",
    ]);
  });

  it("names a missing column and lists what it found", () => {
    const { errors } = importPractices("naam;code;aantal\nA;01000001;5\n");
    expect(errors.map(describeProblem)[0]).toBe("1/agb: kolom “agb” ontbreekt (verwacht o.a.: praktijk, agb, patienten; gevonden: naam, code, aantal)");
  });

  it("flags a row split on the wrong separator", () => {
    const { errors } = importPractices("praktijk;agb;patienten\nA;01000001;5;extra;velden\n");
    expect(errors.map(describeProblem)).toEqual(["2/: 5 velden, de kop heeft er 3: klopt het scheidingsteken (; of ,)?"]);
  });

  it("reports an empty file, and a file that is not text", () => {
    expect(importPractices("").errors[0].key).toBe("emptyFile");
    expect(importPractices(new Uint8Array([0, 1, 2, 0])).errors[0].key).toBe("notText");
  });

  it("reads 2.350 and 2,350 patients as thousands, and refuses 2350,5", () => {
    const { practices, errors } = importPractices("praktijk;agb;patienten\nA;01000001;2.350\nB;01000002;2,350\nC;01000003;2350,5\n");
    expect(practices.map((p) => p.patients)).toEqual([2350, 2350]);
    expect(errors.map(describeProblem)).toEqual(["4/patienten: patienten: moet een geheel getal zijn (2350,5)"]);
  });

  it("skips blank lines and keeps AGB codes as 8-digit text", () => {
    const { practices } = importPractices("praktijk;agb;patienten\n\nA;00000001;1\n\n");
    expect(practices[0].agb).toBe("00000001");
  });
});

describe("importPractices on any bytes (fuzzing)", () => {
  it("returns practices or row-level errors, never throws", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = importPractices(bytes);
        for (const e of result.errors) expect(e.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on CSV-shaped text with odd fields", () => {
    const field = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "01234567", "2.350", "-1", "31-02-2025", "2025-13-01", '"', "extra", "1e9", "4,5"));
    const row = fc.array(field, { minLength: 0, maxLength: 9 }).map((fs) => fs.join(";"));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const result = importPractices(["praktijk;agb;patienten;model;uren_per_week;startdatum;einddatum", ...rows].join("\n"));
        for (const p of result.practices) {
          expect(p.agb).toMatch(/^\d{8}$/);
          expect(Number.isInteger(p.patients) && p.patients >= 0).toBe(true);
          if (p.startDate && p.endDate) expect(p.endDate >= p.startDate).toBe(true);
        }
        expect(new Set(result.practices.map((p) => p.agb)).size).toBe(result.practices.length);
      }),
      { numRuns: 1000 },
    );
  });
});
