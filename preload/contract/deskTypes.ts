import type { AppointmentStatus, OutcomeCode } from './appointmentStatus';
import type { Bilingual } from './registrationTypes';

export interface AppointmentSummary {
  randevuNo: string;
  programCode: string;
  date: string;
  time: string;
  motherName: string;
  motherTckn: string;
  status: AppointmentStatus;
  arrivedAt: string | null;
}

/** What the find box took the query for: a scanned Randevu No or registration number, a T.C. Kimlik No, a name. */
export type FindKind = 'randevu' | 'registration' | 'tckn' | 'name' | 'none';

export interface DayView {
  date: string;
  total: number;
  counts: Record<AppointmentStatus, number>;
  /** The time of the slot in progress (today only). */
  currentSlot: string | null;
  appointments: AppointmentSummary[];
}

export interface HistoryEntry {
  seq: number;
  at: string;
  type: string;
  text: { tr: string; en: string };
  user: string | null;
  reason: string | null;
  outcome: string | null;
}

export interface AppointmentDetail {
  appointment: AppointmentSummary & {
    provinceCode: string;
    preRegisteredAt: string;
    motherBirthDate: string | null;
    childTckn: string | null;
    childBirthDate: string;
    phone: string | null;
    caregiverTckn: string | null;
    institutionName: string | null;
    hqCancelled: boolean;
    /** Personal fields erased after the retention period (KVKK): shown as "[silindi]". */
    erased: boolean;
  };
  registration: {
    registrationNo: string;
    outcome: OutcomeCode;
    /** The rule pack's label of the support type, in both languages (as decided then). */
    supportType: Bilingual | null;
    monthlyAmountCents: number | null;
    /** The rule pack's currency of the amount. */
    currency: 'EUR' | 'TL';
    registeredAt: string;
    clerk: string;
    decision: unknown;
    newAppointmentNo: string | null;
  } | null;
  history: HistoryEntry[];
}
