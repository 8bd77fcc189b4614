import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importLookup, settings as settingsQ, type ReadableDB } from '../../database';
import type { AppointmentStatus } from '../../preload/contract/appointmentStatus';
import type { ImportAnalysis, ImportApplied } from '../../preload/contract/importTypes';
import { AppError } from '../app/appError';
import { checkOutputFile } from '../app/outputTarget';
import { collectAfterLargeJob, collectBeforeLargeJob, LARGE_JOB_ROWS } from '../app/fullCollection';
import type { MasaApp } from '../app/masaApp';
import {
  AppointmentFileRefused,
  AppointmentImportAborted,
  EXISTING_BATCH,
  existingStateOf,
  importReportXlsxBytes,
  parseAppointmentFile,
  ImportPlanner,
  writeImportReportXlsx,
  type ExistingAppointment,
} from '../import';
import type { AppointmentFieldValues, ParseInput } from '../import/types';
import { LIMITS } from '../import/limits';
import { hasProgramme } from './packStore';
import { applyImport } from './importApply';
import { DESK } from '../texts/desk';

/**
 * The office head's import: analyse (parse + plan, nothing written; progress events; can be
 * cancelled), then apply the plan the head saw in one transaction. Plans live in memory only,
 * in the app (`app.imports`, main/app/importJobs.ts).
 */

/** The largest list accepted as bytes from the screen (a 160,000-row .csv is about 35 MB). */
const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
/** The largest list file accepted by its path: the readers' own limit for a .csv, the largest kind. */
const IMPORT_MAX_PATH_BYTES = LIMITS.csvBytes;

export async function analyzeImport(app: MasaApp, input: { path: string; importId?: string }): Promise<ImportAnalysis> {
  app.requireStore();
  app.requireSession();
  const file = path.resolve(input.path);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('IMPORT_FILE_MISSING', { name: path.basename(file) });
  const size = fs.statSync(file).size;
  // Refused before it is hashed: no list file is larger than the largest .csv the readers take
  // (main/import/limits.ts). The screen's bytes keep their own, lower limit: they cross as base64.
  if (size > IMPORT_MAX_PATH_BYTES) throw new AppError('IMPORT_TOO_LARGE', { maxMb: IMPORT_MAX_PATH_BYTES / 1024 / 1024 });
  const sha256 = await new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
  return analyze(app, { path: file }, { name: path.basename(file), size, sha256 }, input.importId);
}

/**
 * A file the office head picked or dropped on the screen of the browser bridge (the desktop
 * app sends its path to analyzeImport instead): its bytes, base64 through the typed API, are
 * parsed from memory exactly as a file on disk would be. Nothing is written to disk.
 */
export async function analyzeImportBytes(app: MasaApp, input: { name: string; base64: string; importId?: string }): Promise<ImportAnalysis> {
  app.requireStore();
  app.requireSession();
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError('IMPORT_TOO_LARGE', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
  const name = path.basename(input.name.replace(/\\/g, '/'));
  const meta = { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  return analyze(app, { bytes, fileName: name }, meta, input.importId);
}

async function analyze(app: MasaApp, source: ParseInput, meta: { name: string; size: number; sha256: string }, givenId: string | undefined): Promise<ImportAnalysis> {
  const store = app.requireStore();
  const session = app.requireSession();
  const importId = givenId ?? randomUUID();
  const abort = new AbortController();
  app.imports.running.set(importId, abort);
  const size = meta.size;
  try {
    const province = settingsQ.setting(store.reader, 'office.provinceCode') ?? '';
    // Each row is planned as it is read: only the rows to write are kept (a re-import of an
    // unchanged list keeps none). The apply checks every row's state again, so rows planned
    // while the desk went on working are still safe.
    const planner = new ImportPlanner({
      ownProvinces: [province],
      knownProgram: (code) => hasProgramme(app, code),
      existing: (nos) => appointmentsAmong(store.reader, nos),
    });
    const parsed = await parseAppointmentFile(source, {
      signal: abort.signal,
      onProgress: (rows, bytes, total) => app.events.emit('import.progress', { importId, rows, bytes, total: total || size }),
      onRow: (row) => planner.add(row),
    });
    const plan = planner.finish(parsed);
    app.imports.pending.set(importId, { plan, file: meta, userId: session.userId });
    app.imports.keepReport(importId, plan.report, meta.name);
    return {
      importId,
      file: meta,
      format: parsed.format,
      columns: Object.keys(parsed.columns),
      unknownColumns: parsed.unknownColumns,
      preview: parsed.preview.slice(0, 10),
      report: plan.report,
    };
  } catch (err) {
    if (err instanceof AppointmentFileRefused) throw new AppError('IMPORT_REFUSED', { reason: err.tr, reasonEn: err.en });
    if (err instanceof AppointmentImportAborted) throw new AppError('IMPORT_CANCELLED');
    throw err;
  } finally {
    app.imports.running.delete(importId);
  }
}

/**
 * The ledger's appointments among a batch of the list's Randevu numbers, in one statement
 * whose columns are named as the list's fields (the row is the fields object: nothing copied).
 * A first import of 160,000 rows made 160,000 lookups that all missed; a re-import read each
 * whole row and built its fields again (4 s, and about 90 MB more heap at its peak).
 */
function appointmentsAmong(db: ReadableDB, nos: readonly string[]): Map<string, ExistingAppointment> {
  const out = new Map<string, ExistingAppointment>();
  if (nos.length === 0) return out;
  if (nos.length > EXISTING_BATCH) throw new Error(`at most ${EXISTING_BATCH} numbers at a time`);
  // One statement for every batch: a shorter one is padded with NULL, which matches nothing.
  const padded = nos.length === EXISTING_BATCH ? nos : [...nos, ...Array<null>(EXISTING_BATCH - nos.length).fill(null)];
  const rows = importLookup.appointmentFieldsAmong(db, padded, EXISTING_BATCH) as (AppointmentFieldValues & { status: AppointmentStatus })[];
  for (const r of rows) out.set(r.randevuNo, { state: existingStateOf(r.status), fields: r });
  return out;
}


export function cancelImport(app: MasaApp, importId: string): { cancelled: boolean } {
  const { running, applyingNow, pending } = app.imports;
  const a = running.get(importId);
  a?.abort();
  // An apply under way stops at its next step and rolls back (importApply.ts).
  const applying = applyingNow.get(importId);
  if (applying) applying.cancelled = true;
  const plan = pending.get(importId)?.plan;
  const had = pending.delete(importId);
  if (plan && !applying) collectAfterLargeJob(plan.report.totalRows);
  return { cancelled: !!a || had || !!applying };
}

/**
 * The ledger's connection is the apply's alone until it ends, bookkeeping included (a second
 * click waits, then gets the first answer); only a cancel gets through (MasaApp.exclusive).
 */
export function applyAnalyzedImport(app: MasaApp, importId: string): Promise<ImportApplied> {
  return app.runExclusive(['import.cancel'], () => applyAlone(app, importId));
}

async function applyAlone(app: MasaApp, importId: string): Promise<ImportApplied> {
  const { pending, applyingNow } = app.imports;
  // Applied already (a second click, a retry): the same answer, nothing recorded twice.
  const done = app.imports.applied.get(importId);
  if (done) return done;
  const p = pending.get(importId);
  if (!p) throw new AppError('IMPORT_UNKNOWN');
  const counts = p.plan.report.counts;
  const total = p.plan.report.totalRows;
  // The analysis's garbage (measured: 60 MB of file bytes and base64 text alone for a file
  // sent by the screen) goes before the apply's own heap builds up.
  collectBeforeLargeJob(total);
  const control = { cancelled: false };
  applyingNow.set(importId, control);
  // The plan's rows as they are (appointmentRow takes the fields it needs): no 160,000 copies.
  const apply = () =>
    applyImport(
      app,
      { file: p.file, counts: { ...counts }, added: p.plan.added, updated: p.plan.updated, cancelled: p.plan.cancelled },
      {
        onProgress: (rows, of) => app.events.emit('import.progress', { importId, phase: 'apply', rows, total: of }),
        cancelled: () => control.cancelled,
      },
    );
  let seq: number;
  try {
    // A large list's WAL is checkpointed a little after its COMMIT (LedgerStore.largeWrite).
    ({ seq } = await (total >= LARGE_JOB_ROWS ? app.requireStore().largeWrite(apply) : apply()));
  } catch (err) {
    if (control.cancelled) {
      pending.delete(importId);
      collectAfterLargeJob(total);
    }
    throw err;
  } finally {
    applyingNow.delete(importId);
  }
  // Only after the transaction: a refused apply (IMPORT_STALE, disk full) leaves nothing marked.
  pending.delete(importId);
  const result: ImportApplied = { importId, seq, counts, report: p.plan.report };
  app.imports.keepApplied(importId, result);
  // The plan's rows are garbage now: a large list's are collected at once (fullCollection.ts).
  collectAfterLargeJob(total);
  return result;
}

type ReportProblem = 'EISDIR' | 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'ENOSPC' | 'OTHER';

const REPORT_PROBLEM_TEXT: Record<ReportProblem, { tr: string; en: string }> = DESK.services.reportProblem;

function problemOf(code: string | undefined): ReportProblem {
  if (code === 'EISDIR' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENOSPC') return code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'EACCES';
  return 'OTHER';
}

/**
 * The report's destination checked before anything is written (the CLI checks it before it
 * applies an import): an existing folder that may be written, and not the name of a folder.
 * Returns what is wrong with it, or null.
 */
export function reportTargetProblem(to: string): { problem: ReportProblem; path: string; dir: string } | null {
  const target = path.resolve(to);
  const dir = path.dirname(target);
  const at = { path: target, dir };
  if (/[\\/]$/.test(to)) return { problem: 'EISDIR', ...at };
  try {
    if (fs.statSync(target).isDirectory()) return { problem: 'EISDIR', ...at };
  } catch {
    /* not there yet: the usual case */
  }
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    return { problem: problemOf((e as NodeJS.ErrnoException).code), ...at };
  }
  if (!st.isDirectory()) return { problem: 'ENOTDIR', ...at };
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    return { problem: problemOf((e as NodeJS.ErrnoException).code), ...at };
  }
  return null;
}

/** The error for a report that could not be written, saying whether the import itself was saved. */
export function reportError(p: { problem: ReportProblem; path: string; dir: string }, importSaved: boolean): AppError {
  const t = REPORT_PROBLEM_TEXT[p.problem];
  const fill = (s: string) => s.replace('{path}', p.path).replace('{dir}', p.dir);
  return new AppError(importSaved ? 'IMPORT_REPORT_FAILED_SAVED' : 'IMPORT_REPORT_FAILED', { reason: fill(t.tr), reasonEn: fill(t.en) });
}

/** The report as .xlsx at a path (the CLI, and a path typed on the screen). */
export async function saveImportReport(app: MasaApp, input: { importId: string; to: string }): Promise<{ path: string }> {
  app.requireSession();
  const entry = app.imports.reports.get(input.importId);
  if (!entry) throw new AppError('IMPORT_UNKNOWN');
  const problem = reportTargetProblem(input.to);
  if (problem) throw reportError(problem, entry.applied);
  const target = checkOutputFile(app.dataDir, input.to, 'xlsx');
  try {
    await writeImportReportXlsx(entry.report, target, app.now());
  } catch (e) {
    throw reportError({ problem: problemOf((e as NodeJS.ErrnoException).code), path: target, dir: path.dirname(target) }, entry.applied);
  }
  return { path: target };
}

/**
 * The report as .xlsx bytes for the screen's download (a Blob saved by the browser; Electron
 * shows its save dialog), with a file name from the list's name.
 */
export async function importReportFile(app: MasaApp, importId: string): Promise<{ name: string; base64: string }> {
  app.requireSession();
  const entry = app.imports.reports.get(importId);
  if (!entry) throw new AppError('IMPORT_UNKNOWN');
  const bytes = await importReportXlsxBytes(entry.report, app.now());
  const base = entry.fileName.replace(/\.(xlsx|csv)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'liste';
  return { name: `ice-aktarma-raporu-${base}.xlsx`, base64: bytes.toString('base64') };
}
