import fs from "fs";
import path from "path";

/**
 * Writes a file so that it is either there whole or not at all: the bytes go to a temporary
 * file beside it, are flushed to disk, and only then renamed over the target.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temporary, "w");
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
