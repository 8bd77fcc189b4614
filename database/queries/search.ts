import type { RawDatabase } from '../connection';
import { cachedStatement } from '../stateWriter';
import type { AppointmentRow } from './appointments';

/**
 * Finding an appointment in a keystroke: every branch is an index lookup or an index range
 * scan (see EXPLAIN tests), so the answer time does not grow with the province's list.
 */
const LIMIT = 20;

export function byRandevuNo(db: RawDatabase, prefix: string): AppointmentRow[] {
  return cachedStatement(db, `SELECT * FROM appointments WHERE randevu_no >= ? AND randevu_no < ? ORDER BY randevu_no LIMIT ${LIMIT}`).all(
    prefix,
    `${prefix}\uffff`,
  ) as AppointmentRow[];
}

export function byTcknPrefix(db: RawDatabase, prefix: string): AppointmentRow[] {
  return cachedStatement(db, `SELECT * FROM appointments WHERE mother_tckn >= ? AND mother_tckn < ? ORDER BY mother_tckn LIMIT ${LIMIT}`).all(
    prefix,
    `${prefix}\uffff`,
  ) as AppointmentRow[];
}

/** `folded` is already tr-TR lower case without accents ("sukran oz"). */
export function byFoldedName(db: RawDatabase, folded: string): AppointmentRow[] {
  const hi = `${folded}\uffff`;
  return cachedStatement(
    db,
    // Each branch stops after LIMIT rows in index order; only those few are sorted.
    `SELECT * FROM (
       SELECT * FROM (SELECT * FROM appointments WHERE search_name >= @lo AND search_name < @hi ORDER BY search_name LIMIT ${LIMIT})
       UNION
       SELECT * FROM (SELECT * FROM appointments WHERE search_last >= @lo AND search_last < @hi ORDER BY search_last LIMIT ${LIMIT})
     ) ORDER BY date DESC, time LIMIT ${LIMIT}`,
  ).all({ lo: folded, hi }) as AppointmentRow[];
}
