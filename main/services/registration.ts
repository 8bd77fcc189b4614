import { randomUUID } from 'node:crypto';
import { appointments as appointmentsQ, drafts as draftsQ, registrations as registrationsQ, settings as settingsQ } from '../../database';
import type { ConfirmResult, Evaluation, WizardContext, WizardDraft } from '../../preload/contract/registrationTypes';
import { statusLabels, type AppointmentStatus } from '../../preload/contract/appointmentStatus';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { normalizeIban } from '../domain/iban';
import { trTitle } from '../domain/turkishText';
import { turkeyDayBoundsUtc, turkeyParts } from '../domain/turkeyTime';
import { appointmentRow } from './appointmentRows';
import { requireAppointment } from './desk';
import { evaluateApplication, prefillFacts, wizardFields } from './rulesAdapter';
import { decisionPackOf, packForDates } from './packStore';
import { DESK } from '../texts/desk';

type Facts = WizardDraft['facts'];
type Documents = WizardDraft['documents'];

/**
 * Opens the wizard for an appointment. Starting marks it "İşlemde" (a ledger event), which
 * also protects it from being changed by a later HQ re-import.
 */
export function startRegistration(app: MasaApp, randevuNo: string): WizardContext {
  const store = app.requireStore();
  const session = app.requireSession();
  const row = requireAppointment(store.reader, randevuNo);
  const existing = registrationsQ.activeForAppointment(store.reader, randevuNo);
  if (existing) throw new AppError('ALREADY_REGISTERED', { registrationNo: existing.registration_no });
  if (row.status !== 'GELDI' && row.status !== 'ISLEMDE') {
    throw new AppError('APPOINTMENT_WRONG_STATE', { status: statusLabels[row.status as AppointmentStatus]?.tr ?? row.status });
  }
  const pack = packForDates(app, row.program_code, datesFor(app, row.pre_registered_at));
  if (row.status === 'GELDI') {
    store.ledger.record({ type: 'appointment.started', entity: `appointment:${randevuNo}`, userId: session.userId }, (w) =>
      w.put('appointments', { ...row, status: 'ISLEMDE', updated_seq: w.seq }),
    );
  }
  const saved = draftsQ.getDraft(store.reader, randevuNo);
  const savedDraft = saved ? (JSON.parse(saved.data) as WizardDraft) : null;
  // After "Sonucu geri al" the desk decides again from what was entered (IBANs, names, answers),
  // not from HQ's few fields; the checklist is ticked again (no document counts as present by itself).
  const undone = savedDraft ? undefined : registrationsQ.lastReversedForAppointment(store.reader, randevuNo);
  const draft: WizardDraft | null = savedDraft ?? (undone ? { step: 0, facts: JSON.parse(undone.facts) as Facts, documents: {} } : null);
  const hq = prefillFacts(pack, row);
  // What HQ sent wins over what the desk remembers of the caregiver.
  const fresh = draft ?? { step: 0, facts: { ...caregiverOfToday(app, hq['caregiver.tckn']), ...hq }, documents: {} };
  return {
    randevuNo,
    motherName: trTitle(`${row.mother_first_name} ${row.mother_last_name}`),
    programCode: row.program_code,
    pack: { code: pack.code, name: pack.name },
    fields: wizardFields(pack),
    draft: fresh,
    submissionId: randomUUID(),
  };
}

/** Facts of a caregiver that belong to the mother's case, not to the caregiver: never carried over. */
const PER_MOTHER_CAREGIVER_FACTS = new Set(['caregiver.relation', 'caregiver.livesInSameHome']);

/**
 * One caregiver often serves several mothers of the day: what the desk recorded about her
 * earlier today (name, birth date, IBAN, certificate, wage…) is offered again for the clerk to
 * check instead of typing, when HQ's list names the same caregiver.
 */
function caregiverOfToday(app: MasaApp, caregiverTckn: unknown): Facts {
  if (typeof caregiverTckn !== 'string' || !caregiverTckn) return {};
  const bounds = turkeyDayBoundsUtc(turkeyParts(app.now()).date);
  const earlier = registrationsQ
    .registeredOnDay(app.requireStore().reader, bounds.start, bounds.end)
    .filter((r) => r.state === 'ACTIVE' && r.caregiver_tckn === caregiverTckn)
    .sort((a, b) => b.updated_seq - a.updated_seq)[0];
  if (!earlier) return {};
  const facts = JSON.parse(earlier.facts) as Facts;
  return Object.fromEntries(Object.entries(facts).filter(([k]) => k.startsWith('caregiver.') && !PER_MOTHER_CAREGIVER_FACTS.has(k)));
}

export function saveDraft(app: MasaApp, randevuNo: string, draft: WizardDraft): { savedAt: string } {
  const store = app.requireStore();
  const session = app.requireSession();
  requireAppointment(store.reader, randevuNo);
  // A late debounced save after confirm must not put a draft (with IBANs) back on a registered appointment.
  if (registrationsQ.activeForAppointment(store.reader, randevuNo)) throw new AppError('DRAFT_CLOSED');
  const at = app.now().toISOString();
  draftsQ.saveDraft(store, randevuNo, session.userId, JSON.stringify(draft), at);
  return { savedAt: at };
}

/**
 * A correction (the appointment's earlier registration was reversed) decides again with the
 * pack that applies now; when that is not the pack of the first decision, say which it was.
 */
function packDiffersFrom(app: MasaApp, randevuNo: string, decision: Evaluation['decision']): string | null {
  if (!decision) return null;
  const before = registrationsQ.lastReversedForAppointment(app.requireStore().reader, randevuNo);
  if (!before || before.pack_hash === decision.packHash) return null;
  const known = decisionPackOf(app, before.pack_hash);
  return known ? known.identity.label : `?#?:${before.pack_hash.slice(0, 8)}`;
}

function datesFor(app: MasaApp, preRegisteredAt: string) {
  return { preRegistration: preRegisteredAt, finalRegistration: turkeyParts(app.now()).date };
}

/** The rules engine's view of the facts so far: visible fields, field errors, checklist, decision. */
export function evaluate(app: MasaApp, randevuNo: string, facts: Facts, documents: Documents): Evaluation {
  const row = requireAppointment(app.requireStore().reader, randevuNo);
  const dates = datesFor(app, row.pre_registered_at);
  const ev = evaluateApplication(packForDates(app, row.program_code, dates), facts, documents, dates);
  if (ev.decision) ev.decision.packDiffersFrom = packDiffersFrom(app, randevuNo, ev.decision);
  return ev;
}

function nextRegistrationNo(app: MasaApp): string {
  const db = app.requireStore().reader;
  const s = settingsQ.allSettings(db);
  const year = turkeyParts(app.now()).date.slice(0, 4);
  // Digits, capitals and one dash: Code 128 and desk scanners on a Turkish keyboard read it back.
  const prefix = `${s['office.provinceCode']}${s['office.deskCode']}-${year}-`;
  return `${prefix}${String(registrationsQ.countForYear(db, prefix) + 1).padStart(6, '0')}`;
}

/**
 * Records the outcome: registration row, appointment status, a follow-up appointment for
 * missing documents, and the draft removed, all in one transaction with one event. The same
 * submission twice records once.
 */
export function confirmRegistration(
  app: MasaApp,
  input: { randevuNo: string; submissionId: string; facts: Facts; documents: Documents; newAppointment: { date: string; time: string } | null },
): ConfirmResult {
  const store = app.requireStore();
  const session = app.requireSession();
  const db = store.reader;
  const repeat = registrationsQ.bySubmission(db, input.submissionId);
  if (repeat) {
    return { registrationNo: repeat.registration_no, randevuNo: repeat.randevu_no, outcome: repeat.outcome, newAppointmentNo: repeat.new_appointment_no, repeated: true };
  }
  const row = requireAppointment(db, input.randevuNo);
  const existing = registrationsQ.activeForAppointment(db, input.randevuNo);
  if (existing) throw new AppError('ALREADY_REGISTERED', { registrationNo: existing.registration_no });
  if (row.status !== 'ISLEMDE' && row.status !== 'GELDI') {
    throw new AppError('APPOINTMENT_WRONG_STATE', { status: statusLabels[row.status as AppointmentStatus]?.tr ?? row.status });
  }
  const dates = datesFor(app, row.pre_registered_at);
  const pack = packForDates(app, row.program_code, dates);
  const ev = evaluateApplication(pack, input.facts, input.documents, dates);
  const visible = new Set(ev.visibleFields);
  const fieldErrs = Object.fromEntries(Object.entries(ev.fieldErrors).filter(([k]) => visible.has(k)));
  if (Object.keys(fieldErrs).length || !ev.decision) throw new AppError('FACTS_INVALID', {}, fieldErrs);
  const unanswered = ev.documents.filter((d) => input.documents[d.code] === undefined);
  if (unanswered.length) throw new AppError('CHECKLIST_INCOMPLETE', { count: unanswered.length });
  const decision = ev.decision;
  const differs = packDiffersFrom(app, row.randevu_no, decision);
  const today = turkeyParts(app.now()).date;
  if (decision.outcome === 'EKSIK_EVRAK') {
    const na = input.newAppointment;
    if (!na || na.date <= today) {
      throw new AppError('NEW_APPOINTMENT_REQUIRED', {}, {
        'newAppointment.date': DESK.services.dayAfterToday,
      });
    }
  }
  const registrationNo = nextRegistrationNo(app);
  const followUpNo = decision.outcome === 'EKSIK_EVRAK' ? followUpNumber(app, row.randevu_no) : null;
  // IBANs are kept as the bank reads them: no spaces, capitals ("TR12 0001 ..." -> "TR120001...").
  const ibanKeys = new Set(wizardFields(pack).filter((f) => f.type === 'iban').map((f) => f.key));
  const facts = Object.fromEntries(
    Object.entries(input.facts).map(([k, v]) => [k, ibanKeys.has(k) && typeof v === 'string' ? normalizeIban(v) : v]),
  );
  const str = (k: string) => (typeof facts[k] === 'string' ? (facts[k] as string) : null);
  store.ledger.record({ type: 'registration.recorded', entity: `appointment:${row.randevu_no}`, userId: session.userId }, (w) => {
    w.put('registrations', {
      registration_no: registrationNo,
      randevu_no: row.randevu_no,
      program_code: row.program_code,
      province_code: row.province_code,
      outcome: decision.outcome,
      support_type: decision.supportType?.label.tr ?? null,
      monthly_amount_cents: decision.monthlyAmountCents,
      mother_tckn: str('mother.tckn') ?? row.mother_tckn,
      child_tckn: str('child.tckn') ?? row.child_tckn,
      caregiver_tckn: str('caregiver.tckn') ?? row.caregiver_tckn,
      institution_name: str('institution.name') ?? row.institution_name,
      mother_iban: str('mother.iban'),
      caregiver_iban: str('caregiver.iban'),
      facts: JSON.stringify(facts),
      documents: JSON.stringify(input.documents),
      decision: JSON.stringify(decision),
      pack_hash: decision.packHash,
      new_appointment_no: followUpNo,
      pre_registered_at: row.pre_registered_at,
      registered_at: app.now().toISOString(),
      clerk_id: session.userId,
      submission_id: input.submissionId,
      state: 'ACTIVE',
      left_main_list_at: null,
      left_reason: null,
      updated_seq: w.seq,
    });
    w.put('appointments', { ...row, status: decision.outcome, updated_seq: w.seq });
    if (followUpNo && input.newAppointment) {
      w.put(
        'appointments',
        appointmentRow(
          {
            randevuNo: followUpNo,
            programCode: row.program_code,
            provinceCode: row.province_code,
            date: input.newAppointment.date,
            time: input.newAppointment.time,
            preRegisteredAt: row.pre_registered_at,
            motherTckn: row.mother_tckn,
            motherFirstName: row.mother_first_name,
            motherLastName: row.mother_last_name,
            motherBirthDate: row.mother_birth_date,
            childTckn: row.child_tckn,
            childBirthDate: row.child_birth_date,
            phone: row.phone,
            caregiverTckn: row.caregiver_tckn,
            institutionName: row.institution_name,
          },
          { status: 'BEKLIYOR', arrivedAt: null, hqCancelled: false, updatedSeq: w.seq },
        ),
      );
    }
    w.note({
      registrationNo,
      outcome: decision.outcome,
      rules: decision.failedRules.map((r) => r.code),
      missing: decision.missingDocuments.map((d) => d.code),
      packCode: decision.packCode,
      packHash: decision.packHash,
      newAppointmentNo: followUpNo,
    });
    draftsQ.deleteDraft(w, row.randevu_no);
  });
  return { registrationNo, randevuNo: row.randevu_no, outcome: decision.outcome, newAppointmentNo: followUpNo, repeated: false, packDiffersFrom: differs };
}

/** The follow-up of `06-2019-004711` is `06-2019-004711-E1`, then `-E2`, … (the original stays as it was). */
function followUpNumber(app: MasaApp, randevuNo: string): string {
  const base = randevuNo.replace(/-E\d+$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${base}-E${n}`;
    if (!appointmentsQ.appointmentByNo(app.requireStore().reader, candidate)) return candidate;
  }
}
