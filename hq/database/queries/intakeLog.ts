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

export async function intakeLogCount(db: HqSql, action: string, code?: string): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_log WHERE action = $1 AND ($2::text IS NULL OR code = $2)', [action, code ?? null]);
  return r[0]!.n;
}
