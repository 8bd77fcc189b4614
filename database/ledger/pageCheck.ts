import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's quick_check on a ledger too large to check while the user waits. quick_check reads
 * and decrypts every page: on the 2.4 GB ledger of bench/backup (200,000 registrations) that is
 * about 16 s, against a 2 s target for the whole start-up check. Up to PAGE_CHECK_SYNC_BYTES
 * (quick_check reads 150-250 MB/s here: about a second) it stays on the sign-in path; above that it runs here, in a
 * worker thread with its own read-only connection (WAL lets it read while the desk writes), and
 * a failure puts the session into rescue when it arrives. Every page the desk reads meanwhile is
 * still authenticated by SQLCipher's per-page HMAC, so a damaged page cannot be read as data.
 */
export const PAGE_CHECK_SYNC_BYTES = 256 * 1024 * 1024;

/** Size of the ledger file and its WAL: what quick_check has to read. */
export function ledgerBytes(dbPath: string): number {
  let n = 0;
  for (const f of [dbPath, `${dbPath}-wal`]) {
    try {
      n += fs.statSync(f).size;
    } catch {
      /* no WAL yet */
    }
  }
  return n;
}

// Resolved from this file in every form it runs in: ESM under tsx and vitest, the CommonJS
// bundle in Electron (where import.meta is empty but __filename is set).
const localRequire = typeof __filename === 'string' ? createRequire(__filename) : createRequire(import.meta.url);
const SQLITE_MODULE = localRequire.resolve('better-sqlite3-multiple-ciphers');

// Plain CommonJS evaluated in the worker: no TypeScript loader and no bundle entry needed. The
// cipher settings are those of openEncrypted (connection.ts), which cannot be imported here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(function check() {
  let Database;
  try {
    Database = require(workerData.module);
  } catch (e) {
    parentPort.postMessage({ result: 'unavailable: ' + ((e && (e.code || e.message)) || String(e)) });
    return;
  }
  let db;
  try {
    db = new Database(workerData.file, { readonly: true, fileMustExist: true });
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma('key = "x\\'' + workerData.keyHex + '\\'"');
    parentPort.postMessage({ result: String(db.pragma('quick_check', { simple: true })) });
  } catch (e) {
    // SQLite's own refusals (SQLITE_CORRUPT, SQLITE_NOTADB, I/O errors) are findings about the file.
    const code = (e && e.code) || '';
    parentPort.postMessage({ result: (String(code).startsWith('SQLITE_') ? 'error: ' : 'unavailable: ') + (code || (e && e.message) || String(e)) });
  } finally {
    try { if (db) db.close(); } catch (e) { /* the answer is already sent */ }
  }
})();`;

export interface PageCheckRun {
  /**
   * SQLite's answer ('ok' when the file is whole, else what it found), 'error: SQLITE_…' when
   * SQLite refused the file, 'unavailable: …' when the worker itself could not run (then the
   * caller checks on its own connection instead), or 'stopped'.
   */
  result: Promise<string>;
  /** Ends the worker (the ledger is being closed): `result` becomes 'stopped'. */
  stop(): void;
}

/** Runs quick_check in a worker thread on its own read-only connection. */
export function quickCheckInWorker(dbPath: string, key: Buffer, sqliteModule: string = SQLITE_MODULE): PageCheckRun {
  let stopped = false;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: sqliteModule, file: dbPath, keyHex: key.toString('hex') } });
  const result = new Promise<string>((resolve) => {
    worker.once('message', (m: { result: string }) => resolve(m.result));
    worker.once('error', (err) => resolve(`unavailable: ${err.message}`));
    worker.once('exit', (code) => resolve(stopped ? 'stopped' : `unavailable: worker exited with ${code}`));
  });
  // A check still running must not keep a CLI process alive after its command is done.
  worker.unref();
  return {
    result,
    stop() {
      stopped = true;
      void worker.terminate();
    },
  };
}
