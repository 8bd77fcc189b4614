/**
 * A minimal zip writer for hand-made .xlsx fixtures: sheet XML written by hand, zipped exactly
 * as a test needs it, including what no ordinary writer produces on a small file: a zip64
 * central directory (offsets only in the zip64 extra field), an unknown compression method.
 * Python's zipfile writes zip64 records only past 4 GB, and no zip library among the
 * dependencies does either. exceljs (unzipper) and openpyxl read what this writes, so it is
 * checked by independent readers in the tests that use it.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data: string | Buffer;
  /** Stored (method 0) instead of deflated (8). */
  store?: boolean;
  /** A compression method number written as it is, the data stored (for "unknown method"). */
  method?: number;
  /** Bytes deflated beforehand (hostileFiles.ts: parts too large to hold inflated); `data` is then ignored. */
  deflated?: PreDeflated;
}

export interface PreDeflated {
  bytes: Buffer;
  crc: number;
  /** The inflated size. */
  size: number;
  /** The uncompressed size the archive states, when it should lie. */
  statedSize?: number;
}

export interface ZipOptions {
  /** A zip64 central directory: entry offsets and the directory's place only in zip64 records. */
  zip64?: boolean;
}

const DOS_TIME = (9 << 11) | (10 << 5); // 09:10:00
const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 24; // 2026-11-24

export function zipBytes(entries: ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const pre = e.deflated;
    const raw = pre ? Buffer.alloc(0) : typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const method = pre ? 8 : (e.method ?? (e.store ? 0 : 8));
    const data = pre ? pre.bytes : method === 8 ? deflateRawSync(raw) : raw;
    const crc = pre ? pre.crc : crc32(raw) >>> 0;
    const size = pre ? (pre.statedSize ?? pre.size) : raw.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);

    const extra = Buffer.alloc(options.zip64 ? 12 : 0);
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(offset), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(options.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

export interface HandmadeXlsx {
  /** xl/worksheets/sheet1.xml, or the parts named as the key says. */
  sheets: Record<string, string>;
  sharedStrings?: string;
  /** Defaults: one tab "Liste" for sheet1.xml. */
  workbook?: string;
  rels?: string;
  store?: boolean;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet part around `rows` (the inside of <sheetData>). */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A shared-strings part of `items` (plain texts, escaped here). */
export function sharedStringsXml(items: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${items.length}" uniqueCount="${items.length}">${items.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
}

/** The entries of a small but complete .xlsx: content types, relationships, workbook, parts. */
export function xlsxEntries(x: HandmadeXlsx): ZipEntrySpec[] {
  const sheetNames = Object.keys(x.sheets);
  const workbook =
    x.workbook ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheetNames
      .map((_, i) => `<sheet name="Liste${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`;
  const rels =
    x.rels ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames
      .map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/${n}"/>`)
      .join('')}${x.sharedStrings ? `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheetNames.map((n) => `<Override PartName="/xl/worksheets/${n}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    (x.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
    '</Types>';
  const store = x.store ?? false;
  return [
    { name: '[Content_Types].xml', data: types, store },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      store,
    },
    { name: 'xl/workbook.xml', data: workbook, store },
    { name: 'xl/_rels/workbook.xml.rels', data: rels, store },
    ...(x.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: x.sharedStrings, store }] : []),
    ...sheetNames.map((n) => ({ name: `xl/worksheets/${n}`, data: x.sheets[n]!, store })),
  ];
}
