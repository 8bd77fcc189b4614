import { PGlite, type Transaction } from '@electric-sql/pglite';
import fs from 'node:fs';
import { copyStatement, type HqEngine, type HqSql } from './engine';

const parsers = {
  20: (v: string) => Number(v),
  1700: (v: string) => Number(v),
  1082: (v: string) => v,
  1083: (v: string) => v,
  1114: (v: string) => v,
  1184: (v: string) => v,
};

function sqlOf(db: PGlite | Transaction): HqSql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params, { parsers })).rows;
    },
    async copyCsv(table, columns, csv) {
      // PGlite's own bulk path: COPY … FROM '/dev/blob' reads the blob handed to the query.
      await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
  };
}

/** The embedded engine: PGlite persisting to `dir` (created owner-only on first use). */
export async function openPgliteEngine(dir: string): Promise<HqEngine> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(dir, { parsers });
  return {
    kind: 'pglite',
    where: dir,
    ...sqlOf(db),
    transaction: (fn) => db.transaction((tx) => fn(sqlOf(tx))),
    close: () => db.close(),
  };
}
