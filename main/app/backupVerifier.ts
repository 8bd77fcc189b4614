import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_LEDGER,
  checkBackupCopy,
  checkBackupInWorker,
  makeSeal,
  SEAL_CHECKS,
  writeCheckFailure,
  writeSeal,
  type BackupCheckResult,
  type BackupCheckRun,
  type BackupSeal,
  type WorkerEntry,
} from '../../database';
import type { EventBus } from './eventBus';
import { log } from './log';

/**
 * A worker that cannot run (an odd packaging) does not leave every backup unverified: a small
 * one is checked on this thread instead (about a second per 32 MB); a larger one stays
 * unverified rather than freeze the window for minutes, and its restore checks it in full.
 */
const VERIFY_IN_PROCESS_BYTES = 32 * 1024 * 1024;

type VerificationOutcome =
  /** `ms`: how long each part of the check took (bench/backup prints them). */
  | { state: 'sealed'; seal: BackupSeal; ms: Record<string, number> }
  /** The check found a fault: no seal; the note in the folder says why. */
  | { state: 'failed'; reason: string; ms: Record<string, number> }
  /** Not checked (no worker and too large, the app closed, the seal could not be written). */
  | { state: 'unverified'; why: string };

/**
 * Verifies each backup after it is written, in the background, and seals it (backupSeal.ts) if
 * it passes, so that a restore can trust it without repeating the checks. One check at a time:
 * two backups in a row (day close, then an export) must not take both cores from the desk.
 * The data key is handed over when the backup is made, so signing out does not stop the check.
 */
export class BackupVerifier {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<string>();
  private readonly outcomes = new Map<string, Promise<VerificationOutcome>>();
  private running: BackupCheckRun | null = null;
  private stopped = false;

  constructor(
    private readonly now: () => Date,
    /** The app's notifications: the screen hears each backup's verdict (`backup.verified`). */
    private readonly events: EventBus,
    /** Tests point this at a worker that cannot start, to exercise the fallback. */
    private readonly entry?: WorkerEntry,
  ) {}

  verify(dir: string, dataKey: { keyId: string; key: Buffer }): Promise<VerificationOutcome> {
    this.pending.add(dir);
    // Never rejects: nobody awaits a day-close backup's check, and an unhandled rejection would
    // end the process. A check that throws leaves the backup unverified, as if never checked.
    const job: Promise<VerificationOutcome> = this.queue
      .then(() => this.check(dir, dataKey))
      .catch((err: unknown) => {
        log.warn('backup check failed to run', { backup: path.basename(dir), error: (err as Error)?.name ?? 'unknown' });
        return { state: 'unverified' as const, why: 'check failed to run' };
      })
      .finally(() => this.pending.delete(dir));
    this.queue = job;
    this.outcomes.set(dir, job);
    return job;
  }

  /**
   * The outcome of the check this process started for this backup, if it started one. Holds
   * the process open meanwhile: the worker does not (a window's check must not keep a command
   * alive), so a command that waits for it would otherwise just end.
   */
  async outcome(dir: string): Promise<VerificationOutcome | undefined> {
    const job = this.outcomes.get(dir);
    return job && holdOpenWhile(job);
  }

  /** True while the backup waits for or is in its check (the list shows "being verified"). */
  isPending(dir: string): boolean {
    return this.pending.has(dir);
  }

  /** Resolves when every queued check has ended (the CLI, tests and benches wait for it). */
  async idle(): Promise<void> {
    for (let q = this.queue; ; q = this.queue) {
      await holdOpenWhile(q);
      if (q === this.queue) return;
    }
  }

  /** The app is closing: the running check ends without a seal, queued ones do not start. */
  stop(): void {
    this.stopped = true;
    this.running?.stop();
  }

  private async check(dir: string, dataKey: { keyId: string; key: Buffer }): Promise<VerificationOutcome> {
    const name = path.basename(dir);
    if (this.stopped) return { state: 'unverified', why: 'stopped' };
    const run = (this.running = checkBackupInWorker(dir, dataKey.key, this.entry));
    const answer = await run.answer;
    this.running = null;
    let result: BackupCheckResult;
    if ('stopped' in answer) return { state: 'unverified', why: 'stopped' };
    if ('unavailable' in answer) {
      log.warn('backup check worker unavailable', { backup: name, why: answer.unavailable.slice(0, 120) });
      if (sizeOf(path.join(dir, BACKUP_LEDGER)) > VERIFY_IN_PROCESS_BYTES) return { state: 'unverified', why: 'worker unavailable' };
      result = checkBackupCopy(dir, dataKey.key);
    } else {
      result = answer.result;
    }
    const at = this.now().toISOString();
    // Rotated away while it was checked: nothing to seal and nothing to report.
    if (!fs.existsSync(dir)) return { state: 'unverified', why: 'backup removed' };
    if (!result.ok) {
      log.warn('backup verification failed', { backup: name, reason: result.problem });
      try {
        writeCheckFailure(dir, { reason: result.problem, at });
      } catch {
        /* the folder is gone (rotated away) or cannot be written: the log and the event remain */
      }
      this.events.emit('backup.verified', { name, ok: false, reason: result.problem });
      return { state: 'failed', reason: result.problem, ms: result.ms };
    }
    const seal = makeSeal(
      { manifestSha256: result.manifestSha256, files: result.files, chainHead: result.chainHead, events: result.events, keyId: dataKey.keyId, verifiedAt: at, checks: SEAL_CHECKS },
      dataKey.key,
    );
    try {
      writeSeal(dir, seal);
    } catch (err) {
      // A full USB disk or a removed stick: the backup is as good as before, only unsealed.
      log.warn('backup seal not written', { backup: name, code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
      return { state: 'unverified', why: 'seal not written' };
    }
    log.info('backup verified and sealed', { backup: name, events: result.events });
    this.events.emit('backup.verified', { name, ok: true });
    return { state: 'sealed', seal, ms: result.ms };
  }
}

async function holdOpenWhile<T>(p: Promise<T>): Promise<T> {
  const hold = setInterval(() => undefined, 60_000);
  try {
    return await p;
  } finally {
    clearInterval(hold);
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
