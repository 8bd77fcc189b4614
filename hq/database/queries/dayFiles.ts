import type { ReconciliationDay } from '../../../main/reconciliation';
import type { HqSql } from '../engine';

export type DayFileStatus = 'LOADED' | 'CONFLICT' | 'REEXPORT';

interface DayFileMeta {
  sha256: string;
  contentSha256: string;
  fileName: string;
  status: DayFileStatus;
  publicKeySpki: string;
  /** The day's Özet fields (its rows go by COPY). */
  day: Omit<ReconciliationDay, 'appointments' | 'registrations' | 'rejections'> & { summary: Record<string, string> };
  counts: { appointments: number; arrived: number; noShows: number; registrations: number; rejected: number; incomplete: number; cancelled: number; monthlyTotalCents: number };
}

export async function knownShas(db: HqSql): Promise<Set<string>> {
  return new Set((await db.query<{ sha256: string }>('SELECT sha256 FROM day_files')).map((r) => r.sha256));
}

/** A province-desk-day as the lock and the decisions name it. */
export const deskDayKey = (provinceCode: string, deskCode: string, day: string) => `${provinceCode}|${deskCode}|${day}`;

/**
 * Serialises the decisions about these province-desk-days between concurrent HQ loads, until
 * the transaction ends. Taken in sorted order, so two loads never wait on each other in a cycle;
 * a statement of its own, so the next statements' snapshots see what a load before committed.
 */
export async function lockDeskDays(db: HqSql, keys: string[]): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n', [[...new Set(keys)].sort()]);
}

/** Which of these SHA-256s are already a day file. */
export async function existingShas(db: HqSql, shas: string[]): Promise<Set<string>> {
  return new Set((await db.query<{ sha256: string }>('SELECT sha256 FROM day_files WHERE sha256 = ANY($1::text[])', [shas])).map((r) => r.sha256));
}

/** The LOADED file of each of these province-desk-days that has one, by deskDayKey. */
export async function loadedFilesFor(db: HqSql, days: { provinceCode: string; deskCode: string; day: string }[]): Promise<Map<string, { file_name: string; content_sha256: string }>> {
  const rows = await db.query<{ province_code: string; desk_code: string; day: string; file_name: string; content_sha256: string }>(
    `SELECT f.province_code, f.desk_code, f.day::text AS day, f.file_name, f.content_sha256
       FROM day_files f JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(p, d, y) ON f.province_code = k.p AND f.desk_code = k.d AND f.day = k.y
      WHERE f.status = 'LOADED'`,
    [days.map((d) => d.provinceCode), days.map((d) => d.deskCode), days.map((d) => d.day)],
  );
  return new Map(rows.map((r) => [deskDayKey(r.province_code, r.desk_code, r.day), r]));
}

const DAY_FILE_COLUMNS = `sha256, content_sha256, file_name, status, province_code, province_name, desk_code, day, program_codes, chain_head,
        created_at, app_version, created_by, public_key_spki, appointments, arrived, no_shows, registrations, rejected, incomplete, cancelled,
        monthly_total_cents, summary`;

function dayFileValues(m: DayFileMeta): unknown[] {
  const d = m.day;
  const c = m.counts;
  return [
    m.sha256, m.contentSha256, m.fileName, m.status, d.provinceCode, d.provinceName, d.deskCode, d.date, d.programCodes.join(', '), d.chainHead,
    d.createdAt, d.appVersion, d.createdBy, m.publicKeySpki, c.appointments, c.arrived, c.noShows, c.registrations, c.rejected, c.incomplete,
    c.cancelled, c.monthlyTotalCents, JSON.stringify(d.summary),
  ];
}

/** The file rows of one transaction in one statement; their ids, by SHA-256. */
export async function insertDayFiles(db: HqSql, metas: DayFileMeta[]): Promise<Map<string, number>> {
  if (!metas.length) return new Map();
  const width = 23;
  const tuples = metas.map((_, i) => `(${Array.from({ length: width }, (_v, j) => `$${i * width + j + 1}${j === width - 1 ? '::jsonb' : ''}`).join(', ')})`);
  const r = await db.query<{ id: number; sha256: string }>(`INSERT INTO day_files (${DAY_FILE_COLUMNS}) VALUES ${tuples.join(', ')} RETURNING id, sha256`, metas.flatMap(dayFileValues));
  return new Map(r.map((x) => [x.sha256, x.id]));
}

