import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_LEDGER,
  BACKUP_SLOTS,
  checkBackupCopy,
  checkLedgerCopy,
  checkBackupFiles,
  checkBackupSizes,
  DatabaseError,
  latestVersion,
  ledgerPaths,
  manifestDigest,
  normalizeRecoveryCode,
  normalizeUsername,
  readSeal,
  schemaVersion,
  sealHmacValid,
  swapInBackup,
  unlockLedger,
  users as usersQ,
  writeSeal,
  makeSeal,
  SEAL_CHECKS,
  type BackupManifest,
  type Credentials,
  type FileDigest,
  type LedgerStore,
} from '../../database';
import type { BackupVerifyResult, RestoreResult } from '../../preload/contract/backupTypes';
import { AppError } from '../app/appError';
import { log } from '../app/log';
import { toAppError, type MasaApp } from '../app/masaApp';
import { mirrorBackupFolder } from './backup';

/** A backup opened read-only with the caller's credentials (checked against its own slot file). */
interface OpenedBackup {
  dir: string;
  store: LedgerStore;
  manifest: BackupManifest;
  manifestText: string;
}

/** What a restore may trust, and why: the digests the copied files must have. */
interface Trust {
  sealed: boolean;
  files: Record<string, FileDigest>;
  events: number;
  /** No seal: the data key, to check the copy in full once it is in the data folder (swapIn). */
  checkCopyWith?: Buffer;
}

function resolveBackupDir(file: string): string {
  const p = path.resolve(file);
  return fs.existsSync(p) && fs.statSync(p).isFile() ? path.dirname(p) : p;
}

type Lap = (phase: string, ms?: number) => void;
const lapOf =
  (app: MasaApp): Lap =>
  (phase, ms) =>
    app.onPhase?.(phase, ms);

/**
 * Opens a backup with the given credentials (a user's password or the recovery code, checked
 * against the backup's own slot file). `onWrongSecret` says what a wrong secret means to the
 * caller; `accept` may refuse the opened backup (e.g. not a head). Cheap: the manifest, the
 * file sizes, one scrypt and the schema page; the contents are checked by `trust`.
 */
function openBackup(
  app: MasaApp,
  file: string,
  credentials: Credentials,
  onWrongSecret: () => never,
  accept: (backup: LedgerStore) => void = () => undefined,
): OpenedBackup {
  const dir = resolveBackupDir(file);
  if (!fs.existsSync(dir)) throw new AppError('BACKUP_DAMAGED', { reason: 'NOT_FOUND' });
  const sized = checkBackupSizes(dir);
  if (!sized.ok) throw new AppError('BACKUP_DAMAGED', { reason: sized.problem });
  let store: LedgerStore;
  try {
    store = unlockLedger({ dir, credentials, readonly: true, kdf: app.kdf });
  } catch (err) {
    const mapped = toAppError(err, dir);
    if (mapped instanceof AppError && mapped.code === 'AUTH_FAILED') onWrongSecret();
    throw new AppError('BACKUP_DAMAGED', { reason: mapped instanceof AppError ? mapped.code : 'OPEN_FAILED' });
  }
  try {
    accept(store);
    if (schemaVersion(store.reader) > latestVersion) throw new AppError('LEDGER_NEWER', { fileVersion: schemaVersion(store.reader), appVersion: latestVersion });
  } catch (err) {
    store.close();
    throw err;
  }
  return { dir, store, manifest: sized.manifest, manifestText: sized.text };
}

/**
 * The seal, if there is one, decides (docs/backup.md):
 *  - no seal (an older backup; its check has not finished, failed or could not run): the full
 *    check runs now, as before seals existed, on the copy in the data folder (checkCopyInFull);
 *  - a seal that is not valid (not a seal, another key, HMAC wrong, manifest or digests not
 *    those it names): refused, BACKUP_SEAL_INVALID. Something changed the backup after it
 *    was verified, or forged the seal; falling back to the full check would hide that;
 *  - a valid seal: its digests are what the copy must hash to (swapInBackup; a copy that
 *    differs is refused as BACKUP_CHANGED_SINCE_SEAL).
 */
function trust(opened: OpenedBackup, lap: Lap): Trust {
  const read = readSeal(opened.dir);
  // No seal: the copy is checked in full once it is made and its digests compared with the manifest's (swapIn).
  if (read.state === 'none') return { sealed: false, files: opened.manifest.files, events: opened.manifest.chainHead.seq, checkCopyWith: opened.store.dataKey().key };
  if (read.state === 'malformed') throw new AppError('BACKUP_SEAL_INVALID', { reason: 'SEAL_FORMAT' });
  const seal = read.seal;
  const key = opened.store.dataKey();
  if (key.keyId !== seal.keyId) throw new AppError('BACKUP_SEAL_INVALID', { reason: 'SEAL_KEY' });
  if (!sealHmacValid(seal, key.key)) throw new AppError('BACKUP_SEAL_INVALID', { reason: 'SEAL_HMAC' });
  if (manifestDigest(opened.manifestText) !== seal.manifestSha256) throw new AppError('BACKUP_SEAL_INVALID', { reason: 'SEAL_MANIFEST' });
  for (const f of [BACKUP_LEDGER, BACKUP_SLOTS]) {
    const sealed = seal.files[f];
    const listed = opened.manifest.files[f];
    if (!sealed || !listed || sealed.size !== listed.size || sealed.sha256 !== listed.sha256) throw new AppError('BACKUP_SEAL_INVALID', { reason: 'SEAL_FILES' });
  }
  lap('seal');
  return { sealed: true, files: seal.files, events: seal.events };
}

/** The check by hand (verifyBackup): hashes, integrity_check, the whole chain and replay of the backup in its folder. */
function checkInFull(opened: OpenedBackup, lap: Lap): Trust & { chainHead: { seq: number; hash: string }; manifestSha256: string } {
  // Hashed first as well: a changed file is named as such before minutes of checks.
  const files = checkBackupFiles(opened.dir);
  if (!files.ok) throw new AppError('BACKUP_DAMAGED', { reason: files.problem });
  lap('hash');
  const r = checkBackupCopy(opened.dir, opened.store.dataKey().key);
  lap('full check');
  for (const [phase, ms] of Object.entries(r.ms)) lap(phase, ms);
  if (!r.ok) throw new AppError('BACKUP_DAMAGED', { reason: r.problem });
  return { sealed: false, files: r.files, events: r.events, chainHead: r.chainHead, manifestSha256: r.manifestSha256 };
}

/**
 * A restore's full check of a backup without a seal, on its copy in the data folder: the copy was
 * hashed as it was made and compared with the manifest (a changed file is still named
 * FILE_CHANGED first), so the bytes checked are the bytes swapped in and the 2.4 GB of a large
 * ledger are hashed once instead of three times (docs/ledger-speed.md, "Restore without a seal").
 */
function checkCopyInFull(file: string, key: Buffer, manifest: BackupManifest, lap: Lap): void {
  const r = checkLedgerCopy(file, key, manifest.chainHead);
  lap('full check');
  for (const [phase, ms] of Object.entries(r.ms)) lap(phase, ms);
  if (!r.ok) throw new AppError('BACKUP_DAMAGED', { reason: r.problem });
}

/** `trust`, then the backup's own connection is closed whatever it found (the copy is made from the files). */
function trustThenClose(opened: OpenedBackup, lap: Lap): Trust {
  try {
    return trust(opened, lap);
  } finally {
    opened.store.close();
  }
}

/**
 * Copies the trusted backup in (the current files kept aside) and opens it. The live ledger stays
 * open until the backup's copy is in the data folder: a full disk then fails the restore with
 * DISK_FULL and the session goes on with its ledger.
 */
function swapIn(app: MasaApp, opened: OpenedBackup, trusted: Trust, credentials: Credentials, lap: Lap): { store: LedgerStore; asideDir: string } {
  const dir = opened.dir;
  const stamp = app.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let asideDir: string;
  try {
    ({ asideDir } = swapInBackup(
      ledgerPaths(app.dataDir),
      dir,
      stamp,
      () => {
        app.store?.close();
        app.store = null;
      },
      { expected: trusted.files, lap, checkCopy: trusted.checkCopyWith ? (file) => checkCopyInFull(file, trusted.checkCopyWith!, opened.manifest, lap) : undefined },
    ));
  } catch (err) {
    const changed = err instanceof DatabaseError ? (err.details.changedFile as string | undefined) : undefined;
    if (changed) throw trusted.sealed ? new AppError('BACKUP_CHANGED_SINCE_SEAL', { file: changed }) : new AppError('BACKUP_DAMAGED', { reason: 'FILE_CHANGED' });
    throw err;
  }
  // The slot file now in place is the backup's, compared by digest: the vault key that opened
  // the backup opens it (a wrong one would fail as SLOT_WRONG_SECRET, not open something else).
  const store = unlockLedger({ dir: app.dataDir, credentials, sameVaultAs: opened.store, kdf: app.kdf, now: app.now, adoptHead: true });
  lap('reopen');
  return { store, asideDir };
}

/**
 * The full check asked for by hand (`backup.verify`, `--verify`): always all of it, seal or not,
 * and a seal is written (or renewed) when it passes, so a later restore is quick.
 */
export function verifyBackup(app: MasaApp, input: { file: string; password: string }): BackupVerifyResult {
  const session = app.requireSession();
  const opened = openBackup(app, input.file, { kind: 'user', username: session.username, secret: input.password }, () => {
    throw new AppError('BACKUP_PASSWORD');
  });
  try {
    const checked = checkInFull(opened, lapOf(app));
    const key = opened.store.dataKey();
    let sealed = true;
    try {
      writeSeal(
        opened.dir,
        makeSeal(
          { manifestSha256: checked.manifestSha256, files: checked.files, chainHead: checked.chainHead, events: checked.events, keyId: key.keyId, verifiedAt: app.now().toISOString(), checks: SEAL_CHECKS },
          key.key,
        ),
      );
    } catch (err) {
      sealed = false; // a write-protected stick: verified all the same, only not sealed
      log.warn('backup seal not written', { code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
    }
    return { ok: true, dir: opened.dir, events: checked.events, sealed };
  } finally {
    opened.store.close();
  }
}

/** Restore by the signed-in head: their password must open the backup's own slot file. */
export function restoreBackup(app: MasaApp, input: { file: string; password: string }): RestoreResult {
  const session = app.requireSession();
  const lap = lapOf(app);
  const credentials: Credentials = { kind: 'user', username: session.username, secret: input.password };
  const opened = openBackup(app, input.file, credentials, () => {
    throw new AppError('BACKUP_PASSWORD');
  });
  lap('open');
  const trusted = trustThenClose(opened, lap);
  const { store, asideDir } = swapIn(app, opened, trusted, credentials, lap);
  app.store = store;
  // The restored bytes are those that passed the full check (now, or when sealed): leave rescue mode.
  session.rescue = null;
  store.ledger.record({ type: 'ledger.restored', entity: 'ledger', userId: session.userId }, (w) =>
    w.note({ from: path.basename(opened.dir), keptAside: path.basename(asideDir), sealed: trusted.sealed }),
  );
  mirrorBackupFolder(app.dataDir, store);
  lap('recorded');
  return { restoredFrom: opened.dir, keptAside: asideDir, chainHead: store.ledger.head(), trustedBy: trusted.sealed ? 'seal' : 'full-check' };
}

/**
 * Restore without a session: the live ledger cannot be opened (damaged file, missing or
 * damaged key file) or nobody can sign into it (the password is forgotten). Rights are proved
 * on the backup itself: an office head's username and password, or the recovery code, must
 * open the backup's own key file; then the backup is trusted (seal or full check) and swapped in
 * like any restore (the current files kept aside). Refused while someone is signed in: they use
 * the ordinary restore. Nobody is signed in afterwards: the head signs into the restored ledger.
 */
export function restoreWithBackupCredentials(
  app: MasaApp,
  input: { file: string; username?: string; password?: string; recoveryCode?: string },
): RestoreResult {
  if (app.session) throw new AppError('RESTORE_SIGNED_IN');
  const lap = lapOf(app);
  const byCode = Boolean(input.recoveryCode);
  const username = byCode ? '' : normalizeUsername(input.username ?? '');
  const throttleKey = byCode ? '*restore-recovery*' : `*restore*${username}`;
  const wait = app.throttle.waitSeconds(throttleKey);
  if (wait > 0) throw new AppError('AUTH_THROTTLED', { seconds: wait });
  const credentials: Credentials = byCode
    ? { kind: 'recovery', username: '', secret: normalizeRecoveryCode(input.recoveryCode!) }
    : { kind: 'user', username, secret: input.password ?? '' };
  let headId: number | null = null;
  const opened = openBackup(
    app,
    input.file,
    credentials,
    () => {
      app.throttle.failed(throttleKey);
      throw new AppError(byCode ? 'RECOVERY_FAILED' : 'AUTH_FAILED');
    },
    (backup) => {
      if (byCode) return;
      const user = usersQ.userByUsername(backup.reader, username);
      if (!user || user.disabled || user.role !== 'HEAD') {
        app.throttle.failed(throttleKey);
        throw new AppError('RESTORE_HEAD_ONLY');
      }
      headId = user.id;
    },
  );
  app.throttle.succeeded(throttleKey);
  lap('open');
  const trusted = trustThenClose(opened, lap);
  app.claimDataDir();
  const { store, asideDir } = swapIn(app, opened, trusted, credentials, lap);
  app.openProblem = null;
  try {
    store.ledger.record({ type: 'ledger.restored', entity: 'ledger', userId: headId }, (w) =>
      w.note({ from: path.basename(opened.dir), keptAside: path.basename(asideDir), proof: byCode ? 'recovery-code' : 'head-password', sealed: trusted.sealed }),
    );
    mirrorBackupFolder(app.dataDir, store);
    lap('recorded');
    return { restoredFrom: opened.dir, keptAside: asideDir, chainHead: store.ledger.head(), trustedBy: trusted.sealed ? 'seal' : 'full-check' };
  } finally {
    store.close();
  }
}
