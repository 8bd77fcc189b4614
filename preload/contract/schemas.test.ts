import { describe, expect, it } from 'vitest';
import { deskCode } from './schemas';
import { foldForSearch } from './turkishFold';

describe('desk code', () => {
  it('upper-cases the ASCII way: "ist1" is IST1, and an I typed on a Turkish keyboard is I', () => {
    expect(deskCode.parse('ist1')).toBe('IST1');
    expect(deskCode.parse(' m01 ')).toBe('M01');
    expect(deskCode.parse('İST1')).toBe('IST1');
    expect(deskCode.parse('ıst1')).toBe('IST1');
  });

  it('refuses other Turkish letters, IL, empty and too long codes with the DESK message', () => {
    for (const bad of ['ŞUBE', 'çankaya', 'IL', 'il', '', 'M0123456X', 'M-01']) {
      const r = deskCode.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toMatch(/^(DESK|REQUIRED)$/);
    }
  });
});

describe('Turkish search folding', () => {
  it('folds case and Turkish letters the same way whatever the input', () => {
    for (const s of ['İzmir', 'izmir', 'IZMIR', 'Izmir', 'İZMİR']) expect(foldForSearch(s)).toBe('izmir');
    expect(foldForSearch('  ŞÜKRAN\u00a0Çağlar ')).toBe('sukran caglar');
  });
});

describe('base64 text of a picked file', () => {
  it('takes base64 with up to two padding characters, and nothing else', async () => {
    const { isBase64Text } = await import('./api');
    expect(isBase64Text(Buffer.from('Randevu Listesi şğü').toString('base64'))).toBe(true);
    expect(isBase64Text('QQ==')).toBe(true);
    expect(isBase64Text('QUI=')).toBe(true);
    expect(isBase64Text('')).toBe(true);
    expect(isBase64Text('Q===')).toBe(false);
    expect(isBase64Text('QQ=A')).toBe(false);
    expect(isBase64Text('not base64!')).toBe(false);
    expect(isBase64Text('QUJD\nREVG')).toBe(false);
    expect(isBase64Text('QUJD-_')).toBe(false);
  });
});
