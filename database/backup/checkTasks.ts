import { openEncrypted, type RawDatabase } from '../vault/connection';
import { DatabaseError, type DatabaseErrorCode } from '../shared/errors';
import { ReplayCollector, stateColumns, type ReplayDigests } from '../ledger/replay';
import { walkStretch, type ChainStretch, type StretchWalk } from '../ledger/verify';

/**
 * One piece of a ledger check that a worker thread runs on its own read-only connection
 * (chainWorkers.ts): SQLite's integrity_check, or the walk of one stretch of the chain, with the
 * changes of the events it passes collected for replay in the same read.
 */
export type CheckTask =
  | { kind: 'integrity'; file: string }
  | { kind: 'walk'; file: string; stretch: ChainStretch; redacted: [number, string][]; replay: boolean };

export type ReplayPiece = { finals: ReplayDigests; events: number } | { failed: true };

export type CheckTaskAnswer =
  | { kind: 'integrity'; result: string; ms: number }
  | { kind: 'walk'; walk: StretchWalk; replay: ReplayPiece | null }
  /** An error the task raised: rebuilt on the calling thread (thrownError) so its handling is the same as in-thread. */
  | { thrown: { code: string; message: string; database: boolean } };

/** Runs a task on `db` (the caller's connection when the task is run in-thread). */
export function runTaskOn(db: RawDatabase, task: CheckTask): CheckTaskAnswer {
  if (task.kind === 'integrity') {
    const t0 = performance.now();
    return { kind: 'integrity', result: String(db.pragma('integrity_check', { simple: true })), ms: performance.now() - t0 };
  }
  const collector = task.replay ? new ReplayCollector(stateColumns(db)) : null;
  // A payload replay cannot apply (not JSON, an unknown table) fails replay, not the walk: the
  // chain's own answer comes first, as when replay ran after the walk.
  let replayFailed = false;
  const sink = collector
    ? (seq: number, payload: string) => {
        if (replayFailed) return;
        try {
          collector.event(seq, payload);
        } catch {
          replayFailed = true;
        }
      }
    : undefined;
  const walk = walkStretch(db, task.stretch, new Map(task.redacted), sink);
  if (!collector) return { kind: 'walk', walk, replay: null };
  if (!replayFailed && !walk.bad) {
    try {
      collector.readParts(db);
    } catch (err) {
      if (isSqliteError(err)) throw err;
      replayFailed = true;
    }
  }
  return { kind: 'walk', walk, replay: replayFailed ? { failed: true } : { finals: collector.finals, events: collector.events } };
}

/** The worker's entry (exported through backupCheck.ts, which the Electron build bundles on its own). */
export function runCheckTask(task: CheckTask, key: Buffer): CheckTaskAnswer {
  let db: RawDatabase | undefined;
  try {
    db = openEncrypted(task.file, { key, readonly: true });
    return runTaskOn(db, task);
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { thrown: { code: String(e?.code ?? ''), message: String(e?.message ?? err), database: err instanceof DatabaseError } };
  } finally {
    db?.close();
  }
}

/** The error a worker's task raised, as the calling thread would have seen it. */
export function thrownError(t: { code: string; message: string; database: boolean }): Error {
  if (t.database) return new DatabaseError(t.code as DatabaseErrorCode, t.message);
  return Object.assign(new Error(t.message), { code: t.code });
}

export function isSqliteError(err: unknown): boolean {
  return String((err as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');
}
