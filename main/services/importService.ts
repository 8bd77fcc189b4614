import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appointments as appointmentsQ, settings as settingsQ } from '../../database';
import type { AppointmentStatus } from '../../preload/contract/appointmentStatus';
import type { ImportAnalysis, ImportApplied } from '../../preload/contract/importTypes';
import { AppError } from '../app/appError';
import { eventBus } from '../app/eventBus';
import type { MasaApp } from '../app/masaApp';
import {
  AppointmentFileRefused,
  AppointmentImportAborted,
  existingStateOf,
  parseAppointmentFile,
  planImport,
  writeImportReportXlsx,
  type ImportPlan,
} from '../import';
import { applyImport } from './importApply';

/**
 * The office head's import: analyse (parse + plan, nothing written; progress events; can be
 * cancelled), then apply the plan the head saw in one transaction. Plans live in memory only.
 */
const pending = new Map<string, { plan: ImportPlan; file: { name: string; size: number; sha256: string }; userId: number }>();
const running = new Map<string, AbortController>();
/** Reports of the latest analyses and imports, for "download as .xlsx" (kept in memory, a few only). */
const reports = new Map<string, ImportPlan['report']>();
function keepReport(id: string, report: ImportPlan['report']) {
  reports.set(id, report);
  while (reports.size > 10) reports.delete(reports.keys().next().value!);
}

function sha256OfFile(p: string): string {
  return createHash('sha256').update(fs.readFileSync(p)).digest('hex');
}

export async function analyzeImport(app: MasaApp, input: { path: string; importId?: string }): Promise<ImportAnalysis> {
  const store = app.requireStore();
  const session = app.requireSession();
  const file = path.resolve(input.path);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('IMPORT_FILE_MISSING', { name: path.basename(file) });
  const importId = input.importId ?? randomUUID();
  const abort = new AbortController();
  running.set(importId, abort);
  const size = fs.statSync(file).size;
  try {
    const parsed = await parseAppointmentFile(
      { path: file },
      { signal: abort.signal, onProgress: (rows, bytes, total) => eventBus.emit('import.progress', { importId, rows, bytes, total: total || size }) },
    );
    const province = settingsQ.setting(store.db, 'office.provinceCode') ?? '';
    const plan = planImport(parsed, {
      ownProvinces: [province],
      existing(randevuNo) {
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
    const meta = { name: path.basename(file), size, sha256: sha256OfFile(file) };
    pending.set(importId, { plan, file: meta, userId: session.userId });
    keepReport(importId, plan.report);
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

export function cancelImport(importId: string): { cancelled: boolean } {
  const a = running.get(importId);
  a?.abort();
  const had = pending.delete(importId);
  return { cancelled: !!a || had };
}

export function applyAnalyzedImport(app: MasaApp, importId: string): ImportApplied {
  const p = pending.get(importId);
  if (!p) throw new AppError('IMPORT_UNKNOWN');
  pending.delete(importId);
  const counts = p.plan.report.counts;
  const strip = ({ sourceRow: _s, cancelled: _c, ...fields }: (typeof p.plan.added)[number]) => fields;
  const { seq } = applyImport(app, {
    file: p.file,
    counts: { ...counts },
    added: p.plan.added.map((r) => ({ ...strip(r), cancelled: r.cancelled })),
    updated: p.plan.updated.map(strip),
    cancelled: p.plan.cancelled,
  });
  return { importId, seq, counts, report: p.plan.report };
}

/** The report as .xlsx where the user chose (the bridge and CLI pass a path; Electron asks with a dialog). */
export async function saveImportReport(app: MasaApp, input: { importId: string; to: string }): Promise<{ path: string }> {
  app.requireSession();
  const report = reports.get(input.importId);
  if (!report) throw new AppError('IMPORT_UNKNOWN');
  const target = path.resolve(input.to);
  await writeImportReportXlsx(report, target, app.now());
  return { path: target };
}
