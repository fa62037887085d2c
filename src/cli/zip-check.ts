/**
 * A structural check of a written .xlsx (a zip): the end-of-central-directory record is
 * there, the central directory lies inside the file, and every entry it lists starts with a
 * local file header. A file cut short anywhere (full disk, killed run) fails this; reading
 * only the directory keeps the check cheap for a file of hundreds of megabytes.
 */
import fs from "fs";

const EOCD = 0x06054b50; // APPNOTE 4.3.16: end of central directory record
const CENTRAL = 0x02014b50; // APPNOTE 4.3.12: central directory file header
const LOCAL = 0x04034b50; // APPNOTE 4.3.7: local file header
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Why the file at `file` is not a whole zip, or null when it is.
 *
 * @example
 * zipProblem("begroting.xlsx") // null
 * zipProblem("half.xlsx") // "no end-of-central-directory record"
 */
export function zipProblem(file: string): string | null {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size < EOCD_SIZE) return `only ${size} bytes`;
    const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return "no end-of-central-directory record";
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || directoryOffset === 0xffffffff) return null; // zip64: beyond what this check reads; ExcelJS writes none below 4 GB
    if (directoryOffset + directorySize > size - tailLength + at) return "central directory outside the file";
    const directory = Buffer.alloc(directorySize);
    fs.readSync(fd, directory, 0, directorySize, directoryOffset);
    const header = Buffer.alloc(4);
    for (let i = 0, p = 0; i < entries; i++) {
      if (p + 46 > directorySize || directory.readUInt32LE(p) !== CENTRAL) return `central directory entry ${i + 1} is damaged`;
      const localOffset = directory.readUInt32LE(p + 42);
      if (localOffset + 4 > directoryOffset) return `entry ${i + 1} lies outside the file`;
      fs.readSync(fd, header, 0, 4, localOffset);
      if (header.readUInt32LE(0) !== LOCAL) return `entry ${i + 1} has no local header`;
      p += 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
