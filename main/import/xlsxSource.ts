import { openAccess, openStream, type CountingStream, type ListInput } from './listInput';
import { entryAt, type ZipEntryInfo } from './zipDirectory';
import { AppointmentFileRefused, limitRefusal } from './refusal';
import { SheetRowRecord, type RowSource, type SheetRow } from './rowSource';
import { Utf8SafeWorkbookReader, type InternalWorkbookReader, type StreamRow, type StreamWorksheet } from './workbookReader';

/**
 * The first worksheet of an .xlsx, row by row, through exceljs' streaming reader (flat memory):
 * the fallback for workbooks our own scanner (sheetSource.ts, the default) cannot locate.
 * Styles are not loaded: date cells arrive as serial numbers and cells.ts converts them by the
 * column's meaning, which is both faster and immune to time-zone shifts.
 */
export class XlsxRowSource implements RowSource {
  private input: CountingStream | null = null;
  private reader: InternalWorkbookReader | null = null;

  constructor(
    private readonly path: ListInput,
    private readonly expectedCrc: Map<string, number> = new Map(),
    /** The central directory (from sniff.ts): lets the workbook, its relationships and the shared strings be read first. */
    private readonly entries: Map<string, ZipEntryInfo> | null = null,
  ) {}

  /**
   * exceljs' streaming reader parks a sheet that arrives before the shared strings or the
   * workbook relationships (Excel's and openpyxl's order) in a temporary file: the list's
   * names and identity numbers in plain text on disk. Read those small parts first, at their
   * place in the archive (the file, or the bytes in memory), and no sheet is ever parked.
   * Returns false when a part cannot be located that way (zip64); exceljs then parks as before.
   */
  private async readAhead(reader: Utf8SafeWorkbookReader): Promise<boolean> {
    const wb = this.entries?.get('xl/workbook.xml');
    const rels = this.entries?.get('xl/_rels/workbook.xml.rels');
    const strings = this.entries?.get('xl/sharedStrings.xml');
    if (!wb || !rels) return false;
    const opened = await openAccess(this.path);
    try {
      const wbStream = await entryAt(opened.access, wb);
      const relsStream = await entryAt(opened.access, rels);
      const stringsStream = strings ? await entryAt(opened.access, strings) : null;
      if (!wbStream || !relsStream || (strings && !stringsStream)) return false;
      await reader._parseWorkbook(wbStream);
      await reader._parseRels(relsStream);
      if (stringsStream) await reader.readSharedStringsFrom(stringsStream);
      else {
        // Inline strings only (openpyxl): there is no table to wait for.
        reader.sharedStrings = [];
        reader.stringsReadAhead = true;
      }
      return true;
    } finally {
      await opened.close();
    }
  }

  bytesRead(): number {
    return this.input?.bytesRead() ?? 0;
  }

  date1904(): boolean {
    return this.reader?.properties?.model?.date1904 === true;
  }

  close(): void {
    this.input?.stream.destroy();
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    const input = (this.input = openStream(this.path)).stream;
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
    // (Not Promise.race against one pending "failure" promise: every race would leave a
    // reaction on it, keeping each batch alive until the end: measured 1 GB for 160,000 rows.)
    let failure: { error: unknown } | null = null;
    let waiting: ((e: unknown) => void) | null = null;
    const fail = (error: unknown) => {
      failure ??= { error };
      waiting?.(error);
    };
    input.on('error', fail);
    const pipe = input.pipe.bind(input);
    input.pipe = (<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
      dest.on('error', fail);
      return pipe(dest, options);
    }) as typeof input.pipe;
    const next = <T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> => {
      if (failure) return Promise.reject(failure.error);
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = reject;
        it.next().then(
          (r) => ((waiting = null), resolve(r)),
          (e: unknown) => ((waiting = null), reject(e)),
        );
      });
    };

    let done = false;
    let lastRow = 0;
    try {
      await this.readAhead(reader);
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
            // Some generators omit the optional row number attribute: rows then follow on.
            lastRow = Number.isInteger(row.number) ? row.number : lastRow + 1;
            batch.push(new SheetRowRecord(lastRow, row.values, 1));
          }
          if (batch.length > 0) yield batch;
        }
        if (wanted) done = true;
      }
    } catch (e) {
      if (e instanceof AppointmentFileRefused) throw e;
      const overLimit = limitRefusal(e);
      if (overLimit) throw overLimit;
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
