import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

export function tableCount(db: ReadableDB, table: 'users' | 'appointments' | 'events' | 'registrations'): number {
  const exists = cachedStatement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

interface EventRow {
  seq: number;
  at: string;
  user_id: number | null;
  type: string;
  entity: string;
  reason: string | null;
  outcome: string | null;
  hash: string;
}

// Bulk events (an import carries every row it added) are never parsed just to show a history line.
const DATA = `CASE WHEN e.type LIKE 'import.%' THEN NULL ELSE json_extract(e.payload, '$.data.reason') END AS reason,
  CASE WHEN e.type LIKE 'import.%' THEN NULL ELSE json_extract(e.payload, '$.data.outcome') END AS outcome`;

/** Events about one entity: those naming it, and those that changed its row (e.g. an import). */
export function eventsForEntity(db: ReadableDB, entity: string, stateRef: string): EventRow[] {
  return cachedStatement(
    db,
    `SELECT e.seq, e.at, e.user_id, e.type, e.entity, ${DATA}, e.hash FROM events e WHERE e.entity = @entity
     UNION
     SELECT e.seq, e.at, e.user_id, e.type, e.entity, ${DATA}, e.hash FROM event_refs r JOIN events e ON e.seq = r.seq WHERE r.ref = @ref
     ORDER BY 1`,
  ).all({ entity, ref: stateRef }) as EventRow[];
}

/** Who checked in any of the day's appointments (user ids): they worked the desk that day. */
export function checkInUsers(db: ReadableDB, date: string): number[] {
  return (
    cachedStatement(
      db,
      `SELECT DISTINCT e.user_id AS id FROM appointments a JOIN events e ON e.entity = 'appointment:' || a.randevu_no
        WHERE a.date = ? AND e.type = 'appointment.checked_in' AND e.user_id IS NOT NULL ORDER BY 1`,
    ).all(date) as { id: number }[]
  ).map((r) => r.id);
}

/** Whether the day was closed (a `day.closed` event for it): by the events_entity index. */
export function dayClosed(db: ReadableDB, date: string): boolean {
  return cachedStatement(db, "SELECT 1 FROM events WHERE entity = ? AND type = 'day.closed' LIMIT 1").get(`day:${date}`) !== undefined;
}
