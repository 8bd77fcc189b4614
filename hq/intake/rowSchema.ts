import { z } from 'zod';
import type { ReconciliationDay } from '../../main/reconciliation';

/**
 * The rows as HQ stores them: what the database columns need, checked before any COPY so that
 * a bad cell is named by sheet and row (and the file refused whole) instead of failing the
 * transaction with a database message that would quote the cell.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
const tckn = z.string().regex(/^[1-9]\d{10}$/);
const text = z.string().min(1).max(500);

const appointment = z.object({
  randevuNo: text,
  programCode: text,
  provinceCode: z.string().regex(/^\d{1,2}$/),
  date: day,
  time: hhmm,
  motherTckn: tckn,
  motherFullName: z.string().max(500),
  arrivedAt: hhmm.nullable(),
  outcome: z.enum(['KESİN KAYIT', 'RET', 'EKSİK EVRAK', 'GELMEDİ', 'İPTAL']).nullable(),
  clerk: z.string().max(500).nullable(),
});
const registration = z.object({
  registrationNo: text,
  randevuNo: text,
  programCode: text,
  provinceCode: z.string().regex(/^\d{1,2}$/),
  preRegisteredAt: dateTime,
  registeredAt: dateTime,
  motherTckn: tckn,
  childTckn: tckn.or(z.literal('')).nullable(),
  childBirthDate: day.or(z.literal('')),
  caregiverTckn: tckn.or(z.literal('')).nullable(),
  monthlyAmountCents: z.number().int().min(0).max(100_000_000),
});
const rejection = z.object({
  randevuNo: text,
  programCode: text,
  motherTckn: tckn,
  outcome: z.enum(['RET', 'EKSİK EVRAK']),
  reasonCodes: z.array(z.string().max(100)),
  newAppointment: dateTime.nullable(),
});

const SHEETS = [
  ['Randevular', 'appointments', appointment],
  ['Kesin Kayıtlar', 'registrations', registration],
  ['Retler', 'rejections', rejection],
] as const;

/** The first bad row: sheet, row number as the spreadsheet shows it (header is row 1), the field. */
export function firstInvalidRow(d: Pick<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'>): { sheet: string; row: number; field: string } | null {
  for (const [sheet, key, schema] of SHEETS) {
    const rows = d[key] as unknown[];
    for (let i = 0; i < rows.length; i++) {
      const r = (schema as z.ZodType).safeParse(rows[i]);
      if (!r.success) return { sheet, row: i + 2, field: String(r.error.issues[0]?.path[0] ?? '') };
    }
  }
  return null;
}
