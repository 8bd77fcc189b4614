import fs from 'node:fs';
import type { AppointmentStateRow, ReadableDB, RegistrationStateRow, Row } from '../../database';
import { drafts as draftsQ, ledgerPaths, retention as retentionQ, users as usersQ } from '../../database';
import { ERASURE_EVENT, eventsTouching, rewriteEvent } from '../../database';
import type { ErasureRecord, ErasureResult, RetentionOverview, RetentionRecord } from '../../preload/contract/retentionTypes';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { turkeyParts } from '../domain/turkeyTime';
import { getRulePack } from '../rules/load';
import { ERASED, eraseAppointmentRow, eraseRegistrationRow, personalValues } from './personalFields';
import { DESK } from '../texts/desk';

/**
 * KVKK retention (docs/kvkk.md). A record is an appointment with its follow-ups (-E1, -E2 …)
 * and their registrations: they share the mother's data, so they are erased together. It is
 * due when its last change is more than the programme's `retentionYears` ago. Erasure
 * replaces the personal fields in the current rows and in every older event that carried them,
 * in one transaction with a `kvkk.erased` event (the destruction record, kept for good), then
 * VACUUMs so that no page or WAL frame keeps the old values.
 */

const baseNo = (randevuNo: string) => randevuNo.replace(/-E\d+$/, '');

export function retentionOverview(app: MasaApp): RetentionOverview {
  const db = app.requireStore().reader;
  const today = turkeyParts(app.now()).date;
  return { today, due: dueRecords(db, today), erasures: pastErasures(db) };
}

function dueRecords(db: ReadableDB, today: string): RetentionRecord[] {
  const rows = retentionQ.notErasedAppointments(db, ERASED);
  const families = new Map<string, { first: (typeof rows)[number]; lastSeq: number; appointments: number; registrations: number }>();
  for (const r of rows) {
    const base = baseNo(r.randevu_no);
    const f = families.get(base);
    const seq = Math.max(r.a_seq ?? 0, r.r_seq ?? 0);
    if (!f) families.set(base, { first: r, lastSeq: seq, appointments: 1, registrations: r.regs });
    else {
      if (r.date < f.first.date) f.first = r;
      f.lastSeq = Math.max(f.lastSeq, seq);
      f.appointments++;
      f.registrations += r.regs;
    }
  }
  const atOf = retentionQ.eventTimes(db);
  const due: RetentionRecord[] = [];
  for (const [base, f] of families) {
    const years = getRulePack(f.first.program_code)?.retentionYears;
    if (!years) continue; // an unknown programme is never erased automatically
    const lastActivity = atOf(f.lastSeq);
    if (!lastActivity) continue;
    const last = turkeyParts(new Date(lastActivity)).date;
    const dueOn = `${String(Number(last.slice(0, 4)) + years).padStart(4, '0')}${last.slice(4)}`;
    if (dueOn > today) continue;
    due.push({
      randevuNo: base,
      appointments: f.appointments,
      registrations: f.registrations,
      programCode: f.first.program_code,
      provinceCode: f.first.province_code,
      date: f.first.date,
      lastActivity,
      retentionYears: years,
      dueOn,
    });
  }
  return due.sort((a, b) => a.lastActivity.localeCompare(b.lastActivity) || a.randevuNo.localeCompare(b.randevuNo));
}

function pastErasures(db: ReadableDB): ErasureRecord[] {
  const names = new Map(usersQ.listUsers(db).map((u) => [u.id, u.display_name]));
  const rows = retentionQ.eventsOfType(db, ERASURE_EVENT);
  return rows.map((r) => {
    const d = (JSON.parse(r.payload) as { data: { records: number; appointments: number; registrations: number; redacted: unknown[] } }).data;
    return {
      seq: r.seq,
      at: r.at,
      user: r.user_id ? (names.get(r.user_id) ?? `#${r.user_id}`) : '—',
      records: d.records,
      appointments: d.appointments,
      registrations: d.registrations,
      redactedEvents: d.redacted.length,
    };
  });
}

export function eraseDue(app: MasaApp, input: { records: string[] }): ErasureResult {
  const session = app.requireSession();
  const store = app.requireStore();
  const today = turkeyParts(app.now()).date;
  const dueSet = new Set(dueRecords(store.reader, today).map((r) => r.randevuNo));
  const wanted = [...new Set(input.records.map(baseNo))];
  for (const no of wanted) if (!dueSet.has(no)) throw new AppError('RETENTION_NOT_DUE', { randevuNo: no });

  const { event, result } = store.ledger.record({ type: ERASURE_EVENT, entity: 'kvkk', userId: session.userId }, (w) => {
    const families = wanted.map((no) => ({ base: no, ...retentionQ.familyRowsIn(w, no) }));
    const erasedKeys = new Map<string, (row: Row) => Row>();
    const refs: string[] = [];
    const values = new Set<string>();
    // The erasure's own rows, checked as a whole below (its changes may already be in parts).
    const erasedRows: Row[] = [];
    for (const f of families) {
      const pack = getRulePack(String(f.appointments[0]!.program_code))!;
      const factTypes = new Map(pack.facts.map((x) => [x.key, x.type as string]));
      for (const v of personalValues(f.appointments[0]!, f.registrations, factTypes)) values.add(v);
      for (const a of f.appointments) {
        for (const v of personalValues(a, [], factTypes)) values.add(v);
        erasedKeys.set(`appointments|${a.randevu_no}`, eraseAppointmentRow);
        refs.push(`appointments:${a.randevu_no}`);
        erasedRows.push(eraseAppointmentRow(a));
        w.put('appointments', { ...(erasedRows[erasedRows.length - 1]! as unknown as AppointmentStateRow), updated_seq: w.seq });
        draftsQ.deleteDraft(w, a.randevu_no as string);
      }
      for (const r of f.registrations) {
        erasedKeys.set(`registrations|${r.registration_no}`, eraseRegistrationRow);
        refs.push(`registrations:${r.registration_no}`);
        erasedRows.push(eraseRegistrationRow(r));
        w.put('registrations', { ...(erasedRows[erasedRows.length - 1]! as unknown as RegistrationStateRow), updated_seq: w.seq });
      }
    }
    const redacted = eventsTouching(w, refs).map((e) =>
      rewriteEvent(w, e, {
        changes(changes) {
          const mine: unknown[] = [];
          for (const c of changes) {
            const erase = erasedKeys.get(`${c.t}|${c.k.join('|')}`);
            if (!erase) continue;
            if (c.row) {
              c.row = erase(c.row);
              mine.push(c.row);
            } else if (c.set) {
              // A set (schema 90) carries only the columns a put changed: those of them that
              // are personal are erased, and none is added.
              c.set = eraseSet(c.set, erase);
              mine.push(c.set);
            }
          }
          assertGone(JSON.stringify(mine), values, e.seq);
          return mine.length > 0;
        },
        data(data) {
          // Free text typed about these rows (a reversal's or a leaving's reason).
          if (typeof data.reason === 'string') data.reason = ERASED;
          assertGone(JSON.stringify(data), values, e.seq);
        },
      }),
    );
    assertGone(JSON.stringify(erasedRows), values, w.seq);
    const counts = {
      records: families.length,
      appointments: families.reduce((n, f) => n + f.appointments.length, 0),
      registrations: families.reduce((n, f) => n + f.registrations.length, 0),
    };
    w.note({ ...counts, basis: DESK.services.erasureBasis.tr, randevuNos: families.flatMap((f) => f.appointments.map((a) => a.randevu_no)), redacted });
    return { ...counts, redactedEvents: redacted.length };
  });
  store.compactAfterErasure();
  return {
    seq: event.seq,
    at: event.at,
    user: usersQ.userById(store.reader, session.userId)?.display_name ?? '',
    ...result,
    fileBytes: fs.statSync(ledgerPaths(app.dataDir).db).size,
  };
}

function eraseSet(set: Row, erase: (row: Row) => Row): Row {
  const erased = erase(set);
  return Object.fromEntries(Object.keys(set).map((column) => [column, erased[column] ?? null]));
}

/** A bug in the field lists must never end as a half-erasure that claims to be whole. */
function assertGone(json: string, values: ReadonlySet<string>, seq: number): void {
  for (const v of values) if (json.includes(JSON.stringify(v).slice(1, -1))) throw new AppError('ERASURE_INCOMPLETE', { seq: String(seq) });
}

