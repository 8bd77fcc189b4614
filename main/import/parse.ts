import { basename } from 'node:path';
import { CellProblem, displayText, plainValue } from './cells';
import { COLUMNS } from './columns';
import { CsvRowSource } from './csvSource';
import { matchHeaders, type HeaderMap } from './headers';
import { AppointmentFileRefused, AppointmentImportAborted } from './refusal';
import type { RowSource } from './rowSource';
import { makeRowValidator, rejectFor } from './rowValidation';
import { sniffFile } from './sniff';
import { detach } from './strings';
import type { AppointmentRow, ParsedAppointmentList, ParseInput, ParseOptions, PreviewRow, RowReject } from './types';
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
  const sniffed = await sniffFile(input.path);
  if (signal?.aborted) throw new AppointmentImportAborted();
  const source: RowSource = sniffed.format === 'xlsx' ? new XlsxRowSource(input.path, sniffed.crc32) : new CsvRowSource(input.path, sniffed.delimiter);
  const work = readList(source, { format: sniffed.format, size: sniffed.size, fileName: input.fileName ?? basename(input.path) }, options);
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

function hasContent(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined) continue;
    // \S also treats NBSP and the BOM as space.
    if (typeof v !== 'string' || /\S/.test(v)) return true;
  }
  return false;
}

function headerText(v: unknown): string {
  const p = plainValue(v);
  return p === null || p instanceof CellProblem ? '' : String(p);
}

async function readList(
  source: RowSource,
  file: { format: 'xlsx' | 'csv'; size: number; fileName: string },
  options: ParseOptions,
): Promise<ParsedAppointmentList> {
  const { signal, onProgress } = options;
  const previewLimit = options.previewRows ?? 20;
  let header: HeaderMap | null = null;
  let validate: ReturnType<typeof makeRowValidator> | null = null;
  let previewColumns: { header: (typeof COLUMNS)[number]['header']; at: number; kind: 'date' | 'time' | 'dateTime' | 'other' }[] = [];
  const rows: AppointmentRow[] = [];
  const rejects: RowReject[] = [];
  const preview: PreviewRow[] = [];
  const firstRowOf = new Map<string, number>();
  let total = 0;

  for await (const batch of source.batches()) {
   for (const r of batch) {
    if (signal?.aborted) throw new AppointmentImportAborted();
    if (!hasContent(r.cells)) continue;
    if (header === null) {
      header = matchHeaders(Array.from({ length: Math.max(0, r.cells.length - r.offset) }, (_, i) => headerText(r.cells[i + r.offset])));
      validate = makeRowValidator(header.index, source.date1904());
      const index = header.index;
      previewColumns = COLUMNS.filter((c) => index[c.key] !== undefined).map((c) => ({
        header: c.header,
        at: index[c.key]!,
        kind: c.kind === 'date' || c.kind === 'time' || c.kind === 'dateTime' ? c.kind : 'other',
      }));
      continue;
    }

    total++;
    if (preview.length < previewLimit) {
      const values: PreviewRow['values'] = {};
      for (const c of previewColumns) values[c.header] = displayText(r.cells[c.at + r.offset], c.kind, source.date1904());
      preview.push({ row: r.number, values });
    }

    const out = validate!(r.cells, r.number, r.offset);
    let row = out.row;
    if (out.randevuNo !== null) {
      const first = firstRowOf.get(out.randevuNo);
      // The key outlives the row: detached, or it would pin the reader's text chunk (strings.ts).
      if (first === undefined) firstRowOf.set(row?.randevuNo ?? detach(out.randevuNo), r.number);
      else {
        // The first occurrence wins; the later one is rejected even if the first was bad,
        // because which of the two HQ meant is a guess.
        row = null;
        rejects.push(rejectFor(r.number, 'randevuNo', 'DUPLICATE_RANDEVU_NO', out.randevuNo, { randevuNo: out.randevuNo, provinceCode: out.provinceCode, firstRow: first }));
      }
    }
    if (row) rows.push(row);
    if (out.rejects) for (const x of out.rejects) rejects.push(x);

    if (onProgress && total % PROGRESS_EVERY === 0) onProgress(total, source.bytesRead(), file.size);
   }
  }
  if (header === null) throw new AppointmentFileRefused('NO_HEADER_ROW');
  onProgress?.(total, file.size, file.size);

  return {
    format: file.format,
    fileName: file.fileName,
    columns: header.columns,
    unknownColumns: header.unknownColumns,
    rows,
    rejects,
    preview,
    totalRows: total,
  };
}
