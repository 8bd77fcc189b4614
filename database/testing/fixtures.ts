import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyKey } from '../vault/connection';
import { dataKeysOf, openVault, readSlotFile, type KdfParams } from '../vault/keySlots';
import { createLedger } from '../vault/vault';

/** Cheap scrypt for tests only: the real parameters take half a second per call. */
export const TEST_KDF: KdfParams = { alg: 'scrypt', N: 1024, r: 8, p: 1 };

export function tempDir(prefix = 'masa-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const HEAD = { username: 'mudur', password: 'Gizli-Parola-2026' };

/** A fresh ledger with one office-head user row and the given number of extra events. */
export function makeLedger(dir = tempDir(), events = 0) {
  const { store, recoveryCode } = createLedger({
    dir,
    headUsername: HEAD.username,
    headPassword: HEAD.password,
    kdf: TEST_KDF,
    initialize(ledger) {
      ledger.record({ type: 'user.created', entity: 'user:1', userId: null }, (w) =>
        w.put('users', {
          id: 1,
          username: HEAD.username,
          display_name: 'Ayşe Yılmaz',
          role: 'HEAD',
          disabled: 0,
          must_change_password: 0,
          created_at: '2026-11-24T08:00:00.000Z',
        }),
      );
    },
  });
  for (let i = 0; i < events; i++) {
    store.ledger.record({ type: 'test.note', entity: `note:${i}`, userId: 1 }, (w) =>
      w.put('settings', { key: `note.${i}`, value: `ŞÜKRAN ÖZTÜRK ${i}` }),
    );
  }
  return { dir, store, recoveryCode };
}

/** The data key of the ledger in `dir`, opened with the office head's password (tests that open the file raw). */
export function ledgerKeyOf(dir: string): Buffer {
  const file = readSlotFile(`${dir}/masa.keys.json`);
  return dataKeysOf(file, openVault(file, 'user', HEAD.username, HEAD.password)!)[0]!.key;
}

/** The ledger file opened raw with its key, as a tamperer who knows the key would, triggers dropped. */
export function tamperableLedger(dir: string): Database.Database {
  const db = new Database(`${dir}/masa.ledger`);
  applyKey(db, ledgerKeyOf(dir));
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  return db;
}
