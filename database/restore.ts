import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './atomicFile';
import { BACKUP_LEDGER, BACKUP_SLOTS, checkBackupFiles } from './backup';
import { sidecarFiles } from './connection';
import { crashPoint } from './crashPoints';
import { DatabaseError } from './errors';
import type { LedgerPaths } from './paths';

/**
 * Puts a (verified) backup in place of the live ledger. The live files are moved aside into
 * `onceki-<stamp>/` first (kept, never deleted), the backup's files are copied next to them
 * under temporary names and renamed in. The ledger must be closed by the caller.
 */
export function swapInBackup(paths: LedgerPaths, backupDir: string, stamp: string): { asideDir: string } {
  const checked = checkBackupFiles(backupDir);
  if (!checked.ok) throw new DatabaseError('DB_CORRUPT', `backup files are not whole: ${checked.problem}`);
  const dbTmp = `${paths.db}.restore`;
  const slotsTmp = `${paths.slots}.restore`;
  fs.copyFileSync(path.join(backupDir, BACKUP_LEDGER), dbTmp);
  fs.copyFileSync(path.join(backupDir, BACKUP_SLOTS), slotsTmp);
  for (const f of [dbTmp, slotsTmp]) {
    fs.chmodSync(f, 0o600);
    const fd = fs.openSync(f, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
  crashPoint('restore:copied');
  const asideDir = path.join(paths.dir, `onceki-${stamp}`);
  fs.mkdirSync(asideDir, { recursive: true, mode: 0o700 });
  for (const f of [...sidecarFiles(paths.db), paths.slots]) {
    if (fs.existsSync(f)) fs.renameSync(f, path.join(asideDir, path.basename(f)));
  }
  crashPoint('restore:aside');
  fs.renameSync(slotsTmp, paths.slots);
  fs.renameSync(dbTmp, paths.db);
  fsyncDir(paths.dir);
  return { asideDir };
}
