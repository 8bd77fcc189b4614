import type { AppointmentStatus } from '../../preload/contract/appointmentStatus';
import { HEADER_OF, PERSONAL } from './columns';
import { planLineText, rejectText, type PlanLineCode, type RejectCode } from '../texts/import';
import type { AppointmentFieldKey, AppointmentFieldValues, AppointmentRow, ListFormat, ParsedAppointmentList } from './types';

/**
 * Where the desk stands with an appointment the list mentions again. Only NOT_STARTED and
 * CANCELLED appointments may still be changed by HQ; a started or registered one belongs to
 * the desk now (HQ-FILES: "nothing already registered is ever overwritten or deleted").
 */
export type ExistingState = 'NOT_STARTED' | 'STARTED' | 'REGISTERED' | 'CANCELLED';

export interface ExistingAppointment {
  state: ExistingState;
  fields: AppointmentFieldValues;
}

interface PlanContext {
  /** The desk's province plate codes ('35' or '6' / '06'). */
  ownProvinces: readonly string[];
  /**
   * The appointments the desk already has among these Randevu numbers (absent: new). Asked a
   * batch at a time (EXISTING_BATCH numbers, in list order), so that the service reads them in
   * one statement per batch and nothing of the ledger is held for the whole list.
   */
  existing(randevuNos: readonly string[]): ReadonlyMap<string, ExistingAppointment>;
  /**
   * Whether the desk can decide this programme (it has its rule pack). A row of the desk's
   * own province with an unknown code is rejected: it could never be decided at the desk.
   * Left out, every code is taken (the planner's own tests).
   */
  knownProgram?(programCode: string): boolean;
}

/** The database's appointment status seen from the import (a no-show was handled at the desk). */
export function existingStateOf(status: AppointmentStatus): ExistingState {
  switch (status) {
    case 'BEKLIYOR':
      return 'NOT_STARTED';
    case 'IPTAL':
      return 'CANCELLED';
    case 'KESIN_KAYIT':
      return 'REGISTERED';
    default:
      return 'STARTED';
  }
}

/**
 * Every data row of the file falls in exactly one of these (they add up to `totalRows`).
 * A type alias, not an interface, so that it fits the ledger note's `Record<string, number>`.
 */
type ImportCounts = {
  added: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  rejected: number;
  skipped: number;
  keptStarted: number;
};

export type ReportLineKind = 'rejected' | 'added' | 'updated' | 'cancelled' | 'kept' | 'notice';

export interface ReportLine {
  row: number;
  randevuNo: string | null;
  column: string | null;
  kind: ReportLineKind;
  code: RejectCode | PlanLineCode;
  tr: string;
  en: string;
}

export interface ImportReport {
  fileName: string | null;
  format: ListFormat;
  totalRows: number;
  counts: ImportCounts;
  /** Rows of other provinces, valid or not, by 2-digit plate code (a row whose province is unreadable is rejected). */
  skippedByProvince: Record<string, number>;
  unknownColumns: string[];
  /** Sorted by row: rejected rows, field updates, cancellations and rows the desk kept. */
  lines: ReportLine[];
}

/**
 * What to write, shaped for main/services/importApply.ts (`ImportChanges`): new rows
 * (`cancelled: true` ones arrive already cancelled), rows of not-started appointments whose
 * fields changed, and Randevu numbers to cancel. Apply it in one transaction with one ledger
 * event; the apply re-checks each state, since the plan was made from a snapshot.
 */
export interface ImportPlan {
  added: AppointmentRow[];
  updated: AppointmentRow[];
  cancelled: string[];
  report: ImportReport;
}

const FIELD_KEYS: readonly AppointmentFieldKey[] = [
  'randevuNo', 'programCode', 'provinceCode', 'date', 'time', 'preRegisteredAt', 'motherTckn', 'motherFirstName',
  'motherLastName', 'motherBirthDate', 'childTckn', 'childBirthDate', 'phone', 'caregiverTckn', 'institutionName',
];

function changedFields(row: AppointmentRow, was: AppointmentFieldValues): AppointmentFieldKey[] {
  const out: AppointmentFieldKey[] = [];
  for (const k of FIELD_KEYS) if ((row[k] ?? null) !== (was[k] ?? null)) out.push(k);
  return out;
}

const plate = (p: string) => p.trim().replace(/^0+/, '').padStart(2, '0');

/** How many Randevu numbers the planner asks `existing` about at a time. */
export const EXISTING_BATCH = 500;

/**
 * Classifies every row of a parsed list against the desk's current appointments. Pure: the
 * same list and the same state give the same plan, and nothing is written.
 */
export function planImport(parsed: ParsedAppointmentList, ctx: PlanContext): ImportPlan {
  const planner = new ImportPlanner(ctx);
  for (const row of parsed.rows) planner.add(row);
  return planner.finish(parsed);
}

/**
 * planImport a row at a time, for the import, which hands each valid row over as it is read
 * (ParseOptions.onRow) instead of collecting the list first: the planner keeps only the rows it
 * will write, so a re-import of an unchanged 160,000-row list holds none of them (each dies
 * young) where it used to hold the whole list until the plan was made. Rows must come in list
 * order; `finish` takes the rest of the parsed list (its rejects, counts and columns).
 */
export class ImportPlanner {
  private readonly own: Set<string>;
  private readonly counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, cancelled: 0, rejected: 0, skipped: 0, keptStarted: 0 };
  private readonly skippedByProvince: Record<string, number> = {};
  private readonly lines: ReportLine[] = [];
  private readonly plan: Omit<ImportPlan, 'report'> = { added: [], updated: [], cancelled: [] };
  /** Rows of the desk's provinces waiting to be looked up (EXISTING_BATCH at a time). */
  private batch: AppointmentRow[] = [];

  constructor(private readonly ctx: PlanContext) {
    this.own = new Set(ctx.ownProvinces.map(plate));
  }

  add(row: AppointmentRow): void {
    if (!this.own.has(row.provinceCode)) {
      this.countSkipped(row.provinceCode);
      return;
    }
    if (this.ctx.knownProgram && !this.ctx.knownProgram(row.programCode)) {
      this.counts.rejected++;
      const text = rejectText('UNKNOWN_PROGRAM', HEADER_OF.programCode, row.programCode);
      this.lines.push({ row: row.sourceRow, randevuNo: row.randevuNo, column: HEADER_OF.programCode, kind: 'rejected', code: 'UNKNOWN_PROGRAM', tr: text.tr, en: text.en });
      return;
    }
    this.batch.push(row);
    if (this.batch.length === EXISTING_BATCH) this.classifyBatch();
  }

  finish(parsed: Omit<ParsedAppointmentList, 'rows' | 'preview' | 'columns'>): ImportPlan {
    if (this.batch.length > 0) this.classifyBatch();
    const { counts, lines } = this;
    // Rejected rows: one count per row, however many problems it has. Another province's bad
    // rows are that province's business: counted as skipped, not listed.
    const rejectedProvince = new Map<number, string | null>();
    for (const r of parsed.rejects) if (!rejectedProvince.has(r.row) || rejectedProvince.get(r.row) === null) rejectedProvince.set(r.row, r.provinceCode);
    for (const [, province] of rejectedProvince) {
      if (province !== null && !this.own.has(province)) this.countSkipped(province);
      else counts.rejected++;
    }
    for (const r of parsed.rejects) {
      const province = rejectedProvince.get(r.row);
      if (province !== null && province !== undefined && !this.own.has(province)) continue;
      lines.push({ row: r.row, randevuNo: r.randevuNo, column: r.column, kind: 'rejected', code: r.code, tr: r.tr, en: r.en });
    }
    // Stable: a row's own lines keep the order they were made in.
    lines.sort((a, b) => a.row - b.row);
    const report: ImportReport = {
      fileName: parsed.fileName,
      format: parsed.format,
      totalRows: parsed.totalRows,
      counts,
      skippedByProvince: this.skippedByProvince,
      unknownColumns: parsed.unknownColumns,
      lines,
    };
    return { ...this.plan, report };
  }

  private countSkipped(province: string): void {
    this.counts.skipped++;
    this.skippedByProvince[province] = (this.skippedByProvince[province] ?? 0) + 1;
  }

  private line(row: AppointmentRow, kind: ReportLineKind, code: PlanLineCode, key: AppointmentFieldKey | null = null, was?: AppointmentFieldValues): void {
    const change = key && was && !PERSONAL.has(key) ? { from: String(was[key] ?? ''), to: String(row[key] ?? '') } : null;
    const text = planLineText(code, key ? HEADER_OF[key] : null, change);
    this.lines.push({ row: row.sourceRow, randevuNo: row.randevuNo, column: key ? HEADER_OF[key] : null, kind, code, tr: text.tr, en: text.en });
  }

  private classifyBatch(): void {
    const known = this.ctx.existing(this.batch.map((r) => r.randevuNo));
    for (const row of this.batch) this.classify(row, known.get(row.randevuNo));
    this.batch = [];
  }

  private classify(row: AppointmentRow, was: ExistingAppointment | undefined): void {
    const { counts, plan } = this;
    if (!was) {
      plan.added.push(row);
      // A new row HQ had already cancelled is stored (as cancelled) and counted as cancelled:
      // "added" counts appointments the desk will see on its day.
      if (row.cancelled) {
        counts.cancelled++;
        this.line(row, 'cancelled', 'ADDED_CANCELLED');
      } else counts.added++;
      return;
    }
    const changed = changedFields(row, was.fields);
    switch (was.state) {
      case 'NOT_STARTED':
        if (row.cancelled) {
          // Field changes of an appointment that is being cancelled do not matter any more.
          counts.cancelled++;
          plan.cancelled.push(row.randevuNo);
          this.line(row, 'cancelled', 'CANCELLED');
        } else if (changed.length > 0) {
          counts.updated++;
          plan.updated.push(row);
          for (const k of changed) this.line(row, 'updated', 'UPDATED_FIELD', k, was.fields);
        } else counts.unchanged++;
        break;
      case 'CANCELLED':
        if (changed.length > 0) {
          counts.updated++;
          plan.updated.push(row);
          for (const k of changed) this.line(row, 'updated', 'UPDATED_FIELD', k, was.fields);
        } else counts.unchanged++;
        // Reinstating a cancelled appointment is a decision for people, not for an import.
        if (!row.cancelled) this.line(row, 'notice', 'NOT_REINSTATED');
        break;
      case 'STARTED':
      case 'REGISTERED':
        if (row.cancelled) {
          counts.keptStarted++;
          this.line(row, 'kept', was.state === 'REGISTERED' ? 'KEPT_REGISTERED_CANCELLED' : 'KEPT_STARTED_CANCELLED');
        } else if (changed.length > 0) {
          counts.keptStarted++;
          for (const k of changed) this.line(row, 'kept', 'KEPT_STARTED_CHANGED', k, was.fields);
        } else counts.unchanged++;
        break;
    }
  }
}
