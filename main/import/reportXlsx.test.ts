import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppointmentFile } from './parse';
import { planImport } from './plan';
import { writeImportReportXlsx } from './reportXlsx';
import { HEADERS, csvText, rowsOf, tempDir, textRow } from './testing/fixtures';
import { openpyxlMissing, readXlsxWithOpenpyxl } from './testing/openpyxl';

if (openpyxlMissing) console.warn(`skipping report read-back test: ${openpyxlMissing}`);
const t = tempDir('report');
afterAll(() => t.cleanup());

describe.skipIf(openpyxlMissing !== null)('import report (.xlsx)', () => {
  it('has a summary with the counts, the rejected rows and the other notes, in Turkish, readable by openpyxl', async () => {
    const csv = csvText(
      rowsOf(
        [...HEADERS, 'Not'],
        [
          textRow(1),
          textRow(2, { 'Çocuk Doğum Tarihi': '31.02.2015' }),
          textRow(3, { Durum: 'İPTAL' }),
          textRow(4, { 'İl Kodu': '06', 'Randevu No': '06-2026-000004' }),
          textRow(1),
        ],
      ),
    );
    const parsed = await parseAppointmentFile({ path: t.file('liste.csv', csv), fileName: 'Randevu Listesi 24.11.csv' });
    const plan = planImport(parsed, { ownProvinces: ['35'], existing: () => new Map() });
    const out = join(t.dir, 'rapor.xlsx');
    await writeImportReportXlsx(plan.report, out, new Date(Date.UTC(2026, 10, 24, 7, 5)));

    expect(readdirSync(t.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const sheets = readXlsxWithOpenpyxl(out);
    expect(sheets.map((s) => s.title)).toEqual(['Özet', 'Reddedilen Satırlar', 'Değişiklikler ve Uyarılar']);

    const summary = Object.fromEntries(sheets[0]!.rows.slice(1).map(([k, v]) => [k, v]));
    expect(sheets[0]!.rows[0]).toEqual(['Alan', 'Değer']);
    expect(summary).toMatchObject({
      Dosya: 'Randevu Listesi 24.11.csv',
      Biçim: 'CSV',
      'Rapor Zamanı': '24.11.2026 10:05',
      'Okunan Satır': 5,
      Eklenen: 1,
      Güncellenen: 0,
      Değişmeyen: 0,
      'İptal Edilen': 1,
      Reddedilen: 2,
      'Atlanan (başka il)': 1,
      'Masada başladığı için dokunulmayan': 0,
      'Atlanan: il 06': 1,
      'Tanınmayan sütunlar (yok sayıldı)': 'Not',
    });

    const rejected = sheets[1]!.rows;
    expect(rejected[0]).toEqual(['Satır', 'Randevu No', 'Sütun', 'Kod', 'Gerekçe', 'Reason (English)']);
    expect(rejected.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [3, '35-2026-000002', 'Çocuk Doğum Tarihi', 'BAD_DATE'],
      [6, '35-2026-000001', 'Randevu No', 'DUPLICATE_RANDEVU_NO'],
    ]);
    expect(rejected[1]![4]).toBe('Çocuk Doğum Tarihi geçerli bir tarih değil (gg.aa.yyyy).');
    expect(rejected[1]![5]).toBe('Çocuk Doğum Tarihi is not a valid date (dd.MM.yyyy).');

    const notes = sheets[2]!.rows;
    expect(notes[0]).toEqual(['Satır', 'Randevu No', 'Sütun', 'İşlem', 'Kod', 'Gerekçe', 'Reason (English)']);
    expect(notes[1]!.slice(0, 5)).toEqual([4, '35-2026-000003', null, 'İptal edildi', 'ADDED_CANCELLED']);
  });

  it('leaves no half-written file when it cannot write', async () => {
    const parsed = await parseAppointmentFile({ path: t.file('one.csv', csvText(rowsOf(HEADERS, [textRow(1)]))) });
    const plan = planImport(parsed, { ownProvinces: ['35'], existing: () => new Map() });
    const out = join(t.dir, 'no-such-folder', 'rapor.xlsx');
    await expect(writeImportReportXlsx(plan.report, out)).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
  });
});
