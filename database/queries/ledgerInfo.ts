import type { RawDatabase } from '../connection';
import { cachedStatement } from '../stateWriter';

export function tableCount(db: RawDatabase, table: 'users' | 'appointments' | 'events' | 'registrations'): number {
  const exists = cachedStatement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export interface EventRow {
  seq: number;
  at: string;
  user_id: number | null;
  type: string;
  entity: string;
  payload: string;
  hash: string;
}

export function eventsForEntity(db: RawDatabase, entity: string): EventRow[] {
  return cachedStatement(db, 'SELECT seq, at, user_id, type, entity, payload, hash FROM events WHERE entity = ? ORDER BY seq').all(entity) as EventRow[];
}
