import { openEncrypted, type RawDatabase } from '../vault/connection';
import { DatabaseError, type DatabaseErrorCode } from '../shared/errors';
import { ReplayCollector, stateColumns, type ReplayDigests } from '../ledger/replay';
import { walkStretch, type ChainStretch, type StretchWalk } from '../ledger/verify';

/**
 * One piece of a ledger check that a worker thread runs on its own read-only connection
 * (chainWorkers.ts): SQLite's integrity_check, or walks of stretches of the chain, with the
 * changes of the events they pass collected for replay in the same read.
 *
 * A walk task holds all the stretches of the chain; each runner (a worker, and the calling
 * thread) takes the next one not yet taken from `claim` (a counter in shared memory, Atomics.add)
 * until none is left. So a worker that starts late (a thread and its code take 0.1-0.3 s to
 * load) or a core that is busy with something else walks fewer stretches, and all finish
 * together. Without `claim` the task walks every stretch itself, in order.
 */
export type CheckTask =
  /** SQLite's page check: integrity_check, or quick_check (the same without comparing each index with its table). */
  | { kind: 'integrity'; file: string; pragma: PageCheck }
  | { kind: 'walk'; file: string; stretches: ChainStretch[]; claim?: Int32Array; redacted: [number, string][]; replay: boolean };

export type PageCheck = 'integrity_check' | 'quick_check';

/** A stretch's walk, by its index in the task's stretches. */
interface IndexedWalk {
  index: number;
  walk: StretchWalk;
}

export type ReplayPiece = { finals: ReplayDigests; events: number } | { failed: true };

export type CheckTaskAnswer =
  | { kind: 'integrity'; result: string; ms: number }
  | { kind: 'walk'; walks: IndexedWalk[]; replay: ReplayPiece | null }
  /** An error the task raised: rebuilt on the calling thread (thrownError) so its handling is the same as in-thread. */
  | { thrown: { code: string; message: string; database: boolean } };

/** Runs a task on `db` (the caller's connection when the task is run in-thread). */
export function runTaskOn(db: RawDatabase, task: CheckTask): CheckTaskAnswer {
  if (task.kind === 'integrity') {
    const t0 = performance.now();
    return { kind: 'integrity', result: String(db.pragma(task.pragma, { simple: true })), ms: performance.now() - t0 };
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
  const redacted = new Map(task.redacted);
  const walks: IndexedWalk[] = [];
  let next = 0;
  for (;;) {
    const index = task.claim ? Atomics.add(task.claim, 0, 1) : next++;
    if (index >= task.stretches.length) break;
    const walk = walkStretch(db, task.stretches[index]!, redacted, sink);
    walks.push({ index, walk });
    // Parts are read by primary key once the stretch's statement is done (none may iterate meanwhile).
    if (collector && !replayFailed && !walk.bad) {
      try {
        collector.readParts(db);
      } catch (err) {
        if (isSqliteError(err)) throw err;
        replayFailed = true;
      }
    }
  }
  if (!collector) return { kind: 'walk', walks, replay: null };
  return { kind: 'walk', walks, replay: replayFailed ? { failed: true } : { finals: collector.finals, events: collector.events } };
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

function isSqliteError(err: unknown): boolean {
  return String((err as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');
}
