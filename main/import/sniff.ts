import { openAccess, type ListInput, type RandomAccess } from './listInput';
import { checkLimit, checkRatio, partLimit } from './limits';
import { AppointmentFileRefused, limitRefusal } from './refusal';
import { readZipDirectory, ZipDamaged, type ZipEntryInfo } from './zipDirectory';

/**
 * Decides what a file is from its bytes, never from its name: a list saved as .csv by one
 * desk is an .xlsx at another, and a renamed binary must not reach the CSV parser.
 */
type Sniffed =
  | {
      format: 'xlsx';
      size: number;
      /** Part name -> CRC-32 from the central directory. */
      crc32: Map<string, number>;
      /** The central directory's entries (where each part is, for reading a part out of order). */
      entries: Map<string, ZipEntryInfo>;
    }
  | { format: 'csv'; size: number; delimiter: string };

const SNIFF_BYTES = 64 * 1024;

/** A path on disk, or the bytes of a picked file (read in memory, never copied to disk). */
export async function sniffFile(input: ListInput): Promise<Sniffed> {
  let opened: Awaited<ReturnType<typeof openAccess>>;
  try {
    opened = await openAccess(input);
  } catch (e) {
    throw new AppointmentFileRefused('FILE_UNREADABLE', {}, (e as NodeJS.ErrnoException).code);
  }
  const fh = opened.access;
  try {
    if (!opened.regular) throw new AppointmentFileRefused('FILE_UNREADABLE', {}, 'not a regular file');
    const size = opened.size;
    if (size === 0) throw new AppointmentFileRefused('EMPTY_FILE');
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await fh.read(head, 0, head.length, 0);

    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
      const entries = await checkXlsx(fh, size);
      return { format: 'xlsx', size, crc32: new Map([...entries].map(([name, e]) => [name, e.crc32])), entries };
    }
    // OLE2 compound file: Excel's encrypted .xlsx container, and the old .xls format.
    if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new AppointmentFileRefused('ENCRYPTED_OR_XLS');
    // UTF-16 text (Excel's "Unicode Text"): readable, but not what the contract allows.
    if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) throw new AppointmentFileRefused('CSV_NOT_UTF8', {}, 'utf-16 bom');
    const delimiter = checkText(head, head.length === size);
    checkLimit('csvBytes', size);
    return { format: 'csv', size, delimiter };
  } catch (e) {
    throw limitRefusal(e) ?? e;
  } finally {
    await opened.close();
  }
}

function startsWith(b: Buffer, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

async function checkXlsx(fh: RandomAccess, size: number): Promise<Map<string, ZipEntryInfo>> {
  let dir;
  try {
    dir = await readZipDirectory(fh, size);
  } catch (e) {
    if (e instanceof ZipDamaged) throw new AppointmentFileRefused('XLSX_DAMAGED', {}, e.message);
    throw e;
  }
  const names = dir.entries;
  if (!names.has('xl/workbook.xml')) {
    if (names.has('content.xml') && names.has('mimetype')) throw new AppointmentFileRefused('ODS_NOT_SUPPORTED');
    throw new AppointmentFileRefused('NOT_XLSX');
  }
  for (const [name, e] of names) {
    if (e.encrypted) throw new AppointmentFileRefused('ENCRYPTED_OR_XLS', {}, 'zip entry encrypted');
    // The sizes the archive states, before anything is inflated; the readers hold each part
    // to its stated size while it inflates (sheetSource.ts, xlsxStreams.ts sizeChecked).
    const limit = partLimit(name);
    if (limit) {
      checkLimit(limit, e.uncompressedSize);
      checkRatio(e.uncompressedSize, e.compressedSize);
    }
  }
  if (![...names.keys()].some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) throw new AppointmentFileRefused('NO_HEADER_ROW', {}, 'no worksheet');
  return names;
}

/**
 * Text or binary? NUL and other control bytes mean binary; invalid UTF-8 without them means
 * text in another encoding (Turkish Windows saves CSV as Windows-1254), which gets its own
 * message because the fix is a different "Save as" choice. Returns the separator.
 */
function checkText(head: Buffer, whole: boolean): string {
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new AppointmentFileRefused('NOT_A_SPREADSHEET', {}, 'NUL byte');
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (control > 0 && control * 100 > head.length) throw new AppointmentFileRefused('NOT_A_SPREADSHEET', {}, 'control bytes');
  let text: string;
  try {
    // `stream: true` keeps a character cut at the end of the sniffed block from failing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !whole });
  } catch {
    throw new AppointmentFileRefused('CSV_NOT_UTF8', {}, 'invalid utf-8');
  }
  return detectDelimiter(text);
}

/** The separator of the header line: the most frequent of `;` `,` and tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  let started = false; // blank lines before the header are skipped, as the parser does
  for (const ch of text.replace(/^\ufeff/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch !== '\n' && ch !== '\r' && ch !== ' ') started = true;
  }
  let best = ';';
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}
