import { inflateRawSync } from 'node:zlib';
import { checkLimit, checkRatio, partLimit } from '../import/limits';
import { memoryAccess } from '../import/listInput';
import { readSharedStrings } from '../import/sharedStrings';
import { SheetXmlScanner } from '../import/sheetXmlScanner';
import { readRelationships, readWorkbookXml } from '../import/workbookParts';
import { decodeXmlEntities } from '../import/xmlText';
import { readZipDirectory, type ZipDirectory } from '../import/zipDirectory';

/**
 * The rows of every sheet of a reconciliation workbook, by sheet name, with the desk import's
 * byte scanners (main/import: zip directory, shared strings, sheet XML) instead of exceljs'
 * full reader. A reconciliation is read only after its signature is checked, so it is always
 * Masa's writer's output, a small fixed subset of SpreadsheetML; exceljs built a Cell and a
 * style object for each of its ~10,000 cells and took ~35 ms a day file, these ~4 ms (HQ loads
 * thousands of them, bench/hq.ts). Values come as the import's scanner gives them: text,
 * numbers (dates and times as Excel serials: read.ts turns them by column), booleans.
 */
interface WorkbookRow {
  number: number;
  values: unknown[];
}

interface WorkbookRows {
  sheets: Map<string, WorkbookRow[]>;
  date1904: boolean;
}

/**
 * A part's bytes, held to the import's limits (main/import/limits.ts; a desk's busiest day is a
 * few MB): its stated size and ratio before it is inflated, and the inflated bytes to that size.
 */
function part(bytes: Buffer, zip: ZipDirectory, name: string): Buffer | null {
  const e = zip.entries.get(name);
  if (!e) return null;
  if (e.encrypted || (e.method !== 0 && e.method !== 8)) throw new Error(`part ${name} cannot be read`);
  // A sheet the relationships name otherwise is still a sheet.
  checkLimit(partLimit(name) ?? 'sheetBytes', e.uncompressedSize);
  checkRatio(e.uncompressedSize, e.compressedSize);
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new Error(`part ${name}: bad local header`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + e.compressedSize > bytes.length) throw new Error(`part ${name} cut short`);
  const raw = bytes.subarray(start, start + e.compressedSize);
  // maxOutputLength: a part that inflates past its stated size is refused as soon as it does.
  const out = e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  if (out.length !== e.uncompressedSize) throw new Error(`part ${name}: not the size the archive states`);
  return out;
}

const SHEET_TAG = /<(?:[\w.-]+:)?sheet\s((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Sheet name → its relationship id, in tab order (readWorkbookXml gives the ids, not the names). */
function sheetNames(xml: string): { name: string; rId: string }[] {
  const out: { name: string; rId: string }[] = [];
  for (const m of xml.matchAll(SHEET_TAG)) {
    let name = '';
    let rId = '';
    for (const a of m[1]!.matchAll(ATTRIBUTE)) {
      const value = decodeXmlEntities(a[2] ?? a[3] ?? '');
      if (a[1] === 'name') name = value;
      else if (/^[\w.-]+:id$/.test(a[1]!)) rId = value;
    }
    out.push({ name, rId });
  }
  return out;
}

const SCAN_PIECE = 1024 * 1024;

/**
 * A workbook opened for reading one sheet at a time: the zip directory, workbook, relationships
 * and shared strings are read up front; a sheet's XML only when its rows are asked for, and its
 * rows handed on as the scanner finds them, so a reader that wants one sheet (the merge, which
 * writes sheet by sheet) never holds the others, nor the rows it has already used.
 */
interface OpenedWorkbook {
  date1904: boolean;
  /** Sheet names in tab order, each once. */
  names: string[];
  /** The named sheet's rows (number and values), or null when the workbook has no such sheet. */
  rows(name: string): Generator<WorkbookRow> | null;
}

/** Throws on anything that is not a readable workbook (read.ts names it unreadable). */
export async function openWorkbookRows(bytes: Buffer): Promise<OpenedWorkbook> {
  const zip = await readZipDirectory(memoryAccess(bytes), bytes.length);
  const text = (name: string) => part(bytes, zip, name)?.toString('utf8') ?? null;
  const workbookXml = text('xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  if (workbookXml === null || relsXml === null) throw new Error('not an xlsx workbook');
  const { date1904 } = readWorkbookXml(workbookXml);
  const rels = readRelationships(relsXml);
  const strings = part(bytes, zip, 'xl/sharedStrings.xml');
  const sharedStrings = strings
    ? await readSharedStrings(
        (async function* () {
          yield strings;
        })(),
      )
    : [];
  // The first sheet of a name whose part is there wins, as before (a later one of that name is not read).
  const parts = new Map<string, string>();
  for (const s of sheetNames(workbookXml)) {
    const target = rels.find((r) => r.id === s.rId)?.target;
    if (!target || parts.has(s.name)) continue;
    const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (zip.entries.has(name)) parts.set(s.name, name);
  }
  function* sheetRows(partName: string): Generator<WorkbookRow> {
    const xml = part(bytes, zip, partName)!;
    const scanner = new SheetXmlScanner({ sharedStrings, date1904 });
    let count = 0;
    // In pieces, the rows counted as they come (limits.ts), as the import does; as exceljs'
    // eachRow, rows without a value are not rows.
    const rowsOf = (found: ReturnType<SheetXmlScanner['push']>) => {
      count += found.length;
      checkLimit('rows', count);
      return found.map((r) => ({ number: r.number, values: r.cells.slice(r.offset) })).filter((r) => r.values.some((v) => v !== undefined && v !== null));
    };
    for (let at = 0; at < xml.length; at += SCAN_PIECE) yield* rowsOf(scanner.push(xml.subarray(at, at + SCAN_PIECE)));
    yield* rowsOf(scanner.end());
  }
  return {
    date1904,
    names: [...parts.keys()],
    rows: (name) => {
      const partName = parts.get(name);
      return partName === undefined ? null : sheetRows(partName);
    },
  };
}

/** Every sheet's rows at once (verify, HQ's intake: a day file is small). Throws as openWorkbookRows. */
export async function readWorkbookRows(bytes: Buffer): Promise<WorkbookRows> {
  const book = await openWorkbookRows(bytes);
  const sheets: WorkbookRows['sheets'] = new Map();
  for (const name of book.names) sheets.set(name, [...book.rows(name)!]);
  return { sheets, date1904: book.date1904 };
}
