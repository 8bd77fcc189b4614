import fs from 'node:fs';
import path from 'node:path';
import { signPack } from '../packSignature';

/** Test helpers: a pack file written from a built-in one, changed, and signed with a test key. */
export const builtinPackJson = (code: string) => JSON.parse(fs.readFileSync(`main/rules/packs/${code}.json`, 'utf8'));

export function writeSignedPack(dir: string, name: string, pack: unknown, privateKeyPem: string | null): string {
  const file = path.join(dir, name);
  const bytes = Buffer.from(`${JSON.stringify(pack, null, 1)}\n`);
  fs.writeFileSync(file, bytes);
  if (privateKeyPem) fs.writeFileSync(`${file}.sig`, JSON.stringify(signPack(name, bytes, privateKeyPem)));
  return file;
}

/** BAKICI-2020 edition 2: a new minimum-wage period from 2027 and nothing else (a parameter-only edition). */
export function bakiciEdition2(): Record<string, any> {
  const p = builtinPackJson('BAKICI-2020');
  p.edition = 2;
  p.supersedes = 1;
  p.validFrom = '2027-01-01';
  p.changeNote = { tr: '2027 ev hizmetleri asgari ücreti', en: '2027 domestic minimum wage' };
  for (const table of [p.parameters.minimumWage, p.parameters.domesticMinimumWage]) {
    table[table.length - 1].to = '2026-12-31';
    table.push({ from: '2027-01-01', to: null, amount: 4_000_000, source: 'test: 2027 (uydurma)' });
  }
  // Its own example: a caregiver paid 30,000 TL, above the 2024 figure, is now below the 2027 one.
  p.examples = [
    {
      name: { tr: '2027: asgari ücretin altında bakıcı ücreti', en: '2027: caregiver wage below the minimum' },
      dates: { preRegistration: '2027-02-01T10:00:00', finalRegistration: '2027-03-01' },
      facts: { ...p.examples[0].facts, 'child.birthDate': '2026-06-01', 'caregiver.monthlyWage': 3_000_000 },
      documents: p.examples[0].documents,
      expect: { outcome: 'RET' },
    },
  ];
  return p;
}

/**
 * A fourth programme written as a pack file only: BAKICI-2027, the successor of BAKICI-2020
 * with 2027 amounts and its own quota (made-up figures for the test).
 */
export function bakici2027(): Record<string, any> {
  const p = builtinPackJson('BAKICI-2020');
  p.code = 'BAKICI-2027';
  p.name = { tr: 'Eğitimli Çocuk Bakıcısı Desteği 2027 (test)', en: 'Trained Caregiver Support 2027 (test)' };
  p.validFrom = '2027-01-01';
  p.changeNote = { tr: 'Yeni program: 2027 tutarları ve kontenjanı', en: 'New programme: 2027 amounts and quota' };
  p.windows = { preRegistration: { from: '2027-01-01', to: null }, finalRegistration: { from: '2027-01-01', to: null }, lastEntitlementMonth: null };
  p.provinces = [{ code: '35', name: 'İzmir', quota: 2 }];
  for (const s of p.supportTypes) s.amounts = [{ from: '2027-01-01', to: null, amount: s.code === 'OZEL_GEREKSINIM' ? 450_00 : 400_00 }];
  const base = { ...p.examples[0].facts, 'child.birthDate': '2026-06-01', 'mother.residenceProvince': '35', 'caregiver.monthlyWage': 2_500_000 };
  const dates = { preRegistration: '2027-01-10T10:00:00', finalRegistration: '2027-03-01' };
  p.examples = [
    { name: { tr: 'Eksiksiz başvuru', en: 'A complete application' }, dates, facts: base, documents: p.examples[0].documents, expect: { outcome: 'KESİN KAYIT', monthlyAmountCents: 400_00, failedRules: [] } },
    { name: { tr: 'İl programda yok', en: 'Province not in the programme' }, dates, facts: { ...base, 'mother.residenceProvince': '06' }, documents: p.examples[0].documents, expect: { outcome: 'RET', failedRules: ['ANNE_IL'] } },
  ];
  return p;
}
