import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BackupCheckResult } from './backupCheck';

/**
 * Runs checkBackupCopy (backupCheck.ts) in a worker thread: on the 2.46 GB ledger of
 * bench/backup the full check takes about two minutes of CPU, which must not freeze the window.
 * Like the start-up page check (pageCheck.ts), a worker that cannot run answers 'unavailable'
 * instead of a finding, and the caller decides what to do (backupVerifier.ts).
 *
 * The check is TypeScript with imports, so the worker needs a loader: in the Electron bundle,
 * build-electron.ts writes it as its own CommonJS file beside the main bundle
 * (out/main/backupCheck.cjs); from the sources (tsx, vitest) tsx's CommonJS API compiles it.
 */
export type WorkerEntry = { kind: 'bundle'; file: string } | { kind: 'tsx'; api: string; file: string } | { kind: 'none'; why: string };

const BUNDLED_CHECK = 'backupCheck.cjs';

// This file's own path in every form it runs in: the CommonJS bundle (__filename), ESM under tsx
// (import.meta.url), vitest (either).
const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);

export function defaultWorkerEntry(): WorkerEntry {
  const dir = path.dirname(here);
  if (here.endsWith('.cjs')) {
    const file = path.join(dir, BUNDLED_CHECK);
    return fs.existsSync(file) ? { kind: 'bundle', file } : { kind: 'none', why: `${BUNDLED_CHECK} missing beside the bundle` };
  }
  const file = path.join(dir, 'backupCheck.ts');
  try {
    return { kind: 'tsx', api: createRequire(here).resolve('tsx/cjs/api'), file };
  } catch {
    return { kind: 'none', why: 'no TypeScript loader for the check' };
  }
}

// Plain CommonJS evaluated in the worker (no loader needed to start it).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(function run() {
  let check;
  try {
    const e = workerData.entry;
    const mod = e.kind === 'tsx' ? require(e.api).require(e.file, e.file) : require(e.file);
    check = mod.checkBackupCopy;
    if (typeof check !== 'function') throw new Error('checkBackupCopy not exported');
  } catch (e) {
    parentPort.postMessage({ unavailable: String((e && (e.code || e.message)) || e) });
    return;
  }
  try {
    parentPort.postMessage({ result: check(workerData.dir, Buffer.from(workerData.keyHex, 'hex')) });
  } catch (e) {
    // Not a finding about the backup (those come back as results): a fault of the check itself.
    parentPort.postMessage({ unavailable: String((e && (e.code || e.message)) || e) });
  }
})();`;

type BackupCheckAnswer = { result: BackupCheckResult } | { unavailable: string } | { stopped: true };

export interface BackupCheckRun {
  answer: Promise<BackupCheckAnswer>;
  /** Ends the worker (the app is closing): the answer becomes `{ stopped: true }`. */
  stop(): void;
}

export function checkBackupInWorker(dir: string, key: Buffer, entry: WorkerEntry = defaultWorkerEntry()): BackupCheckRun {
  if (entry.kind === 'none') return { answer: Promise.resolve({ unavailable: entry.why }), stop: () => undefined };
  let stopped = false;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { entry, dir, keyHex: key.toString('hex') } });
  const answer = new Promise<BackupCheckAnswer>((resolve) => {
    worker.once('message', (m: BackupCheckAnswer) => resolve(m));
    worker.once('error', (err) => resolve({ unavailable: err.message }));
    worker.once('exit', (code) => resolve(stopped ? { stopped: true } : { unavailable: `worker exited with ${code}` }));
  });
  // A check still running must not keep a process alive that has nothing else to do; the CLI
  // waits for it on purpose (backupVerifier.idle()).
  worker.unref();
  return {
    answer,
    stop() {
      stopped = true;
      void worker.terminate();
    },
  };
}
