export interface BackupResult {
  dir: string;
  name: string;
  chainHead: { seq: number; hash: string };
  rotatedAway: string[];
  /** The full check of the new backup runs now in the background; a seal is written if it passes. */
  verifying: boolean;
}

/**
 * What the backup folder says about the full check of a backup (docs/backup.md). The list reads
 * the files only; a restore checks the seal's HMAC with the backup's key before trusting it.
 */
export type BackupVerification =
  /** Sealed: it passed integrity_check, the whole chain and replay; restore copies it at once. */
  | { state: 'verified'; at: string }
  /** Its check runs now (or waits for the one before it). */
  | { state: 'pending' }
  /** The check found a fault (or the seal file is broken); restore will check it and say why. */
  | { state: 'failed'; reason: string; at: string }
  /** Never checked (an older backup, an interrupted check): restore checks it in full first. */
  | { state: 'unverified' };

export interface BackupInfo {
  name: string;
  dir: string;
  createdAt: string | null;
  chainHead: { seq: number; hash: string } | null;
  /** False if a file is missing or its size does not match the manifest (hashes: at restore). */
  whole: boolean;
  verification: BackupVerification;
}

/** Answer of the full check asked for by hand (`backup.verify`). */
export interface BackupVerifyResult {
  ok: true;
  dir: string;
  events: number;
  /** A seal was written (false: the folder could not be written, e.g. a write-protected stick). */
  sealed: boolean;
}

export interface RestoreResult {
  restoredFrom: string;
  keptAside: string;
  chainHead: { seq: number; hash: string };
  /** What the restore relied on: the backup's valid seal, or the full check it ran itself. */
  trustedBy: 'seal' | 'full-check';
}

/**
 * The backup taken by itself when the day is closed or the reconciliation is exported. A
 * failure does not undo the day's work: it is reported so the office head can act on it.
 */
export type DayCloseBackup = { ok: true; name: string; dir: string } | { ok: false; message: string; messageEn: string };

/** The backup folder as known without a session (from the plain settings file), for the problem screen. */
export interface KnownBackupFolder {
  dir: string;
  /** False: none was set (or it is not known without the ledger): `<data>/yedekler`. */
  configured: boolean;
}

/** Where backups go: the folder the office head set, or `<data>/yedekler` if none was set. */
export interface BackupFolderInfo {
  dir: string;
  configured: boolean;
  /** True for `<data>/yedekler`: the backups are lost with the data folder's disk. */
  isDefault: boolean;
  /** On the same disk as the ledger (allowed, but a failing disk takes both). */
  sameDisk: boolean;
}
