import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Candidate } from './findFiles';
import { prepareFile, type KeyContext, type PreparedFile } from './prepare';

/**
 * Reads and checks the candidates of a `load` in worker threads while the main thread talks to
 * the database: the xlsx parse is most of a file's time (bench/hq.ts), and one thread cannot
 * parse as fast as one connection COPYs. Results come back in candidate order. A worker that
 * cannot start or dies leaves its files to this thread (prepareFile here): the same check, only
 * slower, never a file skipped.
 *
 * The check is TypeScript with imports, so a worker needs a loader: tsx's CommonJS API compiles
 * it, as for the desk's backup check (database/backup/backupCheckThread.ts). HQ runs from the sources
 * (`npm run hq` is tsx), so the loader is always there; without it the pool has no threads.
 */

interface Preparer {
  /** How many worker threads are parsing (0: all in this thread). */
  readonly threads: number;
  /** The candidate's checked form; call in candidate order, up to `window` ahead of the consumer. */
  submit(index: number, c: Candidate): void;
  take(index: number): Promise<PreparedFile>;
  close(): Promise<void>;
}

const here = fileURLToPath(import.meta.url);

// Plain CommonJS evaluated in the worker (no loader needed to start it); one file at a time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let prepareFile;
try {
  prepareFile = require(workerData.api).require(workerData.file, workerData.file).prepareFile;
  if (typeof prepareFile !== 'function') throw new Error('prepareFile not exported');
} catch (e) {
  parentPort.postMessage({ unavailable: String((e && (e.code || e.message)) || e) });
}
let chain = Promise.resolve();
parentPort.on('message', (m) => {
  chain = chain
    .then(() => prepareFile(m.candidate, workerData.keys))
    .then((result) => parentPort.postMessage({ id: m.id, result }), (e) => parentPort.postMessage({ id: m.id, failed: String(e) }));
});`;

type Reply = { unavailable: string } | { id: number; result: PreparedFile } | { id: number; failed: string };

/** The default thread count: one per core the process may use, at most 4 (the database needs a core too). */
export function defaultThreads(files: number): number {
  // A few files do not repay starting threads (each compiles the reader, ~0.5 s).
  if (files < 8) return 0;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function tsxApi(): string | null {
  try {
    return createRequire(here).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
}

export function openPreparer(keys: KeyContext, threads: number): Preparer {
  const api = threads > 0 ? tsxApi() : null;
  const file = path.join(path.dirname(here), 'prepare.ts');
  const jobs = new Map<number, { candidate: Candidate; promise: Promise<PreparedFile>; resolve: (p: PreparedFile) => void; worker: Slot | null }>();
  interface Slot {
    worker: Worker;
    pending: Set<number>;
    alive: boolean;
  }
  const slots: Slot[] = [];
  // A job whose worker could not do it is done here, in this thread.
  const inThread = (id: number) => {
    const j = jobs.get(id);
    if (!j) return;
    j.worker = null;
    void prepareFile(j.candidate, keys).then(j.resolve);
  };
  const retire = (s: Slot) => {
    if (!s.alive) return;
    s.alive = false;
    for (const id of s.pending) inThread(id);
    s.pending.clear();
    void s.worker.terminate();
  };
  if (api) {
    for (let i = 0; i < threads; i++) {
      const s: Slot = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { api, file, keys } }), pending: new Set(), alive: true };
      s.worker.on('message', (m: Reply) => {
        if (!s.alive) return;
        if ('unavailable' in m) return retire(s);
        s.pending.delete(m.id);
        if ('failed' in m) return inThread(m.id);
        jobs.get(m.id)?.resolve(m.result);
      });
      s.worker.on('error', () => retire(s));
      s.worker.on('exit', () => retire(s));
      slots.push(s);
    }
  }
  return {
    threads: slots.length,
    submit(index, candidate) {
      let resolve!: (p: PreparedFile) => void;
      const promise = new Promise<PreparedFile>((r) => (resolve = r));
      const live = slots.filter((s) => s.alive);
      const slot = live.length ? live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)) : null;
      jobs.set(index, { candidate, promise, resolve, worker: slot });
      if (!slot) return inThread(index);
      slot.pending.add(index);
      slot.worker.postMessage({ id: index, candidate });
    },
    async take(index) {
      const j = jobs.get(index);
      if (!j) throw new Error(`prepare: candidate ${index} was not submitted`);
      const p = await j.promise;
      jobs.delete(index);
      return p;
    },
    async close() {
      for (const s of slots) {
        s.alive = false;
        await s.worker.terminate();
      }
    },
  };
}
