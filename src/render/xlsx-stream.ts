/**
 * ExcelJS's streaming workbook writer, made to hold memory bounded and to carry what it
 * cannot write itself. Three things are changed on the one writer instance (nothing global):
 *
 * - Its part streams. ExcelJS's own buffer stream ignores backpressure, so a sheet written in
 *   one synchronous loop sits whole in memory until the zip gets to it. Here every part is a
 *   real stream that the zip pipes with backpressure (the sheet writer waits for `drain`) and
 *   that hands rows on in 64 kB batches.
 * - The parts it writes at the end, patched as text as they are appended: `fullCalcOnLoad` in
 *   the workbook (its writer passes no calculation properties) and content types for the
 *   extra parts (its content types know no drawings or charts).
 * - Extra parts (charts, drawings) appended to its own zip before it finalises, so nothing has
 *   to re-open the finished file.
 * - Where a sheet's protection goes: its writer puts `<sheetProtection>` after the data
 *   validations, which the schema (and Excel's repair prompt) do not allow; here it follows
 *   `</sheetData>`, where CT_Worksheet has it.
 */
import ExcelJS from "exceljs";
import { PassThrough } from "stream";

/** Fastest deflate, as ExcelJS's default, in 64 kB chunks: fewer round trips to zlib's thread. */
const ZIP = { zlib: { level: 1, chunkSize: 1 << 16 } };

/** What a part stream hands on at a time: zlib costs a round trip to its thread per chunk. */
const BATCH_CHARS = 64 * 1024;

/**
 * A part stream: takes what ExcelJS writes and hands it on in 64 kB batches. ExcelJS writes a
 * row at a time, as a string, and zlib handles every chunk it gets as one job on its thread:
 * row-sized chunks made compression some 20 times slower, and made a small Buffer per row.
 */
class PartStream extends PassThrough {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor() {
    // 1 MB in flight keeps zlib busy without piling up a sheet in memory.
    super({ highWaterMark: 1 << 20 });
  }

  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const done = typeof encoding === "function" ? (encoding as () => void) : (callback as (() => void) | undefined);
    if (typeof chunk === "string") {
      this.pending.push(chunk);
      this.pendingChars += chunk.length;
      if (this.pendingChars < BATCH_CHARS) {
        if (done) process.nextTick(done);
        return !this.writableNeedDrain;
      }
      return this.flushPending(done);
    }
    this.flushPending();
    // ExcelJS's StringBuf (one, reused for every such write): copy its bytes now (toBuffer copies).
    const bytes = Buffer.isBuffer(chunk) ? chunk : (chunk as { toBuffer(): Buffer }).toBuffer();
    return super.write(bytes, done);
  }

  override end(...args: unknown[]): this {
    this.flushPending();
    return super.end(...(args as []));
  }

  private flushPending(done?: () => void): boolean {
    if (this.pendingChars === 0) {
      if (done) process.nextTick(done);
      return !this.writableNeedDrain;
    }
    const text = this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    return super.write(Buffer.from(text, "utf8"), done);
  }
}

/** The parts of ExcelJS's writer this module uses; none of them is in its typings. */
interface WriterInternals {
  zip: { append(source: string | Buffer | NodeJS.ReadableStream, data: { name: string }): unknown };
  _openStream(path: string): NodeJS.WritableStream;
}

/**
 * The worksheet writer's parts the sheet and chart writers use (ExcelJS's typings know none).
 *
 * @example
 * const ws = book.addSheet("Blad1", {}); ws.getRow(1).commit(); ws.commit();
 */
export interface SheetWriter extends ExcelJS.Worksheet {
  commit(): void;
  readonly stream: PartStream;
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  _formulae: Record<string, unknown>;
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writeRowBreaks(): void;
}

/** Writes a sheet's protection straight after its cells, the one place CT_Worksheet allows it. */
function protectionAfterSheetData(ws: SheetWriter): SheetWriter {
  const closeSheetData = ws._writeCloseSheetData.bind(ws);
  const writeProtection = ws._writeSheetProtection.bind(ws);
  ws._writeCloseSheetData = () => {
    closeSheetData();
    writeProtection();
  };
  ws._writeSheetProtection = () => undefined;
  return ws;
}

interface ContentTypeOverride {
  partName: string;
  contentType: string;
}

/**
 * The streaming writer with its changes, and what the sheet and chart writers add to it.
 *
 * @example
 * book.addPart("xl/charts/chart1.xml", xml, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
 */
export interface StreamingWorkbook {
  writer: ExcelJS.stream.xlsx.WorkbookWriter;
  addSheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): SheetWriter;
  /** Appends a part to the zip now; `contentType` is added to [Content_Types].xml at the end. */
  addPart(name: string, xml: string, contentType?: string): void;
  /**
   * Rejects with the first error of the output or the zip (a full disk, say). Nothing would
   * drain after one, so every wait of the writers races this and the write stops there.
   */
  failure: Promise<never>;
}

/**
 * A streaming ExcelJS writer into `out`, with styles and shared strings (as the whole-book
 * writer used) and `fullCalcOnLoad`, so Excel recalculates on opening.
 *
 * @example
 * const book = streamingWorkbook(fs.createWriteStream("begroting.xlsx"));
 * const ws = book.addSheet("Blad1", {});
 * ws.getRow(1).getCell(1).value = 1; ws.getRow(1).commit(); ws.commit();
 * await book.writer.commit();
 */
export function streamingWorkbook(out: NodeJS.WritableStream): StreamingWorkbook {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as import("stream").Stream, useStyles: true, useSharedStrings: true, zip: ZIP });
  writer.creator = "POH-GGZ Jeugd begroting";
  const internals = writer as unknown as WriterInternals;
  const overrides: ContentTypeOverride[] = [];
  const append = internals.zip.append.bind(internals.zip);
  internals.zip.append = (source, data) => {
    // Both parts are small and written whole by ExcelJS at commit, after every sheet.
    if (typeof source === "string" && data.name === "[Content_Types].xml") {
      const extra = overrides.map((o) => `<Override PartName="${o.partName}" ContentType="${o.contentType}"/>`).join("");
      source = source.replace("</Types>", `${extra}</Types>`);
    } else if (typeof source === "string" && /^\/?xl\/workbook\.xml$/.test(data.name)) {
      source = source.replace(/<calcPr\b([^>]*?)\/>/, (tag, attrs: string) => (attrs.includes("fullCalcOnLoad") ? tag : `<calcPr${attrs} fullCalcOnLoad="1"/>`));
    }
    return append(source, data);
  };
  internals._openStream = (path: string) => {
    const stream = new PartStream();
    append(stream, { name: path });
    // ExcelJS waits for "zipped" on sheets it commits itself; ours are committed already.
    stream.on("finish", () => stream.emit("zipped"));
    return stream;
  };
  const failure = new Promise<never>((_, reject) => {
    out.once("error", reject);
    (writer as unknown as { zip: NodeJS.EventEmitter }).zip.once("error", reject);
  });
  // Whoever awaits it handles it; a write that succeeds never looks at it.
  failure.catch(() => undefined);
  return {
    writer,
    failure,
    addSheet: (name, options) => protectionAfterSheetData(writer.addWorksheet(name, options) as unknown as SheetWriter),
    addPart(name, xml, contentType) {
      append(xml, { name });
      if (contentType) overrides.push({ partName: `/${name}`, contentType });
    },
  };
}

/**
 * Resolves once the part stream can take more (undefined when it can now); rejects on `failure`.
 *
 * @example
 * const wait = drained(ws.stream, book.failure); if (wait) await wait;
 */
export function drained(stream: PartStream, failure: Promise<never>): Promise<void> | undefined {
  if (!stream.writableNeedDrain) return undefined;
  return Promise.race([new Promise<void>((resolve) => stream.once("drain", () => resolve())), failure]);
}

/**
 * Resolves once a sheet's part stream has been ended and all its bytes passed to the zip.
 *
 * @example
 * ws.commit(); await finished(ws.stream, book.failure);
 */
export function finished(stream: PartStream, failure: Promise<never>): Promise<void> {
  if (stream.writableFinished) return Promise.resolve();
  return Promise.race([new Promise<void>((resolve) => stream.once("finish", () => resolve())), failure]);
}
