import type { RawDatabase } from '../connection';
import { cachedStatement } from '../stateWriter';

export interface AccessRow {
  seq: number;
  at: string;
  user_id: number | null;
  type: string;
  entity: string;
}

/** Access events (viewed / printed / exported) in a time window, newest first. */
export function accessEvents(db: RawDatabase, fromUtc: string, toUtc: string, entity: string | null, limit = 500): AccessRow[] {
  return cachedStatement(
    db,
    `SELECT seq, at, user_id, type, entity FROM events
     WHERE type IN ('record.viewed', 'record.printed', 'record.exported', 'reconciliation.exported', 'report.printed', 'list.printed')
       AND at >= @from AND at < @to AND (@entity IS NULL OR entity = @entity)
     ORDER BY seq DESC LIMIT ${limit}`,
  ).all({ from: fromUtc, to: toUtc, entity }) as AccessRow[];
}
