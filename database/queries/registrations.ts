import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';
import type { RegistrationStateRow } from '../migrations/stateRows';

/** A registration as read: the state row's columns (declared once, beside the migrations), outcome and state narrowed to their values. */
export interface RegistrationRow extends Omit<RegistrationStateRow, 'outcome' | 'state'> {
  outcome: 'KESIN_KAYIT' | 'RET' | 'EKSIK_EVRAK';
  state: 'ACTIVE' | 'REVERSED';
}

export function activeForAppointment(db: ReadableDB, randevuNo: string): RegistrationRow | undefined {
  return cachedStatement(db, "SELECT * FROM registrations WHERE randevu_no = ? AND state = 'ACTIVE'").get(randevuNo) as RegistrationRow | undefined;
}

/** The latest reversed registration of an appointment: a new wizard starts from its facts, and a correction compares with what it decided. */
export function lastReversedForAppointment(db: ReadableDB, randevuNo: string): RegistrationRow | undefined {
  return cachedStatement(db, "SELECT * FROM registrations WHERE randevu_no = ? AND state = 'REVERSED' ORDER BY updated_seq DESC LIMIT 1").get(randevuNo) as RegistrationRow | undefined;
}

export function bySubmission(db: ReadableDB, submissionId: string): RegistrationRow | undefined {
  return cachedStatement(db, 'SELECT * FROM registrations WHERE submission_id = ?').get(submissionId) as RegistrationRow | undefined;
}

export function byNo(db: ReadableDB, registrationNo: string): RegistrationRow | undefined {
  return cachedStatement(db, 'SELECT * FROM registrations WHERE registration_no = ?').get(registrationNo) as RegistrationRow | undefined;
}

export function countForYear(db: ReadableDB, prefix: string): number {
  return (cachedStatement(db, 'SELECT count(*) AS n FROM registrations WHERE registration_no >= ? AND registration_no < ?').get(prefix, `${prefix}\uffff`) as { n: number }).n;
}

/** What a main/reserve list needs of one accepted registration (and the mother's name from her appointment). */
export interface ListRow {
  registration_no: string;
  randevu_no: string;
  pre_registered_at: string;
  mother_tckn: string;
  mother_first_name: string;
  mother_last_name: string;
  left_main_list_at: string | null;
  left_reason: string | null;
}

/**
 * The accepted registrations of one edition and province as they stood at `untilUtc` (UTC ISO,
 * exclusive: the end of the list's day), in first-application order: registered before it and
 * not reversed before it (a reversed row counts only while its reversal is later). A reversal's
 * time is its ledger event (`registration.reversed`, found through event_refs), so a list of a
 * past date is the same whatever happened since. Leaving the main list is a dated fact on the
 * row (`left_main_list_at`), applied by computeLists. Only the list's columns are read: the
 * facts and decision JSON of 20,000 rows would cost more than the list itself.
 */
export function acceptedForList(db: ReadableDB, programCode: string, provinceCode: string, untilUtc: string): ListRow[] {
  return cachedStatement(
    db,
    `SELECT r.registration_no, r.randevu_no, r.pre_registered_at, r.mother_tckn, r.left_main_list_at, r.left_reason,
            a.mother_first_name, a.mother_last_name
     FROM registrations r JOIN appointments a ON a.randevu_no = r.randevu_no
     WHERE r.program_code = ? AND r.province_code = ? AND r.outcome = 'KESIN_KAYIT' AND r.registered_at < ?
       AND (r.state = 'ACTIVE' OR EXISTS (
         SELECT 1 FROM event_refs x JOIN events e ON e.seq = x.seq
         WHERE x.ref = 'registrations:' || r.registration_no AND e.type = 'registration.reversed' AND e.at >= ?))
     ORDER BY r.pre_registered_at, r.randevu_no`,
  ).all(programCode, provinceCode, untilUtc, untilUtc) as ListRow[];
}

export function registeredOnDay(db: ReadableDB, dayStartUtc: string, dayEndUtc: string): RegistrationRow[] {
  return cachedStatement(db, 'SELECT * FROM registrations WHERE registered_at >= ? AND registered_at < ? ORDER BY registered_at').all(
    dayStartUtc,
    dayEndUtc,
  ) as RegistrationRow[];
}

/** Every registration of one appointment, reversed ones included, oldest first (a later correction follows its reversal). */
export function allForAppointment(db: ReadableDB, randevuNo: string): RegistrationRow[] {
  return cachedStatement(db, 'SELECT * FROM registrations WHERE randevu_no = ? ORDER BY registered_at, registration_no').all(randevuNo) as RegistrationRow[];
}

/**
 * The ledger event that recorded a registration's decision (`registration.recorded`), found
 * through event_refs: later events on the row (a note, the reversal) move its updated_seq, not this.
 */
export function decisionEvent(db: ReadableDB, registrationNo: string): { seq: number; hash: string } | undefined {
  return cachedStatement(
    db,
    `SELECT e.seq, e.hash FROM event_refs r JOIN events e ON e.seq = r.seq
      WHERE r.ref = ? AND e.type = 'registration.recorded' ORDER BY e.seq LIMIT 1`,
  ).get(`registrations:${registrationNo}`) as { seq: number; hash: string } | undefined;
}
