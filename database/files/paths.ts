import fs from 'node:fs';
import path from 'node:path';
import { HEAD_WITNESS_FILE } from '../ledger/headWitness';

export interface LedgerPaths {
  dir: string;
  db: string;
  /** The database while first-run setup is still writing it; renamed to `db` when complete. */
  dbPending: string;
  /** Left over from an interrupted rekey (safe to delete: the live file is still `db`). */
  dbRekey: string;
  slots: string;
  /** The witness of the last acknowledged chain head (headWitness.ts). */
  witness: string;
}

export function ledgerPaths(dir: string): LedgerPaths {
  return {
    dir,
    db: path.join(dir, 'masa.ledger'),
    dbPending: path.join(dir, 'masa.ledger.setup'),
    dbRekey: path.join(dir, 'masa.ledger.rekey'),
    slots: path.join(dir, 'masa.keys.json'),
    witness: path.join(dir, HEAD_WITNESS_FILE),
  };
}

export type LedgerPresence = 'none' | 'complete' | 'finish-setup' | 'slots-missing' | 'db-missing';

/**
 * What is in the data folder. Only 'none' may lead to a new ledger: a missing database next to
 * a slot file (or the reverse) is an error to show, never a reason to start afresh.
 */
export function ledgerPresence(p: LedgerPaths): LedgerPresence {
  const db = fs.existsSync(p.db);
  const slots = fs.existsSync(p.slots);
  if (db && slots) return 'complete';
  if (db && !slots) return 'slots-missing';
  if (!db && slots) return fs.existsSync(p.dbPending) ? 'finish-setup' : 'db-missing';
  return 'none';
}

export function ensureDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
