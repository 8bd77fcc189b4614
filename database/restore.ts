import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './atomicFile';
import { BACKUP_LEDGER, BACKUP_SLOTS, checkBackupFiles } from './backup';
import { sidecarFiles } from './connection';
import { crashPoint } from './crashPoints';
import { DatabaseError } from './errors';
import type { LedgerPaths } from './paths';

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

/**
 * Puts a (verified) backup in place of the live ledger. The live files are moved aside into
 * `onceki-<stamp>/` first (kept, never deleted), the backup's files are copied next to them
 * under temporary names and renamed in. `closeLive` is called once the copies are in place and
 * just before the live files are moved: the caller's open ledger must be closed by then.
 */
export function swapInBackup(paths: LedgerPaths, backupDir: string, stamp: string, closeLive: () => void = () => undefined): { asideDir: string } {
  const checked = checkBackupFiles(backupDir);
  if (!checked.ok) throw new DatabaseError('DB_CORRUPT', `backup files are not whole: ${checked.problem}`);
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
    fs.copyFileSync(path.join(backupDir, BACKUP_LEDGER), dbTmp);
    fs.copyFileSync(path.join(backupDir, BACKUP_SLOTS), slotsTmp);
    for (const f of [dbTmp, slotsTmp]) {
      fs.chmodSync(f, 0o600);
      const fd = fs.openSync(f, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    crashPoint('restore:copied');
    // Opening the restored ledger creates its WAL and shared-memory files and records the
    // restore: with the copy in place but no room left for those, the swap would be done and
    // then fail, leaving no open ledger and a message saying nothing changed. Refuse up front.
    if (freeBytes(paths.dir) < RESTORE_HEADROOM) throw new DatabaseError('DISK_FULL', 'too little space left after copying the backup');
    fs.mkdirSync(asideDir, { mode: 0o700 });
  } catch (err) {
    for (const f of [dbTmp, slotsTmp]) fs.rmSync(f, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DatabaseError('DISK_FULL', 'no space left in the data folder for the restored copy');
    throw err;
  }
  closeLive();
  for (const f of [...sidecarFiles(paths.db), paths.slots]) {
    if (fs.existsSync(f)) fs.renameSync(f, path.join(asideDir, path.basename(f)));
  }
  crashPoint('restore:aside');
  fs.renameSync(slotsTmp, paths.slots);
  fs.renameSync(dbTmp, paths.db);
  fsyncDir(paths.dir);
  return { asideDir };
}
