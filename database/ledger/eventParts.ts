import type { RawDatabase } from '../vault/connection';
import { payloadHash } from './hashChain';
import { PairInsert } from './pairInsert';
import { stateTables } from './stateTables';
import { cachedStatement, tableColumns, type ChangeSink, type Row, type StateChange } from './stateWriter';

/**
 * The state changes of a large event, in parts of PART_CHANGES changes each (migration 0060).
 *
 * Why: an import of 160,000 appointments as one payload was a ~100 MB canonical JSON string,
 * built from full row copies kept until commit: 1.6 GB peak and a third of the import's time
 * in encoding, hashing and binding that string. In parts, a writer keeps at most one part of
 * changes in memory, and an erasure rewrites only the parts that hold the erased rows.
 *
 * A part is compact JSON made only of arrays and primitives, so JSON.stringify is already
 * canonical (no object keys to order), and each table's columns are written once per run:
 *   [[table, [col, ...], [1, value, ...] | [0, keyValue, ...], ...], ...]
 * where [1, ...] puts a row (values in column order) and [0, ...] removes the row with that
 * key. Runs keep the changes' order, so replay applies exactly what the writer applied.
 * The event's payload then is {data, parts: [sha256 of part 0, part 1, ...]}: the chain covers
 * every part through the payload hash.
 */
/**
 * 500, measured (bench/import, 160,000 rows): parts of 2,000 changes are JSON strings of about
 * 1 MB, which V8 puts straight into its large-object space, so they pile up until a full
 * collection (the whole import peaked at 518 MB); at 500 (about 250 KB) the peak was ~300 MB
 * and the time the same. A payload then lists 320 hashes.
 */
export const PART_CHANGES = partChangesFromEnv() ?? 500;

/**
 * MASA_PART_CHANGES (tests only): a small part size, so that the fault-injection suite runs a
 * 20-row import through several parts at every write instead of a 2,000-row one. Readers do not
 * depend on the size: every part is listed with its hash.
 */
function partChangesFromEnv(): number | undefined {
  const n = Number(process.env.MASA_PART_CHANGES);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

type Run = [table: string, cols: string[], ...ops: (string | number | null)[][]];


export function encodePart(changes: readonly StateChange[], columnsOf: (table: string) => string[]): string {
  const part = new PartText(columnsOf);
  for (const c of changes) part.add(c);
  return part.take();
}

/**
 * A part's text built a change at a time, byte for byte what JSON.stringify gives for its runs
 * (a JSON array is its elements' texts joined by commas, without spaces). Each change is
 * encoded as it comes and only its text is kept.
 *
 * Why (bench/import): keeping 500 changes as objects until the part was written made a fifth
 * of the 160,000-row imports (in fresh processes, at random) end with 340 MB of heap instead
 * of 120: the row copies outlived the young generation's collections often enough that V8 began
 * to allocate them straight in the old generation (allocation-site pretenuring), where they
 * stay until a full collection. Strings are never pretenured. Measured in fresh processes:
 * keeping even 32 changes' value arrays until they were encoded together let 3 runs of 6 end
 * at 480 MB; with a text per change 1 run of 14 still did (V8 found other rows to pretenure),
 * which the import's apply now bounds with a heap guard (main/app/fullCollection.ts). It costs
 * about 0.3 s more encoding on 160,000 changes (one JSON.stringify per change, not per part).
 */
export class PartText {
  private readonly runs: string[] = [];
  private table: string | null = null;
  private cols: string[] = [];
  private ops: string[] = [];
  size = 0;

  constructor(private readonly columnsOf: (table: string) => string[]) {}

  add(c: StateChange): void {
    this.enterRun(c.t);
    if (c.row) {
      const op: (string | number | null)[] = [1];
      for (const col of this.cols) op.push(c.row[col] ?? null);
      this.ops.push(JSON.stringify(op));
    } else this.ops.push(JSON.stringify([0, ...c.k]));
    this.size++;
  }

  /**
   * A put given as its values in the table's column order: the same text as `add` of that row
   * ("[1," and the values' array text without its "["), without building the op array.
   */
  addValues(table: string, values: readonly (string | number | null)[]): void {
    this.enterRun(table);
    this.ops.push(values.length ? `[1,${JSON.stringify(values).slice(1)}` : '[1]');
    this.size++;
  }

  private enterRun(table: string): void {
    if (table === this.table) return;
    this.closeRun();
    this.table = table;
    this.cols = this.columnsOf(table);
  }

  /** The part's text; the builder starts a new part. */
  take(): string {
    this.closeRun();
    const text = `[${this.runs.join(',')}]`;
    this.runs.length = 0;
    this.size = 0;
    return text;
  }

  private closeRun(): void {
    if (this.table === null) return;
    this.runs.push(`[${JSON.stringify(this.table)},${JSON.stringify(this.cols)},${this.ops.join(',')}]`);
    this.table = null;
    this.ops = [];
  }
}

export function decodePart(text: string): StateChange[] {
  const out: StateChange[] = [];
  for (const [t, cols, ...ops] of JSON.parse(text) as Run[]) {
    const key = stateTables[t]?.key ?? [];
    for (const op of ops) {
      if (op[0] === 0) {
        out.push({ t, k: op.slice(1) as (string | number)[], row: null });
        continue;
      }
      const row: Row = {};
      for (let i = 0; i < cols.length; i++) row[cols[i]!] = op[i + 1] ?? null;
      out.push({ t, k: key.map((k) => row[k] as string | number), row });
    }
  }
  return out;
}

export const partHash = payloadHash;

/** The event_refs key of a state row: which row an event touched (an appointment's history, KVKK erasure). */
function rowRef(table: string, key: readonly (string | number)[]): string {
  return `${table}:${key.join('|')}`;
}

export function changeRef(c: StateChange): string {
  return rowRef(c.t, c.k);
}

/** A full part's refs go in by one statement (pairInsert.ts says why). */
const REFS_PER_STATEMENT = 500;

export function writeRefs(db: RawDatabase, refs: readonly string[], seq: number): void {
  const insert = new PairInsert(db, 'event_refs', ['ref', 'seq'], REFS_PER_STATEMENT);
  for (const ref of refs) insert.add(ref, seq);
  insert.flush();
}

/**
 * The ledger's sink for a large event's changes (StateWriter's ChangeSink): writes a part and
 * its event_refs every `partSize` changes, and lists the parts' hashes for the payload. Keeps
 * only texts between parts (PartText).
 */
export class PartWriter implements ChangeSink {
  readonly hashes: string[] = [];
  private readonly text: PartText;
  private refs: string[] = [];

  constructor(
    private readonly db: RawDatabase,
    private readonly seq: number,
    private readonly partSize: number,
  ) {
    this.text = new PartText((t) => tableColumns(db, t));
  }

  add(change: StateChange): void {
    this.text.add(change);
    this.refs.push(changeRef(change));
    if (this.text.size >= this.partSize) this.end();
  }

  addValues(table: string, key: (string | number)[], values: (string | number | null)[]): void {
    this.text.addValues(table, values);
    this.refs.push(rowRef(table, key));
    if (this.text.size >= this.partSize) this.end();
  }

  /** Writes what has come since the last part (nothing if nothing has). */
  end(): void {
    if (this.text.size === 0) return;
    const text = this.text.take();
    cachedStatement(this.db, 'INSERT INTO event_parts (seq, part, payload) VALUES (?, ?, ?)').run(this.seq, this.hashes.length, text);
    this.hashes.push(partHash(text));
    writeRefs(this.db, this.refs, this.seq);
    this.refs = [];
  }
}

/**
 * The part hashes an event's payload lists, or null for an event that keeps its changes inline.
 * The cheap test first: in canonical JSON an unescaped `"parts":[` can only be an object key,
 * so the other 999,999 payloads of a ledger are never parsed.
 */
export function listedParts(payload: string): string[] | null {
  if (!payload.includes('"parts":[')) return null;
  try {
    const parts = (JSON.parse(payload) as { parts?: unknown }).parts;
    return Array.isArray(parts) && parts.every((h) => typeof h === 'string') ? (parts as string[]) : null;
  } catch {
    return null;
  }
}

/** One part's stored text (by primary key: safe to call while no statement is iterating). */
export function readPart(db: RawDatabase, seq: number, part: number): string | undefined {
  return (cachedStatement(db, 'SELECT payload FROM event_parts WHERE seq = ? AND part = ?').get(seq, part) as { payload: string } | undefined)?.payload;
}

export function partCount(db: RawDatabase, seq: number): number {
  return (cachedStatement(db, 'SELECT count(*) AS n FROM event_parts WHERE seq = ?').get(seq) as { n: number }).n;
}

/**
 * The changes an event made, inline or from its parts, a part at a time. Parts are read by
 * primary key one by one, so a caller may hold an iterator open on another connection only:
 * better-sqlite3 refuses a second statement while one iterates on the same connection.
 */
export function* eventChanges(db: RawDatabase, seq: number, payload: string): Generator<StateChange[]> {
  const parts = listedParts(payload);
  if (!parts) {
    yield (JSON.parse(payload) as { changes?: StateChange[] }).changes ?? [];
    return;
  }
  for (let i = 0; i < parts.length; i++) {
    const text = readPart(db, seq, i);
    if (text !== undefined) yield decodePart(text);
  }
}
