import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_SLOTS,
  checkBackupSizes,
  listBackups,
  readCheckFailure,
  readSeal,
  rotateBackups,
  schemaVersion,
  settings as settingsQ,
  writeBackup,
  type LedgerStore,
} from '../../database';
import type { BackupFolderInfo, BackupInfo, BackupResult, BackupVerification, KnownBackupFolder } from '../../preload/contract/backupTypes';
import { AppError } from '../app/appError';
import { makeOutputFolder, outsideDataDir } from '../app/outputTarget';
import { log } from '../app/log';
import { readPlainSettings, writePlainSettings } from '../app/plainSettings';
import { turkeyParts } from '../domain/turkeyTime';
import { toAppError, type MasaApp } from '../app/masaApp';

/**
 * The folder the office head set: read from the ledger; when there is no open ledger (the
 * problem screen) or it cannot be read (rescue after a failed start-up check), from its plain
 * mirror in the data folder (plainSettings.ts).
 */
function configuredBackupDir(app: MasaApp): string | undefined {
  if (app.store) {
    try {
      return settingsQ.setting(app.store.reader, 'backup.dir');
    } catch {
      /* a damaged ledger: its mirror still knows */
    }
  }
  return readPlainSettings(app.dataDir).backupDir;
}

/** Keeps the plain mirror equal to the ledger's setting (sign-in, restore, setting the folder). */
export function mirrorBackupFolder(dataDir: string, store: LedgerStore): void {
  try {
    writePlainSettings(dataDir, { backupDir: settingsQ.setting(store.reader, 'backup.dir') });
  } catch (err) {
    // Only the rescue screen's convenience is lost; the ledger still holds the folder.
    log.warn('plain settings not written', { code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

/** Where backups go: the folder given, else the one the office head set, else `<data>/yedekler`. */
function backupDir(app: MasaApp, to?: string): string {
  if (to) return path.resolve(to);
  const set = configuredBackupDir(app);
  return set ? path.resolve(set) : defaultBackupDir(app);
}

const defaultBackupDir = (app: MasaApp) => path.join(app.dataDir, 'yedekler');

/** `<data>/yedekler` is Masa's own: made 0700, and one an older version made 0755 is narrowed. */
function ownerOnlyDefaultFolder(dir: string): void {
  makeOutputFolder(dir);
  fs.chmodSync(dir, 0o700);
}

export function createBackup(app: MasaApp, input: { to?: string; kind?: 'manual' | 'day-close' }): BackupResult {
  const store = app.requireStore();
  const session = app.requireSession();
  const dir = backupDir(app, input.to);
  // A folder given now or set earlier (a link may have been changed since) is checked again;
  // only the default `<data>/yedekler` is Masa's own place inside the data folder.
  if (dir !== defaultBackupDir(app)) outsideDataDir(app.dataDir, dir, 'BACKUP_FOLDER_IN_DATA');
  else ownerOnlyDefaultFolder(dir);
  let written: ReturnType<typeof writeBackup>;
  try {
    written = writeBackup(store.reader, store.paths, dir, {
      createdAt: app.now().toISOString(),
      localTime: turkeyParts(app.now()).dateTime,
      kind: input.kind ?? 'manual',
      schemaVersion: schemaVersion(store.reader),
      chainHead: store.ledger.head(),
    });
  } catch (err) {
    if ((err as { details?: { folder?: boolean } }).details?.folder) throw new AppError('BACKUP_FOLDER', { dir });
    throw toAppError(err, app.dataDir);
  }
  const rotated = rotateBackups(dir);
  // The full check runs in the background and seals the backup if it passes (docs/backup.md).
  // Nobody waits for it here: a day close must not take two minutes longer.
  void app.backupVerifier.verify(written.dir, store.dataKey(path.join(written.dir, BACKUP_SLOTS)));
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
  return { dir: written.dir, name: path.basename(written.dir), chainHead: written.manifest.chainHead, rotatedAway: rotated, verifying: true };
}

/**
 * The backups of a folder, newest first. Only sizes are compared with the manifest: hashing a
 * folder of large backups would take a minute before the list shows (restore hashes its copy
 * of the one chosen).
 */
export function listBackupInfo(app: MasaApp, input: { to?: string }): BackupInfo[] {
  return listBackups(backupDir(app, input.to)).map((b) => {
    const c = checkBackupSizes(b.dir);
    return {
      name: b.name,
      dir: b.dir,
      createdAt: c.ok ? c.manifest.createdAt : null,
      chainHead: c.ok ? c.manifest.chainHead : null,
      whole: c.ok,
      verification: verificationOf(app, b.dir),
    };
  });
}

/** From the folder's files: the seal's HMAC needs the backup's key and is checked at restore. */
function verificationOf(app: MasaApp, dir: string): BackupVerification {
  if (app.backupVerifier.isPending(dir)) return { state: 'pending' };
  const seal = readSeal(dir);
  if (seal.state === 'present') return { state: 'verified', at: seal.seal.verifiedAt };
  if (seal.state === 'malformed') return { state: 'failed', reason: 'SEAL_FORMAT', at: '' };
  const failure = readCheckFailure(dir);
  return failure ? { state: 'failed', ...failure } : { state: 'unverified' };
}

/**
 * Checks a folder for backups: it can be created and written (a test file is written, synced
 * and removed), it is not the data folder or inside it (a backup there is lost with the
 * ledger's folder), and says whether it is on the same disk as the ledger (allowed, warned).
 */
function checkBackupFolder(app: MasaApp, dir: string): { dir: string; sameDisk: boolean } {
  // Judged with symbolic links resolved: a link to the data folder is the data folder.
  const resolved = outsideDataDir(app.dataDir, dir, 'BACKUP_FOLDER_IN_DATA');
  const data = path.resolve(app.dataDir);
  try {
    makeOutputFolder(resolved);
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
  mirrorBackupFolder(app.dataDir, store);
  return { ...checked, configured: true, isDefault: false };
}

/** The folder day-close and manual backups go to, and whether it shares the ledger's disk. */
export function backupFolderInfo(app: MasaApp): BackupFolderInfo {
  app.requireStore();
  const set = configuredBackupDir(app);
  const dir = backupDir(app);
  return { dir, configured: Boolean(set), isDefault: !set, sameDisk: sameDisk(fs.existsSync(dir) ? dir : path.dirname(dir), app.dataDir) };
}

/** Backups in a folder the user names (another USB disk), for a screen with no signed-in ledger. */
export function listBackupsAt(app: MasaApp, input: { dir?: string }): BackupInfo[] {
  return listBackupInfo(app, { to: input.dir ?? knownBackupFolder(app).dir });
}

/** The office's backup folder as far as it is known without opening the ledger. */
export function knownBackupFolder(app: MasaApp): KnownBackupFolder {
  const set = readPlainSettings(app.dataDir).backupDir;
  return set ? { dir: path.resolve(set), configured: true } : { dir: path.join(app.dataDir, 'yedekler'), configured: false };
}
