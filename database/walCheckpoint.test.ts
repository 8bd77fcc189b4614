import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAD, makeLedger, TEST_KDF } from './testing/fixtures';
import { unlockLedger, type LedgerStore } from './vault';
import { verifyChain } from './verify';
import { checkpointInWorker } from './walCheckpoint';

/**
 * A large write's WAL is copied into the ledger file by a worker thread, not inside its COMMIT
 * (walCheckpoint.ts). Observed from the files: right after the write the ledger file has not
 * grown (its pages are only in the WAL); once the worker has answered, it has.
 */
const ROWS = 3000; // about 6 MB of pages: well past SQLite's 1,000-page automatic checkpoint

function writeMany(store: LedgerStore, tag: string) {
  store.ledger.record({ type: 'test.bulk', entity: `bulk:${tag}`, userId: 1 }, (w) => {
    for (let i = 0; i < ROWS; i++) w.put('settings', { key: `${tag}.${i}`, value: randomBytes(1000).toString('hex') });
  });
}

const size = (f: string) => fs.statSync(f).size;

describe('checkpoint after a large write', () => {
  it('inside the COMMIT without largeWrite; in the worker with it, and the file then holds every page', async () => {
    const { dir, store } = makeLedger();
    const db = store.paths.db;
    const start = size(db);
    writeMany(store, 'plain');
    // SQLite's own checkpoint ran in the COMMIT: the file grew at once.
    const afterPlain = size(db);
    expect(afterPlain).toBeGreaterThan(start + ROWS * 2000);

    store.largeWrite(() => writeMany(store, 'large'));
    // Nothing copied yet: the new pages are only in the WAL.
    expect(size(db)).toBeLessThan(afterPlain + ROWS * 1000);
    expect(size(`${db}-wal`)).toBeGreaterThan(ROWS * 2000);
    expect(await store.checkpointSettled()).toBe('ok');
    expect(size(db)).toBeGreaterThan(afterPlain + ROWS * 2000);

    // The automatic checkpoint is back for ordinary writes.
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    store.close();
    const again = unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
    expect((again.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'large.%'").get() as { n: number }).n).toBe(ROWS);
    expect(verifyChain(again.db).ok).toBe(true);
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('closing the ledger while the worker copies waits for it to let go of the file; nothing is lost', () => {
    const { dir, store } = makeLedger();
    store.largeWrite(() => writeMany(store, 'large'));
    store.close(); // at once: the worker has not answered yet
    // The files can be renamed (what a restore or a rekey does next), and the ledger opens whole.
    const moved = `${dir}-moved`;
    fs.renameSync(dir, moved);
    const again = unlockLedger({ dir: moved, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF });
    expect((again.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'large.%'").get() as { n: number }).n).toBe(ROWS);
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('a worker that cannot load SQLite, or has the wrong key, says so instead of checkpointing', async () => {
    const { store } = makeLedger();
    const db = store.paths.db;
    expect(await checkpointInWorker(db, randomBytes(32), '/yok/boyle-bir-modul').result).toMatch(/^unavailable: MODULE_NOT_FOUND/);
    expect(await checkpointInWorker(db, randomBytes(32)).result).toMatch(/^error: SQLITE_NOTADB/);
    store.close();
  });
});
