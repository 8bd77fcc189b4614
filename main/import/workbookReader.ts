/**
 * exceljs 4.4's streaming WorkbookReader with its three defects for this use mended:
 * Turkish letters cut at chunk boundaries, the shared-strings table (memory), and checksums.
 */
import ExcelJS from 'exceljs';
import { readSharedStrings } from './sharedStrings';
import { crcChecked, entryChunks, sizeChecked, utf8Chunks } from './xlsxStreams';

export interface StreamRow {
  number: number;
  values: unknown[];
}
export interface StreamWorksheet {
  name: string;
  /** Set by Utf8SafeWorkbookReader: N of xl/worksheets/sheetN.xml. */
  fileNo?: string;
  /** Batches of events per XML piece; rows are `{ eventType: 'row', value }`. */
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}
/** The parts of exceljs 4.4's streaming WorkbookReader this file relies on (not all are typed). */
export interface InternalWorkbookReader {
  model?: { sheets?: { name?: string; rId?: string }[] };
  sharedStrings?: unknown[];
  workbookRels?: { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  [Symbol.asyncIterator](): AsyncIterator<StreamWorksheet>;
}
type ReaderClass = new (input: NodeJS.ReadableStream, options: object) => InternalWorkbookReader;

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass;
if (typeof Base.prototype._parseWorksheet !== 'function' || typeof Base.prototype._parseSharedStrings !== 'function') {
  // The fixes below hook these two methods: an exceljs upgrade must fail here, loudly,
  // rather than silently bring back damaged Turkish letters.
  throw new Error('exceljs streaming reader internals changed: review main/import/workbookReader.ts');
}

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk (16 KB) to text on its own, so a
 * two-byte letter (ş, ğ, ı, İ, ç, ö, ü) cut by a chunk boundary becomes two U+FFFD characters
 * (exceljs issues #2084, #2316; still open). Here the sheet and the shared strings are decoded
 * with a StringDecoder that carries a cut character over to the next chunk; exceljs passes
 * text chunks through untouched. Each part's bytes are also checked against the archive's
 * CRC-32 on the way (see crcChecked).
 */
export class Utf8SafeWorkbookReader extends Base {
  /** Part name -> CRC-32 from the central directory (read by sniff.ts before streaming). */
  expectedCrc = new Map<string, number>();
  /** Set when the shared strings were read ahead (XlsxRowSource.readAhead): the entry in stream order is skipped. */
  stringsReadAhead = false;

  /** The shared-strings part read out of stream order (see XlsxRowSource.readAhead). */
  async readSharedStringsFrom(entry: NodeJS.ReadableStream): Promise<void> {
    this.sharedStrings = await readSharedStrings(this.stringChunks(entry));
    this.stringsReadAhead = true;
  }

  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    const part = `xl/worksheets/sheet${sheetNo}.xml`;
    // Held to the limit, not to the stated size: this reader is for archives whose entries could not be located.
    for (const event of super._parseWorksheet(utf8Chunks(crcChecked(sizeChecked(iterator, undefined, 'sheetBytes', part), this.expectedCrc.get(part), part)), sheetNo)) {
      const value = (event as { value?: StreamWorksheet }).value;
      if (value) value.fileNo = sheetNo;
      yield event;
    }
  }

  // Our own reader for the shared-strings table (see sharedStrings.ts for why).
  override async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    if (this.stringsReadAhead) return; // exceljs drains the entry
    this.sharedStrings = await readSharedStrings(this.stringChunks(entry));
  }

  private stringChunks(entry: NodeJS.ReadableStream): AsyncIterable<Buffer | string> {
    const part = 'xl/sharedStrings.xml';
    return crcChecked(sizeChecked(entryChunks(entry), undefined, 'sharedStringsBytes', part), this.expectedCrc.get(part), part) as AsyncIterable<Buffer | string>;
  }
}
