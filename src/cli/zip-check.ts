/**
 * A structural check of a written .xlsx (a zip): the central directory is whole and lies inside
 * the file, and every entry it lists starts with a local file header. A file cut short anywhere
 * (full disk, killed run) fails this; reading only the directory keeps it cheap for a file of
 * hundreds of megabytes.
 */
import fs from "fs";
import { LOCAL_HEADER, readAt, zipDirectory, ZipError } from "../import/zip-directory";

/**
 * Why the file at `file` is not a whole zip, or null when it is.
 *
 * @example
 * zipProblem("begroting.xlsx") // null
 * zipProblem("half.xlsx") // "not a zip file (no end-of-central-directory record)"
 */
export function zipProblem(file: string): string | null {
  const fd = fs.openSync(file, "r");
  try {
    const entries = zipDirectory(fd, fs.fstatSync(fd).size);
    for (const entry of entries.values()) {
      const header = readAt(fd, 4, entry.localOffset);
      if (header.length < 4 || header.readUInt32LE(0) !== LOCAL_HEADER) return `entry ${entry.name} has no local header`;
    }
    return null;
  } catch (error) {
    if (error instanceof ZipError) return error.message;
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}
