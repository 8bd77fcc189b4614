import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAD_WITNESS_FILE, readWitness } from './headWitness';
import { ledgerPaths } from '../files/paths';
import { HEAD, makeLedger as makeLedgerIn, TEST_KDF, tempDir as tempDirIn } from '../testing/fixtures';
import { unlockLedger, type LedgerStore } from '../vault/vault';
import { verifyChain } from './verify';
import { rawHandle } from '../testing/internals';

/**
 * The witness of the last acknowledged head (headWitness.ts, issue 22.1). The losses are made
 * for real: the data folder is copied while the ledger is open with committed events still only
 * in its -wal (as after a crash before the checkpoint), then the copy's -wal is deleted, damaged
 * or kept; the copy is what the next start opens.
 */
/** Every folder made here is removed afterwards (they hold ledgers with their keys). */
const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(prefix?: string): string {
  const d = tempDirIn(prefix);
  made.push(d);
  return d;
}
function makeLedger(dir: string | undefined, events: number) {
  const l = makeLedgerIn(dir ?? tempDir(), events);
  return l;
}

function unlock(dir: string): LedgerStore {
  return unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
}

function note(store: LedgerStore, i: number): void {
  store.ledger.record({ type: 'test.note', entity: `note:${i}`, userId: 1 }, (w) => w.put('settings', { key: `later.${i}`, value: `değer ${i}` }));
}

/** A ledger with `checkpointed` events in its file and `inWal` more committed only into its -wal; a copy of the folder as a crash would leave it. */
function crashedCopy(inWal: number): { dir: string; head: { seq: number; hash: string }; fileHead: number } {
  const { dir: live, store } = makeLedger(undefined, 5);
  rawHandle(store).pragma('wal_checkpoint(TRUNCATE)');
  const fileHead = store.ledger.head().seq;
  // No automatic checkpoint meanwhile: the new events stay in the -wal only.
  rawHandle(store).pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < inWal; i++) note(store, i);
  const head = store.ledger.head();
  const dir = tempDir('masa-witness-');
  for (const f of fs.readdirSync(live)) fs.copyFileSync(path.join(live, f), path.join(dir, f));
  store.close();
  fs.rmSync(live, { recursive: true, force: true });
  return { dir, head, fileHead };
}

describe('witness of the last acknowledged head', () => {
  it('every commit is witnessed before it returns; a reopened ledger agrees with it', () => {
    const { dir, store } = makeLedger(undefined, 3);
    const p = ledgerPaths(dir);
    const key = store.dataKey();
    const keyFor = (id: string) => (id === key.keyId ? key.key : null);
    for (let i = 0; i < 4; i++) {
      note(store, i);
      const read = readWitness(p.witness, keyFor);
      expect(read).toMatchObject({ state: 'ok', head: store.ledger.head() });
    }
    // Several events in the caller's own transaction: witnessed once that transaction has ended.
    rawHandle(store).transaction(() => {
      note(store, 10);
      note(store, 11);
    })();
    return Promise.resolve().then(() => {
      expect(readWitness(p.witness, keyFor)).toMatchObject({ state: 'ok', head: store.ledger.head() });
      expect(fs.statSync(p.witness).mode & 0o077).toBe(0);
      store.close();
      const s = unlock(dir);
      expect(s.witnessCheck).toEqual({ state: 'ok' });
      s.close();
    });
  });

  it('the -wal deleted after a crash: the ledger is consistent but behind its witness, and says so', () => {
    const { dir, head, fileHead } = crashedCopy(6);
    fs.rmSync(path.join(dir, 'masa.ledger-wal'));
    const s = unlock(dir);
    // The chain alone cannot see it: consistent up to its last surviving event.
    expect(verifyChain(rawHandle(s))).toMatchObject({ ok: true, headSeq: fileHead });
    expect(s.witnessCheck).toEqual({ state: 'behind', witnessSeq: head.seq, ledgerSeq: fileHead });
    s.close();
    // Nothing was rewritten: the finding stays until a restore.
    const again = unlock(dir);
    expect(again.witnessCheck.state).toBe('behind');
    again.close();
  });

  it('one byte flipped in the -wal after a crash: the frames after it are dropped by SQLite, and the loss is seen', () => {
    const { dir, head } = crashedCopy(6);
    const wal = path.join(dir, 'masa.ledger-wal');
    const bytes = fs.readFileSync(wal);
    // Inside the second frame (32-byte header, then 24-byte frame headers and 4096-byte pages).
    bytes[32 + (24 + 4096) + 24 + 100]! ^= 0x01;
    fs.writeFileSync(wal, bytes);
    const s = unlock(dir);
    expect(s.witnessCheck).toMatchObject({ state: 'behind', witnessSeq: head.seq });
    s.close();
  });

  it('the whole -wal kept: nothing lost, nothing reported', () => {
    const { dir, head } = crashedCopy(6);
    const s = unlock(dir);
    expect(s.witnessCheck).toEqual({ state: 'ok' });
    expect(s.ledger.head()).toEqual(head);
    s.close();
  });

  it('a missing, edited or foreign witness is a finding, never silently replaced', () => {
    const { dir, store } = makeLedger(undefined, 3);
    store.close();
    const p = ledgerPaths(dir);
    const good = fs.readFileSync(p.witness);

    fs.rmSync(p.witness);
    expect(unlockStates(dir)).toBe('missing');

    // The sequence number raised by hand: the HMAC no longer fits.
    fs.writeFileSync(p.witness, good.toString('utf8').replace(/"seq":(\d+)/g, '"seq":99'));
    expect(unlockStates(dir)).toBe('invalid');

    // Another office's witness (its own key): not authenticated by this ledger's keys.
    const other = makeLedger(undefined, 3);
    other.store.close();
    fs.copyFileSync(path.join(other.dir, HEAD_WITNESS_FILE), p.witness);
    expect(unlockStates(dir)).toBe('invalid');

    fs.writeFileSync(p.witness, good);
    expect(unlockStates(dir)).toBe('ok');
  });

  it('a ledger replaced by another with the same keys but a different event at the witnessed sequence is "forked"', () => {
    const { dir, store } = makeLedger(undefined, 3);
    // Copy of the folder now, then both go on differently.
    const copy = tempDir('masa-witness-fork-');
    rawHandle(store).pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    note(store, 1);
    store.close();
    const c = unlock(copy);
    c.ledger.record({ type: 'test.other', entity: 'x', userId: 1 }, (w) => w.put('settings', { key: 'other', value: '1' }));
    c.close();
    fs.copyFileSync(ledgerPaths(dir).witness, ledgerPaths(copy).witness);
    expect(unlockStates(copy)).toBe('forked');
  });

  it('limit, documented: the ledger and its witness rolled back together (an older copy of the whole folder) is not detected here', () => {
    const { dir, store } = makeLedger(undefined, 3);
    rawHandle(store).pragma('wal_checkpoint(TRUNCATE)');
    const old = tempDir('masa-witness-old-');
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(old, f));
    note(store, 1);
    store.close();
    // The signed daily file's `Defter Zinciri Başı` is the outside witness for this (docs/security.md).
    expect(unlockStates(old)).toBe('ok');
  });

  it('a rekey rewrites the witness under the new data key; the ledger reopens clean', () => {
    const { dir, store } = makeLedger(undefined, 3);
    store.rekey();
    note(store, 1);
    store.close();
    expect(unlockStates(dir)).toBe('ok');
  });
});

function unlockStates(dir: string): string {
  const s = unlock(dir);
  try {
    return s.witnessCheck.state;
  } finally {
    s.close();
  }
}
