import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../rules';
import compiled from '../rules/compiledPackHashes.json';
import { setUpApp } from '../testing/appFixture';
import { decisionPackOf } from './packStore';

/**
 * A desk upgraded from a release that compiled its packs in: its registrations name those
 * packs' hashes, which no pack file has. They must still replay and print (as edition 0 with the
 * hash they recorded), never show as "pack unknown" in verify.
 */
describe('decisions recorded by releases before pack files', () => {
  it('each compiled-in hash names a built-in programme, replays with its first edition, and keeps its own hash', async () => {
    const t = await setUpApp({});
    const builtIn = [...loadRulePacks().values()];
    const entries = Object.entries(compiled.hashes);
    expect(entries.length).toBeGreaterThanOrEqual(builtIn.length);
    for (const p of builtIn) expect(entries.some(([, code]) => code === p.code), p.code).toBe(true);
    for (const [hash, code] of entries) {
      const known = decisionPackOf(t.app, hash);
      expect(known, hash).toBeDefined();
      expect(known!.pack.code).toBe(code);
      expect(known!.pack.edition).toBe(Math.min(...builtIn.filter((p) => p.code === code).map((p) => p.edition)));
      expect(known!.identity).toMatchObject({ code, edition: 0, hash, label: `${code}#0:${hash.slice(0, 8)}` });
    }
    expect(decisionPackOf(t.app, 'ab'.repeat(32))).toBeUndefined();
    expect(decisionPackOf(t.app, 'hasOwnProperty')).toBeUndefined();
  });
});
