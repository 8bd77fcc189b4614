import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countsOf, reconciliationFileName } from './model';
import { readReconciliation, ReconciliationUnreadable } from './read';
import { signatureValid, type SignatureFile } from './signature';
import { DESK } from '../texts/desk';
import { fill } from '../texts';

export type VerifyCode = 'OK' | 'SIG_MISSING' | 'SIG_MALFORMED' | 'NAME_MISMATCH' | 'BYTES_CHANGED' | 'BAD_SIGNATURE' | 'UNKNOWN_KEY' | 'KEY_OF_OTHER_DESK' | 'UNREADABLE' | 'COUNTS_MISMATCH' | 'DESK_MISMATCH' | 'FILE_NAME_MISMATCH';

const TEXT: Record<VerifyCode, { tr: string; en: string }> = DESK.reconciliation.verify;

/** `MUTABAKAT_<il>_<masa>_<yyyyMMdd>.xlsx` → its parts (null when the name has another shape). */
function parseReconciliationFileName(file: string): { provinceCode: string; deskCode: string; date: string } | null {
  const m = /^MUTABAKAT_(\d{2})_([A-Z0-9]{1,8})_(\d{4})(\d{2})(\d{2})\.xlsx$/.exec(file);
  return m ? { provinceCode: m[1]!, deskCode: m[2]!, date: `${m[3]}-${m[4]}-${m[5]}` } : null;
}

export interface TrustedKey {
  deskCode: string;
  publicKeySpki: string;
}

interface VerifiedFile {
  file: string;
  code: VerifyCode;
  ok: boolean;
  message: { tr: string; en: string };
  desk: string | null;
  date: string | null;
  provinceCode: string | null;
  counts: ReturnType<typeof countsOf> | null;
}

/**
 * Checks one desk file the way HQ would: the .sig (present, well-formed, same name, same
 * SHA-256, valid Ed25519 signature by a registered key of that desk), then the summary counts
 * against the rows. Every refusal is named.
 */
export async function verifySignedReconciliation(xlsxPath: string, sigPath: string | undefined, trusted: TrustedKey[]) {
  const file = path.basename(xlsxPath);
  const fail = (code: VerifyCode, extra: Partial<VerifiedFile> = {}): { result: VerifiedFile } => ({
    result: { file, code, ok: false, message: TEXT[code], desk: null, date: null, provinceCode: null, counts: null, ...extra },
  });
  const sp = sigPath ?? `${xlsxPath}.sig`;
  if (!fs.existsSync(sp)) return fail('SIG_MISSING');
  let sig: SignatureFile;
  try {
    sig = JSON.parse(fs.readFileSync(sp, 'utf8')) as SignatureFile;
    for (const k of ['file', 'sha256', 'desk', 'publicKey', 'signature'] as const) if (typeof sig[k] !== 'string') throw new Error(k);
  } catch {
    return fail('SIG_MALFORMED');
  }
  if (sig.file !== file) return fail('NAME_MISMATCH');
  // Read once: the rows checked below are those of the bytes whose digest was signed.
  const bytes = fs.readFileSync(xlsxPath);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== sig.sha256) return fail('BYTES_CHANGED');
  if (!signatureValid(sig)) return fail('BAD_SIGNATURE');
  const key = trusted.find((t) => t.publicKeySpki === sig.publicKey);
  if (!key) return fail('UNKNOWN_KEY');
  if (key.deskCode !== sig.desk) return fail('KEY_OF_OTHER_DESK');
  let day;
  try {
    day = await readReconciliation(bytes);
  } catch (e) {
    if (e instanceof ReconciliationUnreadable) return fail('UNREADABLE');
    throw e;
  }
  const counts = countsOf(day);
  const s = day.summary;
  const matches =
    Number(s['Randevu Sayısı']) === counts.appointments &&
    Number(s['Gelen']) === counts.arrived &&
    Number(s['Gelmeyen']) === counts.noShows &&
    Number(s['Kesin Kayıt']) === counts.registrations &&
    Number(s['Ret']) === counts.rejected &&
    Number(s['Eksik Evrak']) === counts.incomplete &&
    Number(s['İptal']) === counts.cancelled &&
    Math.round(Number(s['Aylık Destek Toplamı (EUR)']) * 100) === counts.monthlyTotalCents;
  const base = { desk: day.deskCode, date: day.date, provinceCode: day.provinceCode, counts };
  if (day.deskCode !== sig.desk) {
    return fail('DESK_MISMATCH', {
      ...base,
      message: fill(DESK.reconciliation.deskMismatch, day.deskCode, sig.desk),
    });
  }
  const named = parseReconciliationFileName(file);
  const content = { provinceCode: day.provinceCode, deskCode: day.deskCode, date: day.date };
  if (!named || named.provinceCode !== content.provinceCode || named.deskCode !== content.deskCode || named.date !== content.date) {
    const expected = reconciliationFileName(content.provinceCode, content.deskCode, content.date);
    return fail('FILE_NAME_MISMATCH', {
      ...base,
      message: fill(DESK.reconciliation.fileNameMismatch, content.provinceCode, content.deskCode, content.date, expected),
    });
  }
  if (!matches) return fail('COUNTS_MISMATCH', base);
  return { result: { file, code: 'OK' as const, ok: true, message: TEXT.OK, ...base }, day, sha256: sha };
}
