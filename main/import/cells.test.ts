import { describe, expect, it } from 'vitest';
import { tcknFromPrefix } from '../domain/tckn';
import {
  CellProblem,
  plainValue,
  readCancelled,
  readDate,
  readDateTime,
  readName,
  readPhone,
  readProgramCode,
  readProvince,
  readTckn,
  readTime,
  serialParts,
} from './cells';

const code = (v: unknown) => (v instanceof CellProblem ? v.code : v);

describe('Excel serials', () => {
  it('converts the 1900 system, including the phantom 1900-02-29 and its neighbours', () => {
    expect(serialParts(1, false)?.day).toBe('1900-01-01');
    expect(serialParts(59, false)?.day).toBe('1900-02-28');
    expect(serialParts(60, false)).toBeNull(); // Lotus' 29 February 1900 does not exist
    expect(serialParts(61, false)?.day).toBe('1900-03-01');
    expect(serialParts(42180, false)?.day).toBe('2015-06-25');
    expect(serialParts(46350, false)?.day).toBe('2026-11-24');
  });

  it('converts the 1904 system (old Mac workbooks)', () => {
    expect(serialParts(0, true)?.day).toBe('1904-01-01');
    expect(serialParts(46350 - 1462, true)?.day).toBe('2026-11-24');
  });

  it('rounds fractions to the second, so 10:00:03 stored as a float stays 10:00:03', () => {
    const serial = 42180 + (10 * 3600 + 3) / 86400;
    expect(readDateTime(serial, false)).toBe('2015-06-25T10:00:03');
    expect(readTime(0.375)).toBe('09:00');
    expect(readTime(1 / 144 + 0.375)).toBe('09:10');
    expect(readTime(46350.5)).toBe('12:00'); // a date-time cell in the time column: its time
  });

  it('treats exceljs Date values as UTC calendar values whatever the time zone', () => {
    expect(readDate(new Date(Date.UTC(2026, 10, 24)), false)).toBe('2026-11-24');
    expect(readTime(new Date(Date.UTC(1899, 11, 30, 9, 10)))).toBe('09:10');
  });
});

describe('text dates and times', () => {
  it('reads dd.MM.yyyy, d.M.yyyy, dd/MM/yyyy and ISO', () => {
    expect(readDate('24.11.2026', false)).toBe('2026-11-24');
    expect(readDate('4.1.2026', false)).toBe('2026-01-04');
    expect(readDate('24/11/2026', false)).toBe('2026-11-24');
    expect(readDate('2026-11-24', false)).toBe('2026-11-24');
    expect(readDate('\u00a024.11.2026 ', false)).toBe('2026-11-24');
    expect(readDate('24.11.2026 00:00:00', false)).toBe('2026-11-24');
  });

  it('rejects impossible dates', () => {
    expect(code(readDate('31.02.2015', false))).toBe('BAD_DATE');
    expect(code(readDate('29.02.2015', false))).toBe('BAD_DATE');
    expect(readDate('29.02.2016', false)).toBe('2016-02-29');
    expect(code(readDate('31.04.2026', false))).toBe('BAD_DATE');
    expect(code(readDate('24.13.2026', false))).toBe('BAD_DATE');
    expect(code(readDate('24.11.26', false))).toBe('BAD_DATE');
    expect(code(readDate('yarın', false))).toBe('BAD_DATE');
    expect(code(readDate('24.11.1850', false))).toBe('BAD_DATE');
  });

  it('reads HH:mm, H:mm, HH.mm and HH:mm:ss; rejects 24:00 and 9:5', () => {
    expect(readTime('09:10')).toBe('09:10');
    expect(readTime('9:10')).toBe('09:10');
    expect(readTime('09.10')).toBe('09:10');
    expect(readTime('09:10:59')).toBe('09:10');
    expect(code(readTime('24:00'))).toBe('BAD_TIME');
    expect(code(readTime('9:5'))).toBe('BAD_TIME');
  });

  it('needs a time in a date-time; seconds default to 00', () => {
    expect(readDateTime('25.06.2015 10:00:03', false)).toBe('2015-06-25T10:00:03');
    expect(readDateTime('25.06.2015 10:00', false)).toBe('2015-06-25T10:00:00');
    expect(readDateTime('2015-06-25T10:00:03', false)).toBe('2015-06-25T10:00:03');
    expect(code(readDateTime('25.06.2015', false))).toBe('BAD_DATETIME');
    expect(code(readDateTime('31.06.2015 10:00:00', false))).toBe('BAD_DATETIME');
  });
});

describe('identity numbers, provinces, phones, status, names, codes', () => {
  const valid = tcknFromPrefix('100000001');

  it('T.C. Kimlik No from text, Excel numbers, spaced text; bad checksum and length', () => {
    expect(readTckn(valid)).toBe(valid);
    expect(readTckn(Number(valid))).toBe(valid);
    expect(readTckn(` ${valid.slice(0, 3)}\u00a0${valid.slice(3)} `)).toBe(valid);
    expect(readTckn(`${valid}.0`)).toBe(valid);
    expect(code(readTckn(valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10)))).toBe('TCKN_CHECKSUM');
    expect(code(readTckn('1234567890'))).toBe('TCKN_FORMAT');
    expect(code(readTckn('01234567890'))).toBe('TCKN_FORMAT');
    expect(code(readTckn(12345678901.5))).toBe('TCKN_FORMAT');
    expect(code(readTckn('1,23457E+10'))).toBe('TCKN_SCIENTIFIC');
    expect(readTckn('')).toBeNull();
  });

  it('İl Kodu 6, "6", "06", " 06 " and 6.0 are all "06"; 0, 82 and names are not codes', () => {
    for (const v of [6, '6', '06', ' 06 ', '6.0', '06,0']) expect(readProvince(v)).toBe('06');
    expect(readProvince(81)).toBe('81');
    for (const v of [0, 82, 6.5, 'Ankara', '6a']) expect(code(readProvince(v))).toBe('BAD_PROVINCE');
  });

  it('phones are normalised to 11 digits with the leading 0', () => {
    expect(readPhone('0532 123 45 67')).toBe('05321234567');
    expect(readPhone('+90 (532) 123-45-67')).toBe('05321234567');
    expect(readPhone('905321234567')).toBe('05321234567');
    expect(readPhone(5321234567)).toBe('05321234567');
    expect(readPhone('5321234567')).toBe('05321234567');
    expect(readPhone('')).toBeNull();
    expect(code(readPhone('0532 123 45'))).toBe('BAD_PHONE');
    expect(code(readPhone('telefon yok'))).toBe('BAD_PHONE');
  });

  it('Durum: empty and AKTİF are active; İPTAL in every casing cancels; others are rejected', () => {
    for (const v of [null, '', ' ', 'AKTİF', 'aktif', 'Aktif', 'AKTIF']) expect(readCancelled(v)).toBe(false);
    for (const v of ['İPTAL', 'iptal', 'IPTAL', 'İptal', ' İPTAL\u00a0', 'ıptal']) expect(readCancelled(v)).toBe(true);
    expect(code(readCancelled('BEKLEMEDE'))).toBe('BAD_STATUS');
  });

  it('names keep their case and letters, spaces cleaned; digits are refused', () => {
    expect(readName('  şükran\u00a0 nur ')).toBe('şükran nur');
    expect(readName("O'Neil-Çağlayan")).toBe("O'Neil-Çağlayan");
    expect(code(readName('AYŞE2'))).toBe('BAD_NAME');
    expect(code(readName(12))).toBe('BAD_NAME');
  });

  it('programme codes are upper-cased without the Turkish dotted İ', () => {
    expect(readProgramCode('evde-2015')).toBe('EVDE-2015');
    expect(readProgramCode('bakıcı-2020')).toBe('BAKICI-2020');
    expect(readProgramCode('BAKİCİ-2020')).toBe('BAKICI-2020');
    expect(code(readProgramCode('evde 2015 (yeni)'))).toBe('BAD_PROGRAM_CODE');
  });
});

describe('formula cells and other exceljs shapes', () => {
  it('takes the cached result of a formula, never the formula', () => {
    expect(plainValue({ formula: 'A1&"x"', result: 'abc' })).toBe('abc');
    expect(plainValue({ sharedFormula: 'B2', result: 35 })).toBe(35);
    expect(code(plainValue({ formula: '1+1' }))).toBe('FORMULA_NO_VALUE');
    expect(code(plainValue({ formula: '1+1', result: NaN }))).toBe('FORMULA_NO_VALUE');
    expect(code(plainValue({ formula: 'X', result: { error: '#N/A' } }))).toBe('CELL_ERROR');
  });

  it('joins rich text, takes a link text, reports error cells', () => {
    expect(plainValue({ richText: [{ text: 'ŞÜK' }, { text: 'RAN' }] })).toBe('ŞÜKRAN');
    expect(plainValue({ text: 'Minik Adımlar', hyperlink: 'http://x' })).toBe('Minik Adımlar');
    expect(code(plainValue({ error: '#REF!' }))).toBe('CELL_ERROR');
  });
});
