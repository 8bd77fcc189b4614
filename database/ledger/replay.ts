import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import type { RawDatabase } from '../vault/connection';
import { eventChanges, listedParts } from './eventParts';
import { migrate } from '../migrations/migrate';
import { stateTables } from './stateTables';
import { tableColumns, type StateChange } from './stateWriter';

export interface ReplayResult {
  ok: boolean;
  events: number;
  tables: Record<string, { rows: number; mismatches: number }>;
  /** The first few differing keys (in each table's stored order), to say where state and events disagree. */
  examples: { table: string; key: string; problem: 'MISSING' | 'EXTRA' | 'DIFFERENT' }[];
}

/**
 * Per state table and row key, what the events left there: the sequence of the last event that
 * touched the row and a SHA-256 of the values it put (in the table's column order), or null if
 * it removed the row. Every change is a whole-row put or a removal by key (StateWriter), so
 * the last change to a key is the row replay arrives at, and the order in which changes are
 * collected does not matter as long as each carries its event's sequence: stretches of the
 * chain can be collected apart (worker threads) and merged.
 *
 * Why not rebuild the tables in a scratch database and compare them row by row (as replay did
 * until issue 23): on 200,000 registrations that took 80 s of a 121 s restore, most of it in
 * writing a second copy of every table with its indexes and search rows, and in two maps of
 * every row's JSON text. Here 44 characters per row are kept, and the live tables are read once.
 */
export type ReplayFinal = [seq: number, digest: string | null];
export type ReplayDigests = Map<string, Map<string, ReplayFinal>>;

const digestOf = (valuesJson: string) => crypto.hash('sha256', valuesJson, 'base64');

/** A change's row values in the table's column order, as StateWriter binds them (a missing column is refused, as it was). */
function putValues(c: StateChange, cols: readonly string[]): (string | number | null)[] {
  const row = c.row!;
  const values: (string | number | null)[] = new Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i]!];
    if (v === undefined && !(cols[i]! in row)) throw new Error(`put ${c.t}: column ${cols[i]} missing`);
    values[i] = v ?? null;
  }
  return values;
}

function keyOf(c: StateChange, key: readonly string[]): string {
  return c.row ? key.map((k) => String(c.row![k])).join('|') : c.k.map(String).join('|');
}

/**
 * Whether a payload can carry changes. Two events in five carry notes alone (record.viewed,
 * record.printed in bench/backup.ts): the writer puts `"changes":[]` first, and such a payload
 * is not parsed. Parsed all the same: a second `changes` key (JSON.parse keeps the last one),
 * or any \u escape (a key's letters may be spelt so; JSON has no other escape for a letter).
 * Such a payload that is not JSON any more cannot change the state replay arrives at; the
 * chain walk has already compared it with its hash.
 */
function mayHoldChanges(payload: string): boolean {
  if (payload.includes('\\u')) return true;
  const at = payload.indexOf('"changes"');
  if (at < 0) return false;
  return !(at === 1 && payload.startsWith(NO_CHANGES) && payload.indexOf('"changes"', at + 1) < 0);
}
const NO_CHANGES = '{"changes":[]';

export class ReplayCollector {
  readonly finals: ReplayDigests = new Map();
  events = 0;
  /** Events whose changes are in parts: read once the walk over the events is done (one statement per connection). */
  private readonly parted: [number, string][] = [];

  /** `columns`: each state table's columns (stateColumns), read before any statement iterates. */
  constructor(private readonly columns: Readonly<Record<string, readonly string[]>>) {}

  /** One event's payload (in any order; a later sequence wins). */
  readonly event = (seq: number, payload: string): void => {
    this.events++;
    if (listedParts(payload)) {
      this.parted.push([seq, payload]);
      return;
    }
    if (!mayHoldChanges(payload)) return;
    for (const c of (JSON.parse(payload) as { changes?: StateChange[] }).changes ?? []) this.change(seq, c);
  };

  change(seq: number, c: StateChange): void {
    const def = stateTables[c.t];
    if (!def) throw new Error(`not a state table: ${c.t}`);
    let table = this.finals.get(c.t);
    if (!table) this.finals.set(c.t, (table = new Map()));
    const key = keyOf(c, def.key);
    const before = table.get(key);
    if (before && before[0] > seq) return;
    table.set(key, [seq, c.row ? digestOf(JSON.stringify(putValues(c, this.columns[c.t]!))) : null]);
  }

  /** The parted events' changes, read from `db` by primary key (no statement may iterate on it meanwhile). */
  readParts(db: RawDatabase): void {
    for (const [seq, payload] of this.parted.splice(0)) for (const changes of eventChanges(db, seq, payload)) for (const c of changes) this.change(seq, c);
  }
}

/** Merges finals collected apart (a later sequence wins per key). */
export function mergeFinals(into: ReplayDigests, from: ReplayDigests): void {
  for (const [t, rows] of from) {
    const target = into.get(t);
    if (!target) {
      into.set(t, rows);
      continue;
    }
    for (const [key, f] of rows) {
      const before = target.get(key);
      if (!before || before[0] <= f[0]) target.set(key, f);
    }
  }
}

/** The columns of every state table, by table. */
export function stateColumns(db: RawDatabase): Record<string, string[]> {
  return Object.fromEntries(Object.keys(stateTables).map((t) => [t, tableColumns(db, t)]));
}

/** Every event's changes, in one streaming read of the events (no connection of its own needed). */
export function collectReplay(db: RawDatabase): ReplayCollector {
  const collector = new ReplayCollector(stateColumns(db));
  for (const [seq, payload] of db.prepare('SELECT seq, payload FROM events ORDER BY seq').raw().iterate() as IterableIterator<[number, string]>) {
    collector.event(seq, payload);
  }
  collector.readParts(db);
  return collector;
}

/**
 * Rebuilds every state table from the events alone and compares it with the current-state
 * tables row by row: what each row must be is collected from the events (ReplayCollector), then
 * each live table is read once, in its own order, against it.
 */
export function replayAndCompare(db: RawDatabase): ReplayResult {
  const c = collectReplay(db);
  return compareReplay(db, c.finals, c.events);
}

/**
 * The live tables against the collected finals. A row whose digest differs is looked at again
 * exactly (exactValues): a value the table stores in another type than the event carried it
 * (a number in a text column) would otherwise count as different where the old rebuild in a
 * scratch table saw the same row. Consumes `finals`.
 */
export function compareReplay(db: RawDatabase, finals: ReplayDigests, events: number): ReplayResult {
  const result: ReplayResult = { ok: true, events, tables: {}, examples: [] };
  const exact = new ExactValues(db);
  try {
    for (const [table, def] of Object.entries(stateTables)) {
      const cols = tableColumns(db, table);
      const keyAt = def.key.map((k) => cols.indexOf(k));
      const expected = finals.get(table) ?? new Map<string, ReplayFinal>();
      let rows = 0;
      let mismatches = 0;
      const note = (key: string, problem: 'MISSING' | 'EXTRA' | 'DIFFERENT') => {
        mismatches++;
        if (result.examples.length < 20) result.examples.push({ table, key, problem });
      };
      const suspects: { key: string; seq: number; liveJson: string }[] = [];
      // In the table's own order, not the key's: for a table keyed by text (appointments,
      // registrations) key order is its primary-key index and one lookup of the row per entry,
      // pages decrypted again and again; a scan reads each page once (docs/ledger-speed.md).
      const live = db.prepare(`SELECT ${cols.join(', ')} FROM ${table} NOT INDEXED`).raw().iterate() as IterableIterator<unknown[]>;
      for (const row of live) {
        rows++;
        const key = keyAt.map((i) => String(row[i])).join('|');
        const want = expected.get(key);
        expected.delete(key);
        if (!want || want[1] === null) {
          note(key, 'EXTRA');
          continue;
        }
        const liveJson = JSON.stringify(row);
        if (digestOf(liveJson) !== want[1]) suspects.push({ key, seq: want[0], liveJson });
      }
      for (const s of suspects) if (exact.valuesJson(table, cols, def.key, s.key, s.seq) !== s.liveJson) note(s.key, 'DIFFERENT');
      for (const [key, f] of expected) if (f[1] !== null) note(key, 'MISSING');
      result.tables[table] = { rows, mismatches };
      if (mismatches) result.ok = false;
    }
    return result;
  } finally {
    exact.close();
  }
}

/**
 * The values a row put by event `seq` has once SQLite has stored it in its table (a scratch
 * in-memory copy of the schema, one row at a time), as JSON; null when the table refuses it.
 * Only rows whose digest differs come here: none in a ledger whose state matches its events.
 */
class ExactValues {
  private scratch: RawDatabase | null = null;

  constructor(private readonly db: RawDatabase) {}

  valuesJson(table: string, cols: readonly string[], key: readonly string[], keyText: string, seq: number): string | null {
    const payload = this.db.prepare('SELECT payload FROM events WHERE seq = ?').pluck().get(seq) as string | undefined;
    if (payload === undefined) return null;
    let last: StateChange | undefined;
    for (const changes of eventChanges(this.db, seq, payload)) for (const c of changes) if (c.t === table && keyOf(c, key) === keyText) last = c;
    if (!last?.row) return null;
    const scratch = this.open();
    const where = key.map((k) => `${k} = ?`).join(' AND ');
    const values = putValues(last, cols);
    try {
      return scratch.transaction(() => {
        scratch.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(values);
        const stored = scratch.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE ${where}`).raw().get(key.map((k) => values[cols.indexOf(k)]));
        scratch.prepare(`DELETE FROM ${table} WHERE ${where}`).run(key.map((k) => values[cols.indexOf(k)]));
        return JSON.stringify(stored);
      })();
    } catch {
      return null;
    }
  }

  private open(): RawDatabase {
    if (this.scratch) return this.scratch;
    const scratch = (this.scratch = new Database(':memory:'));
    scratch.pragma('foreign_keys = OFF');
    migrate(scratch);
    for (const t of Object.keys(stateTables)) scratch.exec(`DELETE FROM ${t}`);
    return scratch;
  }

  close(): void {
    this.scratch?.close();
  }
}
