import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HqEngine } from './engine';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The numbered migrations, one SQL file each (`0001-name.sql`), in order. */
export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: fs.readFileSync(path.join(DIR, f), 'utf8') }));
}

/**
 * Brings the schema up to date, each migration in its own transaction with its version row.
 * An advisory lock keeps two HQ processes on one server from migrating at once.
 */
export async function migrate(db: HqEngine): Promise<{ applied: number[]; version: number }> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: number[] = [];
  for (const m of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(2126)');
      const have = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (have.length) return false;
      for (const statement of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return { applied, version: await schemaVersion(db) };
}

export async function schemaVersion(db: HqEngine): Promise<number> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r[0]?.v ?? 0;
}
