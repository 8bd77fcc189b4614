import fs from 'node:fs';
import path from 'node:path';
import {
  checkBackupFiles,
  latestVersion,
  ledgerPaths,
  listBackups,
  normalizeRecoveryCode,
  normalizeUsername,
  replayAndCompare,
  rotateBackups,
  users as usersQ,
  type Credentials,
  type LedgerStore,
  schemaVersion,
  settings as settingsQ,
  startupCheck,
  swapInBackup,
  unlockLedger,
  writeBackup,
} from '../../database';
import type { BackupFolderInfo, BackupInfo, BackupResult, RestoreResult } from '../../preload/contract/backupTypes';
import { AppError } from '../app/appError';
import { turkeyParts } from '../domain/turkeyTime';
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
      localTime: turkeyParts(app.now()).dateTime,
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
  return verifyBackupWith(app, input.file, { kind: 'user', username: session.username, secret: input.password }, () => {
    throw new AppError('BACKUP_PASSWORD');
  });
}

/**
 * The full check of a backup opened with the given credentials (a user's password or the
 * recovery code, checked against the backup's own slot file). `onWrongSecret` says what a
 * wrong secret means to the caller; `check` may refuse the opened backup (e.g. not a head).
 */
function verifyBackupWith(
  app: MasaApp,
  file: string,
  credentials: Credentials,
  onWrongSecret: () => never,
  accept: (backup: LedgerStore) => void = () => undefined,
): { ok: true; dir: string; events: number } {
  const dir = resolveBackupDir(file);
  if (!fs.existsSync(dir)) throw new AppError('BACKUP_DAMAGED', { reason: 'NOT_FOUND' });
  const files = checkBackupFiles(dir);
  if (!files.ok) throw new AppError('BACKUP_DAMAGED', { reason: files.problem });
  let backup;
  try {
    backup = unlockLedger({ dir, credentials, readonly: true, kdf: app.kdf });
  } catch (err) {
    const mapped = toAppError(err, dir);
    if (mapped instanceof AppError && mapped.code === 'AUTH_FAILED') onWrongSecret();
    throw new AppError('BACKUP_DAMAGED', { reason: mapped instanceof AppError ? mapped.code : 'OPEN_FAILED' });
  }
  try {
    accept(backup);
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

/**
 * Checks a folder for backups: it can be created and written (a test file is written, synced
 * and removed), it is not the data folder or inside it (a backup there is lost with the
 * ledger's folder), and says whether it is on the same disk as the ledger (allowed, warned).
 */
export function checkBackupFolder(app: MasaApp, dir: string): { dir: string; sameDisk: boolean } {
  const resolved = path.resolve(dir);
  const data = path.resolve(app.dataDir);
  const rel = path.relative(data, resolved);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw new AppError('BACKUP_FOLDER_IN_DATA', { dir: resolved });
  try {
    fs.mkdirSync(resolved, { recursive: true });
    const probe = path.join(resolved, `.masa-yazma-denemesi-${process.pid}`);
    const fd = fs.openSync(probe, 'w', 0o600);
    try {
      fs.writeSync(fd, 'masa');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(probe, { force: true });
    }
  } catch {
    throw new AppError('BACKUP_FOLDER', { dir: resolved });
  }
  return { dir: resolved, sameDisk: sameDisk(resolved, data) };
}

function sameDisk(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return false;
  }
}

export function setBackupFolder(app: MasaApp, dir: string): BackupFolderInfo {
  const store = app.requireStore();
  const session = app.requireSession();
  const checked = checkBackupFolder(app, dir);
  store.ledger.record({ type: 'settings.updated', entity: 'settings', userId: session.userId }, (w) =>
    w.put('settings', { key: 'backup.dir', value: checked.dir }),
  );
  return { ...checked, configured: true, isDefault: false };
}

/** The folder day-close and manual backups go to, and whether it shares the ledger's disk. */
export function backupFolderInfo(app: MasaApp): BackupFolderInfo {
  const set = settingsQ.setting(app.requireStore().db, 'backup.dir');
  const dir = backupDir(app);
  return { dir, configured: Boolean(set), isDefault: !set, sameDisk: sameDisk(fs.existsSync(dir) ? dir : path.dirname(dir), app.dataDir) };
}

/** Backups in a folder the user names (another USB disk), for a screen with no signed-in ledger. */
export function listBackupsAt(app: MasaApp, input: { dir?: string }): BackupInfo[] {
  return listBackupInfo(app, { to: input.dir ?? path.join(app.dataDir, 'yedekler') });
}

/**
 * Restore without a session: the live ledger cannot be opened (damaged file, missing or
 * damaged key file) or nobody can sign into it (the password is forgotten). Rights are proved
 * on the backup itself: an office head's username and password, or the recovery code, must
 * open the backup's own key file; then the backup is fully checked and swapped in like any
 * restore (the current files kept aside). Refused while someone is signed in: they use the
 * ordinary restore. Nobody is signed in afterwards: the head signs into the restored ledger.
 */
export function restoreWithBackupCredentials(
  app: MasaApp,
  input: { file: string; username?: string; password?: string; recoveryCode?: string },
): RestoreResult {
  if (app.session) throw new AppError('RESTORE_SIGNED_IN');
  const byCode = Boolean(input.recoveryCode);
  const username = byCode ? '' : normalizeUsername(input.username ?? '');
  const throttleKey = byCode ? '*restore-recovery*' : `*restore*${username}`;
  const wait = app.throttle.waitSeconds(throttleKey);
  if (wait > 0) throw new AppError('AUTH_THROTTLED', { seconds: wait });
  const credentials: Credentials = byCode
    ? { kind: 'recovery', username: '', secret: normalizeRecoveryCode(input.recoveryCode!) }
    : { kind: 'user', username, secret: input.password ?? '' };
  let headId: number | null = null;
  const verified = verifyBackupWith(
    app,
    input.file,
    credentials,
    () => {
      app.throttle.failed(throttleKey);
      throw new AppError(byCode ? 'RECOVERY_FAILED' : 'AUTH_FAILED');
    },
    (backup) => {
      if (byCode) return;
      const user = usersQ.userByUsername(backup.db, username);
      if (!user || user.disabled || user.role !== 'HEAD') {
        app.throttle.failed(throttleKey);
        throw new AppError('RESTORE_HEAD_ONLY');
      }
      headId = user.id;
    },
  );
  app.throttle.succeeded(throttleKey);
  app.claimDataDir();
  const stamp = app.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const { asideDir } = swapInBackup(ledgerPaths(app.dataDir), verified.dir, stamp, () => {
    app.store?.close();
    app.store = null;
  });
  const store = unlockLedger({ dir: app.dataDir, credentials, kdf: app.kdf, now: app.now });
  try {
    store.ledger.record({ type: 'ledger.restored', entity: 'ledger', userId: headId }, (w) =>
      w.note({ from: path.basename(verified.dir), keptAside: path.basename(asideDir), proof: byCode ? 'recovery-code' : 'head-password' }),
    );
    return { restoredFrom: verified.dir, keptAside: asideDir, chainHead: store.ledger.head() };
  } finally {
    store.close();
  }
}
