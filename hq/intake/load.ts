import type { HqEngine } from '../database/engine';
import { deskDayKey, existingShas, insertDayFiles, knownShas, loadedFilesFor, lockDeskDays, type DayFileStatus } from '../database/queries/dayFiles';
import { listKeys } from '../database/queries/deskKeys';
import { logIntake, logIntakeMany } from '../database/queries/intakeLog';
import { copyFileRows } from '../database/queries/rows';
import { findCandidates } from './findFiles';
import { conflictText, HQ_TEXT, OUTCOME_TEXT, type Bilingual, type HqRefusalCode } from '../texts/intake';
import type { KeyContext, PreparedFile } from './prepare';
import { defaultThreads, openPreparer } from './preparePool';

type LoadStatus = DayFileStatus | 'ALREADY_LOADED' | 'REFUSED';

interface LoadedFileResult {
  file: string;
  status: LoadStatus;
  /** The refusal code for REFUSED. */
  code: HqRefusalCode | null;
  message: Bilingual;
  rows: number;
}

interface LoadSummary {
  files: LoadedFileResult[];
  loaded: number;
  conflicts: number;
  refused: number;
  rows: number;
  seconds: number;
  /** Of which in the database transactions (the rest is reading and checking the files). */
  dbSeconds: number;
  ignored: number;
  /** Worker threads that read and checked the files (0: this thread). */
  threads: number;
}

export interface LoadProgress {
  done: number;
  total: number;
  rows: number;
  seconds: number;
}

/**
 * Files per transaction: a transaction holds at most this many rows (and the file that crosses
 * it), so a durable commit is paid per several files instead of per file, and one COPY per
 * table carries them all. A file is still all in or not in: the transaction commits whole or
 * not at all, and one the database refused is retried file by file, so only the file it cannot
 * take is refused. A run starts small (1 file, then 2, 4, 8…): a database that refuses rows or
 * goes away is found on the first file, and a refused transaction's retry stays cheap.
 */
// Measured (bench/hq.ts, 2,000 files, quiet machine): 8,000 rows a transaction 24.7 s (ratio to
// the bare COPY 0.49), 32,000 rows 18.8 s (0.63), 64,000 rows 21.0 s (0.55: the threads, 32 files
// ahead, could no longer fill a transaction while the one before committed).
export const ROWS_PER_TRANSACTION = 32_000;

interface LoadOptions {
  /** Worker threads parsing the files (default: defaultThreads). */
  threads?: number;
  rowsPerTransaction?: number;
}

type Ready = Extract<PreparedFile, { ok: true }>;

const refused = (file: string, code: HqRefusalCode, message: Bilingual = HQ_TEXT[code as keyof typeof HQ_TEXT]): LoadedFileResult => ({ file, status: 'REFUSED', code, message, rows: 0 });
const alreadyLoaded = (file: string): LoadedFileResult => ({ file, status: 'ALREADY_LOADED', code: null, message: OUTCOME_TEXT.ALREADY_LOADED, rows: 0 });

/** Is the database still there? (After a failed transaction: a lost server stops the run.) */
async function reachable(db: HqEngine): Promise<boolean> {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * One transaction for the files given, in a few statements whatever their number: their
 * desk-days locked, then the decisions (new day, same rows again, conflict) against what is
 * loaded and against the files before it in the same transaction, the file rows, one COPY per
 * table with every new file's rows, the log lines.
 */
async function commitFiles(db: HqEngine, files: Ready[]): Promise<LoadedFileResult[]> {
  return db.transaction(async (tx) => {
    const keyOf = (p: Ready) => deskDayKey(p.header.provinceCode, p.header.deskCode, p.header.date);
    await lockDeskDays(tx, files.map(keyOf));
    const known = await existingShas(tx, files.map((p) => p.sha256));
    const loaded = await loadedFilesFor(tx, files.map((p) => ({ provinceCode: p.header.provinceCode, deskCode: p.header.deskCode, day: p.header.date })));
    const out: LoadedFileResult[] = [];
    const kept: { p: Ready; status: DayFileStatus; first: string | null }[] = [];
    for (const p of files) {
      if (known.has(p.sha256)) {
        out.push(alreadyLoaded(p.file));
        continue;
      }
      known.add(p.sha256);
      const first = loaded.get(keyOf(p));
      const status: DayFileStatus = !first ? 'LOADED' : first.content_sha256 === p.contentSha256 ? 'REEXPORT' : 'CONFLICT';
      if (!first) loaded.set(keyOf(p), { file_name: p.file, content_sha256: p.contentSha256 });
      kept.push({ p, status, first: first?.file_name ?? null });
      const message = status === 'LOADED' ? OUTCOME_TEXT.LOADED : status === 'REEXPORT' ? OUTCOME_TEXT.REEXPORT : conflictText(first!.file_name);
      out.push({ file: p.file, status, code: null, message, rows: status === 'REEXPORT' ? 0 : p.rows });
    }
    const ids = await insertDayFiles(
      tx,
      kept.map(({ p, status }) => ({ sha256: p.sha256, contentSha256: p.contentSha256, fileName: p.file, status, publicKeySpki: p.publicKeySpki, day: p.header, counts: p.counts })),
    );
    await copyFileRows(tx, kept.filter((k) => k.status !== 'REEXPORT').map((k) => ({ fileId: ids.get(k.p.sha256)!, csv: k.p.csv })));
    await logIntakeMany(tx, kept.map(({ p, status, first }) => ({ action: 'load', code: status, fileName: p.file, sha256: p.sha256, detail: { rows: p.rows, firstFile: first } })));
    return out;
  });
}

/**
 * `load`: every candidate checked (in worker threads, see preparePool.ts), then loaded, a few
 * files per transaction. A refused file is logged with its reason and the rest go on; when the
 * database itself goes away the transaction in flight rolls back whole and every file not yet
 * loaded is named as not loaded.
 */
export async function loadDayFiles(db: HqEngine, args: string[], onProgress?: (p: LoadProgress) => void, opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const { candidates, ignored } = findCandidates(args);
  const keys = await listKeys(db);
  const keyContext: KeyContext = {
    trusted: keys.map((k) => ({ deskCode: k.desk_code, publicKeySpki: k.public_key_spki })),
    keyProvince: Object.fromEntries(keys.map((k) => [k.public_key_spki, k.province_code])),
  };
  const seen = await knownShas(db);
  const rowLimit = opts.rowsPerTransaction ?? ROWS_PER_TRANSACTION;
  const preparer = openPreparer(keyContext, opts.threads ?? defaultThreads(candidates.length));
  // Files checked ahead of the database: more than a full transaction (~40 files of 800 rows),
  // so the threads keep parsing while one commits; ~20 MB of CSV held. One thread: one ahead.
  const window = preparer.threads ? Math.max(64, 8 * preparer.threads) : 2;
  let submitted = 0;
  const submitAhead = (consumed: number) => {
    for (; submitted < candidates.length && submitted < consumed + window; submitted++) preparer.submit(submitted, candidates[submitted]!);
  };
  const results: LoadedFileResult[] = [];
  let rows = 0;
  let dbSeconds = 0;
  let lost = false;
  const decided = (r: LoadedFileResult) => {
    rows += r.rows;
    results.push(r);
    onProgress?.({ done: results.length, total: candidates.length, rows, seconds: (performance.now() - started) / 1000 });
  };
  /** The files of one transaction, decided in order; a refused transaction is retried file by file. */
  const flush = async (batch: Ready[]) => {
    if (!batch.length) return;
    if (lost) return batch.forEach((p) => decided(refused(p.file, 'DB_UNAVAILABLE')));
    const t0 = performance.now();
    try {
      const out = await commitFiles(db, batch);
      dbSeconds += (performance.now() - t0) / 1000;
      return out.forEach(decided);
    } catch {
      lost = !(await reachable(db));
    }
    for (const p of batch) {
      if (lost) {
        decided(refused(p.file, 'DB_UNAVAILABLE'));
        continue;
      }
      if (batch.length === 1) {
        decided(refused(p.file, 'DB_REFUSED'));
        continue;
      }
      try {
        (await commitFiles(db, [p])).forEach(decided);
      } catch {
        lost = !(await reachable(db));
        decided(refused(p.file, lost ? 'DB_UNAVAILABLE' : 'DB_REFUSED'));
      }
    }
  };
  try {
    let batch: Ready[] = [];
    let batchRows = 0;
    let batchFiles = 1;
    for (let i = 0; i < candidates.length; i++) {
      submitAhead(i);
      const p = await preparer.take(i);
      const known = p.sha256 !== null && seen.has(p.sha256);
      if (p.sha256) seen.add(p.sha256);
      if (known || !p.ok) {
        // A file decided without a transaction waits for the files before it (results stay in order).
        await flush(batch);
        batch = [];
        batchRows = 0;
        if (lost) decided(refused(p.file, 'DB_UNAVAILABLE'));
        else if (known) decided(alreadyLoaded(p.file));
        else if (!p.ok) decided(await logRefusal(p));
        continue;
      }
      batch.push(p);
      batchRows += p.rows;
      if (batchRows >= rowLimit || batch.length >= batchFiles) {
        await flush(batch);
        batch = [];
        batchRows = 0;
        batchFiles = Math.min(batchFiles * 2, 1 << 20);
      }
    }
    await flush(batch);
  } finally {
    await preparer.close();
  }
  return {
    files: results,
    loaded: results.filter((r) => r.status === 'LOADED').length,
    conflicts: results.filter((r) => r.status === 'CONFLICT').length,
    refused: results.filter((r) => r.status === 'REFUSED').length,
    rows,
    seconds: (performance.now() - started) / 1000,
    dbSeconds,
    ignored,
    threads: preparer.threads,
  };

  /** A refused file's line in intake_log (a lost server makes it DB_UNAVAILABLE). */
  async function logRefusal(p: Extract<PreparedFile, { ok: false }>): Promise<LoadedFileResult> {
    const r = refused(p.file, p.refusal.code, p.refusal.message);
    try {
      await logIntake(db, { action: 'load', code: r.code!, fileName: r.file, sha256: p.sha256, detail: { reason: r.message.tr } });
      return r;
    } catch {
      lost = !(await reachable(db));
      return lost ? refused(r.file, 'DB_UNAVAILABLE') : r;
    }
  }
}
