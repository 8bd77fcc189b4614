import type { AppointmentStateRow } from '../../database';
import { foldForSearch } from '../domain/turkishText';
import type { AppointmentFieldValues } from '../import/types';

/** The fields HQ's list gives for one appointment, as the import normalises them. */
export type AppointmentFields = AppointmentFieldValues;

/** A full appointments row (every column, as the ledger's state writer requires). */
export function appointmentRow(
  f: AppointmentFields,
  state: { status: string; arrivedAt: string | null; hqCancelled: boolean; updatedSeq: number },
): AppointmentStateRow {
  return {
    randevu_no: f.randevuNo,
    program_code: f.programCode,
    province_code: f.provinceCode,
    date: f.date,
    time: f.time,
    pre_registered_at: f.preRegisteredAt,
    mother_tckn: f.motherTckn,
    mother_first_name: f.motherFirstName,
    mother_last_name: f.motherLastName,
    mother_birth_date: f.motherBirthDate,
    child_tckn: f.childTckn,
    child_birth_date: f.childBirthDate,
    phone: f.phone,
    caregiver_tckn: f.caregiverTckn,
    institution_name: f.institutionName,
    status: state.status,
    arrived_at: state.arrivedAt,
    hq_cancelled: state.hqCancelled ? 1 : 0,
    search_name: foldForSearch(`${f.motherFirstName} ${f.motherLastName}`),
    updated_seq: state.updatedSeq,
  };
}
