import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../files/atomicFile';
import { BACKUP_LEDGER, BACKUP_SLOTS, readBackupManifest } from './backup';
import { copyFileHashed, type FileDigest } from './copyHashed';
import { sidecarFiles } from '../vault/connection';
import { crashPoint } from '../files/crashPoints';
import { DatabaseError } from '../shared/errors';
import type { LedgerPaths } from '../files/paths';

/** Free space the restored ledger needs beside its copy: WAL, shared memory, the restore's event. */
const RESTORE_HEADROOM = 1024 * 1024;

function freeBytes(dir: string): number {
  try {
    const st = fs.statfsSync(dir);
    return st.bavail * st.bsize;
  } catch {
    return Number.POSITIVE_INFINITY; // no statfs here: the copy itself was the check
  }
}

interface SwapOptions {
  /**
   * The digests the copied files must have: the seal's (a sealed backup) or those the full
   * check confirmed. Default: the manifest's. A copy that differs is removed and refused.
   */
  expected?: Record<string, FileDigest>;
  /** Called after each step with its name (bench/backup prints where the time goes). */
  lap?: (phase: string) => void;
  /**
   * Checks the copied ledger file once its digest is compared (a backup without a seal: the
   * full check runs on the copy, whose bytes are then those swapped in, so the file is hashed
   * once, while it is copied); throws to refuse, and the copies are removed.
   */
  checkCopy?: (file: string) => void;
}

/** Removes what a read-only connection left beside the checked copy: the shared memory and an empty WAL. */
function removeCheckSidecars(file: string): void {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new DatabaseError('DB_CORRUPT', 'the checked copy has a WAL with frames');
  for (const f of [wal, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Puts a (verified) backup in place of the live ledger. The backup's files are copied into the
 * data folder under temporary names, and each copy is hashed (copyHashed.ts) and compared with
 * the digests it must have, so the bytes swapped in are exactly the ones that were verified;
 * then the live files are moved aside into `onceki-<stamp>/` (kept, never deleted) and the
 * copies renamed in. `closeLive` is called once the copies are in place and just before the
 * live files are moved: the caller's open ledger must be closed by then.
 */
export function swapInBackup(
  paths: LedgerPaths,
  backupDir: string,
  stamp: string,
  closeLive: () => void = () => undefined,
  opts: SwapOptions = {},
): { asideDir: string } {
  let expected = opts.expected;
  if (!expected) {
    const read = readBackupManifest(backupDir);
    if (!read.ok) throw new DatabaseError('DB_CORRUPT', `backup files are not whole: ${read.problem}`);
    expected = read.manifest.files;
  }
  const dbTmp = `${paths.db}.restore`;
  const slotsTmp = `${paths.slots}.restore`;
  // Never reuse a kept-aside folder: a second restore in the same second would rename its
  // files over the first one's (the only copy of the ledger as it was before that restore).
  let asideDir = path.join(paths.dir, `onceki-${stamp}`);
  for (let n = 2; fs.existsSync(asideDir); n++) asideDir = path.join(paths.dir, `onceki-${stamp}-${n}`);
  // The copies need as much free space as the backup. On a full data disk they fail before
  // anything live was touched: the half-written copies are removed (they would only take the
  // last free space) and the caller gets DISK_FULL while its ledger is still open and unchanged.
  try {
    for (const [name, tmp] of [[BACKUP_LEDGER, dbTmp], [BACKUP_SLOTS, slotsTmp]] as const) {
      // Left by a crash during an earlier restore (with what its check's connection left beside it).
      for (const f of tmp === dbTmp ? sidecarFiles(tmp) : [tmp]) fs.rmSync(f, { force: true });
      const got = copyFileHashed(path.join(backupDir, name), tmp);
      const want = expected[name];
      if (!want || got.size !== want.size || got.sha256 !== want.sha256) {
        throw new DatabaseError('DB_CORRUPT', `backup file ${name} differs from its verified digest`, { changedFile: name });
      }
    }
    opts.lap?.('copy-fsync-hash');
    if (opts.checkCopy) {
      opts.checkCopy(dbTmp);
      removeCheckSidecars(dbTmp);
    }
    crashPoint('restore:copied');
    // Opening the restored ledger creates its WAL and shared-memory files and records the
    // restore: with the copy in place but no room left for those, the swap would be done and
    // then fail, leaving no open ledger and a message saying nothing changed. Refuse up front.
    if (freeBytes(paths.dir) < RESTORE_HEADROOM) throw new DatabaseError('DISK_FULL', 'too little space left after copying the backup');
    fs.mkdirSync(asideDir, { mode: 0o700 });
  } catch (err) {
    for (const f of [...sidecarFiles(dbTmp), slotsTmp]) fs.rmSync(f, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DatabaseError('DISK_FULL', 'no space left in the data folder for the restored copy');
    throw err;
  }
  closeLive();
  // The witness goes aside with the ledger it witnessed: the restore writes one for the restored head.
  for (const f of [...sidecarFiles(paths.db), paths.slots, paths.witness]) {
    if (fs.existsSync(f)) fs.renameSync(f, path.join(asideDir, path.basename(f)));
  }
  crashPoint('restore:aside');
  fs.renameSync(slotsTmp, paths.slots);
  fs.renameSync(dbTmp, paths.db);
  fsyncDir(paths.dir);
  opts.lap?.('swap');
  return { asideDir };
}
