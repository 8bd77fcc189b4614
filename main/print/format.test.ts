import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatInteger, formatMoney, groupHex, maskName, maskTckn } from './format';

describe('print formatting', () => {
  it('writes days and times the Turkish way', () => {
    expect(formatDay('2015-06-25')).toBe('25.06.2015');
    expect(formatDateTime('2015-06-25T10:00:03')).toBe('25.06.2015 10:00:03');
    expect(formatDateTime('2015-06-25T10:00:03', false)).toBe('25.06.2015 10:00');
  });

  it('groups thousands with dots and decimals with a comma, from minor units', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(1750)).toBe('1.750');
    expect(formatInteger(157755)).toBe('157.755');
    expect(formatMoney(300_00, 'EUR')).toBe('300,00 EUR');
    expect(formatMoney(123456, 'TL')).toBe('1.234,56 TL');
    expect(formatMoney(2_117_690_000, 'EUR')).toBe('21.176.900,00 EUR');
    expect(formatMoney(5, 'EUR')).toBe('0,05 EUR');
  });

  it('masks a T.C. Kimlik No to its first three and last two digits', () => {
    expect(maskTckn('12345678990')).toBe('123******90');
  });

  it('masks names letter-run by letter-run, keeping hyphens and Turkish letters', () => {
    expect(maskName('Gülşen Özdemir Çağlayan-Işıkoğlu')).toBe('Gü**** Öz***** Ça******-Iş******');
    expect(maskName('İpek Ay')).toBe('İp** A*');
  });

  it('splits a hash into lower-case groups of four', () => {
    const hash = 'AB'.repeat(32);
    const groups = groupHex(hash);
    expect(groups).toHaveLength(16);
    expect(groups.join('')).toBe(hash.toLowerCase());
  });
});
