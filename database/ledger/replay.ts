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
 * Per state table and row key, what the events left there, in a form that can be collected in
 * stretches of the chain apart (worker threads, in any order) and merged: each part carries the
 * sequence of the event that made it, and a later sequence wins.
 *
 *  - `whole`, `digest`: the last whole-row put (a SHA-256 of its values in the table's column
 *    order) or removal (null) seen; 0 and undefined when none was seen (yet);
 *  - `sets`: per column, the last value a set (a put of changed columns, schema 90) gave it at
 *    or after `whole` (a set of the same event comes after the event's whole put: a stretch
 *    holds whole events); absent for a row whose changes are all whole, which is every row of
 *    a ledger of schema 80 and every imported row;
 *  - `fold`, `foldedSets`: the digest of the row with those sets applied, made when the
 *    collector had the whole row's values at hand (the whole put itself, or a window of the
 *    rows it put lately), and the sets' text it was made from: valid only while the sets are
 *    exactly those (a set from another stretch, merged in later, changes them; a newer whole
 *    put clears the fold). Otherwise the row is rebuilt at the end from the whole put's event
 *    and the sets (ReplayResolver), one read per such event.
 *
 * So the collector keeps 44 characters per row plus the changed columns of rows changed since
 * their last whole put, never a second copy of every row.
 *
 * Why not rebuild the tables in a scratch database and compare them row by row (as replay did
 * until issue 23): on 200,000 registrations that took 80 s of a 121 s restore, most of it in
 * writing a second copy of every table with its indexes and search rows, and in two maps of
 * every row's JSON text.
 */
type ReplayFinal = [whole: number, digest: string | null | undefined, sets?: string, fold?: string, foldedSets?: string];
/**
 * Per column, the sequence of the last set of it and the value it set. A final keeps it as its
 * JSON text, columns in order (setsText): a row's few changed columns as one string took the
 * collector of 250,000 rows with three sets each from 837 to 574 B a row (376 with whole rows; as objects, tuples
 * and a second text naming what a fold applied).
 */
type SetsAfter = Record<string, [seq: number, value: string | number | null]>;
export type ReplayDigests = Map<string, Map<string, ReplayFinal>>;

const digestOf = (valuesJson: string) => crypto.hash('sha256', valuesJson, 'base64');
/** A row the events cannot build (a set with no whole row before it): never a digest of values. */
const UNBUILDABLE = 'UNBUILDABLE';

type Values = (string | number | null)[];

/** A change's row values in the table's column order, as StateWriter binds them (a missing column is refused, as it was). */
function putValues(c: StateChange, cols: readonly string[]): Values {
  const row = c.row!;
  const values: Values = new Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i]!];
    if (v === undefined && !(cols[i]! in row)) throw new Error(`put ${c.t}: column ${cols[i]} missing`);
    values[i] = v ?? null;
  }
  return values;
}

/** Applies a set to values in column order (a column the table no longer has is ignored, as a whole row's is). */
function applySet(values: Values, set: Record<string, string | number | null>, cols: readonly string[]): void {
  for (const col in set) {
    const i = cols.indexOf(col);
    if (i >= 0) values[i] = set[col] ?? null;
  }
}

function applySets(values: Values, sets: SetsAfter, cols: readonly string[]): void {
  for (const col in sets) {
    const i = cols.indexOf(col);
    if (i >= 0) values[i] = sets[col]![1];
  }
}

function keyOf(c: StateChange, key: readonly string[]): string {
  return c.row ? key.map((k) => String(c.row![k])).join('|') : c.k.map(String).join('|');
}

/** The sets' text, columns in order (so the same sets give the same text); undefined for none. */
function setsText(sets: SetsAfter): string | undefined {
  const cols = Object.keys(sets);
  if (!cols.length) return undefined;
  cols.sort();
  const ordered: SetsAfter = {};
  for (const col of cols) ordered[col] = sets[col]!;
  return JSON.stringify(ordered);
}

const setsOf = (f: ReplayFinal): SetsAfter => (f[2] ? (JSON.parse(f[2]) as SetsAfter) : {});

/** Folds the row's sets into the values of its whole put: the digest, and the sets' text it was made from. */
function fold(f: ReplayFinal, values: Values, sets: SetsAfter, cols: readonly string[]): void {
  const row = values.slice();
  for (const col in sets) {
    const i = cols.indexOf(col);
    if (i >= 0) row[i] = sets[col]![1];
  }
  f[3] = digestOf(JSON.stringify(row));
  f[4] = f[2];
}

function lastSetSeq(sets: SetsAfter): number {
  let last = 0;
  for (const col in sets) if (sets[col]![0] > last) last = sets[col]![0];
  return last;
}

/** Drops the sets a whole put or removal at `whole` made obsolete: those before it (`orSame`: of its event too). */
function dropSetsBefore(sets: SetsAfter, whole: number, orSame: boolean): void {
  for (const col in sets) if (sets[col]![0] < whole || (orSame && sets[col]![0] === whole)) delete sets[col];
}

/**
 * How many rows put lately a collector keeps the values of, to fold the sets that follow them
 * (a registration's later commits follow its first within minutes). About 26 values a row:
 * a few MB.
 */
const WINDOW_ROWS = 8192;

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
  /** The values of the rows put lately (whole puts, as put), by table and key. */
  private readonly window = new Map<string, { whole: number; values: Values }>();

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
    const cols = this.columns[c.t]!;
    const windowKey = `${c.t}\u0000${key}`;
    let f = table.get(key);
    if (c.set) {
      if (!f) table.set(key, (f = [0, undefined]));
      if (seq < f[0]) return;
      let changed = false;
      const sets = setsOf(f);
      for (const col in c.set) {
        const had = sets[col];
        if (!had || had[0] <= seq) {
          sets[col] = [seq, c.set[col] ?? null];
          changed = true;
        }
      }
      if (!changed) return;
      f[2] = setsText(sets);
      const seen = this.window.get(windowKey);
      if (seen && seen.whole === f[0]) fold(f, seen.values, sets, cols);
      return;
    }
    if (f && f[0] > seq) return;
    const values = c.row ? putValues(c, cols) : null;
    const digest = values ? digestOf(JSON.stringify(values)) : null;
    if (!f) table.set(key, (f = [seq, digest]));
    else {
      f[0] = seq;
      f[1] = digest;
      f[3] = f[4] = undefined;
      if (f[2]) {
        // Sets of this same event before this change are obsolete too.
        const sets = setsOf(f);
        dropSetsBefore(sets, seq, true);
        f[2] = setsText(sets);
        // Sets seen before their whole put (it was in a part, read after the walk; or in a later
        // stretch this collector walked first): folded now, while the values are at hand.
        if (values && f[2]) fold(f, values, sets, cols);
      }
    }
    this.window.delete(windowKey);
    if (values) {
      this.window.set(windowKey, { whole: seq, values });
      if (this.window.size > WINDOW_ROWS) this.window.delete(this.window.keys().next().value!);
    }
  }

  /** The parted events' changes, read from `db` by primary key (no statement may iterate on it meanwhile). */
  readParts(db: RawDatabase): void {
    for (const [seq, payload] of this.parted.splice(0)) for (const changes of eventChanges(db, seq, payload)) for (const c of changes) this.change(seq, c);
  }
}

/** Merges finals collected apart (a later sequence wins per key, and per column for sets). */
export function mergeFinals(into: ReplayDigests, from: ReplayDigests): void {
  for (const [t, rows] of from) {
    const target = into.get(t);
    if (!target) {
      into.set(t, rows);
      continue;
    }
    for (const [key, f] of rows) {
      const had = target.get(key);
      if (!had) {
        target.set(key, f);
        continue;
      }
      const [base, other] = had[0] >= f[0] ? [had, f] : [f, had];
      // The base's fold stays: it is still valid if the other brought no set that counts.
      const merged: ReplayFinal = [base[0], base[1], base[2], base[3], base[4]];
      if (other[2]) {
        const sets = setsOf(base);
        const more = setsOf(other);
        for (const col in more) {
          const s = more[col]!;
          if (!sets[col] || sets[col]![0] <= s[0]) sets[col] = s;
        }
        dropSetsBefore(sets, merged[0], false);
        merged[2] = setsText(sets);
      }
      target.set(key, merged);
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

/** Every table's rows as the finals resolve them (tests: finals collected apart resolve as those of one walk). */
export function expectedRows(db: RawDatabase, finals: ReplayDigests): Map<string, Map<string, Expected>> {
  const out = new Map<string, Map<string, Expected>>();
  for (const [table, rows] of finals) out.set(table, new ReplayResolver(db, table, tableColumns(db, table), stateTables[table]!.key).resolve(rows));
  return out;
}

/** A row's expected state once resolved: the last sequence that changed it and its digest (null: removed). */
type Expected = [seq: number, digest: string | null];

/**
 * Turns a table's finals into one digest per row: a row changed by sets since its last whole
 * put is its folded digest when valid, else rebuilt from the whole put's event (read once for
 * all the rows it put) with the sets applied. Keeps the finals of rows with sets, for
 * `values` (a row whose digest differs is looked at again exactly).
 */
class ReplayResolver {
  private readonly withSets = new Map<string, ReplayFinal>();

  constructor(
    private readonly db: RawDatabase,
    private readonly table: string,
    private readonly cols: readonly string[],
    private readonly key: readonly string[],
  ) {}

  resolve(finals: Map<string, ReplayFinal>): Map<string, Expected> {
    const out = new Map<string, Expected>();
    const byWhole = new Map<number, string[]>();
    for (const [k, f] of finals) {
      if (!f[2]) {
        out.set(k, [f[0], f[1] === undefined ? UNBUILDABLE : f[1]]);
        continue;
      }
      const last = lastSetSeq(setsOf(f));
      this.withSets.set(k, f);
      // A fold belongs to the whole put the final holds (a newer one clears or replaces it).
      if (f[3] && f[4] === f[2]) out.set(k, [last, f[3]]);
      else if (f[1] == null) out.set(k, [last, UNBUILDABLE]);
      else {
        out.set(k, [last, UNBUILDABLE]);
        (byWhole.get(f[0]) ?? byWhole.set(f[0], []).get(f[0])!).push(k);
      }
    }
    for (const [seq, keys] of byWhole) {
      for (const [k, values] of this.rowsOfEvent(seq, new Set(keys))) {
        const f = this.withSets.get(k)!;
        if (values) {
          applySets(values, setsOf(f), this.cols);
          out.set(k, [lastSetSeq(setsOf(f)), digestOf(JSON.stringify(values))]);
        }
      }
    }
    return out;
  }

  /** The values the events give row `keyText`, whose last change was by event `seq`; null when they give none. */
  values(keyText: string, seq: number): Values | null {
    const f = this.withSets.get(keyText);
    const values = this.rowsOfEvent(f ? f[0] : seq, new Set([keyText])).get(keyText) ?? null;
    if (values && f) applySets(values, setsOf(f), this.cols);
    return values;
  }

  /** Each wanted row as event `seq` left it (its changes applied in order; null: removed or not built). */
  private rowsOfEvent(seq: number, wanted: ReadonlySet<string>): Map<string, Values | null> {
    const rows = new Map<string, Values | null>();
    const payload = this.db.prepare('SELECT payload FROM events WHERE seq = ?').pluck().get(seq) as string | undefined;
    if (payload === undefined) return rows;
    for (const changes of eventChanges(this.db, seq, payload)) {
      for (const c of changes) {
        if (c.t !== this.table) continue;
        const k = keyOf(c, this.key);
        if (!wanted.has(k)) continue;
        if (c.set) {
          const values = rows.get(k);
          if (values) applySet(values, c.set, this.cols);
        } else rows.set(k, c.row ? putValues(c, this.cols) : null);
      }
    }
    return rows;
  }
}

/**
 * The live tables against the collected finals. A row whose digest differs is looked at again
 * exactly (ExactValues): a value the table stores in another type than the event carried it
 * (a number in a text column) would otherwise count as different where the old rebuild in a
 * scratch table saw the same row. Consumes `finals`.
 */
export function compareReplay(db: RawDatabase, finals: ReplayDigests, events: number): ReplayResult {
  const result: ReplayResult = { ok: true, events, tables: {}, examples: [] };
  const exact = new ExactValues();
  try {
    for (const [table, def] of Object.entries(stateTables)) {
      const cols = tableColumns(db, table);
      const keyAt = def.key.map((k) => cols.indexOf(k));
      const resolver = new ReplayResolver(db, table, cols, def.key);
      const expected = resolver.resolve(finals.get(table) ?? new Map<string, ReplayFinal>());
      finals.delete(table);
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
        // A row the events cannot build (a set with no whole row before it) is named, never compared.
        if (want[1] === UNBUILDABLE) {
          note(key, 'DIFFERENT');
          continue;
        }
        const liveJson = JSON.stringify(row);
        if (digestOf(liveJson) !== want[1]) suspects.push({ key, seq: want[0], liveJson });
      }
      for (const s of suspects) {
        const values = resolver.values(s.key, s.seq);
        if (!values || exact.valuesJson(table, cols, def.key, values) !== s.liveJson) note(s.key, 'DIFFERENT');
      }
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
 * The values a row has once SQLite has stored them in its table (a scratch in-memory copy of
 * the schema, one row at a time), as JSON; null when the table refuses them. Only rows whose
 * digest differs come here: none in a ledger whose state matches its events.
 */
class ExactValues {
  private scratch: RawDatabase | null = null;

  valuesJson(table: string, cols: readonly string[], key: readonly string[], values: Values): string | null {
    const scratch = this.open();
    const where = key.map((k) => `${k} = ?`).join(' AND ');
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
