import { describe, expect, it } from 'vitest';
import { checkFacts, getRulePack } from '.';

/** Which layer says what: the wizard's fields take gg.aa.yyyy and TL; a facts file yyyy-MM-dd and kuruş. */
describe('fact messages by where the facts come from', () => {
  const pack = getRulePack('BAKICI-2020')!;
  const dates = { preRegistration: '2020-09-01T11:00:00', finalRegistration: '2021-01-01' };
  const facts = { 'child.birthDate': '10.03.2020', 'caregiver.monthlyWage': '3.577,50', 'caregiver.birthDate': '1985-02-30' };

  it('the wizard keeps its own messages (its date inputs are gg.aa.yyyy)', () => {
    const e = checkFacts(pack, facts, dates);
    expect(e['child.birthDate']).toEqual({ tr: 'Geçerli bir tarih girin (gg.aa.yyyy).', en: 'Enter a valid date (dd.MM.yyyy).' });
    expect(e['caregiver.monthlyWage']!.tr).toBe('Tutar 0 ya da daha büyük olmalı.');
  });

  it('a facts file is told the form it accepts, with the value it meant when that can be read', () => {
    const e = checkFacts(pack, facts, dates, undefined, 'file');
    expect(e['child.birthDate']!.tr).toBe('Tarih yyyy-aa-gg biçiminde yazılmalı: "10.03.2020" yerine "2020-03-10".');
    expect(e['caregiver.birthDate']).toEqual({ tr: 'yyyy-aa-gg biçiminde gerçek bir tarih olmalı (ör. 2015-07-01).', en: 'Must be a real date written yyyy-MM-dd (e.g. 2015-07-01).' });
    expect(e['caregiver.monthlyWage']!.tr).toBe('Tutar kuruş cinsinden bir tam sayı olarak yazılmalı: "3.577,50" TL için 357750.');
    const more = checkFacts(pack, { 'caregiver.monthlyWage': 3577.5, 'child.birthDate': '31.02.2020' }, dates, undefined, 'file');
    expect(more['caregiver.monthlyWage']!.en).toBe('Write the amount as a whole number of kuruş: 357750 for 3577.5 TL.');
    // 31.02.2020 is no day: no converted hint, only the form.
    expect(more['child.birthDate']!.tr).toBe('yyyy-aa-gg biçiminde gerçek bir tarih olmalı (ör. 2015-07-01).');
    expect(checkFacts(pack, { 'caregiver.monthlyWage': -5 }, dates, undefined, 'file')['caregiver.monthlyWage']!.tr).toBe(
      'Tutar kuruş cinsinden 0 ya da daha büyük bir tam sayı olmalı (2.546,00 TL için 254600).',
    );
  });
});
