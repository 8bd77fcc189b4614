import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAD, makeLedger, TEST_KDF } from '../testing/fixtures';
import { CHECKPOINT_DELAY_MS, unlockLedger, type LedgerStore } from '../vault/vault';
import { verifyChain } from './verify';
import { rawHandle } from '../testing/internals';

/**
 * A large write's WAL is not copied into the ledger file inside its COMMIT but a little later
 * (LedgerStore.largeWrite). Observed from the files: right after the write the ledger file has
 * not grown (its pages are only in the WAL); once the checkpoint has run, it has.
 */
const ROWS = 3000; // about 6 MB of pages: well past SQLite's 1,000-page automatic checkpoint

function writeMany(store: LedgerStore, tag: string) {
  store.ledger.record({ type: 'test.bulk', entity: `bulk:${tag}`, userId: 1 }, (w) => {
    for (let i = 0; i < ROWS; i++) w.put('settings', { key: `${tag}.${i}`, value: randomBytes(1000).toString('hex') });
  });
}

const size = (f: string) => fs.statSync(f).size;
const unlock = (dir: string) => unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
const count = (store: LedgerStore) => (rawHandle(store).prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'large.%'").get() as { n: number }).n;

describe('checkpoint after a large write', () => {
  it('runs inside the COMMIT without largeWrite; with it, later, and the file then holds every page', async () => {
    const { dir, store } = makeLedger();
    const db = store.paths.db;
    const start = size(db);
    writeMany(store, 'plain');
    // SQLite's own checkpoint ran in the COMMIT: the file grew at once.
    const afterPlain = size(db);
    expect(afterPlain).toBeGreaterThan(start + ROWS * 2000);

    const t0 = performance.now();
    await store.largeWrite(() => writeMany(store, 'large'));
    // Nothing copied yet: the new pages are only in the WAL, and the data is there.
    expect(size(db)).toBeLessThan(afterPlain + ROWS * 1000);
    expect(size(`${db}-wal`)).toBeGreaterThan(ROWS * 2000);
    expect(count(store)).toBe(ROWS);
    // The automatic checkpoint is back for ordinary writes at once.
    expect(rawHandle(store).pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    await store.checkpointSettled();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(CHECKPOINT_DELAY_MS - 50);
    expect(size(db)).toBeGreaterThan(afterPlain + ROWS * 2000);
    store.close();
    const again = unlock(dir);
    expect(count(again)).toBe(ROWS);
    expect(verifyChain(rawHandle(again)).ok).toBe(true);
    expect(rawHandle(again).pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('closing the ledger before the checkpoint has run loses nothing, and leaves no timer behind', async () => {
    const { dir, store } = makeLedger();
    await store.largeWrite(() => writeMany(store, 'large'));
    const settled = store.checkpointSettled();
    store.close();
    await settled; // resolved by the close, not left hanging
    expect(fs.existsSync(`${store.paths.db}-wal`) ? size(`${store.paths.db}-wal`) : 0).toBe(0);
    const again = unlock(dir);
    expect(count(again)).toBe(ROWS);
    expect(rawHandle(again).pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('a write that fails inside largeWrite changes nothing and still restores the automatic checkpoint', async () => {
    const { store } = makeLedger();
    await expect(
      store.largeWrite(() =>
        store.ledger.record({ type: 'test.bulk', entity: 'bulk:fail', userId: 1 }, (w) => {
          w.put('settings', { key: 'large.0', value: 'x' });
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    expect(count(store)).toBe(0);
    expect(rawHandle(store).pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    store.close();
  });
});
