import { audit, users as usersQ } from '../../database';
import { ACCESS_LOG_PAGE, type AccessLogPage } from '../../preload/contract/auditTypes';
import type { MasaApp } from '../app/masaApp';
import { turkeyDayBoundsUtc } from '../domain/turkeyTime';

/**
 * KVKK access log: who viewed, printed or exported which record and when. The entries are
 * ledger events, so nobody (clerk or head) can change or remove them; only the head reads them.
 */
export function recordAccess(app: MasaApp, kind: 'viewed' | 'printed' | 'exported' | 'verified', entity: string, data: Record<string, unknown> = {}): void {
  const session = app.requireSession();
  app.requireStore().ledger.record({ type: `record.${kind}`, entity, userId: session.userId }, (w) => w.note(data));
}

/**
 * One page of the log, newest first, with the total of the date range: the screen says how many
 * there are and loads more on request (it used to stop silently at 500).
 */
export function accessLog(app: MasaApp, input: { from: string; to: string; randevuNo?: string; before?: number; limit?: number }): AccessLogPage {
  const db = app.requireStore().reader;
  const names = new Map(usersQ.listUsers(db).map((u) => [u.id, u.display_name]));
  const from = turkeyDayBoundsUtc(input.from).start;
  const to = turkeyDayBoundsUtc(input.to).end;
  const entity = input.randevuNo ? `appointment:${input.randevuNo}` : null;
  const limit = input.limit ?? ACCESS_LOG_PAGE;
  // One row more than the page: whether there is a next page, without a second query.
  const rows = audit.accessEvents(db, from, to, entity, { beforeSeq: input.before ?? null, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.type,
      entity: e.entity,
      user: e.user_id ? (names.get(e.user_id) ?? `#${e.user_id}`) : '—',
    })),
    total: audit.countAccessEvents(db, from, to, entity),
    next: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}
