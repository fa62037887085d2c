/**
 * poh-budget and the files it touches, tried as an unlucky user and an attacker would: full
 * disk, read-only folder, folder or link or read-only file as target, input as output,
 * temporary files of a killed run, kill -9 in the middle of a large write.
 */
import { spawn, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { zipProblem } from "../../src/cli/zip-check";
import { MAX_XLSX_PRACTICES } from "../../src/render/xlsx";
import { readCachedValues } from "../support/libreoffice";

const BIN = path.resolve(__dirname, "../../bin/poh-budget.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "poh-files-"));
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** A practices CSV of n made-up practices. */
function practicesCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `Huisartsenpraktijk ${i + 1};01${String(i).padStart(6, "0")};Plaats;${1500 + ((i * 37) % 3000)};Aanvullend;;;`);
  return ["praktijk;agb;locatie;patienten;model;uren_per_week;startdatum;einddatum", ...rows, ""].join("\n");
}

/** A real small file system, or the reason there is none (mount needs root). */
function mountTmpfs(size: string): { dir: string; unmount: () => void } | { skip: string } {
  const dir = tempDir();
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (result.status !== 0) return { skip: `mount -t tmpfs is not permitted here (${(result.stderr || String(result.error)).trim()})` };
  return { dir, unmount: () => spawnSync("umount", ["-l", dir]) };
}

describe("poh-budget never destroys a file", () => {
  it("on a real full disk (1 MB tmpfs: the sample fits, a budget of 400 practices beside it does not): exit 4, a message naming the file and the full disk, the old file byte for byte intact, no temporary file", () => {
    const fsys = mountTmpfs("1000k");
    if ("skip" in fsys) {
      console.log(`Skipped the real full disk: ${fsys.skip}; the injected short write in atomic-write.test.ts still runs.`);
      return;
    }
    try {
      const source = tempDir();
      fs.writeFileSync(path.join(source, "groot.csv"), practicesCsv(400));
      expect(run(["--out", path.join(fsys.dir, "begroting.xlsx")], source).code).toBe(0);
      const good = fs.readFileSync(path.join(fsys.dir, "begroting.xlsx"));
      const { code, stderr } = run(["--practices", "groot.csv", "--out", path.join(fsys.dir, "begroting.xlsx")], source);
      expect(code).toBe(4);
      expect(stderr).toContain(`Kan “${path.join(fsys.dir, "begroting.xlsx")}” niet schrijven: de schijf is vol. Het bestaande bestand is niet gewijzigd.`);
      expect(fs.readFileSync(path.join(fsys.dir, "begroting.xlsx")).equals(good)).toBe(true);
      expect(leftovers(fsys.dir)).toEqual([]);
    } finally {
      fsys.unmount();
    }
  });

  it("in a read-only folder: exit 4, the folder and the reason named, nothing written", () => {
    const fsys = mountTmpfs("2m");
    if ("skip" in fsys) {
      console.log(`Skipped the read-only folder: ${fsys.skip}`);
      return;
    }
    try {
      expect(spawnSync("mount", ["-o", "remount,ro", fsys.dir]).status).toBe(0);
      const { code, stderr } = run(["--out", path.join(fsys.dir, "begroting.xlsx")], tempDir());
      expect(code).toBe(4);
      expect(stderr.trim()).toBe(`Kan niet schrijven in de map “${fsys.dir}” (EROFS). Er is niets geschreven.`);
    } finally {
      fsys.unmount();
    }
  });

  it("refuses a folder as target with exit 2", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "map.xlsx"));
    const { code, stderr } = run(["--out", "map.xlsx"], dir);
    expect([code, stderr.trim()]).toEqual([2, "--out: “map.xlsx” is een map, geen bestand"]);
  });

  it("refuses a read-only target unless --force, and --force keeps it read-only", () => {
    const dir = tempDir();
    const target = path.join(dir, "begroting.xlsx");
    fs.writeFileSync(target, "controller's copy");
    fs.chmodSync(target, 0o444);
    const refused = run(["--out", "begroting.xlsx"], dir);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, "--out: “begroting.xlsx” is alleen-lezen; gebruik --force om het toch te vervangen (de rechten blijven)"]);
    expect(fs.readFileSync(target, "utf8")).toBe("controller's copy");
    expect(run(["--out", "begroting.xlsx", "--force"], dir).code).toBe(0);
    expect(zipProblem(target)).toBeNull();
    expect(fs.statSync(target).mode & 0o777).toBe(0o444);
  });

  it("refuses a symbolic link unless --force, and --force replaces the file it points to and keeps the link", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "archief"));
    const real = path.join(dir, "archief", "begroting-echt.xlsx");
    fs.writeFileSync(real, "old");
    fs.symlinkSync(real, path.join(dir, "begroting.xlsx"));
    const refused = run(["--out", "begroting.xlsx"], dir);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, `--out: “begroting.xlsx” is een koppeling naar ${real}; gebruik --force om dat bestand te vervangen`]);
    expect(fs.readFileSync(real, "utf8")).toBe("old");
    expect(run(["--out", "begroting.xlsx", "--force"], dir).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, "begroting.xlsx")).isSymbolicLink()).toBe(true);
    expect(zipProblem(real)).toBeNull();
  });

  it("never writes over its own input: --out naming the practices file, directly or through a link", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "praktijken.xlsx"), practicesCsv(3));
    const direct = run(["--practices", "praktijken.xlsx", "--out", "./praktijken.xlsx"], dir);
    expect([direct.code, direct.stderr.trim()]).toEqual([2, "--out: “./praktijken.xlsx” is ook een invoerbestand; kies een andere naam (of --force)"]);
    fs.writeFileSync(path.join(dir, "praktijken.csv"), practicesCsv(3));
    fs.symlinkSync(path.join(dir, "praktijken.csv"), path.join(dir, "link.xlsx"));
    expect(run(["--practices", "praktijken.csv", "--out", "link.xlsx", "--force"], dir).code).toBe(0); // deliberate
    fs.writeFileSync(path.join(dir, "praktijken.csv"), practicesCsv(3));
    expect(run(["--practices", "praktijken.csv", "--out", "link.xlsx"], dir).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, "praktijken.csv"), "utf8")).toBe(practicesCsv(3));
  });

  it("refuses --sample-csv onto an existing file unless --force", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "praktijken.csv"), "my own practices");
    const refused = run(["--sample-csv", "praktijken.csv"], dir);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, "--sample-csv: “praktijken.csv” bestaat al; kies een andere naam (of --force om het te vervangen)"]);
    expect(fs.readFileSync(path.join(dir, "praktijken.csv"), "utf8")).toBe("my own practices");
    expect(run(["--sample-csv", "praktijken.csv", "--force"], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "praktijken.csv"), "utf8")).toContain("praktijk;agb;");
    expect(fs.readdirSync(dir)).toEqual(["praktijken.csv"]); // only the CSV: no workbook was asked for
  });

  it("removes the temporary file a killed run left, and says so", () => {
    const dir = tempDir();
    const gone = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    const stale = path.join(dir, `.begroting.xlsx.${gone}.tmp`);
    fs.writeFileSync(stale, "half a workbook");
    fs.utimesSync(stale, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000)); // untouched for 2 minutes
    const { code, stderr } = run(["--out", "begroting.xlsx"], dir);
    expect(code).toBe(0);
    expect(stderr).toContain(`Tijdelijk bestand van een afgebroken run verwijderd: ${stale}`);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("poh-budget killed with kill -9 during a large write", () => {
  /** Starts a large build and kills it once `ready` says so; resolves with the signal that ended it. */
  function killWhen(dir: string, ready: (startedAt: number) => boolean): Promise<NodeJS.Signals | null> {
    return new Promise((resolve) => {
      const startedAt = Date.now();
      const child = spawn(process.execPath, [BIN, "--practices", "groot.csv", "--out", "begroting.xlsx"], { cwd: dir, stdio: "ignore" });
      const timer = setInterval(() => {
        if (ready(startedAt)) child.kill("SIGKILL");
      }, 2);
      child.on("exit", (_code, signal) => {
        clearInterval(timer);
        resolve(signal);
      });
    });
  }

  it("leaves the old file or a complete new one at every moment, and the next run removes what it left", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "groot.csv"), practicesCsv(3000));
    expect(run(["--out", "begroting.xlsx"], dir).code).toBe(0);
    const old = fs.readFileSync(path.join(dir, "begroting.xlsx"));
    const temporarySize = () => {
      const sizes = leftovers(dir).map((f) => fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size ?? -1);
      return sizes.length === 0 ? -1 : Math.max(...sizes);
    };
    const moments: [string, (startedAt: number) => boolean][] = [
      ["while it reads and computes", (startedAt) => Date.now() - startedAt > 150],
      ["as the temporary file appears", () => temporarySize() >= 0],
      ["after 64 kB", () => temporarySize() > 64 * 1024],
      ["after 512 kB", () => temporarySize() > 512 * 1024],
      ["after 1 MB", () => temporarySize() > 1024 * 1024],
    ];
    for (const [moment, ready] of moments) {
      const signal = await killWhen(dir, ready);
      const now = fs.readFileSync(path.join(dir, "begroting.xlsx"));
      // Killed at that moment (not finished first), and the target is still the old file.
      expect([moment, signal, now.equals(old)]).toEqual([moment, "SIGKILL", true]);
    }
    expect(leftovers(dir).length).toBeGreaterThan(0); // the killed runs did leave something …
    const aMinuteAgo = new Date(Date.now() - 2 * 60_000);
    for (const f of leftovers(dir)) fs.utimesSync(path.join(dir, f), aMinuteAgo, aMinuteAgo);
    expect(run(["--out", "begroting.xlsx"], dir).code).toBe(0); // … which the next run removes once it has stopped changing
    expect(leftovers(dir)).toEqual([]);
    expect(zipProblem(path.join(dir, "begroting.xlsx"))).toBeNull();
  });
});

describe("poh-budget and what is in the practices file", () => {
  it("refuses a header-only file with exit 1 instead of writing an empty workbook that says all is well", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "leeg.csv"), "praktijk;agb;patienten\n;;\n\n");
    const { code, stderr } = run(["--practices", "leeg.csv", "--out", "uit.xlsx"], dir);
    expect(code).toBe(1);
    expect(stderr).toContain("Rij 1: het bestand heeft geen praktijken");
    expect(fs.readdirSync(dir)).toEqual(["leeg.csv"]);
  });

  it(`refuses more than ${MAX_XLSX_PRACTICES} practices up front with a message naming the limit, never a V8 crash`, () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "land.csv"), practicesCsv(MAX_XLSX_PRACTICES + 1));
    const { code, stderr } = run(["--practices", "land.csv", "--out", "uit.xlsx"], dir);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`${MAX_XLSX_PRACTICES + 1} praktijken is meer dan de ${MAX_XLSX_PRACTICES} die één werkmap kan bevatten; verdeel de praktijken over meer bestanden`);
    expect(fs.readdirSync(dir)).toEqual(["land.csv"]);
  });

  it("reads Excel's \"Unicode-tekst\" (UTF-16 LE with BOM, tab-separated) and a file that starts with sep=;", () => {
    const dir = tempDir();
    const text = "praktijk\tagb\tpatienten\nCafé De Linde\t01012345\t2350\nHet Anker\t01023456\t5120\n";
    fs.writeFileSync(path.join(dir, "unicode.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const unicode = run(["--practices", "unicode.txt", "--out", "a.xlsx"], dir);
    expect([unicode.code, unicode.stderr]).toEqual([0, ""]);
    expect(unicode.stdout).toContain("2 praktijken");
    fs.writeFileSync(path.join(dir, "sep.csv"), "sep=;\npraktijk;agb;patienten\nDe Linde;01012345;2.350\n;;\nHet Anker;0102345;5120\n");
    const sep = run(["--practices", "sep.csv", "--out", "b.xlsx"], dir);
    expect(sep.code).toBe(1);
    expect(sep.stderr).toContain("Rij 5: AGB-code “0102345” heeft 7 cijfers"); // the file's own line numbers, sep= line included
  });

  it("drops what XML cannot carry with a warning per row, and every other text stays in the workbook", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), "praktijk;agb;locatie;patienten\nDe\uFFFE Linde;01012345;Emmel\u0001hage;2350\nHet Anker;01023456;Emmelhage;5120\n");
    const { code, stderr } = run(["--practices", "p.csv", "--out", "uit.xlsx"], dir);
    expect(code).toBe(0);
    expect(stderr.split("\n").filter((l) => l.startsWith("Rij "))).toEqual(["Rij 2: praktijk, locatie: 2 teken(s) weggelaten die een werkmap niet kan bewaren (stuurtekens, U+FFFE, U+FFFF)"]);
    const valueAt = await readCachedValues(fs.readFileSync(path.join(dir, "uit.xlsx")));
    expect([valueAt("Praktijken", 4, 0), valueAt("Praktijken", 4, 2), valueAt("Praktijken", 5, 0)]) // 0-based: sheet rows 5 and 6.toEqual(["De Linde", "Emmelhage", "Het Anker"]);
  });
});

describe("poh-budget under the reviewer's cases", () => {
  it("checks every output before it writes one: a refused --out leaves no sample CSV behind", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "map.xlsx"));
    const { code } = run(["--sample-csv", "nieuw.csv", "--out", "map.xlsx"], dir);
    expect(code).toBe(2);
    expect(fs.existsSync(path.join(dir, "nieuw.csv"))).toBe(false);
  });

  it("never writes the sample CSV over the practices file, not even with --force", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "q.csv"), practicesCsv(2));
    expect(run(["--practices", "q.csv", "--sample-csv", "q.csv", "--force", "--out", "q.xlsx"], dir).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, "q.csv"), "utf8")).toBe(practicesCsv(2));
  });

  it("names an unreadable or oversized practices file with exit 2, not as a bug", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "map.csv"));
    expect(run(["--practices", "map.csv"], dir)).toMatchObject({ code: 2, stderr: "--practices: “map.csv” is geen gewoon bestand\n" });
    const big = path.join(dir, "groot.csv");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 65 * 1024 * 1024); // sparse: no real disk used
    expect(run(["--practices", "groot.csv"], dir)).toMatchObject({ code: 2, stderr: "--practices: “groot.csv” is 65 MB; een praktijkenbestand is hooguit 64 MB\n" });
  });

  it("refuses up front a build that would not fit in Node's heap, naming both figures", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "p.csv"), practicesCsv(20_000));
    const result = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "--practices", "p.csv", "--out", "x.xlsx"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^20000 praktijken × 4 jaar vraagt naar schatting \d+ MB werkgeheugen; dit proces mag \d+ MB gebruiken/);
    expect(fs.readdirSync(dir)).toEqual(["p.csv"]);
  });

  it("shows a long path whole in a message, only with its escapes made visible", () => {
    const dir = tempDir();
    const deep = path.join("a".repeat(60), "b".repeat(60), "weg");
    const { code, stderr } = run(["--out", path.join(deep, "x.xlsx")], dir);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`--out: map “${deep}” bestaat niet`);
  });

  it("takes no value on a switch, and does not take the next flag as a value", () => {
    const dir = tempDir();
    expect(run(["--force=no", "--out", "a.xlsx"], dir)).toMatchObject({ code: 2, stderr: "--force neemt geen waarde (schrijf alleen --force)\n" });
    expect(run(["--year", "--out", "x.xlsx"], dir)).toMatchObject({ code: 2, stderr: "--year heeft een waarde nodig\n" });
    expect(run(["--help=1", "--out", "h.xlsx"], dir).stdout).toContain("Gebruik / usage: poh-budget");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("removes its temporary file when interrupted with Ctrl-C (SIGINT)", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "groot.csv"), practicesCsv(3000));
    const child = spawn(process.execPath, [BIN, "--practices", "groot.csv", "--out", "begroting.xlsx"], { cwd: dir, stdio: "ignore" });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      let sent = false;
      const timer = setInterval(() => {
        const [tmp] = leftovers(dir);
        if (sent || tmp === undefined) return;
        const size = fs.statSync(path.join(dir, tmp), { throwIfNoEntry: false })?.size ?? 0;
        if (size > 64 * 1024) sent = child.kill("SIGINT");
      }, 2);
      child.on("exit", (_code, s) => {
        clearInterval(timer);
        resolve(s);
      });
    });
    expect(signal).toBe("SIGINT");
    expect(leftovers(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, "begroting.xlsx"))).toBe(false);
  });
});
