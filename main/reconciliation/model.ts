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

/** The summary is always computed from the rows, never trusted from a caller or a file. */
export function countsOf(day: Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>): ReconCounts {
  return {
    appointments: day.appointments.length,
    arrived: day.appointments.filter((a) => a.arrivedAt !== null).length,
    noShows: day.appointments.filter((a) => a.outcome === 'GELMEDİ').length,
    registrations: day.registrations.length,
    rejected: day.rejections.filter((r) => r.outcome === 'RET').length,
    incomplete: day.rejections.filter((r) => r.outcome === 'EKSİK EVRAK').length,
    cancelled: day.appointments.filter((a) => a.outcome === 'İPTAL').length,
    monthlyTotalCents: day.registrations.reduce((s, r) => s + r.monthlyAmountCents, 0),
  };
}

export function reconciliationFileName(provinceCode: string, deskCode: string, date: string): string {
  return `MUTABAKAT_${provinceCode.padStart(2, '0')}_${deskCode}_${date.replace(/-/g, '')}.xlsx`;
}
