import path from 'node:path';
import { BACKUP_LEDGER, BACKUP_SLOTS, readBackupManifest, type BackupManifest } from './backup';
import { manifestDigest } from './backupSeal';
import { openEncrypted, type RawDatabase } from '../vault/connection';
import { sha256File, type FileDigest } from './copyHashed';
import { DatabaseError } from '../shared/errors';
import { latestVersion, schemaVersion } from '../migrations/migrate';
import { checkLedgerInParallel } from './chainWorkers';
import type { PageCheck } from './checkTasks';

/** A worker thread's entry into the check's pieces (chainWorkers.ts): this file is what the Electron build bundles for workers. */
export { runCheckTask } from './checkTasks';

export type BackupCheckResult =
  | {
      ok: true;
      manifestSha256: string;
      files: Record<string, FileDigest>;
      chainHead: { seq: number; hash: string };
      events: number;
      ms: Record<string, number>;
    }
  | { ok: false; problem: string; ms: Record<string, number> };

/**
 * The full check of a backup copy, as restore used to run it every time: SQLite's
 * integrity_check (every page, b-trees and indexes; `pages: 'quick_check'` leaves out comparing
 * each index with its table, which every caller still wants: docs/ledger-speed.md, "Restore
 * without a seal"; bench/checkParts measures both), the hash chain from the first event, the
 * chain head the manifest names, and every event replayed against the state tables. Then the
 * files are hashed and compared with the manifest: hashing after the checks means the hashes a
 * seal records are those of bytes that were still there when the checks ended.
 *
 * Runs in a worker thread (backupCheckThread.ts) after a backup is written, and on the main
 * thread for a check asked for by hand (backup.verify); a restore that finds no seal runs
 * checkLedgerCopy on its copy instead. SQLite's refusals are findings about the file; any other
 * error is thrown (a fault of the check, not of the backup).
 */
export function checkBackupCopy(dir: string, key: Buffer, opts: { pages?: PageCheck } = {}): BackupCheckResult {
  const read = readBackupManifest(dir);
  if (!read.ok) return { ok: false, problem: read.problem, ms: {} };
  const checked = checkLedgerCopy(path.join(dir, BACKUP_LEDGER), key, read.manifest.chainHead, opts);
  if (!checked.ok) return checked;
  const { ms } = checked;
  const t = performance.now();
  const files: Record<string, FileDigest> = {};
  for (const f of [BACKUP_LEDGER, BACKUP_SLOTS]) {
    const expected = read.manifest.files[f];
    let got: FileDigest;
    try {
      got = sha256File(path.join(dir, f));
    } catch {
      return { ok: false, problem: 'FILE_MISSING', ms };
    }
    if (!expected || got.size !== expected.size || got.sha256 !== expected.sha256) return { ok: false, problem: 'FILE_CHANGED', ms };
    files[f] = got;
  }
  ms.hashes = performance.now() - t;
  return { ok: true, manifestSha256: manifestDigest(read.text), files, chainHead: checked.chainHead, events: checked.events, ms };
}

export type LedgerCheckResult = { ok: true; chainHead: { seq: number; hash: string }; events: number; ms: Record<string, number> } | { ok: false; problem: string; ms: Record<string, number> };

/**
 * checkBackupCopy's checks of the ledger file alone, without hashing it: for a file whose bytes
 * are known otherwise to be those the manifest lists (a restore's copy, hashed as it was
 * copied and compared with the manifest: restore.ts). `claimed` is the manifest's chain head.
 */
export function checkLedgerCopy(file: string, key: Buffer, claimed: BackupManifest['chainHead'], opts: { pages?: PageCheck } = {}): LedgerCheckResult {
  const pages = opts.pages ?? 'integrity_check';
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };
  const bad = (problem: string): LedgerCheckResult => ({ ok: false, problem, ms });
  let db: RawDatabase;
  try {
    db = openEncrypted(file, { key, readonly: true });
  } catch (err) {
    return bad(problemOf(err));
  }
  try {
    lap('open');
    if (schemaVersion(db) > latestVersion) return bad('SCHEMA_NEWER');
    // The page check in a worker of its own, alongside the chain walked in stretches with
    // replay's read of the events in the same pass (chainWorkers.ts); the findings are
    // reported in the order the checks used to run one after another.
    const checked = checkLedgerInParallel(db, file, key, { replay: true, integrity: true, pages });
    lap('chain + replay');
    ms[`${pages} (in a worker, alongside)`] = checked.integrity?.ms ?? 0;
    if (checked.integrity?.result !== 'ok') return bad('INTEGRITY');
    const chain = checked.chain;
    if (!chain.ok) return bad(`CHAIN_${chain.firstBad?.seq ?? 0}`);
    const chainHead = { seq: chain.headSeq, hash: chain.headHash };
    if (!claimed || claimed.seq !== chainHead.seq || (chainHead.seq > 0 && claimed.hash !== chainHead.hash)) return bad('MANIFEST_HEAD');
    // A payload replay cannot apply (not JSON, an unknown table) is a finding too ('failed').
    if (checked.replay === undefined || checked.replay === 'failed' || !checked.replay.ok) return bad('REPLAY');
    return { ok: true, chainHead, events: chain.checked, ms };
  } catch (err) {
    return bad(problemOf(err));
  } finally {
    db.close();
  }
}

/** A finding about the file from SQLite or the database layer; anything else is rethrown. */
function problemOf(err: unknown): string {
  if (err instanceof DatabaseError) {
    if (err.code === 'DB_WRONG_KEY') return 'WRONG_KEY';
    if (err.code === 'DB_CORRUPT') return 'INTEGRITY';
    if (err.code === 'DB_MISSING') return 'FILE_MISSING';
    return err.code;
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  throw err;
}
