/**
 * The first worksheet of an .xlsx, row by row, read by our own scanner (sheetXmlScanner.ts):
 * the default row source for .xlsx lists. The workbook, its relationships and the shared
 * strings are read first at their place in the archive, then the sheet's entry is inflated
 * and scanned chunk by chunk, its CRC-32 checked at the end.
 *
 * When a part cannot be located that way (zip64, an unknown compression method, a first tab
 * that is not an xl/worksheets/sheetN.xml, no workbook relationships), exceljs' streaming
 * reader (XlsxRowSource) reads the file instead, exactly as before.
 */
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { openAccess, type ListInput, type RandomAccess } from './listInput';
import { AppointmentFileRefused, limitRefusal } from './refusal';
import type { RowSource, SheetRow } from './rowSource';
import { readSharedStrings } from './sharedStrings';
import { SheetXmlScanner } from './sheetXmlScanner';
import { firstSheetPart, readRelationships, readWorkbookXml } from './workbookParts';
import { crcChecked, sizeChecked, utf8Chunks } from './xlsxStreams';
import { entryAt, locatable, type ZipEntryInfo } from './zipDirectory';

/**
 * Inflated bytes per chunk. zlib's 16 KB default made the stream's per-chunk work most of the
 * inflate time: 90 MB of sheet XML inflated in 560 ms with 16 KB chunks, 210 ms with 64 KB,
 * 140 ms with 256 KB (measured here).
 */
const SHEET_CHUNK = 256 * 1024;
/**
 * Bytes scanned per batch of rows (~60 rows of HQ's list). V8 decides per allocation site
 * whether to allocate its objects straight in the old generation ("pretenuring") when nearly
 * all it made since the last minor GC are still alive. With a batch per 256 KB chunk, a GC
 * during the first batch found its ~1,000 rows all alive, and every later row and cell array
 * went to the old generation as garbage: about one run in three then peaked ~40 MB higher
 * (245 instead of 205 MB for the 160,000-row list). Below 100 objects V8 decides nothing.
 */
const BATCH_BYTES = 32 * 1024;

interface Located {
  sheet: ZipEntryInfo;
  part: string;
  sharedStrings: string[];
  date1904: boolean;
}

export class SheetXmlRowSource implements RowSource {
  private fallback: RowSource | null = null;
  private stream: Readable | null = null;
  private position = 0;
  private is1904 = false;
  private closed = false;

  constructor(
    private readonly input: ListInput,
    /** The central directory (from sniff.ts): where each part is, and its CRC-32. */
    private readonly entries: Map<string, ZipEntryInfo>,
    /** exceljs' reader of the same file, for what this one cannot locate. */
    private readonly makeFallback: () => RowSource,
  ) {}

  bytesRead(): number {
    return this.fallback ? this.fallback.bytesRead() : this.position;
  }

  date1904(): boolean {
    return this.fallback ? this.fallback.date1904() : this.is1904;
  }

  /** Every string is made from its own cell's bytes (or is a detached shared string). */
  ownStrings(): boolean {
    return this.fallback ? (this.fallback.ownStrings?.() ?? false) : true;
  }

  close(): void {
    this.closed = true;
    this.stream?.destroy();
    this.fallback?.close();
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    const opened = await this.open();
    let located: Located | null = null;
    try {
      located = await this.locate(opened.access).catch((e: unknown) => {
        throw damaged(e);
      });
      if (located) yield* this.rows(opened.access, located);
    } finally {
      await opened.close();
    }
    if (located || this.closed) return;
    this.fallback = this.makeFallback();
    yield* this.fallback.batches();
  }

  private async open(): Promise<Awaited<ReturnType<typeof openAccess>>> {
    try {
      return await openAccess(this.input);
    } catch (e) {
      // The file was there a moment ago (sniff.ts read it); now it cannot be read at all.
      throw new AppointmentFileRefused('FILE_UNREADABLE', {}, (e as NodeJS.ErrnoException).code);
    }
  }

  /** Reads the small parts and names the sheet's entry; null when one of them cannot be located. */
  private async locate(access: RandomAccess): Promise<Located | null> {
    const wb = this.entries.get('xl/workbook.xml');
    const rels = this.entries.get('xl/_rels/workbook.xml.rels');
    const strings = this.entries.get('xl/sharedStrings.xml');
    if (!wb || !rels || !locatable(wb) || !locatable(rels) || (strings && !locatable(strings))) return null;
    const workbook = readWorkbookXml(await this.partText(access, 'xl/workbook.xml', wb));
    const part = firstSheetPart(workbook, readRelationships(await this.partText(access, 'xl/_rels/workbook.xml.rels', rels)));
    const sheet = part === null ? undefined : this.entries.get(part);
    if (!part || !sheet || !locatable(sheet)) return null;
    // Inline strings only (openpyxl): there is no table.
    const sharedStrings = strings ? await readSharedStrings(this.checked((await entryAt(access, strings, { chunkSize: SHEET_CHUNK }))!, strings, 'xl/sharedStrings.xml') as AsyncIterable<Buffer>) : [];
    this.is1904 = workbook.date1904;
    return { sheet, part, sharedStrings, date1904: workbook.date1904 };
  }

  private async partText(access: RandomAccess, part: string, e: ZipEntryInfo): Promise<string> {
    let text = '';
    for await (const s of utf8Chunks(this.checked((await entryAt(access, e))!, e, part))) text += s;
    return text;
  }

  /** A small part's bytes, held to the size the archive states (sniff.ts held that to the limits) and checked against its CRC-32. */
  private checked(chunks: AsyncIterable<unknown>, e: ZipEntryInfo, part: string): AsyncIterable<unknown> {
    return crcChecked(sizeChecked(chunks, e.uncompressedSize, part === 'xl/sharedStrings.xml' ? 'sharedStringsBytes' : 'workbookPartBytes', part), e.crc32, part);
  }

  private async *rows(access: RandomAccess, at: Located): AsyncGenerator<SheetRow[]> {
    const { sheet, part } = at;
    const scanner = new SheetXmlScanner({ sharedStrings: at.sharedStrings, date1904: at.date1904 });
    let crc = 0;
    let inflated = 0;
    try {
      const stream = (this.stream = await entryAt(access, sheet, { chunkSize: SHEET_CHUNK, onRead: (position) => (this.position = position) }))!;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (this.closed) return;
        crc = crc32(chunk, crc);
        inflated += chunk.length;
        // The archive states the size: more is damage (or a zip bomb), and no reason to go on.
        if (inflated > sheet.uncompressedSize) throw new Error(`${part}: more data than the archive states`);
        for (let from = 0; from < chunk.length; from += BATCH_BYTES) {
          const rows = scanner.push(chunk.subarray(from, from + BATCH_BYTES));
          if (rows.length > 0) yield rows;
          if (this.closed) return;
        }
      }
      if (this.closed) return;
      // Some damage inflates without an error: a damaged file is refused, not read with
      // altered names or numbers (the caller keeps the rows above only if the read ends well).
      if (crc >>> 0 !== sheet.crc32) throw new Error(`${part}: CRC-32 mismatch`);
      const last = scanner.end();
      if (last.length > 0) yield last;
    } catch (e) {
      // close() destroyed the stream under the loop: a stop, not damage.
      if (this.closed) return;
      // Inflate, zip, checksum and XML errors all mean the same thing to the office head.
      // (Errors of the caller's own work do not arrive here: a generator only sees its own.)
      throw damaged(e);
    } finally {
      this.stream?.destroy();
    }
  }
}

function damaged(e: unknown): AppointmentFileRefused {
  if (e instanceof AppointmentFileRefused) return e;
  const overLimit = limitRefusal(e);
  if (overLimit) return overLimit;
  return new AppointmentFileRefused('XLSX_DAMAGED', {}, e instanceof Error ? e.message : String(e));
}
