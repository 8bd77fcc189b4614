import ExcelJS from 'exceljs';
import { createReadStream, type ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppointmentFileRefused } from './refusal';
import type { RowSource, SheetRow } from './rowSource';
import { detach } from './strings';

interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamWorksheet {
  name: string;
  /** Set by Utf8SafeWorkbookReader: N of xl/worksheets/sheetN.xml. */
  fileNo?: string;
  [Symbol.asyncIterator](): AsyncIterator<StreamRow>;
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

const PIECE = Number(process.env.MASA_XLSX_PIECE ?? 16384);

async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(c as Buffer);
    for (let i = 0; i < s.length; i += PIECE) yield s.length <= PIECE ? s : s.slice(i, i + PIECE);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk (16 KB) to text on its own, so a
 * two-byte letter (ş, ğ, ı, İ, ç, ö, ü) cut by a chunk boundary becomes two U+FFFD characters
 * (exceljs issues #2084, #2316; still open). Here the sheet and the shared strings are decoded
 * with a StringDecoder that carries a cut character over to the next chunk; exceljs passes
 * text chunks through untouched.
 */
class Utf8SafeWorkbookReader extends Base {
  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    for (const event of super._parseWorksheet(utf8Chunks(iterator), sheetNo)) {
      const value = (event as { value?: StreamWorksheet }).value;
      if (value) value.fileNo = sheetNo;
      yield event;
    }
  }

  override async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    yield* super._parseSharedStrings(Readable.from(utf8Chunks(entry)));
    // The cached strings are slices of the XML text chunks and keep all of them alive (and
    // rows reusing them would keep them alive after the read): copy them out (strings.ts).
    // ~20 MB less live heap for 160,000 rows, and V8 sizes its heap on the live part.
    const cache = this.sharedStrings;
    if (cache) for (let i = 0; i < cache.length; i++) {
      const s = cache[i];
      if (typeof s === 'string') cache[i] = detach(s);
    }
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

  constructor(private readonly path: string) {}

  bytesRead(): number {
    return this.input?.bytesRead ?? 0;
  }

  date1904(): boolean {
    return this.reader?.properties?.model?.date1904 === true;
  }

  close(): void {
    this.input?.destroy();
  }

  async *rows(): AsyncGenerator<SheetRow> {
    const input = (this.input = createReadStream(this.path, { highWaterMark: 256 * 1024 }));
    const reader = (this.reader = new Utf8SafeWorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }));
    let done = false;
    try {
      for await (const sheet of { [Symbol.asyncIterator]: () => reader[Symbol.asyncIterator]() }) {
        if (done || !this.isFirstSheet(sheet)) {
          // Other sheets are read through to the end so that exceljs removes the temporary
          // file it parked them in; their rows are ignored.
          for await (const _ of { [Symbol.asyncIterator]: () => sheet[Symbol.asyncIterator]() }) void _;
          continue;
        }
        for await (const row of { [Symbol.asyncIterator]: () => sheet[Symbol.asyncIterator]() }) {
          yield { number: row.number, cells: row.values.slice(1) };
        }
        done = true;
      }
    } catch (e) {
      if (e instanceof AppointmentFileRefused) throw e;
      // Inflate, zip and XML errors all mean the same thing to the office head.
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
