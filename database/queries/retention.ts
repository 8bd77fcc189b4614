import type { Row, StateWriter } from '../ledger/stateWriter';
import { asReadable, type ReadableDB } from './handle';
import { cachedStatement } from '../ledger/statementCache';

/** The reads of the KVKK retention erasure (main/services/retention.ts): which records are due, and what a record holds. */

/** Each appointment not yet erased, with the last events about it and its registrations. */
interface RetentionRow {
  randevu_no: string;
  program_code: string;
  province_code: string;
  date: string;
  a_seq: number | null;
  r_seq: number | null;
  regs: number;
}

export function notErasedAppointments(db: ReadableDB, erased: string): RetentionRow[] {
  return db
    .prepare(
      `SELECT a.randevu_no, a.program_code, a.province_code, a.date,
              (SELECT max(seq) FROM event_refs WHERE ref = 'appointments:' || a.randevu_no) AS a_seq,
              (SELECT max(r.seq) FROM registrations g JOIN event_refs r ON r.ref = 'registrations:' || g.registration_no
                WHERE g.randevu_no = a.randevu_no) AS r_seq,
              (SELECT count(*) FROM registrations g WHERE g.randevu_no = a.randevu_no) AS regs
         FROM appointments a WHERE a.mother_tckn <> ? ORDER BY a.randevu_no`,
    )
    .all(erased) as RetentionRow[];
}

/** The time of one event (prepared once per caller: a due list reads it per family). */
export function eventTimes(db: ReadableDB): (seq: number) => string | undefined {
  const atOf = cachedStatement(db, 'SELECT at FROM events WHERE seq = ?');
  return (seq) => (atOf.get(seq) as { at: string } | undefined)?.at;
}

export function eventsOfType(db: ReadableDB, type: string): { seq: number; at: string; user_id: number | null; payload: string }[] {
  return db.prepare('SELECT seq, at, user_id, payload FROM events WHERE type = ? ORDER BY seq DESC').all(type) as {
    seq: number;
    at: string;
    user_id: number | null;
    payload: string;
  }[];
}

/** A Randevu number's appointments (itself and its `-E` follow-ups) and their registrations, whole rows. */
function familyRows(db: ReadableDB, base: string): { appointments: Row[]; registrations: Row[] } {
  const appointments = db.prepare("SELECT * FROM appointments WHERE randevu_no = ? OR randevu_no GLOB ? || '-E*' ORDER BY randevu_no").all(base, base) as Row[];
  const registrations = db
    .prepare(`SELECT * FROM registrations WHERE randevu_no IN (${appointments.map(() => '?').join(', ')}) ORDER BY registration_no`)
    .all(...appointments.map((a) => a.randevu_no)) as Row[];
  return { appointments, registrations };
}


/** The same, read inside the erasure's own event (its writer's transaction). */
export function familyRowsIn(w: StateWriter, base: string): { appointments: Row[]; registrations: Row[] } {
  return familyRows(asReadable(w.db), base);
}
