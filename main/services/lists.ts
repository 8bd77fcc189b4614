import { registrations as registrationsQ } from '../../database';
import { AppError } from '../app/appError';
import type { MasaApp } from '../app/masaApp';
import { ERASED } from './personalFields';
import { turkeyParts } from '../domain/turkeyTime';
import { placementFor } from './printService';
import { packFor } from './rulesAdapter';

/**
 * A mother leaves the main list (job lost beyond the grace month, caregiver gone, three
 * strikes, ...): recorded as an event with its reason and date; from that date the first
 * reserve moves up. The list on any past date is recomputed from the same rows.
 */
export function leaveMainList(app: MasaApp, input: { registrationNo: string; reason: string; date?: string }): { registrationNo: string; leftAt: string } {
  const store = app.requireStore();
  const session = app.requireSession();
  const reg = registrationsQ.byNo(store.db, input.registrationNo);
  if (!reg || reg.state !== 'ACTIVE' || reg.outcome !== 'KESIN_KAYIT') throw new AppError('REGISTRATION_NOT_FOUND');
  if (reg.mother_tckn === ERASED) throw new AppError('RECORD_ERASED');
  const leftAt = input.date ?? turkeyParts(app.now()).date;
  store.ledger.record({ type: 'registration.left_main_list', entity: `appointment:${reg.randevu_no}`, userId: session.userId }, (w) => {
    w.put('registrations', { ...reg, left_main_list_at: leftAt, left_reason: input.reason, updated_seq: w.seq });
    w.note({ registrationNo: reg.registration_no, reason: input.reason, at: leftAt });
  });
  return { registrationNo: reg.registration_no, leftAt };
}

/** One mother's place: "Asil 1.204 / 1.750" or "Yedek 37", on a day (default today). */
export function placement(app: MasaApp, input: { registrationNo: string; date?: string }): { registrationNo: string; placement: string } {
  const db = app.requireStore().db;
  const reg = registrationsQ.byNo(db, input.registrationNo);
  if (!reg) throw new AppError('REGISTRATION_NOT_FOUND');
  return { registrationNo: reg.registration_no, placement: placementFor(db, reg.program_code, reg.province_code, reg.registration_no, input.date ?? turkeyParts(app.now()).date, packFor(app, reg.program_code)) };
}
