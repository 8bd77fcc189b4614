import fs from 'node:fs';
import { DatabaseError } from '../shared/errors';
import { readSlotFile } from '../vault/keySlots';
import type { LedgerPaths } from './paths';

/** The ledger's page size (SQLCipher 4 settings, connection.ts): a whole file is a multiple of it. */
export const LEDGER_PAGE_BYTES = 4096;

/**
 * What can be told about the data folder's two files without any secret: a ledger file that is
 * empty (0 bytes: SQLite would take it for a new, empty database and the ledger would be built
 * again from nothing) or cut short (not a whole number of pages), and a key file that is not a
 * key file or asks for an absurd scrypt cost. Each is its own DatabaseError; null if none is seen.
 * Called before every unlock and by the start screen, so such a folder is never opened, let
 * alone rebuilt, and the user is told what is wrong before typing a password.
 */
export function folderFinding(p: LedgerPaths): DatabaseError | null {
  let size: number;
  try {
    size = fs.statSync(p.db).size;
  } catch {
    return null; // missing: ledgerPresence says so
  }
  if (size === 0) return new DatabaseError('DB_EMPTY', 'the ledger file is empty (0 bytes)');
  if (size % LEDGER_PAGE_BYTES !== 0) return new DatabaseError('DB_TRUNCATED', 'the ledger file is not a whole number of pages', { bytes: size });
  try {
    readSlotFile(p.slots);
  } catch (err) {
    if (err instanceof DatabaseError && err.code !== 'SLOTS_MISSING') return err;
  }
  return null;
}
