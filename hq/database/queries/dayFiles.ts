import type { ReconciliationDay } from '../../../main/reconciliation';
import type { HqSql } from '../engine';

export type DayFileStatus = 'LOADED' | 'CONFLICT' | 'REEXPORT';

export interface DayFileMeta {
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

/** Serialises the decisions about one province-desk-day between concurrent HQ loads. */
export async function lockDeskDay(db: HqSql, provinceCode: string, deskCode: string, day: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${provinceCode}|${deskCode}|${day}`]);
}

export async function fileBySha(db: HqSql, sha256: string): Promise<{ id: number; file_name: string; status: DayFileStatus } | undefined> {
  return (await db.query<{ id: number; file_name: string; status: DayFileStatus }>('SELECT id, file_name, status FROM day_files WHERE sha256 = $1', [sha256]))[0];
}

export async function loadedFileFor(db: HqSql, provinceCode: string, deskCode: string, day: string) {
  return (
    await db.query<{ id: number; file_name: string; content_sha256: string; chain_head: string }>(
      "SELECT id, file_name, content_sha256, chain_head FROM day_files WHERE province_code = $1 AND desk_code = $2 AND day = $3 AND status = 'LOADED'",
      [provinceCode, deskCode, day],
    )
  )[0];
}

export async function insertDayFile(db: HqSql, m: DayFileMeta): Promise<number> {
  const d = m.day;
  const c = m.counts;
  const r = await db.query<{ id: number }>(
    `INSERT INTO day_files (sha256, content_sha256, file_name, status, province_code, province_name, desk_code, day, program_codes, chain_head,
        created_at, app_version, created_by, public_key_spki, appointments, arrived, no_shows, registrations, rejected, incomplete, cancelled,
        monthly_total_cents, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23::jsonb) RETURNING id`,
    [
      m.sha256, m.contentSha256, m.fileName, m.status, d.provinceCode, d.provinceName, d.deskCode, d.date, d.programCodes.join(', '), d.chainHead,
      d.createdAt, d.appVersion, d.createdBy, m.publicKeySpki, c.appointments, c.arrived, c.noShows, c.registrations, c.rejected, c.incomplete,
      c.cancelled, c.monthlyTotalCents, JSON.stringify(d.summary),
    ],
  );
  return r[0]!.id;
}

export async function dayFileCounts(db: HqSql): Promise<Record<DayFileStatus, number>> {
  const out: Record<DayFileStatus, number> = { LOADED: 0, CONFLICT: 0, REEXPORT: 0 };
  for (const r of await db.query<{ status: DayFileStatus; n: number }>('SELECT status, count(*)::int AS n FROM day_files GROUP BY status')) out[r.status] = r.n;
  return out;
}
