import { ERASED, isErasedAppointment } from './personalFields';
import { appointments as appointmentsQ, ledgerInfo, registrations as registrationsQ, search, users as usersQ, type ReadableDB } from '../../database';
import { statusLabels, type AppointmentStatus } from '../../preload/contract/appointmentStatus';
import type { AppointmentDetail, AppointmentSummary, DayView, FindKind, HistoryEntry } from '../../preload/contract/deskTypes';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { foldForSearch, trTitle } from '../domain/turkishText';
import { turkeyParts } from '../domain/turkeyTime';
import { recordAccess } from './accessLog';
import { packFor } from './rulesAdapter';
import { DESK } from '../texts/desk';

type AppointmentRow = appointmentsQ.AppointmentRow;

function summary(r: AppointmentRow): AppointmentSummary {
  return {
    randevuNo: r.randevu_no,
    programCode: r.program_code,
    date: r.date,
    time: r.time,
    motherName: isErasedAppointment(r) ? ERASED : trTitle(`${r.mother_first_name} ${r.mother_last_name}`),
    motherTckn: r.mother_tckn,
    status: r.status as AppointmentStatus,
    arrivedAt: r.arrived_at,
  };
}

/** The day of this desk: slots in time order, counts per status, the current slot. */
export function dayView(app: MasaApp, date: string): DayView {
  const rows = appointmentsQ.appointmentsOfDay(app.requireStore().reader, date);
  const counts = Object.fromEntries(Object.keys(statusLabels).map((s) => [s, 0])) as Record<AppointmentStatus, number>;
  for (const r of rows) counts[r.status as AppointmentStatus]++;
  const now = turkeyParts(app.now());
  let currentSlot: string | null = null;
  if (now.date === date) {
    // The slot in progress is the latest start time not after now.
    for (const r of rows) if (r.time <= now.time) currentSlot = r.time;
  }
  return { date, appointments: rows.map(summary), counts, currentSlot, total: rows.length };
}

/**
 * One box for everything a clerk types or scans: a Randevu No (a scan ends in Enter), a T.C.
 * Kimlik No, or a name in any case with or without Turkish letters.
 */
/** Province (2 digits) + desk code, the year, a six-digit sequence (see registration.ts). */
const REGISTRATION_NO = /^[0-9]{2}[A-Z0-9]{1,8}-[0-9]{4}-[0-9]{6}$/;

export function findAppointments(app: MasaApp, query: string): { query: string; kind: FindKind; results: AppointmentSummary[] } {
  const db = app.requireStore().reader;
  // A scanner set to a US layout on a Turkish Q keyboard types '*' for '-' and 'ı' for 'i'.
  const q = query.trim().replace(/\*/g, '-');
  if (q.length === 0) return { query, kind: 'none', results: [] };
  if (/^[0-9]{1,11}$/.test(q)) {
    const byTckn = search.byTcknPrefix(db, q);
    const byNo = q.length < 11 ? search.byRandevuNo(db, q) : [];
    return { query, kind: 'tckn', results: dedupe([...byTckn, ...byNo]).map(summary) };
  }
  if (/^[0-9A-Za-zıİ][0-9A-Za-zıİ/-]*[-/][0-9A-Za-zıİ/-]*$/.test(q)) {
    const upper = q.toLocaleUpperCase('tr-TR').replace(/İ/g, 'I');
    // The Kesin Kayıt Formu's barcode is the registration number ("35M01-2025-000001"): exact, by primary key.
    if (REGISTRATION_NO.test(upper)) {
      const byReg = search.byRegistrationNo(db, upper);
      if (byReg.length) return { query, kind: 'registration', results: byReg.map(summary) };
    }
    return { query, kind: 'randevu', results: search.byRandevuNo(db, upper).map(summary) };
  }
  const folded = foldForSearch(q);
  if (folded.length < 2) return { query, kind: 'none', results: [] };
  return { query, kind: 'name', results: search.byFoldedName(db, folded).map(summary) };
}

function dedupe(rows: AppointmentRow[]): AppointmentRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.randevu_no) && seen.add(r.randevu_no));
}

export function requireAppointment(db: ReadableDB, randevuNo: string): AppointmentRow {
  const row = appointmentsQ.appointmentByNo(db, randevuNo);
  if (!row) throw new AppError('APPOINTMENT_NOT_FOUND', { randevuNo });
  return row;
}

/** "Geldi": records the arrival time. Only a waiting appointment can arrive. */
export function checkIn(app: MasaApp, randevuNo: string): AppointmentSummary {
  const store = app.requireStore();
  const session = app.requireSession();
  const row = requireAppointment(store.reader, randevuNo);
  if (row.status !== 'BEKLIYOR') throw new AppError('APPOINTMENT_WRONG_STATE', { status: statusLabels[row.status as AppointmentStatus]?.tr ?? row.status });
  const { date: today, time } = turkeyParts(app.now());
  // An applicant arrives on the day of the appointment (Turkey time), not before, not after.
  if (row.date !== today) throw new AppError('APPOINTMENT_NOT_TODAY', { date: trDay(row.date) });
  store.ledger.record({ type: 'appointment.checked_in', entity: `appointment:${randevuNo}`, userId: session.userId }, (w) => {
    w.put('appointments', { ...row, status: 'GELDI', arrived_at: time, updated_seq: w.seq });
    w.note({ arrivedAt: time });
  });
  return summary(requireAppointment(store.reader, randevuNo));
}

/** Day close (office head): every appointment still waiting becomes "Gelmedi", one event each. */
export function closeDay(app: MasaApp, date: string): { date: string; noShows: number } {
  const store = app.requireStore();
  const session = app.requireSession();
  // A day is closed when it is over or ending (today), once: the rules live here, not in the screen.
  if (date > turkeyParts(app.now()).date) throw new AppError('DAY_IN_FUTURE', { date: trDay(date) });
  if (ledgerInfo.dayClosed(store.reader, date)) throw new AppError('DAY_ALREADY_CLOSED', { date: trDay(date) });
  const waiting = appointmentsQ.appointmentsOfDay(store.reader, date).filter((r) => r.status === 'BEKLIYOR');
  store.recordTogether(() => {
    // Checked again inside the write transaction: two heads closing at once close it once.
    if (ledgerInfo.dayClosed(store.reader, date)) throw new AppError('DAY_ALREADY_CLOSED', { date: trDay(date) });
    for (const row of waiting) {
      store.ledger.record({ type: 'appointment.no_show', entity: `appointment:${row.randevu_no}`, userId: session.userId }, (w) => {
        w.put('appointments', { ...row, status: 'GELMEDI', updated_seq: w.seq });
        w.note({ closedDay: date });
      });
    }
    store.ledger.record({ type: 'day.closed', entity: `day:${date}`, userId: session.userId }, (w) => w.note({ date, noShows: waiting.length }));
  });
  return { date, noShows: waiting.length };
}

/**
 * "Gelmedi" for one appointment during the day (clerk or head): the mother is known not to
 * come, so the desk need not wait for the day close. Only a waiting appointment of today or of
 * an earlier day not yet closed; one event, the same type the day close writes.
 */
export function markNoShow(app: MasaApp, randevuNo: string): AppointmentSummary {
  const store = app.requireStore();
  const session = app.requireSession();
  const row = requireAppointment(store.reader, randevuNo);
  if (row.status !== 'BEKLIYOR') throw new AppError('APPOINTMENT_WRONG_STATE', { status: statusLabels[row.status as AppointmentStatus]?.tr ?? row.status });
  if (row.date > turkeyParts(app.now()).date) throw new AppError('NO_SHOW_FUTURE', { date: trDay(row.date) });
  store.ledger.record({ type: 'appointment.no_show', entity: `appointment:${randevuNo}`, userId: session.userId }, (w) => {
    w.put('appointments', { ...row, status: 'GELMEDI', updated_seq: w.seq });
    w.note({ markedBy: 'desk' });
  });
  return summary(requireAppointment(store.reader, randevuNo));
}

/**
 * Office head: an appointment wrongly made "Gelmedi" (the day closed too early, or the wrong
 * row marked) waits again. A new event with the head's reason; the no-show event stays in the
 * ledger and in the history.
 */
export function reopenAppointment(app: MasaApp, input: { randevuNo: string; reason: string }): AppointmentSummary {
  const store = app.requireStore();
  const session = app.requireSession();
  const row = requireAppointment(store.reader, input.randevuNo);
  if (row.status !== 'GELMEDI') throw new AppError('REOPEN_NOT_NO_SHOW', { status: statusLabels[row.status as AppointmentStatus]?.tr ?? row.status });
  store.ledger.record({ type: 'appointment.reopened', entity: `appointment:${input.randevuNo}`, userId: session.userId }, (w) => {
    w.put('appointments', { ...row, status: 'BEKLIYOR', updated_seq: w.seq });
    w.note({ reason: input.reason.trim(), previousStatus: 'GELMEDI' });
  });
  return summary(requireAppointment(store.reader, input.randevuNo));
}

/** `2026-11-24` as users read it: `24.11.2026`. */
function trDay(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

const EVENT_TEXT: Record<string, { tr: string; en: string }> = DESK.services.eventText;

/** The appointment with its registration (if any) and every ledger event about it. */
export function appointmentDetail(app: MasaApp, randevuNo: string): AppointmentDetail {
  const store = app.requireStore();
  const db = store.reader;
  const row = requireAppointment(db, randevuNo);
  const reg = registrationsQ.activeForAppointment(db, randevuNo) ?? null;
  const names = new Map(usersQ.listUsers(db).map((u) => [u.id, u.display_name]));
  const events = ledgerInfo.eventsForEntity(db, `appointment:${randevuNo}`, `appointments:${randevuNo}`);
  // Looking at a mother's record is itself logged (KVKK access log), after reading the history.
  recordAccess(app, 'viewed', `appointment:${randevuNo}`);
  const history: HistoryEntry[] = events.map((e) => {
    return {
      seq: e.seq,
      at: e.at,
      type: e.type,
      text: EVENT_TEXT[e.type] ?? { tr: e.type, en: e.type },
      user: e.user_id ? (names.get(e.user_id) ?? `#${e.user_id}`) : null,
      reason: e.reason,
      outcome: e.outcome,
    };
  });
  return {
    appointment: {
      ...summary(row),
      provinceCode: row.province_code,
      preRegisteredAt: row.pre_registered_at,
      motherBirthDate: row.mother_birth_date,
      childTckn: row.child_tckn,
      childBirthDate: row.child_birth_date,
      phone: row.phone,
      caregiverTckn: row.caregiver_tckn,
      institutionName: row.institution_name,
      hqCancelled: row.hq_cancelled === 1,
      erased: isErasedAppointment(row),
    },
    registration: reg
      ? {
          registrationNo: reg.registration_no,
          outcome: reg.outcome,
          // Only a final registration grants support (a row written before that rule may hold one).
          supportType: reg.outcome === 'KESIN_KAYIT' ? supportLabel(reg.support_type, reg.decision) : null,
          monthlyAmountCents: reg.outcome === 'KESIN_KAYIT' ? reg.monthly_amount_cents : null,
          currency: packFor(app, reg.program_code).currency,
          registeredAt: reg.registered_at,
          clerk: names.get(reg.clerk_id) ?? '',
          decision: JSON.parse(reg.decision),
          newAppointmentNo: reg.new_appointment_no,
        }
      : null,
    history,
  };
}

/**
 * The support type in both languages: the decision recorded with the registration carries the
 * pack's bilingual label; the row keeps only the Turkish one (HQ's files use it), which is
 * shown in both languages for a decision without a label.
 */
function supportLabel(turkish: string | null, decisionJson: string): { tr: string; en: string } | null {
  const label = (JSON.parse(decisionJson) as { supportType?: { label?: { tr?: unknown; en?: unknown } } | null }).supportType?.label;
  if (label && typeof label.tr === 'string' && typeof label.en === 'string' && label.tr === turkish) return { tr: label.tr, en: label.en };
  return turkish === null ? null : { tr: turkish, en: turkish };
}
