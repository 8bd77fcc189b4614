import type { ReconciliationDay } from '../../../main/reconciliation';
import type { HqSql } from '../engine';

/** A CSV field for COPY: NULL unquoted and empty, every value quoted (so "" stays an empty text). */
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

/** A text[] literal (each element quoted, backslash and quote escaped), as a CSV field. */
function arrayField(items: string[]): string {
  return field(`{${items.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
}

const line = (fields: string[]) => `${fields.join(',')}\n`;
const orNull = (s: string | null | undefined) => (s ? s : null);

export const APPOINTMENT_COLUMNS = ['file_id', 'randevu_no', 'program_code', 'province_code', 'appointment_date', 'appointment_time', 'mother_tckn', 'mother_full_name', 'arrived_at', 'outcome', 'clerk'] as const;
export const REGISTRATION_COLUMNS = [
  'file_id', 'registration_no', 'randevu_no', 'program_code', 'province_code', 'pre_registered_at', 'registered_at', 'mother_tckn', 'mother_full_name',
  'child_tckn', 'child_birth_date', 'caregiver_tckn', 'institution_name', 'support_type', 'monthly_amount_cents', 'mother_iban', 'caregiver_iban', 'clerk',
] as const;
export const REJECTION_COLUMNS = ['file_id', 'randevu_no', 'program_code', 'mother_tckn', 'mother_full_name', 'outcome', 'reason_codes', 'reason_text', 'missing_documents', 'new_appointment', 'clerk'] as const;

/** The three sheets of one day file as CSV for COPY (the same text for both engines). */
export function rowsAsCsv(fileId: number, day: Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>) {
  let appointments = '';
  for (const a of day.appointments) {
    appointments += line([field(fileId), field(a.randevuNo), field(a.programCode), field(a.provinceCode), field(a.date), field(a.time), field(a.motherTckn), field(a.motherFullName), field(a.arrivedAt), field(a.outcome), field(a.clerk)]);
  }
  let registrations = '';
  for (const r of day.registrations) {
    registrations += line([
      field(fileId), field(r.registrationNo), field(r.randevuNo), field(r.programCode), field(r.provinceCode), field(r.preRegisteredAt), field(r.registeredAt),
      field(r.motherTckn), field(r.motherFullName), field(orNull(r.childTckn)), field(orNull(r.childBirthDate)), field(orNull(r.caregiverTckn)),
      field(orNull(r.institutionName)), field(r.supportType), field(r.monthlyAmountCents), field(orNull(r.motherIban)), field(orNull(r.caregiverIban)), field(r.clerk),
    ]);
  }
  let rejections = '';
  for (const r of day.rejections) {
    rejections += line([field(fileId), field(r.randevuNo), field(r.programCode), field(r.motherTckn), field(r.motherFullName), field(r.outcome), arrayField(r.reasonCodes), field(r.reasonText), arrayField(r.missingDocuments), field(r.newAppointment), field(r.clerk)]);
  }
  return { appointments, registrations, rejections };
}

/** COPY of one file's rows, inside the caller's transaction. */
export async function copyRows(tx: HqSql, fileId: number, day: Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>): Promise<void> {
  const csv = rowsAsCsv(fileId, day);
  if (csv.appointments) await tx.copyCsv('appointments', APPOINTMENT_COLUMNS, csv.appointments);
  if (csv.registrations) await tx.copyCsv('registrations', REGISTRATION_COLUMNS, csv.registrations);
  if (csv.rejections) await tx.copyCsv('rejections', REJECTION_COLUMNS, csv.rejections);
}

/** Row counts of a file as stored (tests and the report's check read them back). */
export async function storedRowCounts(db: HqSql, fileId: number) {
  const r = await db.query<{ a: number; r: number; j: number }>(
    `SELECT (SELECT count(*)::int FROM appointments WHERE file_id = $1) AS a, (SELECT count(*)::int FROM registrations WHERE file_id = $1) AS r,
            (SELECT count(*)::int FROM rejections WHERE file_id = $1) AS j`,
    [fileId],
  );
  return { appointments: r[0]!.a, registrations: r[0]!.r, rejections: r[0]!.j };
}
