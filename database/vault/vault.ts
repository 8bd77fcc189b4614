import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fsyncDir } from '../files/atomicFile';
import { openEncrypted, sidecarFiles, type RawDatabase } from './connection';
import { crashPoint } from '../files/crashPoints';
import { DatabaseError } from '../shared/errors';
import {
  dataKeysOf,
  makeSlot,
  newKeyId,
  newRecoveryCode,
  normalizeUsername,
  openVault,
  openVaultSlot,
  readSlotFile,
  wrapDataKey,
  writeSlotFile,
  type KdfParams,
  type Slot,
  type SlotFile,
  DEFAULT_KDF,
} from './keySlots';
import type { HeadWitness } from '../ledger/headWitness';
import { Ledger, type EventInput, type StoredEvent } from '../ledger/ledger';
import { markCommitted, newPendingMark, settleSlots, withPendingSlots, writeSlotsOrDiskFull, type SlotChange } from './slotChange';
import type { StateWriter } from '../ledger/stateWriter';
import { openWitness, type WitnessCheck } from '../ledger/witnessCheck';
import { folderFinding } from '../files/folderCheck';
import { migrate } from '../migrations/migrate';
import { ensureDataDir, ledgerPaths, ledgerPresence, type LedgerPaths } from '../files/paths';
import { quickCheckInWorker, type PageCheckRun } from '../ledger/pageCheck';
import { asReadable, type ReadableDB } from '../queries/handle';
import { compactAfterErasure } from './redaction';
import { checkLedgerInParallel } from '../backup/chainWorkers';
import { replayAndCompare, type ReplayResult } from '../ledger/replay';
import type { VerifyResult } from '../ledger/verify';

export interface Credentials {
  kind: Slot['kind'];
  username: string;
  secret: string;
}

/**
 * Each store's vault key, for unlockLedger's `sameVaultAs` only (a module secret: the class keeps
 * its own copy private).
 */
const vaultKeys = new WeakMap<LedgerStore, Buffer>();

/** The store's connection for database/ code that writes outside the ledger (drafts) and for tests; never exported by database/index.ts. */
export function writableHandle(store: LedgerStore): RawDatabase {
  return store['db'];
}

/** How long after a large write its checkpoint runs (LedgerStore.largeWrite). */
export const CHECKPOINT_DELAY_MS = 2000;

/**
 * An unlocked ledger: the open connection, the ledger, and the vault key held in memory so
 * that the office head can add users, change passwords and rotate the data key.
 */
export class LedgerStore {
  constructor(
    readonly paths: LedgerPaths,
    private db: RawDatabase,
    public ledger: Ledger,
    private readonly vaultKey: Buffer,
    private readonly kdf: KdfParams,
    private readonly now: () => Date,
  ) {
    vaultKeys.set(this, vaultKey);
  }

  /** The connection to read with (query functions in database/queries/); writes go through `ledger`. */
  get reader(): ReadableDB {
    return asReadable(this.db);
  }

  /**
   * Several ledger records in one IMMEDIATE transaction (a day close, a reversal with its
   * follow-up): all of them or none. A throw inside rolls every record back.
   */
  recordTogether<T>(write: () => T): T {
    return this.db.transaction(write).immediate();
  }

  /** Reclaims the pages an erasure freed, so the erased text is not left in free pages (redaction.ts). */
  compactAfterErasure(): void {
    compactAfterErasure(this.db);
  }

  /** The open witness of the last acknowledged head; null when reading only or after a finding. */
  private witness: HeadWitness | null = null;
  /** What the witness said when this ledger was opened (witnessCheck.ts). */
  witnessCheck: WitnessCheck = { state: 'ok' };

  /** Starts keeping the witness: each commit's head is written to it before it is answered. */
  keepWitness(witness: HeadWitness | null): void {
    this.witness?.close();
    this.witness = witness;
    this.ledger.onCommitted = witness
      ? (head) => {
          try {
            witness.write(head);
          } catch {
            // The write is committed whatever happens here. A witness left behind is the safe
            // direction (it can only fail to notice a later loss, never report a false one).
          }
        }
      : null;
  }

  close(): void {
    this.witness?.close();
    this.witness = null;
    this.pageCheck?.stop();
    this.pageCheck = null;
    // A scheduled checkpoint is not needed any more: closing checkpoints (TRUNCATE) below.
    if (this.pendingCheckpoint) {
      clearTimeout(this.pendingCheckpoint.timer);
      this.pendingCheckpoint.settle();
    }
    if (this.db.open) {
      // Folding the WAL back leaves a single file behind: simpler to back up, nothing stale.
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* a read-only or failing disk: closing still releases the file */
      }
      this.db.close();
    }
  }

  private pageCheck: PageCheckRun | null = null;
  /** The checkpoint a large write scheduled: its timer, and the promise `checkpointSettled` gives. */
  private pendingCheckpoint: { timer?: NodeJS.Timeout; done: Promise<void>; settle(): void } | null = null;

  /**
   * A write too large to checkpoint inside its COMMIT (an import of HQ's whole list): SQLite's
   * automatic checkpoint is held back for it and runs CHECKPOINT_DELAY_MS later instead.
   *
   * Why: SQLite checkpoints (copies the WAL into the ledger file) inside the COMMIT that takes
   * the WAL past 1,000 pages. After 160,000 imported appointments (a WAL of about 105 MB) that
   * was 0.6-0.7 s of the 7-9 s the office head waited for the report (bench/import). The
   * COMMIT alone already makes the import durable (WAL, synchronous=FULL). The delay lets the
   * screen show the report first; the checkpoint then holds the main thread for those 0.6 s
   * once. A worker thread with its own connection was tried: it took the checkpoint off the
   * main thread, but its ~20 MB ran alongside the office head's next import and took that
   * import's peak RSS past 400 MB (bench/import).
   */
  async largeWrite<T>(write: () => T | Promise<T>): Promise<T> {
    const autocheckpoint = Number(this.db.pragma('wal_autocheckpoint', { simple: true }));
    this.db.pragma('wal_autocheckpoint = 0');
    let result: T;
    try {
      result = await write();
    } finally {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    }
    this.scheduleCheckpoint();
    return result;
  }

  /** Resolves once the checkpoint a large write scheduled has run (at once if none is pending). */
  checkpointSettled(): Promise<void> {
    return this.pendingCheckpoint?.done ?? Promise.resolve();
  }

  private scheduleCheckpoint(): void {
    if (this.pendingCheckpoint) return;
    let resolve!: () => void;
    const pending = {
      done: new Promise<void>((r) => (resolve = r)),
      settle: () => {
        if (this.pendingCheckpoint === pending) this.pendingCheckpoint = null;
        resolve();
      },
    };
    this.pendingCheckpoint = pending;
    this.armCheckpoint(pending);
  }

  private armCheckpoint(pending: NonNullable<LedgerStore['pendingCheckpoint']>): void {
    pending.timer = setTimeout(() => {
      // A stepped write is open on the connection (Ledger.recordInSteps): after it.
      if (this.ledger.isStepping) return this.armCheckpoint(pending);
      if (this.db.open) {
        try {
          // PASSIVE: copies what no reader still needs; it never waits for anyone.
          this.db.pragma('wal_checkpoint(PASSIVE)');
        } catch {
          /* a failing disk: the next COMMIT's own checkpoint tries again */
        }
      }
      pending.settle();
    }, CHECKPOINT_DELAY_MS);
    // A CLI command does not wait for it: closing the ledger checkpoints anyway.
    pending.timer.unref();
  }

  /**
   * The whole chain walked and every state table compared with the events (verify + replay), in
   * one read of the events; on a large ledger that read is split over worker threads, each on its
   * own read-only connection with this ledger's data key (chainWorkers.ts). The answers are those
   * of verifyChain and replayAndCompare: a broken chain is replayed in-thread after all, so the
   * office head still learns whether the state agrees with what is left.
   */
  checkChainAndState(): { chain: VerifyResult; replay: ReplayResult } {
    const { chain, replay } = checkLedgerInParallel(this.db, this.paths.db, this.dataKey().key, { replay: true });
    if (!chain.ok || replay === undefined || replay === 'failed') return { chain, replay: replayAndCompare(this.db) };
    return { chain, replay };
  }

  /**
   * Starts quick_check in a worker (pageCheck.ts) with this ledger's current data key; closing
   * the ledger stops it, so no second handle outlives the store (a restore renames the file).
   */
  checkPagesInBackground(): Promise<string> {
    this.pageCheck?.stop();
    const { key } = this.dataKey();
    const run = (this.pageCheck = quickCheckInWorker(this.paths.db, key));
    // No worker here (an odd packaging, a missing module): the check is not skipped but runs
    // on this connection, as it does for a small ledger.
    return run.result.then((answer) => {
      if (!answer.startsWith('unavailable:') || this.pageCheck !== run || !this.db.open) return answer;
      try {
        return String(this.db.pragma('quick_check', { simple: true }));
      } catch (err) {
        return `error: ${(err as { code?: string }).code ?? 'SQLITE_ERROR'}`;
      }
    });
  }

  /**
   * The current data key of a slot file this ledger's vault key opens: its own, or the copy in
   * one of its backups (the key its seal is made with, see backupSeal.ts). Stays in memory.
   */
  dataKey(slotsPath: string = this.paths.slots): { keyId: string; key: Buffer } {
    const keys = dataKeysOf(readSlotFile(slotsPath), this.vaultKey);
    // A read-only open of a backup taken in the middle of a rekey may have needed the previous key.
    const own = slotsPath === this.paths.slots && this.openedWith ? keys.find((k) => k.keyId === this.openedWith) : undefined;
    const { keyId, key } = own ?? keys.find((k) => k.state === 'current')!;
    return { keyId, key };
  }

  /** The id of the data key that opened this ledger (set by unlockLedger). */
  openedWith: string | null = null;

  /**
   * Records `input` together with the key-slot changes it explains, in the order key slots must
   * change (slotChange.ts): the new slots are written beside the old ones, the event is committed
   * naming them, then the old ones are retired. A failure before the commit takes the new slots
   * back out (or leaves them for the next open to drop); after it, the change stands even if the
   * last rewrite of the slot file fails (the next open, and checkPassword meanwhile, settle it).
   */
  recordWithSlots<T>(input: EventInput, changes: SlotChange[], mutate: (w: StateWriter) => T): { event: StoredEvent; result: T } {
    const before = this.settledSlots();
    const mark = newPendingMark(this.ledger.head().seq + 1);
    writeSlotsOrDiskFull(this.paths.slots, withPendingSlots(before, changes, this.vaultKey, this.kdf, mark), 'slots-pending');
    let done: { event: StoredEvent; result: T };
    try {
      done = this.ledger.record(input, (w) => {
        const result = mutate(w);
        w.note({ slotChange: mark.nonce });
        return result;
      });
    } catch (err) {
      try {
        writeSlotFile(this.paths.slots, before, 'slots-rollback');
      } catch {
        /* the pending slots stay until the next open drops them: their event does not exist */
      }
      throw err;
    }
    try {
      writeSlotFile(this.paths.slots, this.settledSlots(), 'slots-settled');
    } catch {
      /* committed: the slot file is settled by the next open (checkPassword settles meanwhile) */
    }
    return done;
  }

  /** The slot file as it counts now: unfinished changes settled by what the ledger holds. */
  private settledSlots(): SlotFile {
    return settleSlots(readSlotFile(this.paths.slots), (m) => markCommitted(this.db, m));
  }

  /** Destroys a user's slot (after the event that disables the user is committed). */
  removeSlot(username: string): void {
    const file = this.settledSlots();
    const name = normalizeUsername(username);
    writeSlotsOrDiskFull(this.paths.slots, { ...file, slots: file.slots.filter((s) => !(s.kind === 'user' && s.username === name)) }, 'password');
  }

  /** True if this password opens this user's slot (used for unlock and password change). */
  checkPassword(username: string, password: string): boolean {
    const vault = openVault(this.settledSlots(), 'user', username, password);
    return vault !== null && vault.equals(this.vaultKey);
  }

  hasUserSlot(username: string): boolean {
    const name = normalizeUsername(username);
    return this.settledSlots().slots.some((s) => s.kind === 'user' && s.username === name);
  }

  /**
   * Rotates the data key. The re-encrypted copy is made beside the live file; the slot file
   * lists new and old key while the copy is swapped in, so a crash at any step leaves a ledger
   * that one of the listed keys opens.
   */
  rekey(): void {
    const p = this.paths;
    const file = readSlotFile(p.slots);
    const newKey = randomBytes(32);
    const newId = newKeyId();
    const current = dataKeysOf(file, this.vaultKey).find((k) => k.state === 'current')!;
    fs.rmSync(p.dbRekey, { force: true });
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.prepare('VACUUM INTO ?').run(p.dbRekey);
    const copy = openEncrypted(p.dbRekey, { key: current.key, synchronous: 'FULL' });
    copy.pragma('journal_mode = DELETE'); // SQLite3MC cannot rekey a WAL database
    copy.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    copy.close();
    crashPoint('rekey:copied');
    writeSlotFile(
      p.slots,
      {
        ...file,
        dataKeys: [wrapDataKey(this.vaultKey, newKey, newId, 'current'), wrapDataKey(this.vaultKey, current.key, current.keyId, 'previous')],
      },
      'rekey-both',
    );
    crashPoint('rekey:slots-both');
    this.close();
    for (const f of sidecarFiles(p.db).slice(1)) fs.rmSync(f, { force: true });
    fs.renameSync(p.dbRekey, p.db);
    fsyncDir(p.dir);
    crashPoint('rekey:swapped');
    this.db = openEncrypted(p.db, { key: newKey });
    this.ledger = new Ledger(this.db, this.now);
    // The witness is authenticated with a key derived from the data key: rewritten under the new
    // key while the slot file still lists both (an open after a crash here checks it with either).
    this.keepWitness(openWitness(p.witness, this.db, this.ledger, [], { keyId: newId, key: newKey }, true).witness);
    crashPoint('rekey:witness');
    writeSlotFile(p.slots, { ...readSlotFile(p.slots), dataKeys: [wrapDataKey(this.vaultKey, newKey, newId, 'current')] }, 'rekey-final');
    crashPoint('rekey:done');
  }
}

interface CreateOptions {
  dir: string;
  headUsername: string;
  headPassword: string;
  kdf?: KdfParams;
  now?: () => Date;
  /** Writes the first events (office, head user) before the ledger becomes visible. */
  initialize: (ledger: Ledger) => void;
}

/**
 * First run. Everything is written to a pending file first; the slot file is written next and
 * the rename of the pending file is the moment the ledger exists.
 */
export function createLedger(opts: CreateOptions): { store: LedgerStore; recoveryCode: string } {
  const p = ledgerPaths(opts.dir);
  ensureDataDir(p.dir);
  if (ledgerPresence(p) !== 'none') throw new DatabaseError('DB_EXISTS', 'a ledger already exists in this folder');
  for (const f of sidecarFiles(p.dbPending)) fs.rmSync(f, { force: true });
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const now = opts.now ?? (() => new Date());
  const dataKey = randomBytes(32);
  const vaultKey = randomBytes(32);
  const keyId = newKeyId();
  const db = openEncrypted(p.dbPending, { key: dataKey, create: true });
  try {
    migrate(db);
    opts.initialize(new Ledger(db, now));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const recoveryCode = newRecoveryCode();
  const file: SlotFile = {
    format: 'masa-key-slots',
    version: 1,
    dataKeys: [wrapDataKey(vaultKey, dataKey, keyId, 'current')],
    slots: [makeSlot('user', opts.headUsername, opts.headPassword, vaultKey, kdf), makeSlot('recovery', '', recoveryCode, vaultKey, kdf)],
  };
  writeSlotFile(p.slots, file, 'setup');
  crashPoint('setup:slots');
  finishSetup(p);
  const open = openEncrypted(p.db, { key: dataKey });
  const store = new LedgerStore(p, open, new Ledger(open, now), vaultKey, kdf, now);
  store.keepWitness(openWitness(p.witness, open, store.ledger, [], { keyId, key: dataKey }, true).witness);
  return { store, recoveryCode };
}

function finishSetup(p: LedgerPaths): void {
  for (const f of sidecarFiles(p.dbPending).slice(1)) fs.rmSync(f, { force: true });
  fs.renameSync(p.dbPending, p.db);
  fsyncDir(p.dir);
}

interface UnlockOptions {
  dir: string;
  credentials: Credentials;
  /**
   * Opens the slot file with this store's vault key instead of deriving it from the credentials
   * again: a restore reopens the copy of the backup it has just unlocked (and whose slot file it
   * has compared byte for byte) without a second scrypt (half a second).
   */
  sameVaultAs?: LedgerStore;
  kdf?: KdfParams;
  now?: () => Date;
  readonly?: boolean;
  /**
   * Trust the ledger's head as the acknowledged one and write a new witness for it: only for a
   * restore, whose backup has just passed its check (seal or full) and was copied in by digest.
   */
  adoptHead?: boolean;
}

/** The slot file with its unfinished changes settled; as it is if the ledger cannot say (damaged pages). */
function settleOnOpen(db: RawDatabase, file: SlotFile): SlotFile {
  try {
    return settleSlots(file, (m) => markCommitted(db, m));
  } catch {
    return file; // the start-up check reports the damage; nothing is decided on a ledger that does not read
  }
}

/**
 * Opens the ledger with a user's password or the recovery code. A wrong secret is
 * SLOT_WRONG_SECRET whether the user exists or not (the message must not tell which).
 */
export function unlockLedger(opts: UnlockOptions): LedgerStore {
  const p = ledgerPaths(opts.dir);
  const presence = ledgerPresence(p);
  if (presence === 'none') throw new DatabaseError('DB_MISSING', 'no ledger in this folder');
  if (presence === 'db-missing') throw new DatabaseError('DB_MISSING', 'the ledger file is missing next to its key slots');
  if (presence === 'slots-missing') throw new DatabaseError('SLOTS_MISSING', 'the key slot file is missing');
  if (presence === 'finish-setup') finishSetup(p);
  // An empty or cut-short ledger file, a key file that is not one: never opened, never rebuilt.
  const finding = folderFinding(p);
  if (finding) throw finding;
  const file = readSlotFile(p.slots);
  const { kind, username, secret } = opts.credentials;
  const opened = opts.sameVaultAs ? { vaultKey: vaultKeys.get(opts.sameVaultAs) ?? null, slot: null } : openVaultSlot(file, kind, username, secret);
  const vaultKey = opened?.vaultKey ?? null;
  if (!vaultKey) throw new DatabaseError('SLOT_WRONG_SECRET', 'username or password does not match');
  const now = opts.now ?? (() => new Date());
  let lastErr: unknown;
  for (const k of dataKeysOf(file, vaultKey)) {
    let db: RawDatabase | undefined;
    try {
      db = openEncrypted(p.db, { key: k.key, readonly: opts.readonly });
      // An unfinished change of a secret (slotChange.ts): the ledger says which slot counts. The
      // secret given must open that one; the retired one no longer opens anything.
      const settled = settleOnOpen(db, file);
      if (opened?.slot && !settled.slots.some((s) => s.salt === opened.slot.salt)) {
        throw new DatabaseError('SLOT_WRONG_SECRET', 'username or password does not match');
      }
      if (settled !== file && !opts.readonly) writeSlotFile(p.slots, settled, 'slots-settled');
      if (k.state === 'previous' || fs.existsSync(p.dbRekey)) {
        // An interrupted rekey: the live file still has the old key; tidy up and forget the new one.
        fs.rmSync(p.dbRekey, { force: true });
        if (!opts.readonly) writeSlotFile(p.slots, { ...settled, dataKeys: file.dataKeys.filter((d) => d.keyId === k.keyId).map((d) => ({ ...d, state: 'current' as const })) }, 'rekey-rollback');
      } else if (file.dataKeys.length > 1 && !opts.readonly) {
        writeSlotFile(p.slots, { ...settled, dataKeys: file.dataKeys.filter((d) => d.keyId === k.keyId) }, 'rekey-final');
      }
      if (!opts.readonly) migrate(db);
      const store = new LedgerStore(p, db, new Ledger(db, now), vaultKey, opts.kdf ?? DEFAULT_KDF, now);
      store.openedWith = k.keyId;
      if (!opts.readonly) {
        const keys = dataKeysOf(file, vaultKey);
        const opened = openWitness(p.witness, db, store.ledger, keys, { keyId: k.keyId, key: k.key }, opts.adoptHead);
        store.witnessCheck = opened.check;
        store.keepWitness(opened.witness);
      }
      return store;
    } catch (err) {
      db?.close();
      lastErr = err;
      if ((err as DatabaseError).code !== 'DB_WRONG_KEY') throw err;
    }
  }
  // The slot opened but no data key opens the file: the file is damaged or foreign.
  if ((lastErr as DatabaseError | undefined)?.code === 'DB_WRONG_KEY') {
    throw new DatabaseError('DB_CORRUPT', 'the ledger file does not open with its key (damaged, or replaced by another ledger)');
  }
  throw lastErr;
}
