import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { openEncrypted } from './connection';
import { DatabaseError } from '../shared/errors';
import { ledgerPaths } from '../files/paths';
import { HEAD, makeLedger, TEST_KDF, tempDir } from '../testing/fixtures';
import { createLedger, unlockLedger } from './vault';
import { verifyChain } from '../ledger/verify';
import { rawHandle } from '../testing/internals';

// Run children as `node --import tsx` (not the tsx wrapper) so the signal that kills them is seen here.
const NODE = process.execPath;
const TSX_ARGS = ['--import', 'tsx'];

function unlock(dir: string, secret = HEAD.password, kind: 'user' | 'recovery' = 'user') {
  return unlockLedger({ dir, credentials: { kind, username: HEAD.username, secret }, kdf: TEST_KDF });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as DatabaseError).code;
  }
  return undefined;
}

/** Every file of the data folder, byte for byte (db, -wal, -shm, slots, anything left over). */
function allBytes(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}

describe('encryption at rest', () => {
  it('no name or T.C. Kimlik No appears in any file of the data folder, WAL included', () => {
    const { dir, store } = makeLedger(undefined, 0);
    const names = ['ŞÜKRAN ÖZTÜRK', 'Gülizar Çelikkaya'];
    const tckns = ['10000000146', '23456789012'];
    for (let i = 0; i < 200; i++) {
      store.ledger.record({ type: 'test', entity: `t:${i}`, userId: 1 }, (w) =>
        w.put('settings', { key: `k${i}`, value: `${names[i % 2]} ${tckns[i % 2]}` }),
      );
    }
    // While open the WAL holds the newest pages: check it too.
    expect(fs.existsSync(`${dir}/masa.ledger-wal`)).toBe(true);
    const haystack = allBytes(dir);
    for (const needle of [...names, ...tckns, HEAD.username === 'mudur' ? 'Ayşe Yılmaz' : '']) {
      expect(haystack.includes(Buffer.from(needle, 'utf8'))).toBe(false);
      expect(haystack.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
    }
    expect(haystack.includes(Buffer.from('SQLite format 3'))).toBe(false);
    store.close();
    const after = allBytes(dir);
    for (const needle of [...names, ...tckns]) expect(after.includes(Buffer.from(needle, 'utf8'))).toBe(false);
  });

  it('data files are owner-only', () => {
    const { dir, store } = makeLedger();
    store.close();
    for (const f of ['masa.ledger', 'masa.keys.json']) {
      expect(fs.statSync(path.join(dir, f)).mode & 0o077).toBe(0);
    }
  });
});

describe('unlocking', () => {
  it('opens with the password and with the recovery code, not with a wrong password', () => {
    const { dir, store, recoveryCode } = makeLedger(undefined, 2);
    store.close();
    unlock(dir).close();
    unlock(dir, recoveryCode, 'recovery').close();
    expect(codeOf(() => unlock(dir, 'yanlış-parola'))).toBe('SLOT_WRONG_SECRET');
    expect(codeOf(() => unlockLedger({ dir, credentials: { kind: 'user', username: 'kimse', secret: HEAD.password }, kdf: TEST_KDF }))).toBe(
      'SLOT_WRONG_SECRET',
    );
  });

  it('the ledger file opens only with its data key: a wrong or empty key is DB_WRONG_KEY, the file is untouched', () => {
    const { dir, store } = makeLedger(undefined, 3);
    store.close();
    const file = ledgerPaths(dir).db;
    const before = fs.readFileSync(file);
    expect(codeOf(() => openEncrypted(file, { key: randomBytes(32) }))).toBe('DB_WRONG_KEY');
    expect(codeOf(() => openEncrypted(file, { key: Buffer.alloc(32) }))).toBe('DB_WRONG_KEY');
    // Without any key SQLite sees random bytes: not a database.
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const s = unlock(dir);
    expect(verifyChain(rawHandle(s))).toMatchObject({ ok: true });
    s.close();
  });

  it('a missing slot file is an error, never a new ledger', () => {
    const { dir, store } = makeLedger(undefined, 2);
    store.close();
    fs.rmSync(`${dir}/masa.keys.json`);
    expect(codeOf(() => unlock(dir))).toBe('SLOTS_MISSING');
    expect(
      codeOf(() => createLedger({ dir, headUsername: 'x', headPassword: 'yyyyyyyyyyyy', kdf: TEST_KDF, initialize: () => undefined })),
    ).toBe('DB_EXISTS');
  });

  it('a missing database next to its slots is an error, never a new empty ledger', () => {
    const { dir, store } = makeLedger(undefined, 2);
    store.close();
    fs.rmSync(`${dir}/masa.ledger`);
    expect(codeOf(() => unlock(dir))).toBe('DB_MISSING');
    expect(fs.existsSync(`${dir}/masa.ledger`)).toBe(false);
  });

  it('a corrupt slot file is refused with SLOTS_CORRUPT', () => {
    const { dir, store } = makeLedger();
    store.close();
    const p = `${dir}/masa.keys.json`;
    const good = fs.readFileSync(p, 'utf8');
    fs.writeFileSync(p, good.slice(0, good.length / 2));
    expect(codeOf(() => unlock(dir))).toBe('SLOTS_CORRUPT');
    fs.writeFileSync(p, JSON.stringify({ ...JSON.parse(good), dataKeys: [] }));
    expect(codeOf(() => unlock(dir))).toBe('SLOTS_CORRUPT');
    // A wrapped data key with a flipped byte: the vault opens, the data key does not.
    const j = JSON.parse(good);
    const ct = Buffer.from(j.dataKeys[0].ct, 'base64');
    ct[0]! ^= 1;
    j.dataKeys[0].ct = ct.toString('base64');
    fs.writeFileSync(p, JSON.stringify(j));
    expect(codeOf(() => unlock(dir))).toBe('SLOTS_CORRUPT');
  });

  it('a slot moved to another username does not open', () => {
    const { dir, store } = makeLedger();
    store.close();
    const p = `${dir}/masa.keys.json`;
    const j = JSON.parse(fs.readFileSync(p, 'utf8'));
    j.slots[0].username = 'baskasi';
    fs.writeFileSync(p, JSON.stringify(j));
    expect(codeOf(() => unlockLedger({ dir, credentials: { kind: 'user', username: 'baskasi', secret: HEAD.password }, kdf: TEST_KDF }))).toBe(
      'SLOT_WRONG_SECRET',
    );
  });
});

describe('damaged files', () => {
  // Flip bytes in random pages: the cipher's per-page HMAC must turn this into an error on open
  // or read, never into silently wrong data.
  for (let round = 0; round < 6; round++) {
    it(`bytes flipped in a random page of the database (round ${round + 1})`, () => {
      const { dir, store } = makeLedger(undefined, 300);
      store.close();
      const p = `${dir}/masa.ledger`;
      const buf = fs.readFileSync(p);
      const pages = buf.length / 4096;
      const page = 1 + Math.floor(Math.random() * (pages - 1));
      const at = page * 4096 + 100 + Math.floor(Math.random() * 3800);
      buf[at]! ^= 0xff;
      fs.writeFileSync(p, buf);
      let outcome: string;
      try {
        const s = unlock(dir);
        expect(rawHandle(s).pragma('freelist_count', { simple: true })).toBe(0); // every page holds data
        const v = verifyChain(rawHandle(s));
        // integrity_check reads every page of every table and index.
        const check = rawHandle(s).pragma('integrity_check', { simple: true });
        outcome = v.ok && check === 'ok' ? 'read-ok' : 'check-failed';
        s.close();
      } catch (e) {
        outcome = `error:${(e as { code?: string }).code}`;
      }
      // The only acceptable outcomes: an error, or verify reporting the damage. Reading the
      // whole ledger without complaint would mean damaged data was served as good.
      expect(outcome).not.toBe('read-ok');
    });
  }

  it('bytes flipped in the WAL: an error or the damaged frames are ignored, never wrong data', () => {
    const { dir, store } = makeLedger(undefined, 0);
    for (let i = 0; i < 50; i++) store.ledger.record({ type: 't', entity: `e${i}`, userId: 1 }, (w) => w.put('settings', { key: `k${i}`, value: `v${i}` }));
    // Copy the open database with its WAL, as a crash would leave them.
    const copy = tempDir();
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    store.close();
    const wal = fs.readFileSync(`${copy}/masa.ledger-wal`);
    wal[Math.floor(wal.length / 2)]! ^= 0xff;
    fs.writeFileSync(`${copy}/masa.ledger-wal`, wal);
    try {
      const s = unlock(copy);
      const v = verifyChain(rawHandle(s));
      // SQLite stops replaying the WAL at the first bad frame checksum: a shorter but consistent chain.
      expect(v.ok).toBe(true);
      const rows = rawHandle(s).prepare("SELECT key, value FROM settings WHERE key LIKE 'k%'").all() as { key: string; value: string }[];
      for (const r of rows) expect(r.value).toBe(`v${r.key.slice(1)}`);
      s.close();
    } catch (e) {
      expect(e).toBeInstanceOf(DatabaseError);
    }
  });
});

describe('crash safety', () => {
  it('SIGKILL in the middle of a stream of writes loses nothing acknowledged', async () => {
    const { dir, store } = makeLedger();
    store.close();
    const child = spawn(NODE, [...TSX_ARGS, path.resolve('database/testing/writerChild.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = 0;
    let lastIndex = -1;
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) {
          const [, seq, i] = l.split(' ');
          acked = Number(seq);
          lastIndex = Number(i);
        }
        if (acked >= 150 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acked).toBeGreaterThanOrEqual(150);
    const s = unlock(dir);
    expect(verifyChain(rawHandle(s)).ok).toBe(true);
    expect(s.ledger.head().seq).toBeGreaterThanOrEqual(acked);
    // Every acknowledged head was witnessed, and nothing the ledger holds is behind it.
    expect(s.witnessCheck).toEqual({ state: 'ok' });
    const n = (rawHandle(s).prepare("SELECT count(*) n FROM settings WHERE key LIKE 'w.%'").get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(lastIndex + 1);
    s.close();
  });

  function runChild(dir: string, op: 'password' | 'recovery' | 'rekey', crashAt: string, secret = 'Yeni-Parola-9876') {
    return spawnSync(NODE, [...TSX_ARGS, path.resolve('database/testing/secretChild.ts'), dir, op, secret], {
      env: { ...process.env, MASA_TEST_CRASH_AT: crashAt },
      encoding: 'utf8',
    });
  }

  /** Whether the ledger holds an event of this type (opened with a secret that still opens). */
  function hasEvent(dir: string, secret: string, kind: 'user' | 'recovery', type: string): boolean {
    const s = unlock(dir, secret, kind);
    try {
      return rawHandle(s).prepare('SELECT 1 FROM events WHERE type = ?').get(type) !== undefined;
    } finally {
      s.close();
    }
  }

  // Each step of the change (database/vault/slotChange.ts): new slot written beside the old (before and
  // after its rename), the event written but not committed, committed, the old slot retired.
  const CHANGE_STEPS = ['slots-pending:written', 'slots-pending:renamed', 'record:@', 'committed:@', 'slots-settled:written', 'slots-settled:renamed', ''];
  const committedBy = (point: string) => point.startsWith('committed:') || point.startsWith('slots-settled:') || point === '';

  for (const step of CHANGE_STEPS) {
    const point = step.replace('@', 'user.password_changed');
    it(`SIGKILL during a password change (${point || 'no crash'}): exactly the old or the new password opens, and it is the one the event says`, () => {
      const { dir, store } = makeLedger(undefined, 3);
      store.close();
      const r = runChild(dir, 'password', point);
      expect(r.signal).toBe(point ? 'SIGKILL' : null);
      const opens = (pw: string) => codeOf(() => unlock(dir, pw).close()) === undefined;
      const oldOk = opens(HEAD.password);
      const newOk = opens('Yeni-Parola-9876');
      expect(oldOk !== newOk).toBe(true);
      expect(newOk).toBe(committedBy(point));
      expect(hasEvent(dir, newOk ? 'Yeni-Parola-9876' : HEAD.password, 'user', 'user.password_changed')).toBe(newOk);
      // The next open settled the file: one slot for the user, no pending mark left.
      const slots = JSON.parse(fs.readFileSync(ledgerPaths(dir).slots, 'utf8')).slots;
      expect(slots.filter((sl: { kind: string }) => sl.kind === 'user')).toHaveLength(1);
      expect(slots.some((sl: { pending?: unknown }) => sl.pending)).toBe(false);
    });
  }

  for (const step of CHANGE_STEPS) {
    const point = step.replace('@', 'ledger.recovery_code_replaced');
    it(`SIGKILL during a recovery-code change (${point || 'no crash'}): exactly the old or the new code opens, as the event says; the password keeps opening`, () => {
      const { dir, store, recoveryCode } = makeLedger(undefined, 3);
      store.close();
      const newCode = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
      const r = runChild(dir, 'recovery', point, newCode);
      expect(r.signal).toBe(point ? 'SIGKILL' : null);
      const opens = (code: string) => codeOf(() => unlock(dir, code, 'recovery').close()) === undefined;
      const oldOk = opens(recoveryCode);
      const newOk = opens(newCode);
      expect(oldOk !== newOk).toBe(true);
      expect(newOk).toBe(committedBy(point));
      expect(hasEvent(dir, HEAD.password, 'user', 'ledger.recovery_code_replaced')).toBe(newOk);
    });
  }

  for (const point of ['rekey:copied', 'rekey-both:written', 'rekey:slots-both', 'rekey:swapped', 'rekey:witness', 'rekey-final:written', 'rekey:done', '']) {
    it(`SIGKILL during a rekey (${point || 'no crash'}): the ledger opens, verifies and keeps its data`, () => {
      const { dir, store } = makeLedger(undefined, 20);
      const headBefore = store.ledger.head();
      store.close();
      const r = runChild(dir, 'rekey', point);
      expect(r.signal).toBe(point ? 'SIGKILL' : null);
      const s = unlock(dir);
      expect(verifyChain(rawHandle(s)).ok).toBe(true);
      expect(s.ledger.head()).toEqual(headBefore);
      // The witness, rewritten under the new key or not yet, agrees with the ledger either way.
      expect(s.witnessCheck).toEqual({ state: 'ok' });
      s.close();
      // Whatever happened, the folder is tidy afterwards: one data key, no leftover copy.
      const slots = JSON.parse(fs.readFileSync(ledgerPaths(dir).slots, 'utf8'));
      expect(slots.dataKeys).toHaveLength(1);
      expect(fs.existsSync(ledgerPaths(dir).dbRekey)).toBe(false);
    });
  }

  it('a rekey really changes the data key', () => {
    const { dir, store } = makeLedger(undefined, 5);
    const before = JSON.parse(fs.readFileSync(ledgerPaths(dir).slots, 'utf8')).dataKeys[0].keyId;
    store.rekey();
    store.ledger.record({ type: 'after', entity: 'x', userId: 1 }, (w) => w.put('settings', { key: 'after', value: '1' }));
    store.close();
    const after = JSON.parse(fs.readFileSync(ledgerPaths(dir).slots, 'utf8')).dataKeys[0].keyId;
    expect(after).not.toBe(before);
    const s = unlock(dir);
    expect(verifyChain(rawHandle(s))).toMatchObject({ ok: true, headSeq: 7 });
    s.close();
  });
});
