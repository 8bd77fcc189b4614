/**
 * Rule packs as signed files (issue 18), part of bench/rules.ts and runnable alone:
 *
 *   npx tsx bench/rulePacks.ts
 *
 * 1. Load + signature check + `pack check` of one pack, through the real handler
 *    (`rules.packLoad` on an encrypted ledger: file read, .sig, Ed25519, schema, references,
 *    periods, examples decided, downgrade check, one ledger event). Target < 200 ms median.
 * 2. Decisions per second before and after: "before" decides with the one pack the code named
 *    (what the desk did before packs were files; here the same pack the choice returns, so only
 *    the choosing differs); "after" first chooses the pack by code, dates
 *    and edition among built-in and loaded packs, then decides. Same process, interleaved runs.
 *    Target: after within 10 % of before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../database/testing/fixtures';
import { decide } from '../main/rules';
import { choosePack } from '../main/rules/packChoice';
import { createHqKeyPair } from '../main/rules/packSignature';
import { bakiciEdition2, writeSignedPack } from '../main/rules/testing/packFiles';
import { allPacks } from '../main/services/packStore';
import { setUpApp } from '../main/testing/appFixture';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { median, verdict } from './stats';

export async function benchRulePacks(): Promise<void> {
  const t = await setUpApp({ now: () => new Date('2027-03-01T07:00:00Z') });
  const dir = tempDir('masa-bench-packs-');
  try {
    const hq = createHqKeyPair();
    await t.ok('rules.hqKeyAdd', { pem: hq.publicKeyPem, confirmFingerprint: hq.fingerprint, name: 'bench' });
    const RUNS = 21;
    // Each load needs a higher edition (no downgrade): editions 2..22, signed beforehand (not timed).
    const files = Array.from({ length: RUNS }, (_, i) => {
      const p = bakiciEdition2();
      p.edition = i + 2;
      return writeSignedPack(dir, `BAKICI-2020-${i + 2}.json`, p, hq.privateKeyPem);
    });
    const bytes = fs.statSync(files[0]!).size;
    const loads: number[] = [];
    for (const f of files) {
      const t0 = performance.now();
      await t.ok('rules.packLoad', { path: f });
      loads.push(performance.now() - t0);
    }
    const lm = median(loads);
    console.log(`pack load (rules.packLoad: read ${Math.round(bytes / 1024)} kB + .sig + Ed25519 + pack check with its example + ledger event), median of ${RUNS}: ${lm.toFixed(1)} ms   target < 200 ms ${verdict(lm < 200)}`);

    // Decisions: BAKICI-2020 applications of 2027, with 1 built-in and 21 loaded editions present.
    const packs = allPacks(t.app);
    const N = 50_000;
    const dates = { preRegistration: '2027-02-01T10:00:00', finalRegistration: '2027-03-01' };
    // The same pack both ways, so that only the choosing differs (not what the pack decides).
    const fixed = choosePack(packs, 'BAKICI-2020', dates)!;
    const all = Array.from({ length: N }, (_, i) => ({ ...bakiciFacts({ 'caregiver.monthlyWage': 3_000_000 + (i % 500) * 10_000 }), 'child.birthDate': '2026-06-01', 'mother.residenceProvince': '35', 'mother.tckn': '12345678950', 'child.tckn': '22345678928' }));
    const before: number[] = [];
    const after: number[] = [];
    // Paired runs, 9 of them: on the shared machine the load moves between runs, so the verdict is
    // the median of each run's after/before (both halves of a pair see the same load).
    const RATIO_RUNS = 9;
    for (let run = 0; run < RATIO_RUNS; run++) {
      let t0 = performance.now();
      for (const f of all) decide(fixed, f, dates, BAKICI_DOCUMENTS);
      before.push(N / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      for (const f of all) decide(choosePack(packs, 'BAKICI-2020', dates)!, f, dates, BAKICI_DOCUMENTS);
      after.push(N / ((performance.now() - t0) / 1000));
    }
    const b = median(before);
    const a = median(after);
    const ratio = median(after.map((x, i) => x / before[i]!));
    console.log(
      `decisions/s, ${N.toLocaleString('en')} applications, median of ${RATIO_RUNS}: before (one named pack) ${Math.round(b).toLocaleString('en')}/s, after (pack chosen among ${packs.length} by code, dates, edition) ${Math.round(a).toLocaleString('en')}/s; median of the paired after/before = ${(ratio * 100).toFixed(1)} % (runs ${after.map((x, i) => `${((x / before[i]!) * 100).toFixed(0)}`).join(' ')})   target >= 90 % ${verdict(ratio >= 0.9)}`,
    );
  } finally {
    t.app.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(t.app.dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) await benchRulePacks();
