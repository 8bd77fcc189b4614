import type { ReconciliationDay } from '../../../main/reconciliation';
import type { HqSql } from '../engine';

/** A CSV field for COPY: NULL unquoted and empty, every value quoted (so "" stays an empty text). */
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`;
}

/** A text[] literal (each element quoted, backslash and quote escaped), as a CSV field. */
function arrayField(items: string[]): string {
  return field(`{${items.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
}

const orNull = (s: string | null | undefined) => (s ? s : null);

export const APPOINTMENT_COLUMNS = ['file_id', 'randevu_no', 'program_code', 'province_code', 'appointment_date', 'appointment_time', 'mother_tckn', 'mother_full_name', 'arrived_at', 'outcome', 'clerk'] as const;
export const REGISTRATION_COLUMNS = [
  'file_id', 'registration_no', 'randevu_no', 'program_code', 'province_code', 'pre_registered_at', 'registered_at', 'mother_tckn', 'mother_full_name',
  'child_tckn', 'child_birth_date', 'caregiver_tckn', 'institution_name', 'support_type', 'monthly_amount_cents', 'mother_iban', 'caregiver_iban', 'clerk',
] as const;
export const REJECTION_COLUMNS = ['file_id', 'randevu_no', 'program_code', 'mother_tckn', 'mother_full_name', 'outcome', 'reason_codes', 'reason_text', 'missing_documents', 'new_appointment', 'clerk'] as const;

/** A day file's rows as CSV lines for COPY, each without its leading file_id field (known only once the file's row is inserted). */
export interface CsvLines {
  appointments: string[];
  registrations: string[];
  rejections: string[];
}

type Rows = Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>;
/** `,field,field…\n`: the file id goes in front. */
const tail = (fields: string[]) => `,${fields.join(',')}\n`;

/** The three sheets as CSV lines (the same text for both engines); built where the file is parsed. */
export function rowsAsCsvLines(day: Rows): CsvLines {
  const appointments = day.appointments.map((a) =>
    tail([field(a.randevuNo), field(a.programCode), field(a.provinceCode), field(a.date), field(a.time), field(a.motherTckn), field(a.motherFullName), field(a.arrivedAt), field(a.outcome), field(a.clerk)]),
  );
  const registrations = day.registrations.map((r) =>
    tail([
      field(r.registrationNo), field(r.randevuNo), field(r.programCode), field(r.provinceCode), field(r.preRegisteredAt), field(r.registeredAt),
      field(r.motherTckn), field(r.motherFullName), field(orNull(r.childTckn)), field(orNull(r.childBirthDate)), field(orNull(r.caregiverTckn)),
      field(orNull(r.institutionName)), field(r.supportType), field(r.monthlyAmountCents), field(orNull(r.motherIban)), field(orNull(r.caregiverIban)), field(r.clerk),
    ]),
  );
  const rejections = day.rejections.map((r) =>
    tail([field(r.randevuNo), field(r.programCode), field(r.motherTckn), field(r.motherFullName), field(r.outcome), arrayField(r.reasonCodes), field(r.reasonText), arrayField(r.missingDocuments), field(r.newAppointment), field(r.clerk)]),
  );
  return { appointments, registrations, rejections };
}

/** The CSV of several files' lines, each line led by its file's id. */
function withIds(parts: { fileId: number; lines: string[] }[]): string {
  let out = '';
  for (const p of parts) {
    const id = String(p.fileId);
    for (const l of p.lines) out += id + l;
  }
  return out;
}

/** The three sheets of one day file as CSV for COPY (the bench's bare baseline writes the same text). */
export function rowsAsCsv(fileId: number, day: Rows) {
  const lines = rowsAsCsvLines(day);
  return {
    appointments: withIds([{ fileId, lines: lines.appointments }]),
    registrations: withIds([{ fileId, lines: lines.registrations }]),
    rejections: withIds([{ fileId, lines: lines.rejections }]),
  };
}

/** COPY of the rows of one or more files (one COPY per table), inside the caller's transaction. */
export async function copyFileRows(tx: HqSql, files: { fileId: number; csv: CsvLines }[]): Promise<void> {
  const tables = [
    ['appointments', APPOINTMENT_COLUMNS, 'appointments'],
    ['registrations', REGISTRATION_COLUMNS, 'registrations'],
    ['rejections', REJECTION_COLUMNS, 'rejections'],
  ] as const;
  for (const [table, columns, key] of tables) {
    const csv = withIds(files.map((f) => ({ fileId: f.fileId, lines: f.csv[key] })));
    if (csv) await tx.copyCsv(table, columns, csv);
  }
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
