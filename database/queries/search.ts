import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';
import type { AppointmentRow } from './appointments';

/**
 * Finding an appointment in a keystroke: every branch is an index lookup or an index range
 * scan (see EXPLAIN tests), so the answer time does not grow with the province's list.
 */
const LIMIT = 20;

export function byRandevuNo(db: ReadableDB, prefix: string): AppointmentRow[] {
  return cachedStatement(db, `SELECT * FROM appointments WHERE randevu_no >= ? AND randevu_no < ? ORDER BY randevu_no LIMIT ${LIMIT}`).all(
    prefix,
    `${prefix}\uffff`,
  ) as AppointmentRow[];
}

export function byTcknPrefix(db: ReadableDB, prefix: string): AppointmentRow[] {
  return cachedStatement(db, `SELECT * FROM appointments WHERE mother_tckn >= ? AND mother_tckn < ? ORDER BY mother_tckn LIMIT ${LIMIT}`).all(
    prefix,
    `${prefix}\uffff`,
  ) as AppointmentRow[];
}

/**
 * `folded` is already tr-TR lower case without accents ("sukran oz"). It matches the start of
 * any word of the name, and the words after it in order, wrapping round ("oz sukran"): one
 * range scan of `appointment_search` (every rotation of the name's words, migration 0040).
 */
export function byFoldedName(db: ReadableDB, folded: string): AppointmentRow[] {
  return cachedStatement(db, BY_FOLDED_NAME).all({ lo: folded, hi: `${folded}\uffff` }) as AppointmentRow[];
}

/**
 * The inner scan stops after LIMIT distinct appointments in index order; only those are sorted.
 * Exported for the plan test (search.test.ts): index ranges and lookups only, no scan.
 */
export const BY_FOLDED_NAME = `SELECT * FROM appointments WHERE randevu_no IN (
       SELECT DISTINCT randevu_no FROM appointment_search WHERE key >= @lo AND key < @hi LIMIT ${LIMIT}
     ) ORDER BY date DESC, time LIMIT ${LIMIT}`;

/** A registration number (printed as a Code 128 barcode on the Kesin Kayıt Formu): exact, by primary key. */
export function byRegistrationNo(db: ReadableDB, registrationNo: string): AppointmentRow[] {
  return cachedStatement(
    db,
    `SELECT a.* FROM registrations r JOIN appointments a ON a.randevu_no = r.randevu_no WHERE r.registration_no = ?`,
  ).all(registrationNo) as AppointmentRow[];
}
