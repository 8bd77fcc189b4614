import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { RawDatabase } from '../vault/connection';
import { compareReplay, mergeFinals, type ReplayDigests, type ReplayResult } from '../ledger/replay';
import { verifyChainWith, type ChainStretch, type StretchWalk, type VerifyResult } from '../ledger/verify';
import { defaultWorkerEntry, type WorkerEntry } from './backupCheckThread';
import { runTaskOn, thrownError, type CheckTask, type CheckTaskAnswer, type PageCheck, type ReplayPiece } from './checkTasks';

/**
 * The chain walk (and, for the full check of a backup, replay's read of the events and SQLite's
 * integrity_check) split over worker threads, each on its own read-only connection to the
 * encrypted file; the calling thread walks the last stretch itself and then joins the answers
 * (verify.ts joinWalks), so the result is the one walk from the first event would give,
 * first bad sequence included.
 *
 * Why (issue 23; docs/ledger-speed.md): about half of a walk is SQLite reading and decrypting
 * the events' pages, the rest hashing and decoding, all per event: on two cores two stretches
 * take about half the time. Callers stay synchronous (verify is synchronous everywhere): the
 * calling thread blocks on Atomics.wait until a worker has posted its answer, which it then
 * takes with receiveMessageOnPort. The data key goes to the workers in their workerData only
 * (memory, never a file or a log), and each worker wipes its copy when done.
 *
 * A worker that cannot start or load the check ('unavailable') costs nothing but time: its
 * stretch is walked on the calling thread.
 */

/** Below this many events one walk on the calling thread is quicker than starting workers (~0.1-0.3 s each). */
const PARALLEL_MIN_EVENTS = 100_000;

/**
 * Stretches per runner: enough that a runner that starts late or shares its core walks fewer of
 * them and all end together (bench/ledger.ts: the split walk of 1M events), few enough that
 * starting a stretch (a statement, a lookup by primary key) costs nothing measurable.
 */
const STRETCHES_PER_RUNNER = 8;

/** A worker that never answers (killed, out of memory) is given up after this long, and its work done in-thread. */
const ANSWER_TIMEOUT_MS = 30 * 60_000;

// Plain CommonJS evaluated in the worker; the check itself is loaded as backupCheckThread.ts
// loads the backup check (the bundle's backupCheck.cjs, or the sources through tsx).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { entry, task, key, port, flag } = workerData;
let answer;
try {
  const mod = entry.kind === 'tsx' ? require(entry.api).require(entry.file, entry.file) : require(entry.file);
  if (typeof mod.runCheckTask !== 'function') throw new Error('runCheckTask not exported');
  const k = Buffer.from(key);
  try { answer = mod.runCheckTask(task, k); } finally { k.fill(0); }
} catch (e) {
  answer = { unavailable: String((e && (e.code || e.message)) || e) };
}
key.fill(0);
port.postMessage(answer);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);`;

type Answer = CheckTaskAnswer | { unavailable: string };

interface Pending {
  /** Blocks until the worker has answered (or is given up). */
  wait(): Answer;
}

function startTask(task: CheckTask, key: Buffer, entry: WorkerEntry): Pending {
  if (entry.kind === 'none') return { wait: () => ({ unavailable: entry.why }) };
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { entry, task, key: new Uint8Array(key), port: port2, flag }, transferList: [port2] });
  } catch (err) {
    port1.close();
    return { wait: () => ({ unavailable: String((err as Error).message) }) };
  }
  worker.unref();
  // An error event cannot reach a blocked thread; the worker source catches everything it can.
  worker.on('error', () => undefined);
  return {
    wait() {
      const deadline = Date.now() + ANSWER_TIMEOUT_MS;
      while (Atomics.load(flag, 0) === 0) {
        if (Date.now() > deadline) {
          void worker.terminate();
          port1.close();
          return { unavailable: 'no answer in time' };
        }
        Atomics.wait(flag, 0, 0, 1000);
      }
      const got = receiveMessageOnPort(port1);
      port1.close();
      return (got?.message as Answer | undefined) ?? { unavailable: 'no answer' };
    },
  };
}

interface ParallelCheckOptions {
  fromSeq?: number;
  /** Stretches of the chain (the calling thread walks one of them); default 2, one per core here. */
  stretches?: number;
  /** Collect replay in the same read and compare the state tables after a whole chain. */
  replay?: boolean;
  /** Run SQLite's page check alongside, in a worker of its own. */
  integrity?: boolean;
  /** Which page check (default integrity_check; quick_check leaves out comparing each index with its table). */
  pages?: PageCheck;
  entry?: WorkerEntry;
  /** Fewer events than this are walked in-thread (default PARALLEL_MIN_EVENTS; tests set 0 to run the workers on a small ledger). */
  minEvents?: number;
  /** The calling thread takes stretches too (default); tests set false so that the workers alone walk. */
  callerWalks?: boolean;
}

interface ParallelCheckResult {
  chain: VerifyResult;
  /** Only asked for and only for a whole chain: the comparison, or 'failed' (a payload replay cannot apply). */
  replay?: ReplayResult | 'failed';
  /** integrity_check's answer, and how long it ran (in its worker). */
  integrity?: { result: string; ms: number };
  /** How many of the chain's `stretches` worker threads walked (0: all of it on the calling thread). */
  walkedInWorkers: number;
  stretches: number;
}

/**
 * verifyChain over `file` (opened as `db` by the caller) in stretches on worker threads, with
 * replay and integrity_check optionally in the same pass. SQLite errors and database errors a
 * worker met are thrown here, as an in-thread check would have thrown them.
 */
export function checkLedgerInParallel(db: RawDatabase, file: string, key: Buffer, opts: ParallelCheckOptions = {}): ParallelCheckResult {
  const entry = opts.entry ?? defaultWorkerEntry();
  const fromSeq = opts.fromSeq ?? 1;
  // How many events there are from fromSeq: the highest sequence says it without reading them
  // (a count(*) would decrypt every page of the table once more, ~0.5 s on 400,000 events).
  const events = ((db.prepare('SELECT max(seq) FROM events').pluck().get() as number | null) ?? 0) - fromSeq + 1;
  const parallel = events >= (opts.minEvents ?? PARALLEL_MIN_EVENTS);
  const runners = parallel ? Math.max(1, opts.stretches ?? 2) : 1;
  // On a small ledger integrity_check runs in-thread after the walk (the wait below finds it unavailable).
  const pageTask: CheckTask = { kind: 'integrity', file, pragma: opts.pages ?? 'integrity_check' };
  const integrityRun = opts.integrity ? startTask(pageTask, key, parallel ? entry : { kind: 'none', why: 'small ledger' }) : null;
  const pieces: (ReplayPiece | null)[] = [];
  let walkedInWorkers = 0;
  let stretchCount = 0;
  const walkAll = ({ stretches, redacted }: { stretches: ChainStretch[]; redacted: ReadonlyMap<number, string> }): StretchWalk[] => {
    // Every runner takes the next stretch from the shared counter (checkTasks.ts): the calling
    // thread starts at once, the workers as soon as they have loaded.
    stretchCount = stretches.length;
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const task: CheckTask = { kind: 'walk', file, stretches, claim, redacted: [...redacted], replay: !!opts.replay };
    const running = Array.from({ length: runners - 1 }, () => startTask(task, key, entry));
    const answers: Answer[] = [opts.callerWalks === false ? { kind: 'walk', walks: [], replay: opts.replay ? { finals: new Map(), events: 0 } : null } : runTaskOn(db, task)];
    for (const r of running) answers.push(r.wait());
    const walks: (StretchWalk | undefined)[] = new Array(stretches.length);
    for (const a of answers) {
      if ('unavailable' in a) continue;
      if ('thrown' in a) throw thrownError(a.thrown);
      if (a.kind !== 'walk') throw new Error('a chain worker answered another task');
      if (a !== answers[0]) walkedInWorkers += a.walks.length;
      for (const w of a.walks) walks[w.index] = w.walk;
      pieces.push(a.replay);
    }
    // A stretch a worker took but never answered for (given up after ANSWER_TIMEOUT_MS) is walked here.
    const missing = stretches.flatMap((_, i) => (walks[i] ? [] : [i]));
    if (missing.length > 0) {
      const a = runTaskOn(db, { ...task, stretches: missing.map((i) => stretches[i]!), claim: undefined });
      if ('thrown' in a || a.kind !== 'walk') throw new Error('the in-thread walk failed');
      for (const w of a.walks) walks[missing[w.index]!] = w.walk;
      pieces.push(a.replay);
    }
    return walks as StretchWalk[];
  };
  let chain: VerifyResult;
  let chainError: unknown = null;
  try {
    chain = verifyChainWith(db, fromSeq, walkAll, parallel ? runners * STRETCHES_PER_RUNNER : 1);
  } catch (err) {
    chainError = err;
    chain = { ok: false, checked: 0, headSeq: 0, headHash: '' };
  }
  const result: ParallelCheckResult = { chain, walkedInWorkers, stretches: stretchCount };
  if (integrityRun) {
    let a = integrityRun.wait();
    if ('unavailable' in a) a = runTaskOn(db, pageTask);
    if ('thrown' in a) throw thrownError(a.thrown);
    if (a.kind === 'integrity') result.integrity = { result: a.result, ms: a.ms };
    // A damaged file explains whatever the walk met: integrity's answer comes first.
    if (result.integrity?.result !== 'ok') return result;
  }
  if (chainError) throw chainError;
  if (opts.replay && chain.ok) {
    if (pieces.some((p) => p === null || 'failed' in p)) result.replay = 'failed';
    else {
      const finals: ReplayDigests = new Map();
      let replayed = 0;
      for (const p of pieces as { finals: ReplayDigests; events: number }[]) {
        mergeFinals(finals, p.finals);
        replayed += p.events;
      }
      result.replay = compareReplay(db, finals, replayed);
    }
  }
  return result;
}

