import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countsOf, verifySignedReconciliation, type ReconciliationDay, type TrustedKey } from '../../main/reconciliation';
import { rowsAsCsvLines, type CsvLines } from '../database/queries/rows';
import type { Candidate } from './findFiles';
import { HQ_TEXT, keyOfOtherProvinceText, rowInvalidText, type Bilingual, type HqRefusalCode } from '../texts/intake';
import { DESK } from '../../main/texts/desk';
import { firstInvalidRow } from './rowSchema';

/**
 * One candidate read and checked without the database: what `load` needs to decide and COPY,
 * as plain data (it crosses from a worker thread, see preparePool.ts). Everything slow happens
 * here: the xlsx parse (exceljs, ~80% of a file's time), the signature, the row checks, the CSV.
 */

type Day = ReconciliationDay & { summary: Record<string, string> };
/** The day without its rows: what the day_files row holds. */
export type DayHeader = Omit<Day, 'appointments' | 'registrations' | 'rejections'>;

export interface Refusal {
  code: HqRefusalCode;
  message: Bilingual;
}

export type PreparedFile =
  /** `file` is the name shown; sha256 is null when the bytes could not be read. */
  | { ok: false; file: string; sha256: string | null; refusal: Refusal }
  | {
      ok: true;
      file: string;
      sha256: string;
      contentSha256: string;
      header: DayHeader;
      publicKeySpki: string;
      counts: ReturnType<typeof countsOf>;
      rows: number;
      csv: CsvLines;
    };

/** What a check needs to know about the registered keys (sent to each worker once). */
export interface KeyContext {
  trusted: TrustedKey[];
  /** SPKI → the province its desk is registered to. */
  keyProvince: Record<string, string>;
}

const FIELD_HEADERS: Record<string, string> = {
  randevuNo: 'Randevu No', programCode: 'Program Kodu', provinceCode: 'İl Kodu', date: 'Randevu Tarihi', time: 'Randevu Saati', motherTckn: 'Anne TC Kimlik No',
  motherFullName: 'Anne Adı Soyadı', arrivedAt: 'Geliş Saati', outcome: 'Sonuç', clerk: 'Görevli', registrationNo: 'Kayıt No', preRegisteredAt: 'Ön Kayıt Zamanı',
  registeredAt: 'Kesin Kayıt Zamanı', childTckn: 'Çocuk TC Kimlik No', childBirthDate: 'Çocuk Doğum Tarihi', caregiverTckn: 'Bakıcı TC Kimlik No',
  monthlyAmountCents: 'Aylık Tutar (EUR)', reasonCodes: 'Gerekçe Kodları', newAppointment: 'Yeni Randevu',
};

export const candidateName = (c: Candidate) => path.basename(c.kind === 'pair' ? c.xlsx : c.kind === 'orphanSig' ? c.sig : c.file);

const refusedAs = (file: string, sha256: string | null, code: HqRefusalCode, message: Bilingual = HQ_TEXT[code as keyof typeof HQ_TEXT]): PreparedFile => ({ ok: false, file, sha256, refusal: { code, message } });

/** The rows' own digest: equal for two exports of the same day whose rows are the same (creation time aside). */
export function contentDigest(d: Day): string {
  const { provinceCode, deskCode, date, programCodes, appointments, registrations, rejections } = d;
  return createHash('sha256').update(JSON.stringify({ provinceCode, deskCode, date, programCodes, appointments, registrations, rejections })).digest('hex');
}

/**
 * The same check the desk's merge makes (verifySignedReconciliation: .sig, name, SHA-256,
 * Ed25519 by the key registered for that desk, Özet desk, file name vs content, counts vs rows),
 * then HQ's own: the key's province is the content's, not a province merge file, every row
 * readable. Whatever the reader cannot make sense of is UNREADABLE, named like the rest.
 */
export async function prepareFile(c: Candidate, keys: KeyContext): Promise<PreparedFile> {
  try {
    return await check(c, keys);
  } catch {
    return refusedAs(candidateName(c), null, 'UNREADABLE', DESK.reconciliation.verify.UNREADABLE);
  }
}

async function check(c: Candidate, keys: KeyContext): Promise<PreparedFile> {
  if (c.kind === 'missing') return refusedAs(candidateName(c), null, 'NOT_FOUND');
  if (c.kind === 'orphanSig') return refusedAs(candidateName(c), null, 'SIG_WITHOUT_FILE');
  const file = path.basename(c.xlsx);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(c.xlsx);
  } catch {
    return refusedAs(file, null, 'NOT_FOUND');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const v = await verifySignedReconciliation(c.xlsx, c.sig, keys.trusted);
  if (!v.result.ok || !('day' in v) || !v.day) return refusedAs(file, sha256, v.result.code as HqRefusalCode, v.result.message);
  const day = v.day;
  if (day.deskCode === 'IL') return refusedAs(file, sha256, 'IL_FILE');
  const spki = (JSON.parse(fs.readFileSync(c.sig, 'utf8')) as { publicKey: string }).publicKey;
  const keyProv = keys.keyProvince[spki];
  if (keyProv !== day.provinceCode.padStart(2, '0')) {
    return refusedAs(file, sha256, 'KEY_OF_OTHER_PROVINCE', keyOfOtherProvinceText(keyProv, day.deskCode, day.provinceCode));
  }
  const bad = firstInvalidRow(day);
  if (bad) {
    const header = FIELD_HEADERS[bad.field] ?? bad.field;
    return refusedAs(file, sha256, 'ROW_INVALID', rowInvalidText(bad.sheet, bad.row, header));
  }
  const { appointments, registrations, rejections, ...header } = day;
  return {
    ok: true,
    file,
    sha256,
    contentSha256: contentDigest(day),
    header,
    publicKeySpki: spki,
    counts: countsOf(day),
    rows: appointments.length + registrations.length + rejections.length,
    csv: rowsAsCsvLines(day),
  };
}
