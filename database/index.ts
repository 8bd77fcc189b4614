/**
 * The database layer's narrow interface. Nothing outside `database/` imports the SQLite driver;
 * main gets a LedgerStore (open ledger + key slots) and query functions.
 */
export { createLedger, unlockLedger, LedgerStore, type Credentials } from './vault';
export { Ledger, type StoredEvent, type ChainHead, type EventInput } from './ledger';
export { StateWriter, type Row, type StateChange } from './stateWriter';
export { verifyChain, type VerifyResult, type VerifyProblem } from './verify';
export { replayAndCompare, type ReplayResult } from './replay';
export { DatabaseError, type DatabaseErrorCode } from './errors';
export { ledgerPaths, ledgerPresence, ensureDataDir, type LedgerPaths, type LedgerPresence } from './paths';
export { schemaVersion, latestVersion } from './migrate';
export { DEFAULT_KDF, normalizeUsername, normalizeRecoveryCode, newRecoveryCode, type KdfParams } from './keySlots';
export type { SlotChange } from './slotChange';
export type { RawDatabase } from './connection';
export * as users from './queries/users';
export * as settings from './queries/settings';
export * as ledgerInfo from './queries/ledgerInfo';
export * as appointments from './queries/appointments';
export * as search from './queries/search';
export * as registrations from './queries/registrations';
export * as drafts from './queries/drafts';
export { writeBackup, checkBackupFiles, checkBackupSizes, readBackupManifest, listBackups, rotateBackups, BACKUP_LEDGER, BACKUP_SLOTS, type BackupManifest } from './backup';
export { swapInBackup, type SwapOptions } from './restore';
export { checkBackupCopy, type BackupCheckResult } from './backupCheck';
export { checkBackupInWorker, defaultWorkerEntry, type BackupCheckAnswer, type BackupCheckRun, type WorkerEntry } from './backupCheckThread';
export {
  BACKUP_SEAL,
  BACKUP_CHECK_FAILED,
  SEAL_CHECKS,
  makeSeal,
  manifestDigest,
  readSeal,
  readCheckFailure,
  sealHmacValid,
  writeCheckFailure,
  writeSeal,
  type BackupSeal,
  type SealRead,
} from './backupSeal';
export { copyFileHashed, sha256File, type FileDigest } from './copyHashed';
export { startupCheck, type StartupCheck } from './startupCheck';
export { folderFinding, LEDGER_PAGE_BYTES } from './folderCheck';
export type { WitnessCheck } from './witnessCheck';
export { ledgerBytes, PAGE_CHECK_SYNC_BYTES, quickCheckInWorker } from './pageCheck';
export { acquireFolderLock, isNetworkFolder, type FolderLock } from './folderLock';
export * as audit from './queries/audit';
export * as reconciliation from './queries/reconciliation';
