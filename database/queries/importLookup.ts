import { cachedStatement } from '../ledger/statementCache';
import type { ReadableDB } from './handle';

/**
 * The import's look-up of the ledger's appointments among a batch of the list's Randevu numbers
 * (main/services/importService.ts), in one statement whose columns are named as the list's fields:
 * the row is the fields object, nothing copied.
 */
const FIELD_COLUMNS = [
  'randevu_no AS randevuNo', 'program_code AS programCode', 'province_code AS provinceCode', 'date', 'time',
  'pre_registered_at AS preRegisteredAt', 'mother_tckn AS motherTckn', 'mother_first_name AS motherFirstName',
  'mother_last_name AS motherLastName', 'mother_birth_date AS motherBirthDate', 'child_tckn AS childTckn',
  'child_birth_date AS childBirthDate', 'phone', 'caregiver_tckn AS caregiverTckn', 'institution_name AS institutionName',
].join(', ');

const amongSql = new Map<number, string>();

/** `padded` is always `batch` numbers long (NULL matches nothing), so one statement serves every batch. */
export function appointmentFieldsAmong(db: ReadableDB, padded: readonly (string | null)[], batch: number): unknown[] {
  let sql = amongSql.get(batch);
  if (!sql) amongSql.set(batch, (sql = `SELECT status, ${FIELD_COLUMNS} FROM appointments WHERE randevu_no IN (${Array(batch).fill('?').join(', ')})`));
  return cachedStatement(db, sql).all(...padded);
}
