import { appointments as appointmentsQ, registrations as registrationsQ } from '../../database';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { ERASED } from './personalFields';

/**
 * Only the office head reverses an outcome. The registration is kept (state REVERSED) with a new
 * event carrying the reason; the appointment goes back to "Geldi" so the desk can decide again.
 */
export function reverseRegistration(
  app: MasaApp,
  input: { registrationNo: string; reason: string },
): { registrationNo: string; randevuNo: string; followUpCancelled: string | null } {
  const store = app.requireStore();
  const session = app.requireSession();
  const reg = registrationsQ.byNo(store.reader, input.registrationNo);
  if (!reg || reg.state !== 'ACTIVE') throw new AppError('REGISTRATION_NOT_FOUND');
  if (reg.mother_tckn === ERASED) throw new AppError('RECORD_ERASED');
  const appt = appointmentsQ.appointmentByNo(store.reader, reg.randevu_no)!;
  // An EKSİK EVRAK outcome made a follow-up appointment (`-E1`): once the outcome is reversed it
  // has no reason to stay, so it is cancelled with its own event, unless the desk already started it.
  const followUp = reg.new_appointment_no ? appointmentsQ.appointmentByNo(store.reader, reg.new_appointment_no) : undefined;
  const cancelFollowUp = followUp && followUp.status === 'BEKLIYOR' ? followUp : undefined;
  store.recordTogether(() => {
      store.ledger.record({ type: 'registration.reversed', entity: `appointment:${reg.randevu_no}`, userId: session.userId }, (w) => {
        w.put('registrations', { ...reg, state: 'REVERSED', updated_seq: w.seq });
        w.put('appointments', { ...appt, status: 'GELDI', updated_seq: w.seq });
        w.note({ registrationNo: reg.registration_no, reason: input.reason, previousOutcome: reg.outcome, followUpCancelled: cancelFollowUp?.randevu_no ?? null });
      });
      if (cancelFollowUp) {
        store.ledger.record({ type: 'appointment.cancelled', entity: `appointment:${cancelFollowUp.randevu_no}`, userId: session.userId }, (w) => {
          w.put('appointments', { ...cancelFollowUp, status: 'IPTAL', updated_seq: w.seq });
          w.note({ reason: input.reason, reversedRegistrationNo: reg.registration_no });
        });
      }
    });
  return { registrationNo: reg.registration_no, randevuNo: reg.randevu_no, followUpCancelled: cancelFollowUp?.randevu_no ?? null };
}

/**
 * A correction is a new event with a reason, never an overwrite: the clerk or the head adds a
 * note to a recorded outcome; it shows in the appointment's history, the registration is unchanged.
 */
export function noteRegistration(app: MasaApp, input: { randevuNo: string; reason: string }): { randevuNo: string; registrationNo: string; seq: number } {
  const store = app.requireStore();
  const session = app.requireSession();
  const appt = appointmentsQ.appointmentByNo(store.reader, input.randevuNo);
  if (!appt) throw new AppError('APPOINTMENT_NOT_FOUND', { randevuNo: input.randevuNo });
  if (appt.mother_tckn === ERASED) throw new AppError('RECORD_ERASED');
  const reg = registrationsQ.activeForAppointment(store.reader, input.randevuNo);
  if (!reg) throw new AppError('NOTE_NOT_ALLOWED');
  const ev = store.ledger.record({ type: 'registration.noted', entity: `appointment:${appt.randevu_no}`, userId: session.userId }, (w) => {
    // The registration's content is unchanged; the put (only updated_seq moves) ties the event to
    // the row in event_refs, so a KVKK erasure of this record also finds and erases the note's text.
    w.put('registrations', { ...reg, updated_seq: w.seq });
    w.note({ registrationNo: reg.registration_no, reason: input.reason });
  });
  return { randevuNo: appt.randevu_no, registrationNo: reg.registration_no, seq: ev.event.seq };
}
