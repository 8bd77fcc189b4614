/**
 * Differential test: every kind of .xlsx the import tests are given (written by openpyxl, by
 * exceljs, and by the app itself) read with exceljs' streaming reader (XlsxRowSource, the
 * reader before) and with the scanner that replaced it (SheetXmlRowSource): the same rows,
 * cell for cell, holes included, the same parsed list, and the same refusal for damaged files.
 * Hand-written sheet XML, construct by construct, is in sheetSource.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tcknFromPrefix } from '../domain/tckn';
import { ListBuilder } from './listBuilder';
import { planImport } from './plan';
import { AppointmentFileRefused } from './refusal';
import { writeImportReportXlsx } from './reportXlsx';
import type { RowSource, SheetRow } from './rowSource';
import { SheetXmlRowSource } from './sheetSource';
import { sniffFile } from './sniff';
import { flipStoredSheetDigit, scrambleSheetData } from './testing/damage';
import { HEADERS, TCKN, excelRow, rowsOf, tempDir, textRow } from './testing/fixtures';
import { openpyxlMissing, writeXlsxWithOpenpyxl, type FixtureCell, type XlsxFixture } from './testing/openpyxl';
import { sampleRows, writeSampleXlsx } from './testing/sampleList';
import { parseAppointmentFile } from './parse';
import { XlsxRowSource } from './xlsxSource';

if (openpyxlMissing) console.warn(`skipping the openpyxl part of the differential test: ${openpyxlMissing}`);
const t = tempDir('differential');
afterAll(() => t.cleanup());

type Outcome = { rows: SheetRow[]; date1904: boolean } | { refused: string };

async function read(source: RowSource): Promise<Outcome> {
  try {
    const rows: SheetRow[] = [];
    for await (const batch of source.batches()) rows.push(...batch);
    return { rows, date1904: source.date1904() };
  } catch (e) {
    if (e instanceof AppointmentFileRefused) return { refused: e.code };
    throw e;
  }
}

/** Both readers on `file`; ours must not hand the file to exceljs. */
async function compare(file: string): Promise<{ ours: Outcome; exceljs: Outcome }> {
  const sniffed = await sniffFile(file);
  if (sniffed.format !== 'xlsx') throw new Error(`${file} is not an xlsx`);
  const exceljs = await read(new XlsxRowSource(file, sniffed.crc32, sniffed.entries));
  const ours = await read(
    new SheetXmlRowSource(file, sniffed.entries, () => {
      throw new Error('the fallback was not expected');
    }),
  );
  expect(ours).toStrictEqual(exceljs);
  // From the bytes of a picked file, too.
  const fromBytes = await read(
    new SheetXmlRowSource(readFileSync(file), sniffed.entries, () => {
      throw new Error('the fallback was not expected');
    }),
  );
  expect(fromBytes).toStrictEqual(ours);
  if ('rows' in ours && 'rows' in exceljs) {
    // And the list made of them: validation sees exactly the same values.
    const list = (rows: SheetRow[], date1904: boolean) => {
      const b = new ListBuilder(20, () => date1904);
      try {
        for (const r of rows) b.accept(r);
        return b.result({ format: 'xlsx', fileName: 'x.xlsx' });
      } catch (e) {
        return (e as AppointmentFileRefused).code;
      }
    };
    expect(list(ours.rows, ours.date1904)).toStrictEqual(list(exceljs.rows, exceljs.date1904));
  }
  return { ours, exceljs };
}

const rowCount = (o: Outcome) => ('rows' in o ? o.rows.length : -1);

describe.skipIf(openpyxlMissing !== null)('written by openpyxl (the fixtures of parse.xlsx, refusal and importService tests)', () => {
  const xlsx = (name: string, fixture: XlsxFixture) => writeXlsxWithOpenpyxl(t.dir, name, fixture);
  const one = (title: string, rows: FixtureCell[][], extra: Partial<XlsxFixture> = {}): XlsxFixture => ({ sheets: [{ title, rows }], ...extra });
  const many = (n: number, over: (i: number) => Record<string, FixtureCell> = () => ({})) =>
    Array.from({ length: n }, (_, i) => excelRow(i + 1, { 'Anne TC Kimlik No': tcknFromPrefix(String(100000000 + i)), ...over(i) }));
  const bad = TCKN.mother2.slice(0, 10) + String((Number(TCKN.mother2[10]) + 1) % 10);
  const names = ['ŞÜKRAN', 'GÜLŞEN', 'İPEK', 'ÇİĞDEM', 'IŞIL', 'ÖYKÜ', 'ĞÜLİZAR'];
  const turkish = many(3000, (i) => ({ 'Anne Adı': names[i % names.length]!, 'Anne Soyadı': 'ÖZTÜRKOĞLU ŞAHİNGİL', 'Kurum Adı': `Çiçek Bahçesi ${'ŞĞÜÖÇİışğüöç'.repeat(12)} ${i}` }));

  const fixtures: [string, XlsxFixture][] = [
    ['date, time and date-time cells', one('Randevu Listesi', rowsOf(HEADERS, [excelRow(1)]))],
    ['the 1904 date system', one('Randevu Listesi', rowsOf(HEADERS, [excelRow(1)]), { date1904: true })],
    [
      'text dates, numbers as text and as numbers, NBSP',
      one(
        'Liste',
        rowsOf(HEADERS, [
          textRow(1, { 'İl Kodu': '06', 'Anne TC Kimlik No': Number(TCKN.mother1), 'Anne Adı': '\u00a0Şükran\u00a0\u00a0Nur ', 'Anne Soyadı': '  Öztürk' }),
          textRow(2, { 'İl Kodu': 6, 'Çocuk TC Kimlik No': Number(TCKN.child1), 'Cep Telefonu': 5321234567, 'Randevu Saati': '9:30' }),
        ]),
      ),
    ],
    ['header variants and unknown columns', one('Liste', [['Şube Notu', ...[...HEADERS].reverse(), 'Sıra'], ['x', ...[...HEADERS].reverse().map((h) => textRow(1)[h] ?? null), 7]])],
    [
      'formulas with and without a cached value',
      one(
        'Liste',
        rowsOf(HEADERS, [
          excelRow(1, { 'Randevu No': { formula: '"35-2026-"&"000001"', cached: '35-2026-000001' }, 'İl Kodu': { formula: '30+5', cached: 35 } }),
          excelRow(2, { 'Anne Soyadı': { formula: 'UPPER("öztürk")' } }),
        ]),
      ),
    ],
    ['statuses and another province', one('Liste', rowsOf(HEADERS, [excelRow(1, { Durum: 'İPTAL' }), excelRow(2, { Durum: 'iptal' }), excelRow(3, { 'İl Kodu': 6, 'Randevu No': '06-2026-000003' })]))],
    [
      'bad rows, a blank row, a duplicate',
      one('Liste', [
        ...rowsOf(HEADERS, [excelRow(1), excelRow(2, { 'Anne TC Kimlik No': bad }), excelRow(3, { 'Çocuk Doğum Tarihi': '31.02.2015' })]),
        HEADERS.map(() => null),
        ...rowsOf(HEADERS, [excelRow(4, { 'Anne Soyadı': null }), excelRow(1, { 'Anne Adı': 'Ayşe' }), excelRow(5, { 'Cep Telefonu': '123' })]).slice(1),
      ]),
    ],
    ['header only', one('Liste', [HEADERS])],
    [
      'two tabs, the last sheet file first in tab order',
      { sheets: [{ title: 'Notlar', rows: rowsOf(HEADERS, [excelRow(99)]) }, { title: 'Liste', rows: rowsOf(HEADERS, [excelRow(1), excelRow(2)]) }], lastSheetFirst: true },
    ],
    ['an empty first sheet', { sheets: [{ title: 'Boş', rows: [] }, { title: 'Liste', rows: rowsOf(HEADERS, [textRow(1)]) }] }],
    ['missing headers', one('Liste', rowsOf(HEADERS.filter((h) => h !== 'Randevu Saati'), [textRow(1)]))],
    ['Turkish letters, inline strings (3000 rows)', one('Liste', rowsOf(HEADERS, turkish), { rawUtf8: true })],
    ['Turkish letters, shared strings after the sheet (Excel order)', one('Liste', rowsOf(HEADERS, turkish), { rawUtf8: true, sharedStrings: true })],
    ['Turkish letters, shared strings before the sheet', one('Liste', rowsOf(HEADERS, turkish), { rawUtf8: true, sharedStrings: true, partsFirst: true })],
    ['2500 rows (progress, abort)', one('Liste', rowsOf(HEADERS, many(2500)))],
    ['text rows in a shared-strings table (importService, e2e)', one('Liste', rowsOf(HEADERS, [textRow(1), textRow(2, { Durum: 'İPTAL' }), textRow(3, { 'Randevu Tarihi': '31.02.2026' })]), { rawUtf8: true, sharedStrings: true })],
  ];
  fixtures.forEach(([name, fixture], i) => {
    it(name, async () => {
      const { ours } = await compare(xlsx(`fixture-${i}.xlsx`, fixture));
      expect('rows' in ours).toBe(true);
    });
  });

  it('damaged files are refused by both: scrambled compressed data, a changed digit (CRC-32)', async () => {
    const rows = rowsOf(HEADERS, Array.from({ length: 300 }, (_, i) => textRow(i + 1)));
    const scrambled = xlsx('scrambled.xlsx', one('Liste', rows));
    scrambleSheetData(scrambled);
    const flipped = xlsx('flipped.xlsx', one('Liste', rows));
    flipStoredSheetDigit(flipped, '35-2026-000007');
    for (const file of [scrambled, flipped]) expect((await compare(file)).ours).toEqual({ refused: 'XLSX_DAMAGED' });
  });
});

describe('written by exceljs and by the app', () => {
  it('the sample list / bench workbook, with shared strings (Excel style) and inline strings', async () => {
    for (const sharedStrings of [true, false]) {
      const file = join(t.dir, `sample-${sharedStrings}.xlsx`);
      await writeSampleXlsx(sampleRows({ date: '2026-11-24', province: '35', count: 2000, seed: 7 }), file, { sharedStrings });
      expect(rowCount((await compare(file)).ours)).toBeGreaterThan(2000);
    }
  });

  it('the import report (three tabs, styles, numbers and text)', async () => {
    const parsed = await parseAppointmentFile({ path: t.file('liste.csv', `${HEADERS.join(';')}\r\n${HEADERS.map((h) => textRow(1)[h] ?? '').join(';')}\r\n`) });
    const file = join(t.dir, 'rapor.xlsx');
    await writeImportReportXlsx(planImport(parsed, { ownProvinces: ['35'], existing: () => new Map() }).report, file, new Date(Date.UTC(2026, 10, 24, 7, 5)));
    expect(rowCount((await compare(file)).ours)).toBeGreaterThan(3);
  });
});
