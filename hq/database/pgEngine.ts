import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyStatement, redactUrl, type HqEngine, type HqSql } from './engine';

// The same JS types on both engines: int8 and numeric as numbers (counts and cents stay far
// below 2^53), dates and timestamps as the text PostgreSQL prints (no time-zone shifting).
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082 || oid === 1114 || oid === 1184 || oid === 1083) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** One connection to a PostgreSQL server (the CLI does one thing at a time). */
export async function openPgEngine(url: string): Promise<HqEngine> {
  const client = new pg.Client({ connectionString: url, types });
  // A server that goes away emits 'error' on the idle client; the next query fails and says so.
  client.on('error', () => {});
  await client.connect();
  let broken = false;
  client.on('end', () => {
    broken = true;
  });
  const sql: HqSql = {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyCsv(table, columns, csv) {
      await pipeline(Readable.from([Buffer.from(csv, 'utf8')]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
    },
  };
  return {
    kind: 'postgresql',
    where: redactUrl(url),
    ...sql,
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const out = await fn(sql);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        if (!broken) await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
