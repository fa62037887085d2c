/**
 * Writes a file so that it is either there whole or not at all, and an old file is never
 * harmed: the bytes go to a temporary file beside the target, every write is checked for
 * its full length, the file is flushed to disk and verified, and only then renamed over
 * the target. On any failure the temporary file is removed and a WriteError says why.
 */
import fs from "fs";
import path from "path";
import { Writable } from "stream";
import { KeyedError } from "../core/errors";
import type { MessageParams } from "../core/messages";

/** A write that failed; the target is as it was. `path` names the file or folder. */
export class WriteError extends KeyedError<MessageParams & { path: string }> {}

/** The file-system calls the writer makes; tests replace one to inject a fault (a short write). */
export type FileSystem = Pick<typeof fs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "fstatSync" | "fchmodSync" | "fchownSync" | "rmSync">;

export interface AtomicWriteOptions {
  /** Why the finished temporary file is unusable, or null when it is good (e.g. zipProblem). */
  verify?: (file: string) => string | null;
  /** Permissions (and, as root, owner) for the new file; by default those of the old target. */
  keepFrom?: fs.Stats | null;
  fileSystem?: FileSystem;
}

const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;
/**
 * A temporary file is stale only when its process is gone AND it has not grown for this long:
 * a run in another container or on another PC writing to the same shared folder has a process
 * id this machine cannot see, but its file keeps changing while it writes.
 */
export const STALE_AFTER_MS = 60_000;
/** Longest file name most file systems take (bytes); the temporary name must fit too. */
const MAX_NAME_BYTES = 255;

/** The target's name as it stands in its temporary file's name: shortened, with a hash, when the name is long. */
function temporaryStem(base: string): string {
  if (Buffer.byteLength(base) <= MAX_NAME_BYTES - 30) return base;
  let hash = 0;
  for (const ch of base) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  let short = base;
  while (Buffer.byteLength(short) > 150) short = short.slice(0, -1);
  return `${short}~${hash.toString(16)}`;
}

/** The temporary file a run with process id `pid` writes for `target`. */
export function temporaryPath(target: string, pid: number = process.pid): string {
  return path.join(path.dirname(target), `.${temporaryStem(path.basename(target))}.${pid}.tmp`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // ours from a killed run with the same id: this run has not started writing
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files that killed runs left beside `target` (those whose process is
 * gone); returns their paths.
 *
 * @example
 * removeStaleTemporaries("/data/begroting.xlsx") // ["/data/.begroting.xlsx.4711.tmp"]
 */
export function removeStaleTemporaries(target: string): string[] {
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || m[1] !== temporaryStem(path.basename(target)) || isAlive(Number(m[2]))) continue;
    try {
      // Ours (a killed run that had this process id) cannot be in use; another's only when it has stopped changing.
      if (Number(m[2]) !== process.pid && Date.now() - fs.lstatSync(path.join(dir, name)).mtimeMs < STALE_AFTER_MS) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(path.join(dir, name));
    } catch {
      // A file we cannot remove stays; the write below still uses its own name.
    }
  }
  return removed;
}

/** A file-system error as a WriteError; anything else (a bug in the producer) as it is. */
function failure(error: unknown, file: string, folder: string): Error {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error instanceof Error ? error : new Error(String(error));
  const reason = (error as Error).message ?? String(error);
  if (code === "ENOSPC" || code === "EDQUOT") return new WriteError("diskFull", { path: file });
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new WriteError("folderNotWritable", { path: folder, reason: code });
  return new WriteError("writeFailed", { path: file, reason });
}

/** A stream onto an open file that checks that each write took all its bytes. */
function checkedStream(fileSystem: FileSystem, fd: number, file: string, written: { bytes: number }): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        let n = fileSystem.writeSync(fd, chunk, 0, chunk.length);
        // POSIX may write less than asked (a signal, a disk filling up); writing the rest once
        // more either completes the chunk or yields the reason (ENOSPC), which a second short
        // write is taken as: never pass over a byte that did not reach the file.
        if (n < chunk.length) n += fileSystem.writeSync(fd, chunk, n, chunk.length - n);
        if (n !== chunk.length) throw new WriteError("shortWrite", { path: file, written: written.bytes + n, expected: written.bytes + chunk.length });
        written.bytes += n;
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/**
 * Writes what `produce` puts into the stream it is given (and ends) to `target`, atomically.
 * Throws a WriteError; the target is then untouched and no temporary file remains.
 *
 * @example
 * await writeFileAtomic("begroting.xlsx", (out) => writeXlsx(description, out), { verify: zipProblem })
 * await writeFileAtomic("praktijken.csv", (out) => void out.end(csvBytes))
 */
export async function writeFileAtomic(target: string, produce: (out: Writable) => Promise<void> | void, options: AtomicWriteOptions = {}): Promise<{ bytes: number }> {
  const fileSystem = options.fileSystem ?? fs;
  const temporary = temporaryPath(target);
  const folder = path.dirname(target);
  const old = options.keepFrom !== undefined ? options.keepFrom : statOrNull(target);
  const written = { bytes: 0 };
  let fd: number | null = null;
  // Ctrl-C or a kill during the write: remove the half file, then end as the signal would.
  const onSignal = (signal: NodeJS.Signals) => {
    removeQuietly(fileSystem, temporary);
    process.removeListener("SIGINT", onSignal).removeListener("SIGTERM", onSignal);
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    // "wx": never truncate or follow whatever already stands at the temporary name.
    fd = fileSystem.openSync(temporary, "wx", 0o600);
    const out = checkedStream(fileSystem, fd, target, written);
    const finished = new Promise<void>((resolve, reject) => {
      out.on("finish", resolve);
      out.on("error", reject);
    });
    // The producer may not notice that its destination failed (a full disk): whichever
    // comes first, the error or the producer's end, decides.
    const producing = Promise.resolve().then(() => produce(out));
    producing.catch(() => undefined); // settled below or made moot by the stream's own error
    await Promise.race([producing.then(() => finished), finished]);
    await finished;
    fileSystem.fsyncSync(fd);
    const size = fileSystem.fstatSync(fd).size;
    if (size !== written.bytes) throw new WriteError("shortWrite", { path: target, written: size, expected: written.bytes });
    if (old) {
      fileSystem.fchmodSync(fd, old.mode & 0o7777);
      if (process.getuid?.() === 0) fileSystem.fchownSync(fd, old.uid, old.gid);
    } else fileSystem.fchmodSync(fd, 0o666 & ~process.umask());
    fileSystem.closeSync(fd);
    fd = null;
    const problem = options.verify?.(temporary) ?? null;
    if (problem !== null) throw new WriteError("incompleteFile", { path: target, reason: problem });
    fileSystem.renameSync(temporary, target);
    syncFolder(folder);
    return written;
  } catch (error) {
    if (fd !== null) {
      try {
        fileSystem.closeSync(fd);
      } catch {
        // already closed or broken; the file is removed below either way
      }
    }
    // A temporary file this run did not create (EEXIST) is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") removeQuietly(fileSystem, temporary);
    throw failure(error, target, folder);
  } finally {
    process.removeListener("SIGINT", onSignal).removeListener("SIGTERM", onSignal);
  }
}

/** Removes a file; a failure here must never hide the error that made it necessary. */
function removeQuietly(fileSystem: FileSystem, file: string): void {
  try {
    fileSystem.rmSync(file, { force: true });
  } catch {
    // The next run on the same target removes it (removeStaleTemporaries).
  }
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** Makes the rename itself durable; a folder that cannot be opened or synced is no failure of the write. */
function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the data itself is already on disk.
  }
}
