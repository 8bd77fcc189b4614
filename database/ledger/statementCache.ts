import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { RawDatabase } from '../vault/connection';

/** Prepared statements live as long as their connection: preparing is the costly part. */
const statementCache = new WeakMap<RawDatabase, Map<string, Statement>>();

export function cachedStatement(db: RawDatabase, sql: string): Statement {
  let byDb = statementCache.get(db);
  if (!byDb) statementCache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}
