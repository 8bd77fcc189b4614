import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeLists, decide, formatPlacement, loadRulePacks, parseRulePack, placementOf, RulePackInvalid, type ListEntry } from '.';
import { tcknFromPrefix } from '../domain/tckn';

const fixture = () => JSON.parse(fs.readFileSync('main/rules/fixtures/DENEME-2030.json', 'utf8'));

describe('rule packs are data', () => {
  it('the three bundled packs load and validate', () => {
    expect([...loadRulePacks().keys()].sort()).toEqual(['BAKICI-2020', 'EVDE-2015', 'KURUMSAL-2019']);
  });

  it('a fourth, made-up edition from a fixture decides applications with no code change', () => {
    const pack = parseRulePack(fixture(), 'DENEME-2030.json');
    const dates = { preRegistration: '2030-03-01T10:00:00', finalRegistration: '2030-07-01' };
    const base = { 'mother.tckn': tcknFromPrefix('111111111'), 'child.birthDate': '2029-12-01', 'mother.residenceProvince': '01', 'mother.grossWage': 15_000_000, 'caregiver.isGrandmother': true, 'caregiver.grandmotherAge': 60 };
    const ok = decide(pack, base, dates, { KIMLIK: true, BUYUKANNE_BEYANI: true });
    expect(ok).toMatchObject({ outcome: 'KESİN KAYIT', monthlyAmountCents: 12500, supportType: { code: 'BUYUKANNE' } });
    expect(decide(pack, { ...base, 'caregiver.grandmotherAge': 66 }, dates, { KIMLIK: true, BUYUKANNE_BEYANI: true }).monthlyAmountCents).toBe(15000);
    expect(decide(pack, { ...base, 'mother.grossWage': 15_000_001 }, dates, { KIMLIK: true, BUYUKANNE_BEYANI: true }).failedRules.map((r) => r.code)).toEqual(['UCRET']);
    expect(decide(pack, base, dates, { KIMLIK: true }).outcome).toBe('EKSİK EVRAK');
    const notGrandma = decide(pack, { ...base, 'caregiver.isGrandmother': false, 'caregiver.grandmotherAge': null }, dates, { KIMLIK: true });
    expect(notGrandma.failedRules.map((r) => r.code)).toEqual(['BUYUKANNE_SART']);
  });

  it('only a final registration carries a support type and an amount: a refusal and an incomplete file carry none', () => {
    const pack = parseRulePack(fixture(), 'DENEME-2030.json');
    const dates = { preRegistration: '2030-03-01T10:00:00', finalRegistration: '2030-07-01' };
    const base = { 'mother.tckn': tcknFromPrefix('111111111'), 'child.birthDate': '2029-12-01', 'mother.residenceProvince': '01', 'mother.grossWage': 15_000_000, 'caregiver.isGrandmother': true, 'caregiver.grandmotherAge': 60 };
    const refused = decide(pack, { ...base, 'mother.grossWage': 15_000_001 }, dates, { KIMLIK: true, BUYUKANNE_BEYANI: true });
    expect(refused).toMatchObject({ outcome: 'RET', supportType: null, monthlyAmountCents: null });
    const incomplete = decide(pack, base, dates, { KIMLIK: true });
    expect(incomplete).toMatchObject({ outcome: 'EKSİK EVRAK', supportType: null, monthlyAmountCents: null });
  });

  it('a broken pack is refused with the path of the bad field', () => {
    const bad = fixture();
    bad.rules[2].condition.times = 'üç';
    expect(() => parseRulePack(bad, 'bozuk.json')).toThrow(RulePackInvalid);
    try {
      parseRulePack(bad, 'bozuk.json');
    } catch (e) {
      expect((e as RulePackInvalid).path).toBe('rules[2].condition.times');
      expect((e as Error).message).toMatch(/^bozuk\.json: rules\[2\]\.condition\.times: /);
    }
  });

  it('a condition reading an undeclared fact is refused', () => {
    const bad = fixture();
    bad.rules[0].condition.from = 'child.birthDay';
    expect(() => parseRulePack(bad, 'typo.json')).toThrow(/rules\[0\]\.condition\.from: reads undeclared fact "child.birthDay"/);
  });

  it('an unknown operator is refused (no code runs from a pack)', () => {
    const bad = fixture();
    bad.rules[0].condition = { op: 'eval', code: 'process.exit(1)' };
    expect(() => parseRulePack(bad, 'evil.json')).toThrow(RulePackInvalid);
  });
});

describe('main and reserve lists', () => {
  const entries: ListEntry[] = Array.from({ length: 6 }, (_, i) => ({
    registrationNo: `R${i + 1}`,
    randevuNo: `35-2015-${String(10 - i).padStart(6, '0')}`,
    preRegisteredAt: `2015-06-25T10:00:0${i < 2 ? 0 : i}`,
    motherName: `Anne ${i + 1}`,
    motherTckn: tcknFromPrefix(`12345678${i + 1}`),
  }));

  it('orders by pre-registration time, then Randevu No; the first quota are main', () => {
    const l = computeLists(entries, 3, [], '2015-08-01');
    expect(l.map((x) => `${x.registrationNo}:${x.list}${x.position}`)).toEqual(['R2:ASIL1', 'R1:ASIL2', 'R3:ASIL3', 'R4:YEDEK1', 'R5:YEDEK2', 'R6:YEDEK3']);
    expect(formatPlacement(placementOf(l, 'R3')!)).toBe('Asil 3 / 3');
    expect(formatPlacement(placementOf(l, 'R5')!)).toBe('Yedek 2');
  });

  it('when a mother leaves the main list the first reserve moves up; past dates are recomputed', () => {
    const left = [{ registrationNo: 'R1', at: '2015-09-01', reason: 'İşten ayrıldı' }];
    expect(placementOf(computeLists(entries, 3, left, '2015-08-31'), 'R4')).toMatchObject({ list: 'YEDEK', position: 1 });
    expect(placementOf(computeLists(entries, 3, left, '2015-09-01'), 'R4')).toMatchObject({ list: 'ASIL', position: 3 });
    expect(placementOf(computeLists(entries, 3, left, '2015-09-01'), 'R1')).toBeNull();
  });

  it('formats Turkish thousands', () => {
    expect(formatPlacement({ registrationNo: 'x', list: 'ASIL', position: 1204, of: 1750 })).toBe('Asil 1.204 / 1.750');
  });
});
