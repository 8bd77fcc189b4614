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
