import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD_USER, setUpApp } from './appFixture';
import { decryptedLedgerBytes, PLAIN_COPY_PREFIX } from './decryptedLedger';

/**
 * A decrypted ledger (applicants' data and the desk's private key in the clear) is never left
 * on disk by the tests: the one helper that makes one removes its folder in `finally`, and no
 * other file in the project decrypts a ledger to disk.
 */
const savedTmp = process.env.TMPDIR;
const made: string[] = [];
afterEach(() => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A private temp folder for the helper (os.tmpdir() follows TMPDIR), so parallel runs cannot interfere. */
function privateTmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-tmp-watch-'));
  made.push(d);
  process.env.TMPDIR = d;
  return d;
}

describe('decrypted ledger copies in tests', () => {
  it('gives the plaintext bytes and leaves nothing in the temp folder', async () => {
    const t = await setUpApp();
    made.push(t.app.dataDir);
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const tmp = privateTmp();
    const bytes = decryptedLedgerBytes(t.app.dataDir, HEAD_USER);
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('removes its folder when decrypting fails half-way', async () => {
    const t = await setUpApp();
    made.push(t.app.dataDir);
    await t.ok('auth.logout', {});
    t.app.shutdown();
    fs.writeFileSync(path.join(t.app.dataDir, 'masa.ledger'), Buffer.alloc(64 * 1024, 7)); // not a ledger: the key does not open it
    fs.rmSync(path.join(t.app.dataDir, 'masa.ledger-wal'), { force: true });
    const tmp = privateTmp();
    expect(() => decryptedLedgerBytes(t.app.dataDir, HEAD_USER)).toThrow();
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith(PLAIN_COPY_PREFIX))).toEqual([]);
  });

  it('no other file in the project writes a ledger without its encryption', () => {
    const roots = ['main', 'database', 'scripts', 'bench', 'e2e', 'hq'];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs|js)$/.test(e.name) && p !== path.join('main', 'testing', 'decryptedLedger.ts') && p !== path.join('main', 'testing', 'decryptedLedger.test.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          if (/rekey\s*=\s*(''|"")|sqlcipher_export|masa-plain-/.test(text)) offenders.push(p);
        }
      }
    };
    for (const r of roots) walk(r);
    expect(offenders).toEqual([]);
  });
});
