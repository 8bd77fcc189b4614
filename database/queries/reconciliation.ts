import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';
import type { AppointmentRow } from './appointments';
import type { RegistrationRow } from './registrations';

/**
 * The rows of one day's reconciliation: the day's appointments with their active outcome
 * (if any), and the registrations recorded that day (in Turkey time).
 */
export function dayAppointmentsWithOutcome(db: ReadableDB, date: string): (AppointmentRow & { reg_no: string | null; clerk_id: number | null })[] {
  return cachedStatement(
    db,
    `SELECT a.*, r.registration_no AS reg_no, r.clerk_id AS clerk_id
       FROM appointments a LEFT JOIN registrations r ON r.randevu_no = a.randevu_no AND r.state = 'ACTIVE'
      WHERE a.date = ? ORDER BY a.time, a.randevu_no`,
  ).all(date) as (AppointmentRow & { reg_no: string | null; clerk_id: number | null })[];
}

export function registrationsBetween(db: ReadableDB, fromUtc: string, toUtc: string): (RegistrationRow & { first: string; last: string })[] {
  return cachedStatement(
    db,
    `SELECT r.*, a.mother_first_name AS first, a.mother_last_name AS last
       FROM registrations r JOIN appointments a ON a.randevu_no = r.randevu_no
      WHERE r.state = 'ACTIVE' AND r.registered_at >= ? AND r.registered_at < ?
      ORDER BY r.registered_at, r.registration_no`,
  ).all(fromUtc, toUtc) as (RegistrationRow & { first: string; last: string })[];
}

/** The last event recorded up to a moment: the chain head a day's file names. */
export function headAt(db: ReadableDB, untilUtc: string): { seq: number; hash: string } | undefined {
  return cachedStatement(db, 'SELECT seq, hash FROM events WHERE at < ? ORDER BY seq DESC LIMIT 1').get(untilUtc) as { seq: number; hash: string } | undefined;
}

/** The last event that changed any of these state rows (refs as in event_refs: "appointments:<randevu no>"). */
export function lastEventTouching(db: ReadableDB, refs: string[]): { seq: number; at: string } | undefined {
  if (refs.length === 0) return undefined;
  return cachedStatement(
    db,
    `SELECT e.seq, e.at FROM events e
      WHERE e.seq = (SELECT MAX(r.seq) FROM event_refs r WHERE r.ref IN (SELECT value FROM json_each(?)))`,
  ).get(JSON.stringify(refs)) as { seq: number; at: string } | undefined;
}
