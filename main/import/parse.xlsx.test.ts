/**
 * parseAppointmentFile on .xlsx files written by openpyxl (an independent writer), covering
 * what real spreadsheets do to HQ's list. See testing/openpyxl.ts for how cached formula
 * values are produced (openpyxl itself never stores one).
 */
import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tcknFromPrefix } from '../domain/tckn';
import { parseAppointmentFile } from './parse';
import { AppointmentImportAborted } from './refusal';
import { HEADERS, TCKN, excelRow, rowsOf, tempDir, textRow } from './testing/fixtures';
import { openpyxlMissing, writeXlsxWithOpenpyxl, type FixtureCell } from './testing/openpyxl';

if (openpyxlMissing) console.warn(`skipping xlsx parsing tests: ${openpyxlMissing}`);
const t = tempDir('xlsx');
afterAll(() => t.cleanup());

function xlsx(name: string, rows: FixtureCell[][], extra: { date1904?: boolean } = {}): string {
  return writeXlsxWithOpenpyxl(t.dir, name, { sheets: [{ title: 'Randevu Listesi', rows }], ...extra });
}

describe.skipIf(openpyxlMissing !== null)('xlsx lists', () => {
  it('reads Excel date, time and date-time cells as local calendar values in any time zone', async () => {
    const file = xlsx('cells.xlsx', rowsOf(HEADERS, [excelRow(1)]));
    const saved = process.env.TZ;
    try {
      for (const tz of ['Europe/Istanbul', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        const p = await parseAppointmentFile({ path: file });
        expect(p.format).toBe('xlsx');
        expect(p.rejects).toEqual([]);
        expect(p.rows[0]).toMatchObject({
          date: '2026-11-24',
          time: '09:10',
          preRegisteredAt: '2026-06-25T10:00:03',
          motherBirthDate: '1990-03-15',
          childBirthDate: '2025-05-01',
          provinceCode: '35',
          sourceRow: 2,
        });
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reads the 1904 date system', async () => {
    const p = await parseAppointmentFile({ path: xlsx('mac1904.xlsx', rowsOf(HEADERS, [excelRow(1)]), { date1904: true }) });
    expect(p.rows[0]).toMatchObject({ date: '2026-11-24', time: '09:10', preRegisteredAt: '2026-06-25T10:00:03' });
  });

  it('reads text dates, numbers stored as text, T.C. Kimlik No as a number, NBSP and stray spaces', async () => {
    const rows = [
      textRow(1, { 'İl Kodu': '06', 'Anne TC Kimlik No': Number(TCKN.mother1), 'Anne Adı': '\u00a0Şükran\u00a0\u00a0Nur ', 'Anne Soyadı': '  Öztürk' }),
      textRow(2, { 'İl Kodu': 6, 'Çocuk TC Kimlik No': Number(TCKN.child1), 'Cep Telefonu': 5321234567, 'Randevu Saati': '9:30' }),
    ];
    const p = await parseAppointmentFile({ path: xlsx('text.xlsx', rowsOf(HEADERS, rows)) });
    expect(p.rejects).toEqual([]);
    expect(p.rows[0]).toMatchObject({ provinceCode: '06', motherTckn: TCKN.mother1, motherFirstName: 'Şükran Nur', motherLastName: 'Öztürk', date: '2026-11-24', preRegisteredAt: '2026-06-25T10:00:03', phone: '05321234567' });
    expect(p.rows[1]).toMatchObject({ provinceCode: '06', childTckn: TCKN.child1, phone: '05321234567', time: '09:30' });
  });

  it('matches header variants in any order and reports unknown columns', async () => {
    const shuffled = [...HEADERS].reverse();
    const variant = (h: string) =>
      ({ 'Randevu No': '  randevu no ', 'İl Kodu': 'İL KODU', 'Anne Adı': 'anne adı', 'Durum': 'DURUM\u00a0' })[h] ?? h;
    const headerRow = ['Şube Notu', ...shuffled.map(variant), 'Sıra'];
    const data = shuffled.map((h) => textRow(1)[h as keyof ReturnType<typeof textRow>] ?? null);
    const p = await parseAppointmentFile({ path: xlsx('headers.xlsx', [headerRow, ['x', ...data, 7]]) });
    expect(p.unknownColumns).toEqual(['Şube Notu', 'Sıra']);
    expect(p.columns['Randevu No']).toBe(headerRow.indexOf('  randevu no '));
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]!.randevuNo).toBe('35-2026-000001');
  });

  it('uses the cached result of formula cells and rejects formulas without one', async () => {
    const rows = [
      excelRow(1, { 'Randevu No': { formula: '"35-2026-"&"000001"', cached: '35-2026-000001' }, 'İl Kodu': { formula: '30+5', cached: 35 } }),
      excelRow(2, { 'Anne Soyadı': { formula: 'UPPER("öztürk")' } }),
    ];
    const p = await parseAppointmentFile({ path: xlsx('formulas.xlsx', rowsOf(HEADERS, rows)) });
    expect(p.rows.map((r) => [r.randevuNo, r.provinceCode])).toEqual([['35-2026-000001', '35']]);
    expect(p.rejects).toMatchObject([{ row: 3, column: 'Anne Soyadı', code: 'FORMULA_NO_VALUE' }]);
  });

  it('reads İPTAL in every casing, keeps other provinces for the plan to skip', async () => {
    const rows = [
      excelRow(1, { Durum: 'İPTAL' }),
      excelRow(2, { Durum: 'iptal' }),
      excelRow(3, { Durum: 'IPTAL' }),
      excelRow(4, { Durum: 'İptal' }),
      excelRow(5, { Durum: 'AKTİF' }),
      excelRow(6, { 'İl Kodu': 6, 'Randevu No': '06-2026-000006', 'Program Kodu': 'KURUMSAL-2019' }),
    ];
    const p = await parseAppointmentFile({ path: xlsx('status.xlsx', rowsOf(HEADERS, rows)) });
    expect(p.rows.map((r) => r.cancelled)).toEqual([true, true, true, true, false, false]);
    expect(p.rows[5]!.provinceCode).toBe('06');
  });

  it('rejects bad rows with row number, column and reason; good rows still come through', async () => {
    const bad = TCKN.mother2.slice(0, 10) + String((Number(TCKN.mother2[10]) + 1) % 10);
    const rows: FixtureCell[][] = rowsOf(HEADERS, [
      excelRow(1),
      excelRow(2, { 'Anne TC Kimlik No': bad }),
      excelRow(3, { 'Çocuk Doğum Tarihi': '31.02.2015' }),
    ]);
    rows.push(HEADERS.map(() => null)); // a blank row keeps its number
    rows.push(...rowsOf(HEADERS, [excelRow(4, { 'Anne Soyadı': null }), excelRow(1, { 'Anne Adı': 'Ayşe' }), excelRow(5, { 'Cep Telefonu': '123' }), excelRow(6)]).slice(1));
    const p = await parseAppointmentFile({ path: xlsx('bad.xlsx', rows) });
    expect(p.totalRows).toBe(7);
    expect(p.rows.map((r) => r.sourceRow)).toEqual([2, 9]);
    expect(p.rows[0]!.motherFirstName).toBe('ŞÜKRAN'); // the first occurrence of a duplicate wins
    expect(p.rejects.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, 'Anne TC Kimlik No', 'TCKN_CHECKSUM'],
      [4, 'Çocuk Doğum Tarihi', 'BAD_DATE'],
      [6, 'Anne Soyadı', 'MISSING_VALUE'],
      [7, 'Randevu No', 'DUPLICATE_RANDEVU_NO'],
      [8, 'Cep Telefonu', 'BAD_PHONE'],
    ]);
    const dup = p.rejects[3]!;
    expect(dup.tr).toBe("Randevu No '35-2026-000001' dosyada 2. satırda zaten var; yinelenen satır alınmadı.");
    expect(dup.en).toBe("Randevu No '35-2026-000001' already appears in row 2; the repeated row was not taken.");
    for (const r of p.rejects) expect(r.tr.length).toBeGreaterThan(10);
    // Identity numbers and phones are never echoed in messages.
    expect(JSON.stringify(p.rejects)).not.toContain(bad);
  });

  it('a header-only file is a valid list with 0 rows; a single row is read', async () => {
    const empty = await parseAppointmentFile({ path: xlsx('header-only.xlsx', [HEADERS]) });
    expect(empty).toMatchObject({ rows: [], rejects: [], totalRows: 0, preview: [] });
    const one = await parseAppointmentFile({ path: xlsx('one.xlsx', rowsOf(HEADERS, [excelRow(1)])) });
    expect(one.rows).toHaveLength(1);
    expect(one.totalRows).toBe(1);
  });

  it('reads only the first worksheet, in tab order, whatever the zip order', async () => {
    const other = rowsOf(HEADERS, [excelRow(99)]);
    const first = rowsOf(HEADERS, [excelRow(1), excelRow(2)]);
    const file = writeXlsxWithOpenpyxl(t.dir, 'tabs.xlsx', {
      sheets: [
        { title: 'Notlar', rows: other },
        { title: 'Liste', rows: first },
      ],
      lastSheetFirst: true, // 'Liste' (sheet2.xml) becomes the first tab
    });
    const p = await parseAppointmentFile({ path: file });
    expect(p.rows.map((r) => r.randevuNo)).toEqual(['35-2026-000001', '35-2026-000002']);
  });

  it('detects the format by content: an .xlsx named .csv is read as xlsx', async () => {
    const file = xlsx('real.xlsx', rowsOf(HEADERS, [excelRow(1)]));
    const renamed = join(t.dir, 'liste.csv');
    copyFileSync(file, renamed);
    const p = await parseAppointmentFile({ path: renamed, fileName: 'Randevu Listesi.csv' });
    expect(p.format).toBe('xlsx');
    expect(p.fileName).toBe('Randevu Listesi.csv');
    expect(p.rows).toHaveLength(1);
  });

  describe('Turkish letters cut by a chunk boundary (exceljs issues #2084, #2316)', () => {
    // The institution name is mostly two-byte letters, so chunk boundaries are sure to cut some.
    const names = ['ŞÜKRAN', 'GÜLŞEN', 'İPEK', 'ÇİĞDEM', 'IŞIL', 'ÖYKÜ', 'ĞÜLİZAR'];
    // Unique per row, so a shared-strings table is large enough to span many chunks too.
    const institution = (i: number) => `Çiçek Bahçesi ${'ŞĞÜÖÇİışğüöç'.repeat(12)} ${i}`;
    const records = Array.from({ length: 3000 }, (_, i) =>
      excelRow(i + 1, {
        'Anne TC Kimlik No': tcknFromPrefix(String(100000000 + i)),
        'Anne Adı': names[i % names.length]!,
        'Anne Soyadı': 'ÖZTÜRKOĞLU ŞAHİNGİL',
        'Kurum Adı': institution(i),
      }),
    );
    const layouts = [
      { name: 'inline strings, sheet parked in a temporary file', opts: { rawUtf8: true } },
      { name: 'shared strings after the sheet (Excel order)', opts: { rawUtf8: true, sharedStrings: true } },
      { name: 'shared strings before the sheet (streamed directly)', opts: { rawUtf8: true, sharedStrings: true, partsFirst: true } },
    ];

    for (const layout of layouts) {
      it(`keeps them whole: ${layout.name}`, async () => {
        const file = writeXlsxWithOpenpyxl(t.dir, `turkish-${layouts.indexOf(layout)}.xlsx`, { sheets: [{ title: 'Liste', rows: rowsOf(HEADERS, records) }], ...layout.opts });
        const p = await parseAppointmentFile({ path: file });
        expect(p.rejects).toEqual([]);
        expect(p.rows).toHaveLength(3000);
        p.rows.forEach((r, i) => {
          expect(r.motherFirstName).toBe(names[i % names.length]);
          expect(r.institutionName).toBe(institution(i));
        });

        // The reason for the workaround: exceljs' stock streaming reader damages some of them.
        let damaged = 0;
        const stock = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
        for await (const sheet of stock) for await (const row of sheet) if (JSON.stringify(row.values).includes('\ufffd')) damaged++;
        expect(damaged).toBeGreaterThan(0);
      });
    }
  });

  it('reports progress and gives a preview of the raw rows', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => excelRow(i + 1, { 'Anne TC Kimlik No': tcknFromPrefix(String(100000000 + i)) }));
    const file = xlsx('progress.xlsx', rowsOf(HEADERS, records));
    const calls: [number, number, number][] = [];
    const p = await parseAppointmentFile({ path: file }, { onProgress: (r, b, total) => calls.push([r, b, total]), previewRows: 3 });
    expect(calls.map((c) => c[0])).toEqual([1000, 2000, 2500]);
    expect(calls.at(-1)![1]).toBe(calls.at(-1)![2]);
    expect(p.preview).toHaveLength(3);
    expect(p.preview[0]).toMatchObject({ row: 2, values: { 'Randevu No': '35-2026-000001', 'Randevu Tarihi': '24.11.2026', 'Randevu Saati': '09:10', 'İl Kodu': '35' } });
  });

  it('stops with a typed error when cancelled, before or during the read', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => excelRow(i + 1, { 'Anne TC Kimlik No': tcknFromPrefix(String(100000000 + i)) }));
    const file = xlsx('abort.xlsx', rowsOf(HEADERS, records));
    const before = new AbortController();
    before.abort();
    await expect(parseAppointmentFile({ path: file }, { signal: before.signal })).rejects.toBeInstanceOf(AppointmentImportAborted);

    const during = new AbortController();
    let last = 0;
    const run = parseAppointmentFile({ path: file }, { signal: during.signal, onProgress: (r) => ((last = r), during.abort()) });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED', tr: 'İçe aktarma iptal edildi; hiçbir şey değişmedi.' });
    expect(last).toBe(1000);
  });
});

/**
 * exceljs' streaming reader parks a sheet that comes before the shared strings or the workbook
 * relationships (Excel's and openpyxl's order) in a temporary file named tmp-<pid>-…: the list
 * in plain text on disk. The reader here reads those parts first, so nothing is parked, from a
 * path or from bytes in memory. The bare exceljs read of the same file shows the watch works.
 */
describe.skipIf(!!openpyxlMissing)('no temporary file with the list in it', () => {
  async function tmpFilesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const prefix = `tmp-${process.pid}-`;
    const watcher = watch(tmpdir(), (_ev, name) => {
      if (name && String(name).startsWith(prefix) && !seen.includes(String(name))) seen.push(String(name));
    });
    try {
      await work();
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      watcher.close();
    }
    return seen;
  }

  for (const layout of [
    { name: 'inline strings (openpyxl order)', opts: { rawUtf8: true } },
    { name: 'shared strings after the sheet (Excel order)', opts: { rawUtf8: true, sharedStrings: true } },
  ]) {
    it(`${layout.name}: read from a path and from bytes without parking the sheet`, async () => {
      const file = writeXlsxWithOpenpyxl(t.dir, `park-${layout.opts.sharedStrings ? 's' : 'i'}.xlsx`, { sheets: [{ title: 'Liste', rows: rowsOf(HEADERS, [textRow(1), textRow(2)]) }], ...layout.opts });
      const bare = await tmpFilesDuring(async () => {
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
        for await (const sheet of reader) for await (const _row of sheet) void _row;
      });
      expect(bare.length).toBeGreaterThan(0);
      let fromPath: Awaited<ReturnType<typeof parseAppointmentFile>> | undefined;
      let fromBytes: typeof fromPath;
      expect(await tmpFilesDuring(async () => (fromPath = await parseAppointmentFile({ path: file })))).toEqual([]);
      expect(await tmpFilesDuring(async () => (fromBytes = await parseAppointmentFile({ bytes: readFileSync(file), fileName: 'park.xlsx' })))).toEqual([]);
      expect(fromPath!.rows.map((r) => r.motherLastName)).toEqual(['ÖZTÜRK', 'ÖZTÜRK']);
      expect(fromBytes!.rows).toEqual(fromPath!.rows);
    });
  }
});
