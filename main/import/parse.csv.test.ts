/** parseAppointmentFile on CSV lists written by hand (the way Turkish Excel and other tools save them). */
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppointmentFile } from './parse';
import { HEADERS, TCKN, csvText, rowsOf, tempDir, textRow } from './testing/fixtures';

const t = tempDir('csv');
afterAll(() => t.cleanup());

describe('csv lists', () => {
  it("reads Turkish Excel's 'CSV UTF-8': BOM, ';' and CRLF", async () => {
    const file = t.file('bom-semicolon.csv', `\ufeff${csvText(rowsOf(HEADERS, [textRow(1), textRow(2, { Durum: 'İPTAL' })]))}`);
    const p = await parseAppointmentFile({ path: file });
    expect(p.format).toBe('csv');
    expect(p.rejects).toEqual([]);
    expect(p.rows.map((r) => [r.randevuNo, r.cancelled, r.sourceRow])).toEqual([
      ['35-2026-000001', false, 2],
      ['35-2026-000002', true, 3],
    ]);
    expect(p.rows[0]).toMatchObject({
      provinceCode: '35', date: '2026-11-24', time: '09:10', preRegisteredAt: '2026-06-25T10:00:03', motherFirstName: 'ŞÜKRAN',
      motherBirthDate: '1990-03-15', childBirthDate: '2025-05-01', phone: '05321234567', caregiverTckn: null, institutionName: null,
    });
  });

  it("reads ',' without BOM and LF line ends; RFC 4180 quotes with separators, quotes and line breaks inside", async () => {
    const rows = rowsOf(HEADERS, [
      textRow(1, { 'Kurum Adı': 'Minik Adımlar, "Çiçek" Anaokulu' }),
      textRow(2, { 'Kurum Adı': 'Gökkuşağı Kreşi\nŞube 2' }),
      textRow(3),
    ]);
    const p = await parseAppointmentFile({ path: t.file('comma.csv', csvText(rows, ',', '\n')) });
    expect(p.rejects).toEqual([]);
    expect(p.rows.map((r) => r.institutionName)).toEqual(['Minik Adımlar, "Çiçek" Anaokulu', 'Gökkuşağı Kreşi Şube 2', null]);
    // A quoted line break stays inside one spreadsheet row: the third record is row 4.
    expect(p.rows.map((r) => r.sourceRow)).toEqual([2, 3, 4]);
  });

  it('matches header variants in any order, ignores unknown columns, cleans NBSP and stray spaces', async () => {
    const order = [...HEADERS].reverse();
    const header = ['Not', ...order.map((h) => (h === 'Randevu No' ? '  randevu no ' : h === 'İl Kodu' ? 'il kodu' : h === 'Anne Adı' ? 'ANNE ADI\u00a0' : h))];
    const row = textRow(1, { 'İl Kodu': '6', 'Anne Adı': '\u00a0Gülşen\u00a0 Nur ', 'Anne TC Kimlik No': ` ${TCKN.mother1} ` });
    const p = await parseAppointmentFile({ path: t.file('variants.csv', csvText([header, ['x', ...order.map((h) => row[h])]])) });
    expect(p.unknownColumns).toEqual(['Not']);
    expect(p.rows[0]).toMatchObject({ provinceCode: '06', motherFirstName: 'Gülşen Nur', motherTckn: TCKN.mother1 });
  });

  it('blank lines are skipped but keep their row numbers; short rows lack their last fields', async () => {
    const text = csvText([HEADERS, HEADERS.map((h) => textRow(1)[h])]) + '\r\n;;;\r\n' + csvText([HEADERS.slice(0, 9).map((h) => textRow(2)[h])]);
    const p = await parseAppointmentFile({ path: t.file('blank.csv', text) });
    expect(p.totalRows).toBe(2);
    expect(p.rows.map((r) => r.sourceRow)).toEqual([2]);
    expect(p.rejects).toMatchObject([{ row: 5, column: 'Çocuk Doğum Tarihi', code: 'MISSING_VALUE' }]);
  });

  it('rejects bad rows (dates, check digits, scientific notation, duplicates) and keeps the good ones', async () => {
    const rows = rowsOf(HEADERS, [
      textRow(1),
      textRow(2, { 'Çocuk Doğum Tarihi': '31.02.2015' }),
      textRow(3, { 'Anne TC Kimlik No': '1,23457E+10' }),
      textRow(1, { 'Anne Adı': 'AYŞE' }),
      textRow(4, { 'Randevu Saati': '25:00', 'Durum': 'BEKLEMEDE' }),
      textRow(5),
    ]);
    const p = await parseAppointmentFile({ path: t.file('bad.csv', csvText(rows)) });
    expect(p.rows.map((r) => r.sourceRow)).toEqual([2, 7]);
    expect(p.rejects.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, 'Çocuk Doğum Tarihi', 'BAD_DATE'],
      [4, 'Anne TC Kimlik No', 'TCKN_SCIENTIFIC'],
      [5, 'Randevu No', 'DUPLICATE_RANDEVU_NO'],
      [6, 'Randevu Saati', 'BAD_TIME'],
      [6, 'Durum', 'BAD_STATUS'],
    ]);
    expect(p.rejects[3]!.tr).toBe("Randevu Saati '25:00' geçerli bir saat değil (SS:dd).");
  });

  it('a header-only file (with or without a line end) is a valid list with 0 rows', async () => {
    for (const text of [`${HEADERS.join(';')}\r\n`, HEADERS.join(';')]) {
      const p = await parseAppointmentFile({ path: t.file('header-only.csv', text) });
      expect(p).toMatchObject({ format: 'csv', rows: [], rejects: [], totalRows: 0 });
    }
  });

  it('one data row', async () => {
    const p = await parseAppointmentFile({ path: t.file('one.csv', csvText(rowsOf(HEADERS, [textRow(7)]))) });
    expect(p.rows).toHaveLength(1);
    expect(p.preview).toEqual([{ row: 2, values: expect.objectContaining({ 'Randevu No': '35-2026-000007', 'Randevu Tarihi': '24.11.2026' }) }]);
  });

  it('cancels through the signal and reports progress', async () => {
    const many = rowsOf(HEADERS, Array.from({ length: 3000 }, (_, i) => textRow(i + 1)));
    const file = t.file('many.csv', csvText(many));
    const seen: number[] = [];
    const ok = await parseAppointmentFile({ path: file }, { onProgress: (r) => seen.push(r) });
    expect(ok.rows).toHaveLength(3000);
    expect(seen).toEqual([1000, 2000, 3000, 3000]);
    const ac = new AbortController();
    await expect(parseAppointmentFile({ path: file }, { signal: ac.signal, onProgress: () => ac.abort() })).rejects.toMatchObject({ name: 'AppointmentImportAborted', code: 'ABORTED' });
  });
});
