import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { RawDatabase } from './connection';
import { stateTables } from './stateTables';

export type Row = Record<string, string | number | null>;

/** One change to a state table, as it is stored inside the event that explains it. */
export interface StateChange {
  t: string;
  k: (string | number)[];
  row: Row | null;
}

/** Column lists per table, read once: a put must carry every column so that replay is exact. */
const columnCache = new WeakMap<RawDatabase, Map<string, string[]>>();

export function tableColumns(db: RawDatabase, table: string): string[] {
  let byTable = columnCache.get(db);
  if (!byTable) columnCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) {
    cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    byTable.set(table, cols);
  }
  return cols;
}

/** Prepared statements live as long as their connection: preparing is the costly part. */
const statementCache = new WeakMap<RawDatabase, Map<string, Statement>>();

export function cachedStatement(db: RawDatabase, sql: string): Statement {
  let byDb = statementCache.get(db);
  if (!byDb) statementCache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * The only way to change current state. Every put/remove is applied at once and remembered;
 * the ledger writes the list into the event of the same transaction.
 */
export class StateWriter {
  readonly changes: StateChange[] = [];
  data: Record<string, unknown> = {};
  /** `seq` is the sequence number the explaining event will get (rows may record it). */
  constructor(
    readonly db: RawDatabase,
    readonly seq = 0,
  ) {}

  /** Adds facts to the event's payload (counts, reasons, file hashes...). */
  note(data: Record<string, unknown>): void {
    Object.assign(this.data, data);
  }

  put(table: string, row: Row): void {
    const def = stateTables[table];
    if (!def) throw new Error(`not a state table: ${table}`);
    const cols = tableColumns(this.db, table);
    for (const c of cols) {
      if (!(c in row)) throw new Error(`put ${table}: column ${c} missing`);
    }
    this.upsert(table, cols, def.key).run(cols.map((c) => row[c] ?? null));
    const full: Row = {};
    for (const c of cols) full[c] = row[c] ?? null;
    this.changes.push({ t: table, k: def.key.map((k) => row[k] as string | number), row: full });
  }

  remove(table: string, key: (string | number)[]): void {
    const def = stateTables[table];
    if (!def) throw new Error(`not a state table: ${table}`);
    const where = def.key.map((k) => `${k} = ?`).join(' AND ');
    this.prepare(`DELETE FROM ${table} WHERE ${where}`).run(key);
    this.changes.push({ t: table, k: key, row: null });
  }

  private upsert(table: string, cols: string[], key: readonly string[]): Statement {
    const nonKey = cols.filter((c) => !key.includes(c));
    const sql =
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${key.join(', ')}) DO ` +
      (nonKey.length ? `UPDATE SET ${nonKey.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING');
    return this.prepare(sql);
  }

  private prepare(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }
}
