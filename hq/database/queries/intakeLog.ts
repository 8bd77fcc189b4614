import type { HqSql } from '../engine';

/** One line of HQ's own record of what it did or refused (never a person's data). */
export async function logIntake(db: HqSql, e: { action: string; code: string; fileName?: string | null; sha256?: string | null; detail?: Record<string, unknown> }): Promise<void> {
  await db.query('INSERT INTO intake_log (action, file_name, sha256, code, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    e.action,
    e.fileName ?? null,
    e.sha256 ?? null,
    e.code,
    JSON.stringify(e.detail ?? {}),
  ]);
}

/** Several lines in one statement (the files of one load transaction). */
export async function logIntakeMany(db: HqSql, entries: { action: string; code: string; fileName: string; sha256: string; detail: Record<string, unknown> }[]): Promise<void> {
  if (!entries.length) return;
  await db.query(
    `INSERT INTO intake_log (action, file_name, sha256, code, detail)
     SELECT a, f, s, c, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(a, f, s, c, d, n) ORDER BY n`,
    [entries.map((e) => e.action), entries.map((e) => e.fileName), entries.map((e) => e.sha256), entries.map((e) => e.code), entries.map((e) => JSON.stringify(e.detail))],
  );
}

export async function intakeLogCount(db: HqSql, action: string, code?: string): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_log WHERE action = $1 AND ($2::text IS NULL OR code = $2)', [action, code ?? null]);
  return r[0]!.n;
}
