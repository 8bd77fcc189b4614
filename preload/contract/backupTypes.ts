export interface BackupResult {
  dir: string;
  name: string;
  chainHead: { seq: number; hash: string };
  rotatedAway: string[];
}

export interface BackupInfo {
  name: string;
  dir: string;
  createdAt: string | null;
  chainHead: { seq: number; hash: string } | null;
  /** False if a file is missing or its hash does not match the manifest. */
  whole: boolean;
}

export interface RestoreResult {
  restoredFrom: string;
  keptAside: string;
  chainHead: { seq: number; hash: string };
}

/**
 * The backup taken by itself when the day is closed or the reconciliation is exported. A
 * failure does not undo the day's work: it is reported so the office head can act on it.
 */
export type DayCloseBackup = { ok: true; name: string; dir: string } | { ok: false; message: string; messageEn: string };

/** Where backups go: the folder the office head set, or `<data>/yedekler` if none was set. */
export interface BackupFolderInfo {
  dir: string;
  configured: boolean;
  /** True for `<data>/yedekler`: the backups are lost with the data folder's disk. */
  isDefault: boolean;
  /** On the same disk as the ledger (allowed, but a failing disk takes both). */
  sameDisk: boolean;
}
