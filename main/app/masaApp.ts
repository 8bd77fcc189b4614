import path from 'node:path';
import {
  acquireFolderLock,
  DatabaseError,
  ensureDataDir,
  isNetworkFolder,
  type FolderLock,
  ledgerPaths,
  ledgerPresence,
  PAGE_CHECK_SYNC_BYTES,
  settings as settingsQ,
  type KdfParams,
  type LedgerPresence,
  type LedgerStore,
  type WorkerEntry,
} from '../../database';
import type { OfficeInfo } from '../../preload/contract/types';
import { PROVINCES } from '../../preload/contract/provinces';
import { AppError } from './appError';
import { BackupVerifier } from './backupVerifier';
import { EventBus } from './eventBus';
import { ImportJobs } from './importJobs';
import { LOGIN_FAILURES_FILE, LoginThrottle } from './loginThrottle';
import type { Session } from './session';
import { PrintedDocuments, type DocumentPrinter } from './printedDocuments';

interface MasaAppOptions {
  dataDir: string;
  now?: () => Date;
  /** Tests use cheaper scrypt parameters; the app always uses the defaults. */
  kdf?: KdfParams;
  /** Where the start-up page check moves to the background (tests set it low to exercise that path). */
  pageCheckSyncBytes?: number;
  /** Where the backup check's worker loads from (tests give one that cannot start). */
  backupCheckEntry?: WorkerEntry;
  /** The default printer (desktop app only: main/electron gives Electron's); none in the bridge and the CLI. */
  printer?: DocumentPrinter;
}

/**
 * The main process's state: which data folder, the unlocked ledger (if any) and the signed-in
 * session. One per process: the Electron window, the browser bridge and the CLI each make one.
 */
export class MasaApp {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly kdf: KdfParams | undefined;
  readonly throttle: LoginThrottle;
  store: LedgerStore | null = null;
  /** Ledgers larger than this (file + WAL) get their start-up page check in the background. */
  pageCheckSyncBytes: number;
  /** The background page check of the current session, if one runs (tests and benches await it). */
  pageCheck: Promise<string> | null = null;
  session: Session | null = null;
  /**
   * Why the last sign-in could not open the ledger at all (damaged or foreign file, damaged key
   * file): the start screen shows it with the restore, until a sign-in or a restore succeeds.
   */
  openProblem: AppError | null = null;
  /** Checks and seals each backup after it is written (backupVerifier.ts). */
  readonly backupVerifier: BackupVerifier;
  /**
   * Told the name of each step a long operation (a restore) has just finished, or of a part of
   * one with its own duration (`ms`): bench/backup prints where the time goes. No personal data.
   */
  onPhase: ((phase: string, ms?: number) => void) | null = null;
  /**
   * A request that must have the ledger's connection to itself while it awaits (an import's
   * stepped apply, Ledger.recordInSteps): every other request waits in the handler table until
   * `done`, except the ones `allows` names (they touch no ledger: a cancel sets a flag).
   */
  exclusive: { done: Promise<void>; allows: ReadonlySet<string> } | null = null;
  private lock: FolderLock | null = null;
  /** Where `print.toPrinter` sends a PDF; null where there is no printer (browser bridge, CLI). */
  readonly printer: DocumentPrinter | null;
  /** The PDFs rendered for this sign-in's previews, for `print.toPrinter` by id. */
  readonly printedDocuments = new PrintedDocuments();
  /** This app's notifications to its screen (the Electron window or the bridge's page). */
  readonly events = new EventBus();
  /** The office head's imports under way: plans, reports, cancels (importService.ts). */
  readonly imports = new ImportJobs();

  /** Runs `fn` as the exclusive request (see `exclusive`); requests that arrive meanwhile wait. */
  async runExclusive<T>(allows: readonly string[], fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive.done;
    let end!: () => void;
    this.exclusive = { done: new Promise<void>((resolve) => (end = resolve)), allows: new Set(allows) };
    try {
      return await fn();
    } finally {
      this.exclusive = null;
      end();
    }
  }

  constructor(opts: MasaAppOptions) {
    this.dataDir = opts.dataDir;
    this.now = opts.now ?? (() => new Date());
    this.kdf = opts.kdf;
    this.pageCheckSyncBytes = opts.pageCheckSyncBytes ?? PAGE_CHECK_SYNC_BYTES;
    this.backupVerifier = new BackupVerifier(this.now, this.events, opts.backupCheckEntry);
    this.printer = opts.printer ?? null;
    // Failed sign-ins are counted in the data folder, so a CLI run or a restart does not reset them.
    this.throttle = new LoginThrottle(() => this.now().getTime(), path.join(opts.dataDir, LOGIN_FAILURES_FILE));
  }

  /**
   * Claims the data folder for this process (one writer per ledger) and refuses a network
   * share. Entry points call it at start; opening the ledger calls it too.
   */
  claimDataDir(): void {
    if (this.lock) return;
    ensureDataDir(this.dataDir);
    if (isNetworkFolder(this.dataDir)) throw new AppError('NETWORK_FOLDER', { path: this.dataDir });
    try {
      this.lock = acquireFolderLock(this.dataDir);
    } catch (err) {
      if (err instanceof DatabaseError && err.code === 'LOCKED') throw new AppError('FOLDER_IN_USE', { path: this.dataDir });
      throw err;
    }
  }

  /** Closes the ledger and gives the data folder up (process exit). */
  shutdown(): void {
    this.backupVerifier.stop();
    this.close();
    this.lock?.release();
    this.lock = null;
  }

  presence(): LedgerPresence {
    return ledgerPresence(ledgerPaths(this.dataDir));
  }

  requireStore(): LedgerStore {
    if (!this.store) throw new AppError('NOT_SIGNED_IN');
    return this.store;
  }

  requireSession(): Session {
    if (!this.session) throw new AppError('NOT_SIGNED_IN');
    return this.session;
  }

  officeInfo(): OfficeInfo {
    const s = settingsQ.allSettings(this.requireStore().reader);
    const provinceCode = s['office.provinceCode'] ?? '';
    return {
      provinceCode,
      provinceName: PROVINCES[provinceCode] ?? '',
      deskCode: s['office.deskCode'] ?? '',
      idleLockMinutes: Number(s['security.idleLockMinutes'] ?? 10),
      clerksMayExportReconciliation: s['reconciliation.clerksMayExport'] === '1',
      silentPrint: s['print.silent'] === '1',
    };
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.session = null;
    this.printedDocuments.clear();
  }
}

/** Sign-in answers that mean the ledger itself cannot be opened (no password would help): restore. */
export const UNOPENABLE_CODES: ReadonlySet<string> = new Set(['LEDGER_CORRUPT', 'LEDGER_MISSING', 'LEDGER_EMPTY', 'LEDGER_TRUNCATED', 'LEDGER_PAGES_DAMAGED', 'SLOTS_MISSING', 'SLOTS_CORRUPT', 'SLOTS_KDF_INVALID']);

/** Database errors become messages a user can act on; other errors pass through unchanged. */
export function toAppError(err: unknown, dataDir: string): unknown {
  // A full disk met outside the database layer's own checks (a file written by a service, a
  // SQLite statement outside a ledger write) is still a full disk, never an unexpected error.
  const raw = (err as { code?: unknown } | null)?.code;
  if (!(err instanceof DatabaseError) && !(err instanceof AppError) && (raw === 'ENOSPC' || raw === 'EDQUOT' || raw === 'SQLITE_FULL')) return new AppError('DISK_FULL');
  // A page that does not read back (its HMAC fails) met by any read: the damage, by name.
  if (!(err instanceof DatabaseError) && !(err instanceof AppError) && (raw === 'SQLITE_CORRUPT' || raw === 'SQLITE_NOTADB')) return new AppError('LEDGER_PAGES_DAMAGED');
  if (!(err instanceof DatabaseError)) return err;
  const p = ledgerPaths(dataDir);
  switch (err.code) {
    case 'SLOT_WRONG_SECRET':
      return new AppError('AUTH_FAILED');
    case 'DB_MISSING':
      return new AppError('LEDGER_MISSING', { path: p.db });
    case 'SLOTS_MISSING':
      return new AppError('SLOTS_MISSING', { path: p.slots });
    case 'SLOTS_CORRUPT':
      return new AppError('SLOTS_CORRUPT', { path: p.slots });
    case 'DB_CORRUPT':
    case 'DB_WRONG_KEY':
      return new AppError('LEDGER_CORRUPT');
    case 'DB_EMPTY':
      return new AppError('LEDGER_EMPTY', { path: p.db });
    case 'DB_TRUNCATED':
      return new AppError('LEDGER_TRUNCATED', { bytes: Number(err.details.bytes ?? 0) });
    case 'SLOTS_KDF_INVALID':
      return new AppError('SLOTS_KDF_INVALID', { path: p.slots, N: Number(err.details.N ?? 0) });
    case 'DB_NEWER_SCHEMA':
      return new AppError('LEDGER_NEWER', err.details as Record<string, number>);
    case 'DB_EXISTS':
      return new AppError('ALREADY_SET_UP');
    case 'DISK_FULL':
      return new AppError('DISK_FULL');
    case 'IO_ERROR':
      return new AppError('IO_ERROR');
    case 'SYNC_FAILED':
      return new AppError('IO_SYNC_FAILED');
    default:
      return new AppError('INTERNAL');
  }
}
