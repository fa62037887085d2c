/**
 * Where an output may go. Checked before anything is built, so that a refusal costs nothing
 * and an input, a read-only file or the file behind a link is never replaced by accident.
 */
import fs from "fs";
import path from "path";
import { ArgumentError } from "../core/errors";

export interface OutputTarget {
  /** The file that will be replaced: the target itself, or with --force the file a link points to. */
  path: string;
  /** The existing file, whose permissions the new one keeps; null when there is none. */
  existing: fs.Stats | null;
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

/** The same file on disk, also through links and other spellings of the path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * Checks an output path given as `flag`; throws an ArgumentError (exit 2) when it is refused.
 * `inputs` are the files the run reads; `mustBeNew` refuses any existing file (the sample CSV).
 *
 * @example
 * outputTarget("/data/begroting.xlsx", "--out", { force: false, inputs: ["/data/praktijken.csv"] })
 * // { path: "/data/begroting.xlsx", existing: null }
 */
export function outputTarget(file: string, flag: string, options: { force: boolean; inputs: readonly string[]; mustBeNew?: boolean; shown?: string }): OutputTarget {
  const shown = options.shown ?? file;
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new ArgumentError("folderNotFound", { arg: flag, value: path.dirname(shown) });
  for (const input of options.inputs) {
    if (sameFile(file, input) && !options.force) throw new ArgumentError("outputIsInput", { arg: flag, value: shown });
  }
  const link = lstatOrNull(file);
  if (link === null) return { path: file, existing: null };
  let target = file;
  if (link.isSymbolicLink()) {
    let resolved: string;
    try {
      resolved = fs.realpathSync(file);
    } catch {
      throw new ArgumentError("targetDanglingLink", { arg: flag, value: shown });
    }
    if (!options.force) throw new ArgumentError("targetIsLink", { arg: flag, value: shown, link: resolved });
    target = resolved;
  }
  const stats = fs.statSync(target);
  if (stats.isDirectory()) throw new ArgumentError("targetIsDirectory", { arg: flag, value: shown });
  if (!stats.isFile()) throw new ArgumentError("targetNotAFile", { arg: flag, value: shown });
  if (options.mustBeNew && !options.force) throw new ArgumentError("targetExists", { arg: flag, value: shown });
  // Mode bits, not access(2): root may write anywhere, yet a file made read-only says "keep me".
  if ((stats.mode & 0o222) === 0 && !options.force) throw new ArgumentError("targetReadOnly", { arg: flag, value: shown });
  return { path: target, existing: stats };
}
