import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

interface AccessRow {
  seq: number;
  at: string;
  user_id: number | null;
  type: string;
  entity: string;
}

const ACCESS_FILTER = `type IN ('record.viewed', 'record.printed', 'record.exported', 'reconciliation.exported', 'report.printed', 'list.printed', 'record.verified')
       AND at >= @from AND at < @to AND (@entity IS NULL OR entity = @entity)`;

/**
 * Access events (viewed / printed / exported) in a time window, newest first, one page: at most
 * `limit` events older than `beforeSeq` (all when null). A sequence cursor rather than an
 * offset, so that views recorded while the office head pages through do not shift the pages.
 */
export function accessEvents(
  db: ReadableDB,
  fromUtc: string,
  toUtc: string,
  entity: string | null,
  page: { beforeSeq: number | null; limit: number },
): AccessRow[] {
  return cachedStatement(db, `SELECT seq, at, user_id, type, entity FROM events WHERE ${ACCESS_FILTER} AND (@before IS NULL OR seq < @before) ORDER BY seq DESC LIMIT @limit`).all({
    from: fromUtc,
    to: toUtc,
    entity,
    before: page.beforeSeq,
    limit: page.limit,
  }) as AccessRow[];
}

/**
 * How many access events the window holds. Like the page query it scans the events table (no
 * index on time or type: that needs a migration); a busy day's first page stops early, the count
 * does not.
 */
export function countAccessEvents(db: ReadableDB, fromUtc: string, toUtc: string, entity: string | null): number {
  return (cachedStatement(db, `SELECT count(*) AS n FROM events WHERE ${ACCESS_FILTER}`).get({ from: fromUtc, to: toUtc, entity }) as { n: number }).n;
}
