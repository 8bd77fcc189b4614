import type { AppointmentStateRow } from '../migrations/stateRows';
import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

/** An appointments row as read: the state row the migrations declare. */
export type AppointmentRow = AppointmentStateRow;

export function appointmentsOfDay(db: ReadableDB, date: string): AppointmentRow[] {
  return cachedStatement(db, 'SELECT * FROM appointments WHERE date = ? ORDER BY time, randevu_no').all(date) as AppointmentRow[];
}

export function appointmentByNo(db: ReadableDB, randevuNo: string): AppointmentRow | undefined {
  return cachedStatement(db, 'SELECT * FROM appointments WHERE randevu_no = ?').get(randevuNo) as AppointmentRow | undefined;
}
