import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyKey } from '../../database/connection';
import { dataKeysOf, openVault, readSlotFile } from '../../database/keySlots';

/** The prefix of the one temp folder a decrypted ledger copy may ever sit in (tests only). */
export const PLAIN_COPY_PREFIX = 'masa-plain-';

/**
 * A whole decrypted copy of a ledger file (every page, free ones too), for tests that search
 * its bytes for erased values. The copy holds every applicant's data and the desk's private
 * key: it lives in its own temp folder, which is removed in `finally` before this returns,
 * whether decrypting worked or not. Only the bytes come back.
 */
export function decryptedLedgerBytes(dataDir: string, user: { username: string; password: string }): Buffer {
  const slots = readSlotFile(path.join(dataDir, 'masa.keys.json'));
  const key = dataKeysOf(slots, openVault(slots, 'user', user.username, user.password)!)[0]!.key;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), PLAIN_COPY_PREFIX));
  try {
    const copy = path.join(folder, 'copy.ledger');
    fs.copyFileSync(path.join(dataDir, 'masa.ledger'), copy);
    const db = new Database(copy);
    try {
      applyKey(db, key);
      db.pragma('journal_mode = DELETE');
      db.pragma("rekey = ''"); // rewrites every page without encryption
    } finally {
      db.close();
    }
    return fs.readFileSync(copy);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
