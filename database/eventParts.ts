import type { RawDatabase } from './connection';
import { payloadHash } from './hashChain';
import { stateTables } from './stateTables';
import { cachedStatement, type Row, type StateChange } from './stateWriter';

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
  const runs: Run[] = [];
  let run: Run | null = null;
  for (const c of changes) {
    if (!run || run[0] !== c.t) {
      run = [c.t, columnsOf(c.t)];
      runs.push(run);
    }
    const cols = run[1];
    if (c.row) {
      const op: (string | number | null)[] = [1];
      for (const col of cols) op.push(c.row[col] ?? null);
      run.push(op);
    } else run.push([0, ...c.k]);
  }
  return JSON.stringify(runs);
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
