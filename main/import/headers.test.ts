import { describe, expect, it } from 'vitest';
import { HEADERS } from './testing/fixtures';
import { headerKey, matchHeaders } from './headers';
import { AppointmentFileRefused } from './refusal';

describe('header matching', () => {
  it('ignores tr-TR case, surrounding and non-breaking spaces, and column order', () => {
    const variants = ['  randevu no ', 'İL KODU', 'il kodu', 'IL KODU', '\u00a0Anne TC Kimlik No\u00a0', 'ANNE ADI', 'anne adı', 'Anne T.C. Kimlik No'];
    expect(headerKey(variants[0]!)).toBe(headerKey('Randevu No'));
    for (const v of variants.slice(1, 4)) expect(headerKey(v)).toBe(headerKey('İl Kodu'));
    expect(headerKey(variants[4]!)).toBe(headerKey('Anne TC Kimlik No'));
    expect(headerKey(variants[5]!)).toBe(headerKey('Anne Adı'));
    expect(headerKey(variants[6]!)).toBe(headerKey('Anne Adı'));
    expect(headerKey(variants[7]!)).toBe(headerKey('Anne TC Kimlik No'));
  });

  it('maps reordered headers to their indexes and reports unknown ones by name', () => {
    const reordered = [...HEADERS].reverse();
    const m = matchHeaders(['Not', ...reordered, '', '  Şube  ']);
    expect(m.columns['Randevu No']).toBe(reordered.indexOf('Randevu No') + 1);
    expect(m.columns.Durum).toBe(1);
    expect(m.unknownColumns).toEqual(['Not', 'Şube']);
  });

  it('refuses a file with missing required headers, naming each one', () => {
    const partial = HEADERS.filter((h) => h !== 'Anne Soyadı' && h !== 'Ön Kayıt Zamanı');
    try {
      matchHeaders(partial);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppointmentFileRefused);
      const r = e as AppointmentFileRefused;
      expect(r.code).toBe('MISSING_HEADERS');
      expect(r.tr).toContain('Ön Kayıt Zamanı, Anne Soyadı');
      expect(r.en).toContain('Ön Kayıt Zamanı, Anne Soyadı');
    }
  });

  it('optional headers may be absent', () => {
    const required = HEADERS.filter((h) => !['Anne Doğum Tarihi', 'Çocuk TC Kimlik No', 'Cep Telefonu', 'Bakıcı TC Kimlik No', 'Kurum Adı', 'Durum'].includes(h));
    expect(() => matchHeaders(required)).not.toThrow();
  });

  it('refuses a column given twice', () => {
    expect(() => matchHeaders([...HEADERS, 'randevu no'])).toThrow(expect.objectContaining({ code: 'DUPLICATE_HEADER' }));
  });
});
