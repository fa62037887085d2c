import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { removeStaleTemporaries, STALE_AFTER_MS, temporaryPath, writeFileAtomic, WriteError, type FileSystem } from "../../src/cli/atomic-write";
import { zipProblem } from "../../src/cli/zip-check";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "atomic-"));
}

async function aZip(files = 20): Promise<Buffer> {
  const zip = new JSZip();
  for (let i = 0; i < files; i++) zip.file(`part${i}.xml`, `<x>${"a".repeat(500 + i)}</x>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const OLD = Buffer.from("the controller's good workbook");

function withOld(dir: string): string {
  const target = path.join(dir, "begroting.xlsx");
  fs.writeFileSync(target, OLD);
  return target;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("writeFileAtomic", () => {
  it("writes the whole file, in chunks as a streaming producer writes them, and leaves no temporary file", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    const data = await aZip();
    const { bytes } = await writeFileAtomic(
      target,
      (out) => {
        for (let i = 0; i < data.length; i += 1000) out.write(data.subarray(i, i + 1000));
        out.end();
      },
      { verify: zipProblem },
    );
    expect(bytes).toBe(data.length);
    expect(fs.readFileSync(target).equals(data)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("completes a chunk that a write took only in part, as POSIX allows", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    let calls = 0;
    const shortOnce: FileSystem = { ...fs, writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => fs.writeSync(fd, buffer, offset, calls++ === 2 ? length - 7 : length)) as typeof fs.writeSync };
    const data = await aZip();
    await writeFileAtomic(target, (out) => {
      for (let i = 0; i < data.length; i += 500) out.write(data.subarray(i, i + 500));
      out.end();
    }, { fileSystem: shortOnce, verify: zipProblem });
    expect(fs.readFileSync(target).equals(data)).toBe(true);
  });

  it("treats a short write that stays short as an error: the old file stays byte for byte and the temporary file is removed", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    let calls = 0;
    // A disk that takes 499 of the third chunk's 500 bytes and then nothing more.
    const shortOnThird: FileSystem = { ...fs, writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => (calls++ < 2 ? fs.writeSync(fd, buffer, offset, length) : calls === 3 ? fs.writeSync(fd, buffer, offset, length - 1) : 0)) as typeof fs.writeSync };
    const data = await aZip();
    expect(data.length).toBeGreaterThan(1500);
    const attempt = writeFileAtomic(target, (out) => {
      for (let i = 0; i < data.length; i += 500) out.write(data.subarray(i, i + 500));
      out.end();
    }, { fileSystem: shortOnThird, verify: zipProblem });
    // The third 500-byte write took 499: 1,499 of 1,500 bytes reached the disk.
    await expect(attempt).rejects.toMatchObject({ key: "shortWrite", params: { written: 1499, expected: 1500 } });
    expect(fs.readFileSync(target).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("reports a full disk (ENOSPC from write) as diskFull and keeps the old file", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    const full: FileSystem = { ...fs, writeSync: () => { throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }); } };
    await expect(writeFileAtomic(target, (out) => void out.end(Buffer.alloc(10)), { fileSystem: full })).rejects.toMatchObject({ key: "diskFull", params: { path: target } });
    expect(fs.readFileSync(target).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("reports a failing fsync (EIO) with its reason and keeps the old file", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    const broken: FileSystem = { ...fs, fsyncSync: () => { throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }); } };
    const error = await writeFileAtomic(target, (out) => void out.end(Buffer.alloc(10)), { fileSystem: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).key).toBe("writeFailed");
    expect(String((error as WriteError).params.reason)).toContain("EIO");
    expect(fs.readFileSync(target).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("does not rename a file that fails verification (a zip cut short)", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    const data = await aZip();
    await expect(writeFileAtomic(target, (out) => void out.end(data.subarray(0, data.length - 30)), { verify: zipProblem })).rejects.toMatchObject({ key: "incompleteFile" });
    expect(fs.readFileSync(target).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("passes a producer's own error on as it is, and cleans up", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    const attempt = writeFileAtomic(target, (out) => {
      out.write(Buffer.alloc(100));
      return Promise.reject(new RangeError("too many practices"));
    });
    await expect(attempt).rejects.toThrow(RangeError);
    expect(fs.readFileSync(target).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("gives the new file the old file's permissions", async () => {
    const dir = tempDir();
    const target = withOld(dir);
    fs.chmodSync(target, 0o640);
    await writeFileAtomic(target, (out) => void out.end(Buffer.from("new")));
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });
});

describe("removeStaleTemporaries", () => {
  it("removes what a run that is gone left for this target, and nothing of a live run or another target", () => {
    const dir = tempDir();
    const target = path.join(dir, "begroting.xlsx");
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const stale = temporaryPath(target, Number(gone));
    const live = temporaryPath(target, process.ppid);
    const other = temporaryPath(path.join(dir, "ander.xlsx"), Number(gone));
    const fresh = temporaryPath(target, Number(gone) + 1_000_000); // no such process, but still being written (another container?)
    for (const f of [stale, live, other, fresh]) fs.writeFileSync(f, "partial");
    const past = new Date(Date.now() - 2 * STALE_AFTER_MS);
    for (const f of [stale, live, other]) fs.utimesSync(f, past, past);
    expect(removeStaleTemporaries(target)).toEqual([stale]);
    expect([live, other, fresh].map((f) => fs.existsSync(f))).toEqual([true, true, true]);
  });

  it("gives a target whose name is near the file system's 255-byte limit a temporary name that fits", async () => {
    const dir = tempDir();
    const target = path.join(dir, `${"a".repeat(245)}.xlsx`);
    expect(Buffer.byteLength(path.basename(temporaryPath(target)))).toBeLessThanOrEqual(255);
    await writeFileAtomic(target, (out) => void out.end(Buffer.from("x")));
    expect(fs.readFileSync(target, "utf8")).toBe("x");
    const stale = temporaryPath(target, 999_999_999);
    fs.writeFileSync(stale, "partial");
    fs.utimesSync(stale, new Date(0), new Date(0));
    expect(removeStaleTemporaries(target)).toEqual([stale]);
  });
});

describe("zipProblem", () => {
  it("accepts a whole zip and refuses the same zip cut at any point", async () => {
    const dir = tempDir();
    const data = await aZip(5);
    const file = path.join(dir, "z.zip");
    fs.writeFileSync(file, data);
    expect(zipProblem(file)).toBeNull();
    for (const cut of [0, 10, Math.floor(data.length / 3), data.length - 100, data.length - 22, data.length - 1]) {
      fs.writeFileSync(file, data.subarray(0, cut));
      expect([cut, zipProblem(file)]).toEqual([cut, expect.any(String)]);
    }
  });
});
