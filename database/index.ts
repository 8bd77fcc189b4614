/**
 * The database layer's narrow interface. Nothing outside `database/` imports the SQLite driver;
 * main gets a LedgerStore (open ledger + key slots) and query functions.
 */
export { createLedger, unlockLedger, LedgerStore, type Credentials } from './vault/vault';
export { Ledger } from './ledger/ledger';
export { StateWriter, type Row } from './ledger/stateWriter';
export { verifyChain } from './ledger/verify';
export { DatabaseError } from './shared/errors';
export { ledgerPaths, ledgerPresence, ensureDataDir, type LedgerPresence } from './files/paths';
export { schemaVersion, latestVersion } from './migrations/migrate';
export { normalizeUsername, normalizeRecoveryCode, newRecoveryCode, type KdfParams } from './vault/keySlots';
export type { ReadableDB } from './queries/handle';
export * as users from './queries/users';
export * as settings from './queries/settings';
export * as ledgerInfo from './queries/ledgerInfo';
export * as appointments from './queries/appointments';
export * as search from './queries/search';
export * as registrations from './queries/registrations';
export * as drafts from './queries/drafts';
export { writeBackup, checkBackupFiles, checkBackupSizes, listBackups, rotateBackups, BACKUP_LEDGER, BACKUP_SLOTS, type BackupManifest } from './backup/backup';
export { swapInBackup } from './backup/restore';
export { checkBackupCopy, checkLedgerCopy, type BackupCheckResult } from './backup/backupCheck';
export { checkBackupInWorker, type BackupCheckRun, type WorkerEntry } from './backup/backupCheckThread';
export {
  SEAL_CHECKS,
  makeSeal,
  manifestDigest,
  readSeal,
  readCheckFailure,
  sealHmacValid,
  writeCheckFailure,
  writeSeal,
  type BackupSeal,
} from './backup/backupSeal';
export { type FileDigest } from './backup/copyHashed';
export { startupCheck, type StartupCheck } from './ledger/startupCheck';
export { folderFinding, LEDGER_PAGE_BYTES } from './files/folderCheck';
export { ledgerBytes, PAGE_CHECK_SYNC_BYTES, quickCheckInWorker } from './ledger/pageCheck';
export { acquireFolderLock, isNetworkFolder, type FolderLock } from './files/folderLock';
export * as audit from './queries/audit';
export * as reconciliation from './queries/reconciliation';
export { writeFileAtomic, fsyncDir } from './files/atomicFile';
export { crashPoint } from './files/crashPoints';
export { eventsTouching, rewriteEvent } from './vault/redaction';
export { ERASURE_EVENT } from './ledger/verify';
export * as retention from './queries/retention';
export * as importLookup from './queries/importLookup';
export type { AppointmentStateRow, RegistrationStateRow } from './migrations/stateRows';
