import { basename } from 'node:path';
import { CsvRowSource } from './csvSource';
import { ListBuilder } from './listBuilder';
import { LIMITS } from './limits';
import { AppointmentFileRefused, AppointmentImportAborted } from './refusal';
import type { RowSource } from './rowSource';
import { SheetXmlRowSource } from './sheetSource';
import { sniffFile } from './sniff';
import type { ListFormat, ParsedAppointmentList, ParseInput, ParseOptions } from './types';
import { XlsxRowSource } from './xlsxSource';

const PROGRESS_EVERY = 1000;

/**
 * Reads HQ's appointment list (.xlsx first sheet, or .csv), told apart by content. Bad rows
 * are rejected one by one with their row number and reason; a file that is not an appointment
 * list at all throws AppointmentFileRefused; a fired `signal` throws AppointmentImportAborted.
 * A header-only file is a valid list with 0 rows; a 0-byte file is refused.
 * Nothing is written anywhere: planImport and the database apply come after.
 */
export async function parseAppointmentFile(input: ParseInput, options: ParseOptions = {}): Promise<ParsedAppointmentList> {
  const { signal } = options;
  if (signal?.aborted) throw new AppointmentImportAborted();
  const data = 'bytes' in input ? input.bytes : input.path;
  const sniffed = await sniffFile(data);
  if (signal?.aborted) throw new AppointmentImportAborted();
  const source: RowSource =
    sniffed.format === 'xlsx'
      ? new SheetXmlRowSource(data, sniffed.entries, () => new XlsxRowSource(data, sniffed.crc32, sniffed.entries))
      : new CsvRowSource(data, sniffed.delimiter);
  const work = readList(source, { format: sniffed.format, size: sniffed.size, fileName: 'bytes' in input ? input.fileName : (input.fileName ?? basename(input.path)) }, options);
  if (!signal) return work;

  // Rows are checked against the signal one by one; the race also covers a wait inside the
  // reader (exceljs parks sheets in a temporary file before the first row arrives).
  return new Promise<ParsedAppointmentList>((resolve, reject) => {
    const onAbort = () => {
      source.close();
      reject(new AppointmentImportAborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, (e: unknown) => reject(signal.aborted ? new AppointmentImportAborted() : e))
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The list from any row source. Exported for bench/import.ts, which reads the same workbook
 * through exceljs' reader (XlsxRowSource) to show what the scanner replaced.
 */
export async function readList(
  source: RowSource,
  file: { format: ListFormat; size: number; fileName: string },
  options: ParseOptions,
): Promise<ParsedAppointmentList> {
  const { signal, onProgress } = options;
  const list = new ListBuilder(
    options.previewRows ?? 20,
    () => source.date1904(),
    () => source.ownStrings?.() ?? false,
    options.onRow,
  );
  // Counted as they arrive, before the list keeps anything of them (limits.ts): every source's
  // rows, blank ones included, and their cells.
  let rows = 0;
  let cells = 0;
  for await (const batch of source.batches()) {
    rows += batch.length;
    if (rows > LIMITS.rows) throw new AppointmentFileRefused('TOO_LARGE', { limit: 'rows' });
    for (const row of batch) {
      cells += row.cells.length - row.offset;
      if (cells > LIMITS.cells) throw new AppointmentFileRefused('TOO_LARGE', { limit: 'cells' });
      if (signal?.aborted) throw new AppointmentImportAborted();
      const data = list.accept(row);
      if (list.rejected() > LIMITS.rejects) throw new AppointmentFileRefused('TOO_LARGE', { limit: 'rejects' });
      if (data && onProgress && list.total % PROGRESS_EVERY === 0) onProgress(list.total, source.bytesRead(), file.size);
    }
  }
  const parsed = list.result(file);
  onProgress?.(list.total, file.size, file.size);
  return parsed;
}
