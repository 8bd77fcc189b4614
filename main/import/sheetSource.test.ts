/**
 * The default .xlsx row source on hand-made workbooks (sheet XML written by hand, zipped by
 * testing/zipWriter.ts), each read by it and by exceljs' streaming reader (XlsxRowSource, the
 * reader it replaced): the same rows wherever exceljs reads the file right, and the stated
 * difference where exceljs loses or alters what the file holds (see sheetXmlScanner.ts).
 */
import { existsSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppointmentFile } from './parse';
import { AppointmentFileRefused } from './refusal';
import type { RowSource, SheetRow } from './rowSource';
import { SheetXmlRowSource } from './sheetSource';
import { sniffFile } from './sniff';
import { HEADERS, tempDir, textRow } from './testing/fixtures';
import { sharedStringsXml, sheetXml, xlsxEntries, zipBytes, type HandmadeXlsx, type ZipEntrySpec, type ZipOptions } from './testing/zipWriter';
import { XlsxRowSource } from './xlsxSource';

const t = tempDir('sheet');
afterAll(() => t.cleanup());
let files = 0;

function write(entries: ZipEntrySpec[], options?: ZipOptions): string {
  return t.file(`hand-${++files}.xlsx`, zipBytes(entries, options));
}

function workbook(x: HandmadeXlsx, options?: ZipOptions): string {
  return write(xlsxEntries(x), options);
}

async function rowsOf(source: RowSource): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}

/** What a source made of the file: its rows, or the refusal's code and detail. */
async function outcome(source: RowSource): Promise<SheetRow[] | { refused: string; detail: string | undefined }> {
  try {
    return await rowsOf(source);
  } catch (e) {
    if (!(e instanceof AppointmentFileRefused)) throw e;
    return { refused: e.code, detail: e.detail };
  }
}

/** Reads `path` with both sources; `fellBack` tells whether ours handed the file to exceljs. */
async function readBoth(path: string) {
  const sniffed = await sniffFile(path);
  if (sniffed.format !== 'xlsx') throw new Error('not an xlsx');
  let fellBack = false;
  const exceljs = () => new XlsxRowSource(path, sniffed.crc32, sniffed.entries);
  const ours = new SheetXmlRowSource(path, sniffed.entries, () => ((fellBack = true), exceljs()));
  const oursOut = await outcome(ours);
  return { ours: oursOut, exceljs: await outcome(exceljs()), fellBack, date1904: ours.date1904() };
}

const cellsOf = (rows: SheetRow[] | object) => (Array.isArray(rows) ? rows.map((r) => [r.number, r.cells.slice(r.offset)]) : rows);

describe('the same rows as exceljs', () => {
  const same: [string, string, string[]?][] = [
    [
      'every cell type',
      '<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Gülşen</t></is></c><c r="C1" t="str"><v>35-2026-000001</v></c>' +
        '<c r="D1" s="2"><v>46350</v></c><c r="E1" t="n"><v>0.375</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c>' +
        '<c r="I1"><v>-1.5E-3</v></c><c r="J1"><v>12345678901</v></c></row>',
      ['ŞÜKRAN'],
    ],
    ['skipped columns, far columns, $ references', '<row r="3"><c r="B3"><v>2</v></c><c r="$E$3"><v>5</v></c><c r="AA3"><v>27</v></c><c r="XFD3"><v>1</v></c></row>'],
    ['<row/>, empty cells', '<row r="2"><c r="A2"/><c r="B2" s="1"></c><c r="C2" t="s"><v>7</v></c></row><row r="3"/><row r="9"></row>'],
    ['empty values', '<row r="1"><c r="A1"><v></v></c><c r="B1" t="str"><v/></c><c r="C1" t="inlineStr"><is/></c><c r="D1" t="inlineStr"><is><t/></is></c></row>'],
    [
      'formulas: cached numbers and text, none, empty, an error, a shared formula child',
      '<row r="1"><c r="A1"><f>30+5</f><v>35</v></c><c r="B1" t="str"><f>"35-"&amp;"1"</f><v>35-1</v></c><c r="C1"><f>A2</f></c><c r="D1"><f>A2</f><v></v></c>' +
        '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1"><f t="shared" ref="F1:F2" si="0">A1*2</f><v>70</v></c><c r="G1"><f t="shared" si="0"/><v>72</v></c><c r="H1" t="b"><f>TRUE()</f><v>1</v></c></row>',
    ],
    ['entities and character references', '<row r="1"><c r="A1" t="inlineStr"><is><t>Anne &amp; Bebek &lt;Kreş&gt; &quot;x&quot; &apos;y&apos; &#304;&#x131;&#x1F600;</t></is></c></row>'],
    ['line ends, xml:space, _xHHHH_ escapes', '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  satır\r\nsatır\rson&#13;  </t></is></c><c r="B1" t="str"><v>x_x000D_y</v></c></row>'],
    ["attributes in single quotes, comments, processing instructions", "<!-- x --><row r='1'><?pi x?><c r='A1' t='str'><v>a<!-- c -->b</v></c></row>"],
    ['Turkish letters in a shared-strings table and inline', '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>ÇİĞDEM IŞIL ÖYKÜ</t></is></c></row>', ['Anne Adı', 'ığüşöçİĞÜŞÖÇ']],
  ];
  for (const [name, rows, strings] of same) {
    it(name, async () => {
      const r = await readBoth(workbook({ sheets: { 'sheet1.xml': sheetXml(rows) }, ...(strings ? { sharedStrings: sharedStringsXml(strings) } : {}) }));
      expect(r.fellBack).toBe(false);
      expect(Array.isArray(r.ours)).toBe(true);
      expect(r.ours).toStrictEqual(r.exceljs);
    });
  }

  it('the first tab through an absolute relationship target, in workbook.xml order', async () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId1" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>';
    const wb = '<workbook xmlns:r="r"><sheets><sheet name="Liste" sheetId="2" r:id="rId2"/><sheet name="Notlar" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const sheets = { 'sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), 'sheet2.xml': sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') };
    const r = await readBoth(workbook({ sheets, workbook: wb, rels }));
    expect(cellsOf(r.ours)).toEqual([[1, [2]]]);
    expect(r.ours).toStrictEqual(r.exceljs);
  });

  it('the 1904 date system, as "1" and as "true" (exceljs reads only "1")', async () => {
    const sheets = { 'sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') };
    const wb = (v: string) => `<workbook xmlns:r="r"><workbookPr date1904="${v}"/><sheets><sheet name="L" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect((await readBoth(workbook({ sheets, workbook: wb('1') }))).date1904).toBe(true);
    expect((await readBoth(workbook({ sheets, workbook: wb('true') }))).date1904).toBe(true);
    expect((await readBoth(workbook({ sheets, workbook: wb('0') }))).date1904).toBe(false);
  });
});

describe('where exceljs loses or alters what the file holds', () => {
  async function differs(rows: string) {
    const r = await readBoth(workbook({ sheets: { 'sheet1.xml': sheetXml(rows) } }));
    return { ours: cellsOf(r.ours), exceljs: cellsOf(r.exceljs) };
  }

  it('a cached formula result of 0 or "" is kept (exceljs drops it: "no cached value")', async () => {
    expect(await differs('<row r="1"><c r="A1"><f>A2*0</f><v>0</v></c><c r="B1" t="str"><f>IF(A2="";"";A2)</f><v></v></c></row>')).toEqual({
      ours: [[1, [{ formula: 'A2*0', result: 0 }, { formula: 'IF(A2="";"";A2)', result: '' }]]],
      exceljs: [[1, [{ formula: 'A2*0' }, { formula: 'IF(A2="";"";A2)' }]]],
    });
  });

  it('an inline phonetic reading is skipped, as in shared strings (exceljs takes the reading for the text)', async () => {
    expect(await differs('<row r="1"><c r="A1" t="inlineStr"><is><t>Şahin</t><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>')).toEqual({
      ours: [[1, ['Şahin']]],
      exceljs: [[1, ['x']]],
    });
  });

  it('inline rich text keeps all its runs (exceljs the last one)', async () => {
    expect(await differs('<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Gök</t></r><r><t>çe</t></r></is></c></row>')).toEqual({
      ours: [[1, ['Gökçe']]],
      exceljs: [[1, ['çe']]],
    });
  });

  it('entities are decoded once (exceljs decodes named ones twice: the typed text "a&lt;b" became "a<b")', async () => {
    expect(await differs('<row r="1"><c r="A1" t="str"><v>a&amp;lt;b</v></c></row>')).toEqual({ ours: [[1, ['a&lt;b']]], exceljs: [[1, ['a<b']]] });
  });

  it('a t="d" cell is its date (exceljs: the number 2026)', async () => {
    expect(await differs('<row r="1"><c r="A1" t="d"><v>2026-11-24</v></c></row>')).toEqual({ ours: [[1, [46350]]], exceljs: [[1, [2026]]] });
  });

  it('CDATA text is kept (exceljs drops it), whitespace after </v> is not added to the value (exceljs adds it)', async () => {
    expect(await differs('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a <b>]]></t></is></c><c r="B1" t="str"><v>abc</v>\n  </c></row>')).toEqual({
      ours: [[1, ['a <b>', 'abc']]],
      exceljs: [[1, ['', 'abc\n  ']]],
    });
  });

  it('rows without a number follow on (exceljs refuses the file when such a row has cells)', async () => {
    const r = await readBoth(workbook({ sheets: { 'sheet1.xml': sheetXml('<row r="2"><c r="A2"><v>1</v></c></row><row><c r="A3"><v>2</v></c></row><row/><row><c r="A5"><v>3</v></c></row>') } }));
    expect(cellsOf(r.ours)).toEqual([
      [2, [1]],
      [3, [2]],
      [4, []],
      [5, [3]],
    ]);
    expect(r.exceljs).toMatchObject({ refused: 'XLSX_DAMAGED', detail: 'Invalid Address: ANaN' });
  });

  it('cells without a reference follow on (exceljs refuses the file)', async () => {
    const r = await readBoth(workbook({ sheets: { 'sheet1.xml': sheetXml('<row r="1"><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>') } }));
    expect(cellsOf(r.ours)).toEqual([[1, [1, 'x', undefined, undefined, 5, 6]]]);
    expect(r.exceljs).toMatchObject({ refused: 'XLSX_DAMAGED' });
  });

  it('elements on a namespace prefix are read (exceljs finds no rows)', async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Randevu No</x:t></x:is></x:c><x:c r="B1"><x:v>35</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const r = await readBoth(workbook({ sheets: { 'sheet1.xml': xml } }));
    expect(cellsOf(r.ours)).toEqual([[1, ['Randevu No', 35]]]);
    expect(r.exceljs).toEqual([]);
  });
});

describe('what it leaves to exceljs, and what it refuses', () => {
  const headerRow = `<row r="1">${HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;
  const list = sheetXml(headerRow);

  it('a zip64 central directory (entries located only through zip64 records): exceljs reads it, as before', async () => {
    const r = await readBoth(workbook({ sheets: { 'sheet1.xml': list } }, { zip64: true }));
    expect(r.fellBack).toBe(true);
    expect(cellsOf(r.ours)).toEqual([[1, HEADERS]]);
  });

  it('a first tab whose part is not named sheetN.xml: exceljs resolves it, as before', async () => {
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/liste.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>';
    const wb = '<workbook xmlns:r="r"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets></workbook>';
    const file = workbook({ sheets: { 'liste.xml': list, 'sheet2.xml': sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') }, workbook: wb, rels });
    // exceljs, too, gets the small parts read first: it parks no sheet in a temporary file.
    const parked: string[] = [];
    const watcher = watch(tmpdir(), (_ev, name) => {
      // Existing files only: the zip64 case above parks one, whose removal may come in late.
      if (name && String(name).startsWith(`tmp-${process.pid}-`) && existsSync(join(tmpdir(), String(name)))) parked.push(String(name));
    });
    let r: Awaited<ReturnType<typeof readBoth>>;
    try {
      r = await readBoth(file);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
    }
    expect(r.fellBack).toBe(true);
    expect(r.ours).toStrictEqual(r.exceljs);
    expect(parked).toEqual([]);
  });

  it('a sheet stored with a compression method it does not know goes to exceljs, which refuses it', async () => {
    const entries = xlsxEntries({ sheets: { 'sheet1.xml': list } }).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, method: 12 } : e));
    const r = await readBoth(write(entries));
    expect(r.fellBack).toBe(true);
    expect(r.ours).toMatchObject({ refused: 'XLSX_DAMAGED' });
  });

  it('refuses, as damaged: a changed byte in a stored sheet (CRC-32), cut compressed data, more data than stated, broken XML', async () => {
    // Each with the list's header first: a file whose header is wrong is "not a list" before
    // the end of its sheet is reached, as with exceljs.
    const stored = readFileSync(workbook({ sheets: { 'sheet1.xml': sheetXml(`${headerRow}<row r="2"><c r="A2" t="str"><v>35-2026-000007</v></c></row>`) }, store: true }));
    const at = stored.indexOf('35-2026-000007');
    stored[at + 13] = '9'.charCodeAt(0);
    const flipped = t.file('flipped.xlsx', stored);

    const entries = xlsxEntries({ sheets: { 'sheet1.xml': list } });
    const cutFile = t.file('cut.xlsx', truncateEntry(zipBytes(entries), 'xl/worksheets/sheet1.xml'));
    const broken = workbook({ sheets: { 'sheet1.xml': sheetXml(`${headerRow}<row r=2><c r="A2"><v>1</v></c></row>`) } });
    const open = workbook({ sheets: { 'sheet1.xml': sheetXml(`${headerRow}<row r="2"><c r="A2"><v>1</v></c>`) } });
    const bigger = t.file('bigger.xlsx', understateSize(zipBytes(entries), 'xl/worksheets/sheet1.xml'));

    for (const [file, detail] of [
      [flipped, /CRC-32 mismatch/],
      [cutFile, /unexpected end of file|CRC-32/],
      [broken, /unquoted attribute/],
      [open, /ends inside the sheet data/],
      [bigger, /more data than the archive states/],
    ] as const) {
      const r = await readBoth(file);
      expect(r.fellBack).toBe(false);
      expect(r.ours).toMatchObject({ refused: 'XLSX_DAMAGED', detail: expect.stringMatching(detail) });
      const p = parseAppointmentFile({ path: file });
      await expect(p).rejects.toMatchObject({ code: 'XLSX_DAMAGED', tr: expect.stringContaining('eksik ya da bozuk') });
    }
  });

  it('refuses a damaged workbook part or shared-strings table by their CRC-32 too', async () => {
    for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml']) {
      const bytes = zipBytes(xlsxEntries({ sheets: { 'sheet1.xml': list }, sharedStrings: sharedStringsXml(['Randevu No']), store: true }));
      const at = bytes.indexOf(part === 'xl/workbook.xml' ? 'name="Liste1"' : 'Randevu No');
      bytes[at + 7] = bytes[at + 7]! ^ 1;
      const r = await readBoth(t.file(`crc-${part.replace(/\W/g, '')}.xlsx`, bytes));
      expect(r.ours).toMatchObject({ refused: 'XLSX_DAMAGED', detail: `${part}: CRC-32 mismatch` });
    }
  });
});

describe('as a row source', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const r = textRow(i + 1);
    return `<row r="${i + 2}">${HEADERS.map((h, c) => `<c r="${String.fromCharCode(65 + c)}${i + 2}" t="inlineStr"><is><t>${r[h] ?? ''}</t></is></c>`).join('')}</row>`;
  });
  const header = `<row r="1">${HEADERS.map((h, c) => `<c r="${String.fromCharCode(65 + c)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

  it('reads a path and the same bytes in memory alike, reports the archive position read, and parses the list', async () => {
    const file = workbook({ sheets: { 'sheet1.xml': sheetXml(header + rows.join('')) } });
    const sniffed = await sniffFile(file);
    if (sniffed.format !== 'xlsx') throw new Error('not an xlsx');
    const fromPath = new SheetXmlRowSource(file, sniffed.entries, () => {
      throw new Error('no fallback expected');
    });
    const positions: number[] = [];
    const batches: number[] = [];
    for await (const b of fromPath.batches()) {
      positions.push(fromPath.bytesRead());
      batches.push(b.length);
    }
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(3001);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.at(-1)).toBeLessThanOrEqual(sniffed.size);
    const fromBytes = new SheetXmlRowSource(readFileSync(file), sniffed.entries, () => {
      throw new Error('no fallback expected');
    });
    expect(await rowsOf(fromBytes)).toStrictEqual(await rowsOf(new XlsxRowSource(file, sniffed.crc32, sniffed.entries)));

    const parsed = await parseAppointmentFile({ path: file });
    expect(parsed).toMatchObject({ format: 'xlsx', totalRows: 3000, rejects: [] });
    expect(parsed.rows[2999]!.randevuNo).toBe('35-2026-003000');
  });

  it('stops reading when closed', async () => {
    const file = workbook({ sheets: { 'sheet1.xml': sheetXml(header + rows.join('')) } });
    const sniffed = await sniffFile(file);
    if (sniffed.format !== 'xlsx') throw new Error('not an xlsx');
    const source = new SheetXmlRowSource(file, sniffed.entries, () => {
      throw new Error('no fallback expected');
    });
    let seen = 0;
    for await (const b of source.batches()) {
      seen += b.length;
      source.close();
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(3001);
  });
});

/** The zip with the second half of `name`'s deflate data zeroed (the directory still stating the whole). */
function truncateEntry(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const { dataStart, compressedSize } = locate(out, name);
  out.fill(0, dataStart + Math.floor(compressedSize / 2), dataStart + compressedSize);
  return out;
}

/** The zip with `name`'s uncompressed size in the central directory stated 10 bytes short. */
function understateSize(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const { central } = locate(out, name);
  out.writeUInt32LE(out.readUInt32LE(central + 24) - 10, central + 24);
  return out;
}

/** Where `name`'s central directory entry and its data are. */
function locate(zip: Buffer, name: string): { central: number; dataStart: number; compressedSize: number } {
  for (let c = zip.length - 46; c >= 0; c--) {
    if (zip.readUInt32LE(c) !== 0x02014b50 || zip.toString('utf8', c + 46, c + 46 + zip.readUInt16LE(c + 28)) !== name) continue;
    const local = zip.readUInt32LE(c + 42);
    return { central: c, dataStart: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28), compressedSize: zip.readUInt32LE(c + 20) };
  }
  throw new Error(`${name} not in the zip`);
}
