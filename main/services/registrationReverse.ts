import { appointments as appointmentsQ, registrations as registrationsQ } from '../../database';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { ERASED } from './personalFields';

/**
 * Only the office head reverses an outcome. The registration is kept (state REVERSED) with a new
 * event carrying the reason; the appointment goes back to "Geldi" so the desk can decide again.
 */
export function reverseRegistration(app: MasaApp, input: { registrationNo: string; reason: string }): { registrationNo: string; randevuNo: string } {
  const store = app.requireStore();
  const session = app.requireSession();
  const reg = registrationsQ.byNo(store.db, input.registrationNo);
  if (!reg || reg.state !== 'ACTIVE') throw new AppError('REGISTRATION_NOT_FOUND');
  if (reg.mother_tckn === ERASED) throw new AppError('RECORD_ERASED');
  const appt = appointmentsQ.appointmentByNo(store.db, reg.randevu_no)!;
  store.ledger.record({ type: 'registration.reversed', entity: `appointment:${reg.randevu_no}`, userId: session.userId }, (w) => {
    w.put('registrations', { ...reg, state: 'REVERSED', updated_seq: w.seq });
    w.put('appointments', { ...appt, status: 'GELDI', updated_seq: w.seq });
    w.note({ registrationNo: reg.registration_no, reason: input.reason, previousOutcome: reg.outcome });
  });
  return { registrationNo: reg.registration_no, randevuNo: reg.randevu_no };
}
