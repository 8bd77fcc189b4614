import { describe, expect, it } from 'vitest';
import { ageInYears, completedMonths, isIsoDay } from './calendar';
import { bankCodeOf, ibanFrom, isValidTurkishIban } from './iban';
import { kinshipAllowed, kinshipDegree } from './kinship';
import { isValidTckn, tcknFromPrefix } from './tckn';
import { foldForSearch, trLower, trTitle, trUpper } from './turkishText';

describe('T.C. Kimlik No', () => {
  it('accepts valid numbers and refuses bad check digits, a leading 0 and wrong lengths', () => {
    expect(isValidTckn('10000000146')).toBe(true);
    expect(isValidTckn(tcknFromPrefix('987654321'))).toBe(true);
    expect(isValidTckn('10000000147')).toBe(false);
    expect(isValidTckn('10000000156')).toBe(false);
    expect(isValidTckn('01234567890')).toBe(false);
    expect(isValidTckn('1000000014')).toBe(false);
    expect(isValidTckn('1000000014a')).toBe(false);
  });
});

describe('Turkish IBAN', () => {
  it('checks mod 97-10, length, the reserved 0 and the TR prefix', () => {
    const ok = ibanFrom('00012', '0000000012345678');
    expect(ok).toHaveLength(26);
    expect(isValidTurkishIban(ok)).toBe(true);
    expect(isValidTurkishIban(ok.replace(/(.{4})/g, '$1 ').toLowerCase())).toBe(true);
    expect(bankCodeOf(ok)).toBe('00012');
    expect(isValidTurkishIban(ok.slice(0, 25) + ((Number(ok[25]) + 1) % 10))).toBe(false);
    expect(isValidTurkishIban(`DE${ok.slice(2)}`)).toBe(false);
    expect(isValidTurkishIban(ok.slice(0, 9) + '1' + ok.slice(10))).toBe(false);
    expect(isValidTurkishIban('TR12')).toBe(false);
  });
});

describe('calendar months and ages', () => {
  it.each([
    ['2014-06-25', '2015-06-25', 12],
    ['2014-06-25', '2015-06-24', 11],
    ['2015-01-31', '2015-02-28', 1],
    ['2016-01-31', '2016-02-28', 0],
    ['2016-01-31', '2016-02-29', 1],
    ['2016-02-29', '2017-02-28', 12],
    ['2016-02-29', '2017-02-27', 11],
    ['2013-06-25', '2015-06-25', 24],
    ['2013-05-25', '2015-06-25', 25],
    ['2015-06-30', '2015-06-25', 0],
  ])('%s -> %s: %i completed months', (from, to, months) => {
    expect(completedMonths(from, to)).toBe(months);
  });

  it('age in years (a 29 February birthday completes the year on 28 February)', () => {
    expect(ageInYears('1997-07-15', '2015-07-15')).toBe(18);
    expect(ageInYears('1997-07-16', '2015-07-15')).toBe(17);
    expect(ageInYears('2000-02-29', '2018-02-28')).toBe(18);
    expect(ageInYears('2000-02-29', '2018-02-27')).toBe(17);
  });

  it('real calendar days only', () => {
    expect(isIsoDay('2015-02-28')).toBe(true);
    expect(isIsoDay('2015-02-29')).toBe(false);
    expect(isIsoDay('2016-02-29')).toBe(true);
    expect(isIsoDay('2015-02-31')).toBe(false);
    expect(isIsoDay('31.02.2015')).toBe(false);
  });
});

describe('kinship', () => {
  it('degrees to the parents and the live-in / live-out rule', () => {
    expect(kinshipDegree('ANNE')).toBe(1);
    expect(kinshipDegree('KARDES')).toBe(2);
    expect(kinshipDegree('TEYZE')).toBe(3);
    expect(kinshipDegree('YOK')).toBeNull();
    expect(kinshipAllowed('TEYZE', true)).toBe(false);
    expect(kinshipAllowed('TEYZE', false)).toBe(true);
    expect(kinshipAllowed('ANNE', false)).toBe(false);
    expect(kinshipAllowed('KUZEN', true)).toBe(true);
    expect(kinshipAllowed('YOK', true)).toBe(true);
  });
});

describe('Turkish text', () => {
  it('tr-TR case and accent-insensitive matching', () => {
    expect(trUpper('istanbul ılık')).toBe('İSTANBUL ILIK');
    expect(trLower('İSTANBUL ILIK')).toBe('istanbul ılık');
    expect(trTitle('ŞÜKRAN İNCE')).toBe('Şükran İnce');
    for (const v of ['ŞÜKRAN', 'sukran', 'şükran', 'Şükran', 'SUKRAN']) expect(foldForSearch(v)).toBe('sukran');
    expect(foldForSearch('IĞDIR')).toBe(foldForSearch('ığdır'));
    expect(foldForSearch('  Çağla\u00a0 Öz ')).toBe('cagla oz');
  });
});
