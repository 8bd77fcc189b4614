import type { HqSql } from '../engine';

/**
 * HQ's questions, in SQL over the rows of LOADED files only (a conflict file's rows are kept
 * but never counted). Dates come back as text, counts as numbers.
 */

export interface DuplicateRow {
  kind: 'ANNE' | 'ÇOCUK';
  tckn: string;
  province_code: string;
  desk_code: string;
  program_code: string;
  registration_no: string;
  randevu_no: string;
  registered_at: string;
  starts: string;
  ends: string;
  mother_full_name: string;
  file_name: string;
}

/**
 * The same mother or child with KESİN KAYIT in two registrations (two desks, provinces,
 * programmes, or twice anywhere) whose support periods overlap. A period runs from the final
 * registration day for 24 months (every programme's maximum), cut at the edition's last
 * entitlement month when it has one (`lastMonths`: code → yyyy-MM).
 *
 * Candidates first: a T.C. Kimlik No on two registration rows of any file (one hash
 * aggregate per kind over the narrow column, no join, no sort). That is a superset (a conflict
 * file's rows count there); the exact test then runs on the candidates' rows only, fetched
 * through the mother and child indexes: rows of LOADED files, two distinct registrations
 * (province, Kayıt No), overlapping periods.
 */
export async function duplicateRows(db: HqSql, opts: { since: string | null; lastMonths: Record<string, string> }): Promise<DuplicateRow[]> {
  return db.query<DuplicateRow>(
    `WITH periods AS (
       SELECT key AS code, (to_date(value, 'YYYY-MM') + interval '1 month')::date AS ends FROM jsonb_each_text($1::jsonb)
     ), mothers AS (
       SELECT mother_tckn AS tckn FROM registrations GROUP BY mother_tckn HAVING count(*) > 1
     ), children AS (
       SELECT child_tckn AS tckn FROM registrations WHERE child_tckn IS NOT NULL AND child_tckn <> '' GROUP BY child_tckn HAVING count(*) > 1
     ), people AS (
       SELECT 'ANNE' AS kind, m.tckn, reg.* FROM mothers m JOIN registrations reg ON reg.mother_tckn = m.tckn
       UNION ALL
       SELECT 'ÇOCUK' AS kind, c.tckn, reg.* FROM children c JOIN registrations reg ON reg.child_tckn = c.tckn
     ), cand AS (
       SELECT p.kind, p.tckn, p.province_code, p.registration_no, p.randevu_no, p.program_code, p.mother_full_name, p.registered_at, f.desk_code, f.file_name,
              p.registered_at::date AS starts, LEAST((p.registered_at::date + interval '24 months')::date, COALESCE(pe.ends, 'infinity'::date)) AS ends
         FROM people p JOIN day_files f ON f.id = p.file_id AND f.status = 'LOADED'
         LEFT JOIN periods pe ON pe.code = p.program_code
     ), involved AS (
       SELECT a.* FROM cand a
        WHERE EXISTS (SELECT 1 FROM cand b WHERE b.kind = a.kind AND b.tckn = a.tckn
                         AND (b.province_code, b.registration_no) <> (a.province_code, a.registration_no)
                         AND a.starts < b.ends AND b.starts < a.ends)
     ), grouped AS (
       SELECT i.*, max(i.registered_at) OVER (PARTITION BY i.kind, i.tckn) AS latest FROM involved i
     )
     SELECT kind, tckn, province_code, desk_code, program_code, registration_no, randevu_no, registered_at::text AS registered_at,
            starts::text AS starts, ends::text AS ends, mother_full_name, file_name
       FROM grouped WHERE $2::date IS NULL OR latest >= $2::date
      ORDER BY kind, tckn, registered_at, province_code, registration_no`,
    [JSON.stringify(opts.lastMonths), opts.since],
  );
}

export interface ReportCells {
  province_code: string;
  program_code: string;
  appointments: number;
  arrived: number;
  no_shows: number;
  cancelled: number;
  registrations: number;
  monthly_total_cents: number;
  rejected: number;
  incomplete: number;
}

/** Per province and programme over the LOADED files of the days [from, to]. */
export async function reportCells(db: HqSql, from: string, to: string): Promise<ReportCells[]> {
  const files = `SELECT id, province_code FROM day_files WHERE status = 'LOADED' AND day BETWEEN $1::date AND $2::date`;
  // One after another: a server connection runs one query at a time.
  const a = await db.query<{ province_code: string; program_code: string; appointments: number; arrived: number; no_shows: number; cancelled: number }>(
      `WITH f AS (${files})
       SELECT f.province_code, a.program_code, sum(a.n)::int AS appointments, sum(a.arrived)::int AS arrived, sum(a.no_shows)::int AS no_shows, sum(a.cancelled)::int AS cancelled
         FROM (SELECT file_id, program_code, count(*) AS n, count(arrived_at) AS arrived,
                      count(*) FILTER (WHERE outcome = 'GELMEDİ') AS no_shows, count(*) FILTER (WHERE outcome = 'İPTAL') AS cancelled
                 FROM appointments WHERE file_id IN (SELECT id FROM f) GROUP BY 1, 2) a
         JOIN f ON f.id = a.file_id GROUP BY 1, 2`,
      [from, to],
    );
  const r = await db.query<{ province_code: string; program_code: string; registrations: number; monthly_total_cents: number }>(
      `WITH f AS (${files})
       SELECT f.province_code, r.program_code, sum(r.n)::int AS registrations, COALESCE(sum(r.cents), 0)::bigint AS monthly_total_cents
         FROM (SELECT file_id, program_code, count(*) AS n, sum(monthly_amount_cents) AS cents
                 FROM registrations WHERE file_id IN (SELECT id FROM f) GROUP BY 1, 2) r
         JOIN f ON f.id = r.file_id GROUP BY 1, 2`,
      [from, to],
    );
  const j = await db.query<{ province_code: string; program_code: string; rejected: number; incomplete: number }>(
      `WITH f AS (${files})
       SELECT f.province_code, j.program_code, sum(j.rejected)::int AS rejected, sum(j.incomplete)::int AS incomplete
         FROM (SELECT file_id, program_code, count(*) FILTER (WHERE outcome = 'RET') AS rejected, count(*) FILTER (WHERE outcome = 'EKSİK EVRAK') AS incomplete
                 FROM rejections WHERE file_id IN (SELECT id FROM f) GROUP BY 1, 2) j
         JOIN f ON f.id = j.file_id GROUP BY 1, 2`,
      [from, to],
    );
  const cells = new Map<string, ReportCells>();
  const cell = (p: string, g: string) => {
    const k = `${p}|${g}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { province_code: p, program_code: g, appointments: 0, arrived: 0, no_shows: 0, cancelled: 0, registrations: 0, monthly_total_cents: 0, rejected: 0, incomplete: 0 }));
    return c;
  };
  for (const x of a) Object.assign(cell(x.province_code, x.program_code), { appointments: x.appointments, arrived: x.arrived, no_shows: x.no_shows, cancelled: x.cancelled });
  for (const x of r) Object.assign(cell(x.province_code, x.program_code), { registrations: x.registrations, monthly_total_cents: x.monthly_total_cents });
  for (const x of j) Object.assign(cell(x.province_code, x.program_code), { rejected: x.rejected, incomplete: x.incomplete });
  return [...cells.values()].sort((x, y) => (x.province_code + x.program_code < y.province_code + y.program_code ? -1 : 1));
}

/** Refusals by rule code per province and programme (a refusal with two codes counts under each). */
export async function refusalsByRule(db: HqSql, from: string, to: string) {
  return db.query<{ province_code: string; program_code: string; rule_code: string; refusals: number }>(
    `SELECT f.province_code, j.program_code, c.code AS rule_code, count(*)::int AS refusals
       FROM rejections j JOIN day_files f ON f.id = j.file_id AND f.status = 'LOADED' AND f.day BETWEEN $1::date AND $2::date
       CROSS JOIN LATERAL unnest(j.reason_codes) AS c(code)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [from, to],
  );
}

/** The sum of the loaded files' Özet rows over the same days (what the rows must add up to). */
export async function summaryTotals(db: HqSql, from: string, to: string) {
  const r = await db.query<{ files: number; appointments: number; arrived: number; no_shows: number; cancelled: number; registrations: number; monthly_total_cents: number; rejected: number; incomplete: number }>(
    `SELECT count(*)::int AS files, COALESCE(sum(appointments), 0)::bigint AS appointments, COALESCE(sum(arrived), 0)::bigint AS arrived,
            COALESCE(sum(no_shows), 0)::bigint AS no_shows, COALESCE(sum(cancelled), 0)::bigint AS cancelled, COALESCE(sum(registrations), 0)::bigint AS registrations,
            COALESCE(sum(monthly_total_cents), 0)::bigint AS monthly_total_cents, COALESCE(sum(rejected), 0)::bigint AS rejected, COALESCE(sum(incomplete), 0)::bigint AS incomplete
       FROM day_files WHERE status = 'LOADED' AND day BETWEEN $1::date AND $2::date`,
    [from, to],
  );
  return r[0]!;
}

export async function provinceNames(db: HqSql): Promise<Map<string, string>> {
  return new Map((await db.query<{ province_code: string; name: string }>('SELECT province_code, max(province_name) AS name FROM day_files GROUP BY 1')).map((r) => [r.province_code, r.name]));
}

export interface StandingRow {
  province_code: string;
  rank: number;
  registration_no: string;
  randevu_no: string;
  pre_registered_at: string;
  registered_at: string;
  mother_full_name: string;
  desk_code: string;
}

/**
 * One edition's registrations per province in first-application order, as the desk's lists
 * rank them (pre-registration time, then Randevu No, compared byte-wise like the desk's JS).
 */
export async function standingRows(db: HqSql, programCode: string, provinceCode: string | null): Promise<StandingRow[]> {
  return db.query<StandingRow>(
    `SELECT r.province_code, row_number() OVER (PARTITION BY r.province_code ORDER BY r.pre_registered_at, r.randevu_no COLLATE "C")::int AS rank,
            r.registration_no, r.randevu_no, r.pre_registered_at::text AS pre_registered_at, r.registered_at::text AS registered_at, r.mother_full_name, f.desk_code
       FROM registrations r JOIN day_files f ON f.id = r.file_id AND f.status = 'LOADED'
      WHERE r.program_code = $1 AND ($2::text IS NULL OR r.province_code = $2)
      ORDER BY r.province_code, rank`,
    [programCode, provinceCode],
  );
}

export interface ChainRow {
  province_code: string;
  desk_code: string;
  day: string;
  chain_head: string;
  file_name: string;
  status: 'LOADED' | 'CONFLICT' | 'REEXPORT';
  content_sha256: string;
  worked: boolean;
  created_at: string;
}

/** Every day file of the desks asked, by desk then day then the order HQ received them. */
export async function chainRows(db: HqSql, provinceCode: string | null, deskCode: string | null): Promise<ChainRow[]> {
  return db.query<ChainRow>(
    `SELECT province_code, desk_code, day::text AS day, chain_head, file_name, status, content_sha256, created_at::text AS created_at,
            (arrived + no_shows + registrations + rejected + incomplete) > 0 AS worked
       FROM day_files WHERE ($1::text IS NULL OR province_code = $1) AND ($2::text IS NULL OR desk_code = $2)
      ORDER BY province_code, desk_code, day, id`,
    [provinceCode, deskCode],
  );
}
