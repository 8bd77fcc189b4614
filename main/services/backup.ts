import fs from 'node:fs';
import path from 'node:path';
import {
  checkBackupFiles,
  latestVersion,
  ledgerPaths,
  listBackups,
  replayAndCompare,
  rotateBackups,
  schemaVersion,
  settings as settingsQ,
  startupCheck,
  swapInBackup,
  unlockLedger,
  writeBackup,
} from '../../database';
import type { BackupInfo, BackupResult, RestoreResult } from '../../preload/contract/backupTypes';
import { AppError } from '../app/appError';
import { toAppError, type MasaApp } from '../app/masaApp';

/** Where backups go: the folder given, else the one the office head set, else `<data>/yedekler`. */
export function backupDir(app: MasaApp, to?: string): string {
  if (to) return path.resolve(to);
  const set = settingsQ.setting(app.requireStore().db, 'backup.dir');
  return set ? path.resolve(set) : path.join(app.dataDir, 'yedekler');
}

export function createBackup(app: MasaApp, input: { to?: string; kind?: 'manual' | 'day-close' }): BackupResult {
  const store = app.requireStore();
  const session = app.requireSession();
  const dir = backupDir(app, input.to);
  let written: ReturnType<typeof writeBackup>;
  try {
    written = writeBackup(store.db, store.paths, dir, {
      createdAt: app.now().toISOString(),
      kind: input.kind ?? 'manual',
      schemaVersion: schemaVersion(store.db),
      chainHead: store.ledger.head(),
    });
  } catch (err) {
    if ((err as { details?: { folder?: boolean } }).details?.folder) throw new AppError('BACKUP_FOLDER', { dir });
    throw toAppError(err, app.dataDir);
  }
  const rotated = rotateBackups(dir);
  try {
    store.ledger.record({ type: 'backup.created', entity: 'backup', userId: session.userId }, (w) =>
      w.note({ name: path.basename(written.dir), chainHead: written.manifest.chainHead, deleted: rotated.length }),
    );
  } catch (err) {
    // A full data disk still lets a backup be written elsewhere (just what the office head needs
    // then), but not its note in the ledger. The backup is whole and kept: the plain DISK_FULL
    // text ("no change was saved") would be untrue, and would not say which disk is full.
    const mapped = toAppError(err, app.dataDir);
    if (mapped instanceof AppError && mapped.code === 'DISK_FULL') throw new AppError('BACKUP_NOT_RECORDED', { name: path.basename(written.dir) });
    throw mapped;
  }
  return { dir: written.dir, name: path.basename(written.dir), chainHead: written.manifest.chainHead, rotatedAway: rotated };
}

export function listBackupInfo(app: MasaApp, input: { to?: string }): BackupInfo[] {
  return listBackups(backupDir(app, input.to)).map((b) => {
    const c = checkBackupFiles(b.dir);
    return { name: b.name, dir: b.dir, createdAt: c.ok ? c.manifest.createdAt : null, chainHead: c.ok ? c.manifest.chainHead : null, whole: c.ok };
  });
}

function resolveBackupDir(file: string): string {
  const p = path.resolve(file);
  return fs.existsSync(p) && fs.statSync(p).isFile() ? path.dirname(p) : p;
}

/**
 * Checks a backup fully before anything is replaced: files whole (manifest hashes), the
 * signed-in user's password opens it, quick check, hash chain and replay all pass.
 */
export function verifyBackup(app: MasaApp, input: { file: string; password: string }): { ok: true; dir: string; events: number } {
  const session = app.requireSession();
  const dir = resolveBackupDir(input.file);
  const files = checkBackupFiles(dir);
  if (!files.ok) throw new AppError('BACKUP_DAMAGED', { reason: files.problem });
  let backup;
  try {
    backup = unlockLedger({ dir, credentials: { kind: 'user', username: session.username, secret: input.password }, readonly: true, kdf: app.kdf });
  } catch (err) {
    const mapped = toAppError(err, dir);
    if (mapped instanceof AppError && mapped.code === 'AUTH_FAILED') throw new AppError('BACKUP_PASSWORD');
    throw new AppError('BACKUP_DAMAGED', { reason: mapped instanceof AppError ? mapped.code : 'OPEN_FAILED' });
  }
  try {
    if (schemaVersion(backup.db) > latestVersion) throw new AppError('LEDGER_NEWER', { fileVersion: schemaVersion(backup.db), appVersion: latestVersion });
    const check = startupCheck(backup.db, { full: true });
    if (!check.ok) throw new AppError('BACKUP_DAMAGED', { reason: check.integrity !== 'ok' ? 'INTEGRITY' : `CHAIN_${check.chain.firstBad?.seq}` });
    if (!replayAndCompare(backup.db).ok) throw new AppError('BACKUP_DAMAGED', { reason: 'REPLAY' });
    return { ok: true, dir, events: check.chain.checked };
  } finally {
    backup.close();
  }
}

/** Restore: verify first; the current files are kept aside; the restored ledger records the restore. */
export function restoreBackup(app: MasaApp, input: { file: string; password: string }): RestoreResult {
  const session = app.requireSession();
  const verified = verifyBackup(app, input);
  const stamp = app.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  // The live ledger stays open until the backup's copy is in the data folder: a full disk then
  // fails the restore with DISK_FULL and the session goes on with its ledger, instead of being
  // left signed in without a ledger (every call answered "not signed in").
  const { asideDir } = swapInBackup(ledgerPaths(app.dataDir), verified.dir, stamp, () => {
    app.store?.close();
    app.store = null;
  });
  const store = unlockLedger({ dir: app.dataDir, credentials: { kind: 'user', username: session.username, secret: input.password }, kdf: app.kdf, now: app.now });
  app.store = store;
  // The restored ledger passed the full check above: leave rescue mode.
  session.rescue = null;
  store.ledger.record({ type: 'ledger.restored', entity: 'ledger', userId: session.userId }, (w) =>
    w.note({ from: path.basename(verified.dir), keptAside: path.basename(asideDir) }),
  );
  return { restoredFrom: verified.dir, keptAside: asideDir, chainHead: store.ledger.head() };
}

export function setBackupFolder(app: MasaApp, dir: string): { dir: string } {
  const store = app.requireStore();
  const session = app.requireSession();
  const resolved = path.resolve(dir);
  try {
    fs.mkdirSync(resolved, { recursive: true });
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    throw new AppError('BACKUP_FOLDER', { dir: resolved });
  }
  store.ledger.record({ type: 'settings.updated', entity: 'settings', userId: session.userId }, (w) =>
    w.put('settings', { key: 'backup.dir', value: resolved }),
  );
  return { dir: resolved };
}
