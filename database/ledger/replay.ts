import Database from 'better-sqlite3-multiple-ciphers';
import type { RawDatabase } from '../vault/connection';
import { canonicalJson } from '../shared/canonicalJson';
import { eventChanges, listedParts } from './eventParts';
import { migrate } from '../migrations/migrate';
import { stateTables } from './stateTables';
import { StateWriter, tableColumns, type StateChange } from './stateWriter';

export interface ReplayResult {
  ok: boolean;
  events: number;
  tables: Record<string, { rows: number; mismatches: number }>;
  /** The first few differing keys per table, to say where state and events disagree. */
  examples: { table: string; key: string; problem: 'MISSING' | 'EXTRA' | 'DIFFERENT' }[];
}

/**
 * Rebuilds every state table from the events alone (in memory, never on disk) and compares it
 * with the current-state tables row by row.
 */
export function replayAndCompare(db: RawDatabase): ReplayResult {
  const scratch = new Database(':memory:');
  try {
    scratch.pragma('foreign_keys = OFF');
    // Seed rows that migrations insert (none are state rows today) are wiped first.
    migrate(scratch);
    for (const t of Object.keys(stateTables)) scratch.exec(`DELETE FROM ${t}`);
    const w = new StateWriter(scratch);
    let events = 0;
    const applyChanges = (changes: StateChange[]) => {
      for (const c of changes) {
        w.apply(c);
      }
      w.changes.length = 0;
    };
    const apply = scratch.transaction(() => {
      // An event with parts reads them from `db`, which better-sqlite3 refuses while the
      // events iterator is open on it: the walk stops there and resumes after that event.
      let from = 1;
      for (let parted: [number, string] | null = null; ; parted = null) {
        const rows = db.prepare('SELECT seq, payload FROM events WHERE seq >= ? ORDER BY seq').raw().iterate(from) as IterableIterator<[number, string]>;
        for (const [seq, payload] of rows) {
          events++;
          if (listedParts(payload)) {
            parted = [seq, payload];
            break; // leaving the loop closes the iterator
          }
          applyChanges((JSON.parse(payload) as { changes?: StateChange[] }).changes ?? []);
        }
        if (!parted) break;
        for (const changes of eventChanges(db, parted[0], parted[1])) applyChanges(changes);
        from = parted[0] + 1;
      }
    });
    apply();
    const result: ReplayResult = { ok: true, events, tables: {}, examples: [] };
    for (const [table, def] of Object.entries(stateTables)) {
      const cols = tableColumns(db, table);
      const order = def.key.join(', ');
      const live = rowsByKey(db, table, cols, def.key, order);
      const rebuilt = rowsByKey(scratch, table, cols, def.key, order);
      let mismatches = 0;
      const note = (key: string, problem: 'MISSING' | 'EXTRA' | 'DIFFERENT') => {
        mismatches++;
        if (result.examples.length < 20) result.examples.push({ table, key, problem });
      };
      for (const [key, row] of rebuilt) {
        const l = live.get(key);
        if (l === undefined) note(key, 'MISSING');
        else if (l !== row) note(key, 'DIFFERENT');
      }
      for (const key of live.keys()) if (!rebuilt.has(key)) note(key, 'EXTRA');
      result.tables[table] = { rows: live.size, mismatches };
      if (mismatches) result.ok = false;
    }
    return result;
  } finally {
    scratch.close();
  }
}

function rowsByKey(db: RawDatabase, table: string, cols: string[], key: readonly string[], order: string) {
  const out = new Map<string, string>();
  for (const row of db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${order}`).iterate() as IterableIterator<
    Record<string, unknown>
  >) {
    out.set(key.map((k) => String(row[k])).join('|'), canonicalJson(row));
  }
  return out;
}
