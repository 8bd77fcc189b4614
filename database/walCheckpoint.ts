import { Worker } from 'node:worker_threads';
import { SQLITE_MODULE } from './pageCheck';

/**
 * A checkpoint of the WAL (its frames copied into the ledger file) in a worker thread with its
 * own connection, after a large write that held SQLite's automatic checkpoint back
 * (LedgerStore.largeWrite).
 *
 * Why: SQLite checkpoints inside the COMMIT that takes the WAL past 1,000 pages. After an
 * import of HQ's whole list (160,000 appointments, a WAL of about 105 MB) that checkpoint
 * decrypted and re-encrypted every page on the main thread: 0.6-0.7 s of the 7-9 s the office
 * head waited for (bench/import). The commit alone already makes the import durable (WAL,
 * synchronous=FULL); copying it into the file can happen beside the desk's next actions. A
 * PASSIVE checkpoint never blocks the main connection's readers or writers; one the main
 * connection starts meanwhile finds the checkpoint lock taken and leaves it to the worker.
 *
 * `stop` waits (synchronously, through a shared flag) until the worker has closed its
 * connection, so that no second handle on the file outlives a closing ledger: a restore or a
 * rekey renames the file next, which Windows refuses while any handle is open.
 */
export interface CheckpointRun {
  /** 'ok', 'busy' (another checkpoint held the lock), 'error: SQLITE_…', or 'unavailable: …' (no worker: the caller checkpoints itself). */
  result: Promise<string>;
  /** Waits for the worker to let go of the file (at most `waitMs`), then ends it. */
  stop(waitMs?: number): void;
}

// Plain CommonJS evaluated in the worker (as pageCheck.ts's): the cipher settings are those of
// openEncrypted (connection.ts). `done[0]` becomes 1 once the worker holds no handle any more.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
let result;
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
  db.pragma('synchronous = FULL');
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  result = r && r.busy ? 'busy' : 'ok';
} catch (e) {
  const code = (e && e.code) || '';
  result = (String(code).startsWith('SQLITE_') ? 'error: ' : 'unavailable: ') + (code || (e && e.message) || String(e));
} finally {
  try { if (db) db.close(); } catch (e) { /* closing after a failure: nothing left to keep */ }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
parentPort.postMessage({ result });`;

export function checkpointInWorker(dbPath: string, key: Buffer, sqliteModule: string = SQLITE_MODULE): CheckpointRun {
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: sqliteModule, file: dbPath, keyHex: key.toString('hex'), done: done.buffer } });
  } catch (err) {
    return { result: Promise.resolve(`unavailable: ${(err as Error).message}`), stop() {} };
  }
  let stopped = false;
  let settled = false;
  const result = new Promise<string>((resolve) => {
    const answer = (text: string) => {
      settled = true;
      resolve(text);
    };
    worker.once('message', (m: { result: string }) => answer(m.result));
    worker.once('error', (err) => answer(`unavailable: ${err.message}`));
    worker.once('exit', (code) => answer(stopped ? 'stopped' : `unavailable: worker exited with ${code}`));
  });
  // A checkpoint still running must not keep a CLI process alive after its command is done.
  worker.unref();
  return {
    result,
    stop(waitMs = 10_000) {
      stopped = true;
      // A worker that has not answered yet may be opening the file right now: wait for its flag.
      if (!settled) Atomics.wait(done, 0, 0, waitMs);
      void worker.terminate();
    },
  };
}
