import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appointments as appointmentsQ, settings as settingsQ, type RawDatabase } from '../../database';
import type { AppointmentStatus } from '../../preload/contract/appointmentStatus';
import type { ImportAnalysis, ImportApplied } from '../../preload/contract/importTypes';
import { AppError } from '../app/appError';
import { eventBus } from '../app/eventBus';
import type { MasaApp } from '../app/masaApp';
import {
  AppointmentFileRefused,
  AppointmentImportAborted,
  existingStateOf,
  importReportXlsxBytes,
  parseAppointmentFile,
  planImport,
  writeImportReportXlsx,
  type ImportPlan,
} from '../import';
import type { ParseInput } from '../import/types';
import { getRulePack } from '../rules';
import { applyImport } from './importApply';

/**
 * The office head's import: analyse (parse + plan, nothing written; progress events; can be
 * cancelled), then apply the plan the head saw in one transaction. Plans live in memory only.
 */
const pending = new Map<string, { plan: ImportPlan; file: { name: string; size: number; sha256: string }; userId: number }>();
const running = new Map<string, AbortController>();
/**
 * Reports of the latest analyses and imports, for "download as .xlsx" (kept in memory, a few
 * only), and whether that import was applied (a failed report save says so).
 */
const reports = new Map<string, { report: ImportPlan['report']; fileName: string; applied: boolean }>();
function keepReport(id: string, report: ImportPlan['report'], fileName: string) {
  reports.set(id, { report, fileName, applied: false });
  while (reports.size > 10) reports.delete(reports.keys().next().value!);
}
/** Imports already applied: a second "İçe aktar" for the same plan answers with the same result. */
const applied = new Map<string, ImportApplied>();

/** The largest list accepted as bytes from the screen (a 160,000-row .csv is about 35 MB). */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

export async function analyzeImport(app: MasaApp, input: { path: string; importId?: string }): Promise<ImportAnalysis> {
  app.requireStore();
  app.requireSession();
  const file = path.resolve(input.path);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('IMPORT_FILE_MISSING', { name: path.basename(file) });
  const size = fs.statSync(file).size;
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
 * A file the office head picked or dropped on the screen: its bytes (base64 through the typed
 * API, the same in Electron and the browser bridge) are parsed from memory exactly as a file
 * on disk would be. Nothing is written to disk.
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
  running.set(importId, abort);
  const size = meta.size;
  try {
    const parsed = await parseAppointmentFile(source, {
      signal: abort.signal,
      onProgress: (rows, bytes, total) => eventBus.emit('import.progress', { importId, rows, bytes, total: total || size }),
    });
    const province = settingsQ.setting(store.db, 'office.provinceCode') ?? '';
    const known = knownRandevuNos(store.db, parsed.rows);
    const plan = planImport(parsed, {
      ownProvinces: [province],
      knownProgram: (code) => getRulePack(code) !== undefined,
      existing(randevuNo) {
        if (!known.has(randevuNo)) return undefined;
        const r = appointmentsQ.appointmentByNo(store.db, randevuNo);
        if (!r) return undefined;
        return {
          state: existingStateOf(r.status as AppointmentStatus),
          fields: {
            randevuNo: r.randevu_no,
            programCode: r.program_code,
            provinceCode: r.province_code,
            date: r.date,
            time: r.time,
            preRegisteredAt: r.pre_registered_at,
            motherTckn: r.mother_tckn,
            motherFirstName: r.mother_first_name,
            motherLastName: r.mother_last_name,
            motherBirthDate: r.mother_birth_date,
            childTckn: r.child_tckn,
            childBirthDate: r.child_birth_date,
            phone: r.phone,
            caregiverTckn: r.caregiver_tckn,
            institutionName: r.institution_name,
          },
        };
      },
    });
    pending.set(importId, { plan, file: meta, userId: session.userId });
    keepReport(importId, plan.report, meta.name);
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
    running.delete(importId);
  }
}

/**
 * Which of the list's Randevu numbers the ledger has, asked 500 at a time: a first import of
 * 160,000 rows otherwise made 160,000 lookups that all miss (a second of its time); only the
 * numbers found are then read whole. Only the numbers are kept, not the rows.
 */
function knownRandevuNos(db: RawDatabase, rows: readonly { randevuNo: string }[]): Set<string> {
  const known = new Set<string>();
  const BATCH = 500;
  const full = db.prepare(`SELECT randevu_no FROM appointments WHERE randevu_no IN (${Array(BATCH).fill('?').join(', ')})`).pluck();
  for (let i = 0; i < rows.length; i += BATCH) {
    const nos = rows.slice(i, i + BATCH).map((r) => r.randevuNo);
    const stmt = nos.length === BATCH ? full : db.prepare(`SELECT randevu_no FROM appointments WHERE randevu_no IN (${nos.map(() => '?').join(', ')})`).pluck();
    for (const no of stmt.all(...nos) as string[]) known.add(no);
  }
  return known;
}

export function cancelImport(importId: string): { cancelled: boolean } {
  const a = running.get(importId);
  a?.abort();
  const had = pending.delete(importId);
  return { cancelled: !!a || had };
}

export function applyAnalyzedImport(app: MasaApp, importId: string): ImportApplied {
  // Applied already (a second click, a retry): the same answer, nothing recorded twice.
  const done = applied.get(importId);
  if (done) return done;
  const p = pending.get(importId);
  if (!p) throw new AppError('IMPORT_UNKNOWN');
  const counts = p.plan.report.counts;
  // The plan's rows as they are (appointmentRow takes the fields it needs): no 160,000 copies.
  const { seq } = applyImport(app, {
    file: p.file,
    counts: { ...counts },
    added: p.plan.added,
    updated: p.plan.updated,
    cancelled: p.plan.cancelled,
  });
  // Only after the transaction: a refused apply (IMPORT_STALE, disk full) leaves nothing marked.
  pending.delete(importId);
  const result: ImportApplied = { importId, seq, counts, report: p.plan.report };
  applied.set(importId, result);
  while (applied.size > 10) applied.delete(applied.keys().next().value!);
  const r = reports.get(importId);
  if (r) r.applied = true;
  return result;
}

type ReportProblem = 'EISDIR' | 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'ENOSPC' | 'OTHER';

const REPORT_PROBLEM_TEXT: Record<ReportProblem, { tr: string; en: string }> = {
  EISDIR: { tr: '{path} bir klasör; rapor için bir dosya adı verin (ör. rapor.xlsx).', en: '{path} is a folder; give a file name for the report (e.g. report.xlsx).' },
  ENOENT: { tr: '{dir} klasörü yok.', en: 'The folder {dir} does not exist.' },
  ENOTDIR: { tr: '{dir} bir klasör değil.', en: '{dir} is not a folder.' },
  EACCES: { tr: '{dir} klasörüne yazma izni yok.', en: 'There is no permission to write in the folder {dir}.' },
  ENOSPC: { tr: 'Diskte yer kalmadı.', en: 'The disk is full.' },
  OTHER: { tr: '{path} yazılamadı.', en: '{path} could not be written.' },
};

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
  const entry = reports.get(input.importId);
  if (!entry) throw new AppError('IMPORT_UNKNOWN');
  const target = path.resolve(input.to);
  const problem = reportTargetProblem(input.to);
  if (problem) throw reportError(problem, entry.applied);
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
  const entry = reports.get(importId);
  if (!entry) throw new AppError('IMPORT_UNKNOWN');
  const bytes = await importReportXlsxBytes(entry.report, app.now());
  const base = entry.fileName.replace(/\.(xlsx|csv)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'liste';
  return { name: `ice-aktarma-raporu-${base}.xlsx`, base64: bytes.toString('base64') };
}
