/**
 * The central directory of a zip file (an .xlsx), read from its end without reading the
 * parts: what `poh-budget` checks a written file with, and where the .xlsx reader finds the
 * parts it reads.
 */
import fs from "fs";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** A file that is not a whole zip; the message says why (English, for a message's reason). */
export class ZipError extends Error {}

const EOCD = 0x06054b50; // APPNOTE 4.3.16: end of central directory record
const CENTRAL = 0x02014b50; // APPNOTE 4.3.12: central directory file header
export const LOCAL_HEADER = 0x04034b50; // APPNOTE 4.3.7: local file header
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Up to `length` bytes at `position` (fewer at the end of the file). */
export function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Every entry of the zip open on `fd`, by name; throws ZipError when the directory is missing
 * or damaged (a file cut short anywhere loses its end record).
 *
 * @example
 * zipDirectory(fd, fs.fstatSync(fd).size).get("xl/workbook.xml") // { name, method: 8, ... }
 */
export function zipDirectory(fd: number, size: number): Map<string, ZipEntry> {
  if (size < EOCD_SIZE) throw new ZipError(`not a zip file (${size} bytes)`);
  const tail = readAt(fd, Math.min(size, EOCD_SIZE + MAX_COMMENT), size - Math.min(size, EOCD_SIZE + MAX_COMMENT));
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError("not a zip file (no end-of-central-directory record)");
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  // ExcelJS writes zip64 only past 4 GB, far beyond MAX_XLSX_PRACTICES; such a file is not ours.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError("a zip64 file, larger than any workbook this product writes");
  if (directoryOffset + directorySize > size - tail.length + at) throw new ZipError("damaged zip (central directory outside the file)");
  const directory = readAt(fd, directorySize, directoryOffset);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0, p = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipError(`damaged zip (directory entry ${i + 1})`);
    const nameLength = directory.readUInt16LE(p + 28);
    const name = directory.subarray(p + 46, p + 46 + nameLength).toString("utf8").replace(/\\/g, "/");
    const localOffset = directory.readUInt32LE(p + 42);
    if (localOffset + 4 > directoryOffset) throw new ZipError(`damaged zip (entry ${i + 1} lies outside the file)`);
    entries.set(name, { name, method: directory.readUInt16LE(p + 10), compressedSize: directory.readUInt32LE(p + 20), localOffset });
    p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
  }
  return entries;
}
