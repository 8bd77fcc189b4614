import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { RawDatabase } from '../vault/connection';
import { AppointmentSearchWriter } from './appointmentSearch';
import { cachedStatement } from './statementCache';
import { stateTables } from './stateTables';
import type { StateRows, StateTable } from '../migrations/stateRows';

export { cachedStatement };

export type Row = Record<string, string | number | null>;

/**
 * One change to a state table, as it is stored inside the event that explains it: a whole row
 * (`row`: a new row, every event of schema 80 and before, and every change in a large event's
 * parts), the columns a put changed in a row that was there (`set`, from schema 90: the values
 * that differ from the row as it was before the put; `{}` for a put that changed nothing, so
 * the event still says it touched the row), or a removal (`row: null`).
 *
 * Why sets: a registration's four commits repeated its 26-column appointment row in every
 * event, which was most of a registration's bytes (docs/ledger-speed.md, "Writes and size").
 */
export type StateChange = { t: string; k: (string | number)[]; row: Row | null; set?: undefined } | SetChange;
interface SetChange {
  t: string;
  k: (string | number)[];
  set: Row;
  row?: undefined;
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

/**
 * Each table's insert and upsert, by table: building their SQL text for every row, and looking
 * it up by that new string, took 0.4 s of a 160,000-row import (bench/import's profile).
 */
type WriteStatements = { insert?: Statement; upsert?: Statement; before?: Statement };
const writeStatementCache = new WeakMap<RawDatabase, Map<string, WriteStatements>>();

function writeStatements(db: RawDatabase, table: string): WriteStatements {
  let byTable = writeStatementCache.get(db);
  if (!byTable) writeStatementCache.set(db, (byTable = new Map()));
  let s = byTable.get(table);
  if (!s) byTable.set(table, (s = {}));
  return s;
}

/**
 * Rows derived from a state table's column and written with it: the name-search rotations of
 * an appointment (appointmentSearch.ts: written here rather than by triggers, for speed).
 * Not state themselves: replay rebuilds them by putting the state rows.
 */
interface DerivedWriter {
  move(key: string, before: string | null | undefined, after: string | null | undefined, batch: boolean): void;
  flush(): void;
}
const DERIVED: Record<string, { column: string; open: (db: RawDatabase) => DerivedWriter }> = {
  appointments: { column: 'search_name', open: (db) => new AppointmentSearchWriter(db) },
};

/**
 * Where a large event's changes go (the ledger's parts, database/ledger/eventParts.ts): once an event
 * has `partSize` changes, every change is handed over as it is made, and `end` follows the
 * last one.
 */
export interface ChangeSink {
  add(change: StateChange): void;
  /** A put as the writer bound it: `values` in the table's column order (tableColumns). */
  addValues(table: string, key: (string | number)[], values: (string | number | null)[]): void;
  end(): void;
}

/**
 * The only way to change current state. Every put/remove is applied at once and remembered;
 * the ledger writes the list into the event of the same transaction.
 */
export class StateWriter {
  /** The event's changes as its payload stores them. */
  readonly changes: StateChange[] = [];
  /**
   * The same changes as whole rows, kept (only until the event is large, PART_CHANGES of them)
   * in case it becomes large: parts keep whole rows (eventParts.ts).
   */
  private readonly wholeChanges: StateChange[] = [];
  data: Record<string, unknown> = {};
  /** The changes go to the sink (the event is large); `changes` stays empty from then on. */
  private parted = false;
  /**
   * `seq` is the sequence number the explaining event will get (rows may record it).
   * `openSink`, given by the ledger, makes the sink that takes the changes once there are
   * `partSize` of them (only then: most events never get there), so a writer never holds more
   * than that many row copies.
   */
  constructor(
    readonly db: RawDatabase,
    readonly seq = 0,
    private readonly openSink: (() => ChangeSink) | null = null,
    private readonly partSize = Number.POSITIVE_INFINITY,
    /** Whole rows for every put, as schema 80 wrote them (the benches' baseline, tests' older ledgers). */
    private readonly wholeRows = false,
  ) {}

  private sink: ChangeSink | null = null;

  /** Ends the sink's last part and writes derived rows still batched (the ledger calls it after the event's last change). */
  flush(): void {
    for (const d of this.derivedWriters.values()) d.writer.flush();
    if (this.parted) this.sink!.end();
  }

  private readonly derivedWriters = new Map<string, { column: string; writer: DerivedWriter }>();

  /** The derived rows of a table, or null; a large event's are batched (appointmentSearch.ts). */
  private derivedOf(table: string): { column: string; writer: DerivedWriter } | null {
    let derived = this.derivedWriters.get(table);
    if (!derived) {
      const def = DERIVED[table];
      if (!def) return null;
      this.derivedWriters.set(table, (derived = { column: def.column, writer: def.open(this.db) }));
    }
    return derived;
  }

  /** `whole`: the change as a whole row, when `change` is a set. */
  private remember(change: StateChange, whole: StateChange = change): void {
    if (this.parted) {
      this.sink!.add(whole);
      return;
    }
    this.changes.push(change);
    if (!this.openSink) return;
    this.wholeChanges.push(whole);
    if (this.changes.length >= this.partSize) {
      this.parted = true;
      const sink = (this.sink = this.openSink());
      this.changes.length = 0;
      for (const c of this.wholeChanges.splice(0)) sink.add(c);
    }
  }

  /** Adds facts to the event's payload (counts, reasons, file hashes...). */
  note(data: Record<string, unknown>): void {
    Object.assign(this.data, data);
  }

  /**
   * A change as an event stored it (replay, and a test writing an older schema's rows): its
   * table and columns were checked when it was first written, so they are taken as stored.
   */
  apply(change: StateChange): void {
    if (change.set) {
      const def = stateTables[change.t];
      if (!def) throw new Error(`not a state table: ${change.t}`);
      const where = def.key.map((k) => `${k} = ?`).join(' AND ');
      const before = this.prepare(`SELECT * FROM ${change.t} WHERE ${where}`).get(change.k) as Row | undefined;
      if (!before) throw new Error(`set ${change.t}: no row ${change.k.join('|')}`);
      this.write(change.t, { ...before, ...change.set }, false);
    } else if (change.row) this.write(change.t, change.row, false);
    else this.removeRow(change.t, change.k);
  }

  /** A state row, every column of its table (StateRows, beside the migrations). */
  put<T extends StateTable>(table: T, row: StateRows[T]): void {
    this.write(table, row as unknown as Row, false);
  }

  /**
   * A row that must be new (an imported appointment): a plain INSERT, refused with SQLite's
   * primary-key constraint error if the key exists, and no lookup of an old row first.
   * Replay puts it like any other change.
   */
  insert<T extends StateTable>(table: T, row: StateRows[T]): void {
    this.write(table, row as unknown as Row, true);
  }

  remove(table: StateTable, key: (string | number)[]): void {
    this.removeRow(table, key);
  }

  private removeRow(table: string, key: (string | number)[]): void {
    const def = stateTables[table];
    if (!def) throw new Error(`not a state table: ${table}`);
    const where = def.key.map((k) => `${k} = ?`).join(' AND ');
    const derived = this.derivedOf(table);
    const before = derived && this.prepare(`SELECT ${derived.column} AS v FROM ${table} WHERE ${where}`).get(key);
    this.prepare(`DELETE FROM ${table} WHERE ${where}`).run(key);
    if (before) derived.writer.move(key.join('|'), (before as { v: string | null }).v, undefined, this.parted);
    this.remember({ t: table, k: key, row: null });
  }

  private write(table: string, row: Row, mustBeNew: boolean): void {
    const def = stateTables[table];
    if (!def) throw new Error(`not a state table: ${table}`);
    const cols = tableColumns(this.db, table);
    const values: (string | number | null)[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      const v = row[c];
      if (v === undefined && !(c in row)) throw new Error(`put ${table}: column ${c} missing`);
      values[i] = v ?? null;
    }
    const key = def.key.map((k) => row[k] as string | number);
    const derived = this.derivedOf(table);
    // The row as it was, in one SELECT by key: what a set leaves out and the old search name
    // (whole rows need it only for the search name, as schema 80's writer did).
    let before: unknown[] | undefined;
    if (!mustBeNew && (derived || (!this.parted && !this.wholeRows))) before = this.beforeStatement(table, cols, def.key).get(key) as unknown[] | undefined;
    (mustBeNew ? this.plainInsert(table, cols) : this.upsert(table, cols, def.key)).run(values);
    if (derived) {
      const at = cols.indexOf(derived.column);
      derived.writer.move(key.join('|'), before ? (before[at] as string | null) : undefined, (row[derived.column] ?? null) as string | null, this.parted);
    }
    if (this.parted) {
      // A large event's change goes to its part as the bound values: no row copy is made
      // (building a 21-key object per row was most of this method's time in bench/import).
      this.sink!.addValues(table, key, values);
      return;
    }
    const full: Row = {};
    for (let i = 0; i < cols.length; i++) full[cols[i]!] = values[i]!;
    const whole: StateChange = { t: table, k: key, row: full };
    if (!before || this.wholeRows) {
      this.remember(whole);
      return;
    }
    // Strict equality with the stored value: a value SQLite stores in another type (a number in
    // a text column) counts as changed, so the set carries it as the put gave it.
    const set: Row = {};
    for (let i = 0; i < cols.length; i++) if (before[i] !== values[i]) set[cols[i]!] = values[i]!;
    this.remember({ t: table, k: key, set }, whole);
  }

  private beforeStatement(table: string, cols: string[], key: readonly string[]): Statement {
    const cached = writeStatements(this.db, table);
    // Its own statement (not the shared cache): raw() changes how it answers.
    return (cached.before ??= this.db.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`).raw());
  }

  private plainInsert(table: string, cols: string[]): Statement {
    const cached = writeStatements(this.db, table);
    return (cached.insert ??= this.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`));
  }

  private upsert(table: string, cols: string[], key: readonly string[]): Statement {
    const cached = writeStatements(this.db, table);
    if (cached.upsert) return cached.upsert;
    const nonKey = cols.filter((c) => !key.includes(c));
    const sql =
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${key.join(', ')}) DO ` +
      (nonKey.length ? `UPDATE SET ${nonKey.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING');
    return (cached.upsert = this.prepare(sql));
  }

  private prepare(sql: string): Statement {
    return cachedStatement(this.db, sql);
  }
}
