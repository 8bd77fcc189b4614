import { audit, users as usersQ } from '../../database';
import type { AccessLogEntry } from '../../preload/contract/auditTypes';
import type { MasaApp } from '../app/masaApp';
import { turkeyDayBoundsUtc } from '../domain/turkeyTime';

/**
 * KVKK access log: who viewed, printed or exported which record and when. The entries are
 * ledger events, so nobody (clerk or head) can change or remove them; only the head reads them.
 */
export function recordAccess(app: MasaApp, kind: 'viewed' | 'printed' | 'exported', entity: string, data: Record<string, unknown> = {}): void {
  const session = app.requireSession();
  app.requireStore().ledger.record({ type: `record.${kind}`, entity, userId: session.userId }, (w) => w.note(data));
}

export function accessLog(app: MasaApp, input: { from: string; to: string; randevuNo?: string }): AccessLogEntry[] {
  const db = app.requireStore().db;
  const names = new Map(usersQ.listUsers(db).map((u) => [u.id, u.display_name]));
  const from = turkeyDayBoundsUtc(input.from).start;
  const to = turkeyDayBoundsUtc(input.to).end;
  return audit.accessEvents(db, from, to, input.randevuNo ? `appointment:${input.randevuNo}` : null).map((e) => ({
    seq: e.seq,
    at: e.at,
    action: e.type,
    entity: e.entity,
    user: e.user_id ? (names.get(e.user_id) ?? `#${e.user_id}`) : '—',
  }));
}
