import type { ReconCountsView } from '../../preload/contract/reconciliationTypes';

/**
 * The daily reconciliation ("Günlük Mutabakat") as plain data: built by main from the ledger,
 * written to .xlsx exactly per HQ's contract (docs/reconciliation.md), read back for merging.
 */
export type AppointmentOutcomeText = 'KESİN KAYIT' | 'RET' | 'EKSİK EVRAK' | 'GELMEDİ' | 'İPTAL';

export interface ReconAppointment {
  randevuNo: string;
  programCode: string;
  provinceCode: string;
  date: string;
  time: string;
  motherTckn: string;
  motherFullName: string;
  arrivedAt: string | null;
  /** Null while an appointment is still open (the day is not closed yet). */
  outcome: AppointmentOutcomeText | null;
  clerk: string | null;
}

export interface ReconRegistration {
  registrationNo: string;
  randevuNo: string;
  programCode: string;
  provinceCode: string;
  /** yyyy-MM-ddTHH:mm:ss, Turkey time */
  preRegisteredAt: string;
  registeredAt: string;
  motherTckn: string;
  motherFullName: string;
  childTckn: string | null;
  childBirthDate: string;
  caregiverTckn: string | null;
  institutionName: string | null;
  supportType: string;
  monthlyAmountCents: number;
  motherIban: string | null;
  caregiverIban: string | null;
  clerk: string;
  /** Only in merged files: which desk file the row came from. */
  deskCode?: string;
  sourceFile?: string;
}

export interface ReconRejection {
  randevuNo: string;
  programCode: string;
  motherTckn: string;
  motherFullName: string;
  outcome: 'RET' | 'EKSİK EVRAK';
  reasonCodes: string[];
  reasonText: string;
  missingDocuments: string[];
  newAppointment: string | null;
  clerk: string;
}

export interface ReconDuplicate {
  kind: 'ANNE' | 'ÇOCUK';
  tckn: string;
  registrationNo: string;
  randevuNo: string;
  deskCode: string;
  date: string;
  sourceFile: string;
}

export interface ReconciliationDay {
  provinceCode: string;
  provinceName: string;
  deskCode: string;
  date: string;
  programCodes: string[];
  appointments: ReconAppointment[];
  registrations: ReconRegistration[];
  rejections: ReconRejection[];
  chainHead: string;
  createdAt: string;
  appVersion: string;
  createdBy: string;
  /** Merged files only. */
  duplicates?: ReconDuplicate[];
  /** `Kural Paketleri`: every pack that decided a row of the file, as `CODE#edition:hash8`. */
  packs?: string[];
}

/** The summary counts (the contract type shared with the screens). */
export type ReconCounts = ReconCountsView;

/**
 * The summary counts, added up row by row: the writer counts the rows as it writes them (a merge
 * streams its rows from the files, so there is no array to count).
 */
export class CountsTally {
  readonly counts: ReconCounts = { appointments: 0, arrived: 0, noShows: 0, registrations: 0, rejected: 0, incomplete: 0, cancelled: 0, monthlyTotalCents: 0 };

  appointment(a: ReconAppointment): void {
    this.counts.appointments++;
    if (a.arrivedAt !== null) this.counts.arrived++;
    if (a.outcome === 'GELMEDİ') this.counts.noShows++;
    if (a.outcome === 'İPTAL') this.counts.cancelled++;
  }

  registration(r: ReconRegistration): void {
    this.counts.registrations++;
    this.counts.monthlyTotalCents += r.monthlyAmountCents;
  }

  rejection(r: ReconRejection): void {
    if (r.outcome === 'RET') this.counts.rejected++;
    if (r.outcome === 'EKSİK EVRAK') this.counts.incomplete++;
  }

  /** Another file's counts added to these (a merge's summary is the sum of its files'). */
  add(c: ReconCounts): void {
    for (const k of Object.keys(c) as (keyof ReconCounts)[]) this.counts[k] += c[k];
  }
}

/** The summary is always computed from the rows, never trusted from a caller or a file. */
export function countsOf(day: Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>): ReconCounts {
  const tally = new CountsTally();
  for (const a of day.appointments) tally.appointment(a);
  for (const r of day.registrations) tally.registration(r);
  for (const r of day.rejections) tally.rejection(r);
  return tally.counts;
}

/** True when two summaries count the same. */
export function sameCounts(a: ReconCounts, b: ReconCounts): boolean {
  return (Object.keys(a) as (keyof ReconCounts)[]).every((k) => a[k] === b[k]);
}

export function reconciliationFileName(provinceCode: string, deskCode: string, date: string): string {
  return `MUTABAKAT_${provinceCode.padStart(2, '0')}_${deskCode}_${date.replace(/-/g, '')}.xlsx`;
}
