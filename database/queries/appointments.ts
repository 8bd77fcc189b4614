import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

export interface AppointmentRow {
  randevu_no: string;
  program_code: string;
  province_code: string;
  date: string;
  time: string;
  pre_registered_at: string;
  mother_tckn: string;
  mother_first_name: string;
  mother_last_name: string;
  mother_birth_date: string | null;
  child_tckn: string | null;
  child_birth_date: string;
  phone: string | null;
  caregiver_tckn: string | null;
  institution_name: string | null;
  status: string;
  arrived_at: string | null;
  hq_cancelled: number;
  search_name: string;
  updated_seq: number;
}

export function appointmentsOfDay(db: ReadableDB, date: string): AppointmentRow[] {
  return cachedStatement(db, 'SELECT * FROM appointments WHERE date = ? ORDER BY time, randevu_no').all(date) as AppointmentRow[];
}

export function appointmentByNo(db: ReadableDB, randevuNo: string): AppointmentRow | undefined {
  return cachedStatement(db, 'SELECT * FROM appointments WHERE randevu_no = ?').get(randevuNo) as AppointmentRow | undefined;
}
