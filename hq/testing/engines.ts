import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { HqEngine } from '../database/engine';
import { openPgEngine } from '../database/pgEngine';
import { openPgliteEngine } from '../database/pgliteEngine';

interface EngineUnderTest {
  name: 'PGlite' | 'PostgreSQL';
  /** Why this engine does not run here (printed), or null. */
  skip: string | null;
  /** A fresh, empty database and the environment that points the CLI at it. */
  fresh(): Promise<{ db: HqEngine; env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

/** A database of its own on the shared test server (dropped by cleanup). */
async function freshServerDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hq_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Both engines, each saying whether it runs here; every HQ test runs once per engine. */
export function enginesUnderTest(): EngineUnderTest[] {
  const server = inject('hqPostgres');
  return [
    {
      name: 'PGlite',
      skip: null,
      async fresh() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-pglite-'));
        const db = await openPgliteEngine(path.join(dir, 'db'));
        return {
          db,
          env: { MASA_HQ_DATA_DIR: path.join(dir, 'db') },
          async cleanup() {
            await db.close().catch(() => {});
            fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'PostgreSQL',
      skip: 'skip' in server ? server.skip : null,
      async fresh() {
        if (!('url' in server)) throw new Error(server.skip);
        const d = await freshServerDatabase(server.url);
        const db = await openPgEngine(d.url);
        return {
          db,
          env: { DATABASE_URL: d.url },
          async cleanup() {
            await db.close();
            await d.drop();
          },
        };
      },
    },
  ];
}
