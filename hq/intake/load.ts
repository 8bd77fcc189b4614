import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countsOf, verifySignedReconciliation, type ReconciliationDay, type TrustedKey } from '../../main/reconciliation';
import type { HqEngine } from '../database/engine';
import { fileBySha, insertDayFile, knownShas, loadedFileFor, lockDeskDay, type DayFileStatus } from '../database/queries/dayFiles';
import { listKeys } from '../database/queries/deskKeys';
import { logIntake } from '../database/queries/intakeLog';
import { copyRows } from '../database/queries/rows';
import { findCandidates, type Candidate } from './findFiles';
import { conflictText, HQ_TEXT, OUTCOME_TEXT, type Bilingual, type HqRefusalCode } from './messages';
import { firstInvalidRow } from './rowSchema';

export type LoadStatus = DayFileStatus | 'ALREADY_LOADED' | 'REFUSED';

export interface LoadedFileResult {
  file: string;
  status: LoadStatus;
  /** The refusal code for REFUSED. */
  code: HqRefusalCode | null;
  message: Bilingual;
  rows: number;
}

export interface LoadSummary {
  files: LoadedFileResult[];
  loaded: number;
  conflicts: number;
  refused: number;
  rows: number;
  seconds: number;
  /** Of which in the database transactions (the rest is reading and checking the files). */
  dbSeconds: number;
  ignored: number;
}

export interface LoadProgress {
  done: number;
  total: number;
  rows: number;
  seconds: number;
}

type Day = ReconciliationDay & { summary: Record<string, string> };
type Prepared =
  | { ok: false; result: LoadedFileResult; sha256: string | null }
  | { ok: true; file: string; sha256: string; contentSha256: string; day: Day; publicKeySpki: string; counts: ReturnType<typeof countsOf> };

const FIELD_HEADERS: Record<string, string> = {
  randevuNo: 'Randevu No', programCode: 'Program Kodu', provinceCode: 'İl Kodu', date: 'Randevu Tarihi', time: 'Randevu Saati', motherTckn: 'Anne TC Kimlik No',
  motherFullName: 'Anne Adı Soyadı', arrivedAt: 'Geliş Saati', outcome: 'Sonuç', clerk: 'Görevli', registrationNo: 'Kayıt No', preRegisteredAt: 'Ön Kayıt Zamanı',
  registeredAt: 'Kesin Kayıt Zamanı', childTckn: 'Çocuk TC Kimlik No', childBirthDate: 'Çocuk Doğum Tarihi', caregiverTckn: 'Bakıcı TC Kimlik No',
  monthlyAmountCents: 'Aylık Tutar (EUR)', reasonCodes: 'Gerekçe Kodları', newAppointment: 'Yeni Randevu',
};

const refused = (file: string, code: HqRefusalCode, message: Bilingual = HQ_TEXT[code as keyof typeof HQ_TEXT]): LoadedFileResult => ({ file, status: 'REFUSED', code, message, rows: 0 });

/** The rows' own digest: equal for two exports of the same day whose rows are the same (creation time aside). */
export function contentDigest(d: Day): string {
  const { provinceCode, deskCode, date, programCodes, appointments, registrations, rejections } = d;
  return createHash('sha256').update(JSON.stringify({ provinceCode, deskCode, date, programCodes, appointments, registrations, rejections })).digest('hex');
}

/**
 * Reads and checks one candidate without touching the database: the same check the desk's
 * merge makes (verifySignedReconciliation: .sig, name, SHA-256, Ed25519 by the key registered
 * for that desk, Özet desk, file name vs content, counts vs rows), then HQ's own: the key's
 * province is the content's, not a province merge file, every row readable.
 */
async function prepare(c: Candidate, trusted: TrustedKey[], keyProvince: Map<string, string>, seen: Set<string>): Promise<Prepared> {
  try {
    return await check(c, trusted, keyProvince, seen);
  } catch {
    // Whatever the reader could not make sense of (a workbook exceljs chokes on) is unreadable, named like the rest.
    return { ok: false, sha256: null, result: refused(path.basename(c.kind === 'pair' ? c.xlsx : c.kind === 'orphanSig' ? c.sig : c.file), 'UNREADABLE', { tr: 'Dosya bir mutabakat dosyası olarak okunamıyor.', en: 'The file cannot be read as a reconciliation.' }) };
  }
}

async function check(c: Candidate, trusted: TrustedKey[], keyProvince: Map<string, string>, seen: Set<string>): Promise<Prepared> {
  if (c.kind === 'missing') return { ok: false, sha256: null, result: refused(path.basename(c.file), 'NOT_FOUND') };
  if (c.kind === 'orphanSig') return { ok: false, sha256: null, result: refused(path.basename(c.sig), 'SIG_WITHOUT_FILE') };
  const file = path.basename(c.xlsx);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(c.xlsx);
  } catch {
    return { ok: false, sha256: null, result: refused(file, 'NOT_FOUND') };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (seen.has(sha256)) return { ok: false, sha256, result: { file, status: 'ALREADY_LOADED', code: null, message: OUTCOME_TEXT.ALREADY_LOADED, rows: 0 } };
  const v = await verifySignedReconciliation(c.xlsx, c.sig, trusted);
  if (!v.result.ok || !('day' in v) || !v.day) return { ok: false, sha256, result: refused(file, v.result.code as HqRefusalCode, v.result.message) };
  const day = v.day;
  if (day.deskCode === 'IL') return { ok: false, sha256, result: refused(file, 'IL_FILE') };
  const spki = (JSON.parse(fs.readFileSync(c.sig, 'utf8')) as { publicKey: string }).publicKey;
  const keyProv = keyProvince.get(spki);
  if (keyProv !== day.provinceCode.padStart(2, '0')) {
    return {
      ok: false,
      sha256,
      result: refused(file, 'KEY_OF_OTHER_PROVINCE', {
        tr: `İmzalayan anahtar ${keyProv} ilinin ${day.deskCode} masasına kayıtlı; dosya ${day.provinceCode} ilinin.`,
        en: `The signing key is registered to desk ${day.deskCode} of province ${keyProv}; the file is province ${day.provinceCode}'s.`,
      }),
    };
  }
  const bad = firstInvalidRow(day);
  if (bad) {
    const header = FIELD_HEADERS[bad.field] ?? bad.field;
    return {
      ok: false,
      sha256,
      result: refused(file, 'ROW_INVALID', {
        tr: `${bad.sheet} sayfası, ${bad.row}. satır: "${header}" değeri geçersiz; dosya yüklenmedi.`,
        en: `Sheet ${bad.sheet}, row ${bad.row}: the "${header}" value is not valid; the file was not loaded.`,
      }),
    };
  }
  return { ok: true, file, sha256, contentSha256: contentDigest(day), day, publicKeySpki: spki, counts: countsOf(day) };
}

/** Is the database still there? (After a failed transaction: a lost server stops the run.) */
async function reachable(db: HqEngine): Promise<boolean> {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** One transaction per file: the decision (new day, same rows again, conflict), the file row, its rows by COPY, the log line. */
async function commit(db: HqEngine, p: Extract<Prepared, { ok: true }>): Promise<LoadedFileResult> {
  const rows = p.day.appointments.length + p.day.registrations.length + p.day.rejections.length;
  return db.transaction(async (tx) => {
    await lockDeskDay(tx, p.day.provinceCode, p.day.deskCode, p.day.date);
    if (await fileBySha(tx, p.sha256)) return { file: p.file, status: 'ALREADY_LOADED' as const, code: null, message: OUTCOME_TEXT.ALREADY_LOADED, rows: 0 };
    const first = await loadedFileFor(tx, p.day.provinceCode, p.day.deskCode, p.day.date);
    const status: DayFileStatus = !first ? 'LOADED' : first.content_sha256 === p.contentSha256 ? 'REEXPORT' : 'CONFLICT';
    const id = await insertDayFile(tx, { sha256: p.sha256, contentSha256: p.contentSha256, fileName: p.file, status, publicKeySpki: p.publicKeySpki, day: p.day, counts: p.counts });
    if (status !== 'REEXPORT') await copyRows(tx, id, p.day);
    await logIntake(tx, { action: 'load', code: status, fileName: p.file, sha256: p.sha256, detail: { rows, firstFile: first?.file_name ?? null } });
    const message = status === 'LOADED' ? OUTCOME_TEXT.LOADED : status === 'REEXPORT' ? OUTCOME_TEXT.REEXPORT : conflictText(first!.file_name);
    return { file: p.file, status, code: null, message, rows: status === 'REEXPORT' ? 0 : rows };
  });
}

/**
 * `load`: every candidate checked, then loaded in its own transaction. Reading and checking
 * the next file overlaps the current file's transaction (the parse is the slow half). A refused
 * file is logged with its reason and the rest go on; when the database itself goes away the
 * file in flight rolls back whole and every file not yet loaded is named as not loaded.
 */
export async function loadDayFiles(db: HqEngine, args: string[], onProgress?: (p: LoadProgress) => void): Promise<LoadSummary> {
  const started = performance.now();
  const { candidates, ignored } = findCandidates(args);
  const keys = await listKeys(db);
  const trusted: TrustedKey[] = keys.map((k) => ({ deskCode: k.desk_code, publicKeySpki: k.public_key_spki }));
  const keyProvince = new Map(keys.map((k) => [k.public_key_spki, k.province_code]));
  const seen = await knownShas(db);
  const results: LoadedFileResult[] = [];
  let rows = 0;
  let dbSeconds = 0;
  let lost = false;
  let next: Promise<Prepared> | null = candidates.length ? prepare(candidates[0]!, trusted, keyProvince, seen) : null;
  for (let i = 0; i < candidates.length; i++) {
    const p = await next!;
    if (p.sha256) seen.add(p.sha256);
    next = i + 1 < candidates.length ? prepare(candidates[i + 1]!, trusted, keyProvince, seen) : null;
    let r: LoadedFileResult;
    if (lost) r = refused(p.ok ? p.file : p.result.file, 'DB_UNAVAILABLE');
    else if (!p.ok) {
      r = p.result;
      if (r.status === 'REFUSED') {
        try {
          await logIntake(db, { action: 'load', code: r.code!, fileName: r.file, sha256: p.sha256, detail: { reason: r.message.tr } });
        } catch {
          lost = !(await reachable(db));
          if (lost) r = refused(r.file, 'DB_UNAVAILABLE');
        }
      }
    } else {
      const t0 = performance.now();
      try {
        r = await commit(db, p);
        dbSeconds += (performance.now() - t0) / 1000;
      } catch {
        lost = !(await reachable(db));
        r = refused(p.file, lost ? 'DB_UNAVAILABLE' : 'DB_REFUSED');
      }
    }
    rows += r.rows;
    results.push(r);
    onProgress?.({ done: i + 1, total: candidates.length, rows, seconds: (performance.now() - started) / 1000 });
  }
  return {
    files: results,
    loaded: results.filter((r) => r.status === 'LOADED').length,
    conflicts: results.filter((r) => r.status === 'CONFLICT').length,
    refused: results.filter((r) => r.status === 'REFUSED').length,
    rows,
    seconds: (performance.now() - started) / 1000,
    dbSeconds,
    ignored,
  };
}
