import ExcelJS from 'exceljs';
import { createReadStream, type ReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { AppointmentFileRefused } from './refusal';
import type { RowSource, SheetRow } from './rowSource';
import { readSharedStrings } from './sharedStrings';

interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamWorksheet {
  name: string;
  /** Set by Utf8SafeWorkbookReader: N of xl/worksheets/sheetN.xml. */
  fileNo?: string;
  /** Batches of events per XML piece; rows are `{ eventType: 'row', value }`. */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}
/** The parts of exceljs 4.4's streaming WorkbookReader this file relies on (not all are typed). */
interface InternalWorkbookReader {
  model?: { sheets?: { name?: string; rId?: string }[] };
  sharedStrings?: unknown[];
  workbookRels?: { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<StreamWorksheet>;
}
type ReaderClass = new (input: NodeJS.ReadableStream, options: object) => InternalWorkbookReader;

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass;
if (typeof Base.prototype._parseWorksheet !== 'function' || typeof Base.prototype._parseSharedStrings !== 'function') {
  // The UTF-8 fix below hooks these two methods: an exceljs upgrade must fail here, loudly,
  // rather than silently bring back damaged Turkish letters.
  throw new Error('exceljs streaming reader internals changed: review main/import/xlsxSource.ts');
}

/**
 * Bytes decoded at a time. exceljs reads a parked sheet in 64 KB buffers; with Turkish letters
 * that decodes to a two-byte string of ~128 KB, which V8 allocates straight into the old
 * generation (large objects), where only a full mark-compact frees it: 90 MB of sheet XML then
 * piles up as garbage and the heap grows with it. 16 KB pieces stay in the young generation.
 */
const PIECE_BYTES = 16 * 1024;

async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    if (typeof c === 'string') {
      yield c;
      continue;
    }
    const b = c as Buffer;
    for (let i = 0; i < b.length; i += PIECE_BYTES) {
      const s = decoder.write(b.subarray(i, i + PIECE_BYTES));
      if (s) yield s;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Passes a part's inflated bytes through and checks them against the CRC-32 the archive
 * states. unzipper does not check it, and some damage inflates without an error: a damaged
 * file must be refused, not read with altered names or numbers.
 */
async function* crcChecked(chunks: AsyncIterable<unknown>, expected: number | undefined, part: string): AsyncGenerator<unknown> {
  let crc = 0;
  let checkable = expected !== undefined;
  for await (const c of chunks) {
    if (typeof c === 'string') checkable = false;
    else crc = crc32(c as Buffer, crc);
    yield c;
  }
  if (checkable && crc >>> 0 !== expected) throw new Error(`${part}: CRC-32 mismatch`);
}

/**
 * The chunks of a zip entry (unzipper hands out old-style readable-streams without async
 * iteration), read with a short queue and pause/resume for back-pressure.
 */
async function* entryChunks(entry: NodeJS.ReadableStream): AsyncGenerator<Buffer | string> {
  const queue: (Buffer | string)[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  entry.on('data', (c: Buffer | string) => {
    queue.push(c);
    if (queue.length >= 8) entry.pause();
    wake?.();
  });
  entry.on('end', () => {
    ended = true;
    wake?.();
  });
  entry.on('error', (e: unknown) => {
    failure = e;
    wake?.();
  });
  for (;;) {
    if (failure) throw failure;
    const c = queue.shift();
    if (c !== undefined) {
      if (queue.length < 4) entry.resume();
      yield c;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk (16 KB) to text on its own, so a
 * two-byte letter (ş, ğ, ı, İ, ç, ö, ü) cut by a chunk boundary becomes two U+FFFD characters
 * (exceljs issues #2084, #2316; still open). Here the sheet and the shared strings are decoded
 * with a StringDecoder that carries a cut character over to the next chunk; exceljs passes
 * text chunks through untouched.
 */
class Utf8SafeWorkbookReader extends Base {
  /** Part name -> CRC-32 from the central directory (read by sniff.ts before streaming). */
  expectedCrc = new Map<string, number>();

  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    const part = `xl/worksheets/sheet${sheetNo}.xml`;
    for (const event of super._parseWorksheet(utf8Chunks(crcChecked(iterator, this.expectedCrc.get(part), part)), sheetNo)) {
      const value = (event as { value?: StreamWorksheet }).value;
      if (value) value.fileNo = sheetNo;
      yield event;
    }
  }

  // Our own reader for the shared-strings table (see sharedStrings.ts for why).
  override async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    const part = 'xl/sharedStrings.xml';
    this.sharedStrings = await readSharedStrings(utf8Chunks(crcChecked(entryChunks(entry), this.expectedCrc.get(part), part)));
  }
}

/**
 * The first worksheet of an .xlsx, row by row, through exceljs' streaming reader (flat memory).
 * Styles are not loaded: date cells arrive as serial numbers and cells.ts converts them by the
 * column's meaning, which is both faster and immune to time-zone shifts.
 */
export class XlsxRowSource implements RowSource {
  private input: ReadStream | null = null;
  private reader: InternalWorkbookReader | null = null;

  constructor(
    private readonly path: string,
    private readonly expectedCrc: Map<string, number> = new Map(),
  ) {}

  bytesRead(): number {
    return this.input?.bytesRead ?? 0;
  }

  date1904(): boolean {
    return this.reader?.properties?.model?.date1904 === true;
  }

  close(): void {
    this.input?.destroy();
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    const input = (this.input = createReadStream(this.path, { highWaterMark: 256 * 1024 }));
    const reader = (this.reader = new Utf8SafeWorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }));
    reader.expectedCrc = this.expectedCrc;

    // exceljs pipes the file into an unzip stream it keeps to itself. An inflate error is
    // emitted on that stream only, and exceljs looks at it only between zip entries: while
    // it waits for a sheet it parks in a temporary file, or for more sheet data, the error
    // goes unseen and the read never ends. So the error is caught where exceljs pipes the
    // file, and every wait below is raced against it.
    let fail: (e: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => (fail = reject));
    failure.catch(() => undefined);
    input.on('error', (e) => fail(e));
    const pipe = input.pipe.bind(input);
    input.pipe = (<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
      dest.on('error', (e: unknown) => fail(e));
      return pipe(dest, options);
    }) as typeof input.pipe;
    const next = <T>(it: AsyncIterator<T>) => Promise.race([it.next(), failure]);

    let done = false;
    try {
      const sheets = reader[Symbol.asyncIterator]();
      for (let s = await next(sheets); !s.done; s = await next(sheets)) {
        const sheet = s.value;
        const wanted = !done && this.isFirstSheet(sheet);
        // Other sheets are read through to the end so that exceljs removes the temporary
        // file it parked them in; their rows are ignored.
        const pieces = sheet.parse()[Symbol.asyncIterator]();
        for (let p = await next(pieces); !p.done; p = await next(pieces)) {
          if (!wanted) continue;
          const batch: SheetRow[] = [];
          for (const e of p.value) {
            if (e.eventType !== 'row') continue;
            const row = e.value as StreamRow;
            batch.push({ number: row.number, cells: row.values, offset: 1 });
          }
          if (batch.length > 0) yield batch;
        }
        if (wanted) done = true;
      }
    } catch (e) {
      if (e instanceof AppointmentFileRefused) throw e;
      // Inflate, zip, checksum and XML errors all mean the same thing to the office head.
      throw new AppointmentFileRefused('XLSX_DAMAGED', {}, e instanceof Error ? e.message : String(e));
    } finally {
      input.destroy();
    }
    if (!done) throw new AppointmentFileRefused('NO_HEADER_ROW', {}, 'first worksheet not found');
  }

  /**
   * The workbook's first tab (workbook.xml order), not whichever sheet file the zip holds
   * first. Resolved through the workbook relationships by file name: exceljs' own mapping
   * misses absolute targets ("/xl/worksheets/sheet1.xml", as openpyxl writes them).
   */
  private isFirstSheet(sheet: StreamWorksheet): boolean {
    const rId = this.reader?.model?.sheets?.[0]?.rId;
    const target = this.reader?.workbookRels?.find((r) => r.Id === rId)?.Target;
    const m = target ? /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target) : null;
    return !m || m[1] === sheet.fileNo;
  }
}
