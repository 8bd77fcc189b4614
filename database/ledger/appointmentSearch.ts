import type { RawDatabase } from '../vault/connection';
import { PairInsert } from './pairInsert';
import { cachedStatement } from './statementCache';

/**
 * The name-search rows of an appointment (`appointment_search`, migration 0040): every rotation
 * of the words of its folded name, so that a prefix range scan finds any word ("sukran" finds
 * "ayse sukran yilmaz" through "sukran yilmaz ayse").
 *
 * They are kept by the state writer, not by triggers (migration 0070): a trigger on
 * `appointments` makes SQLite open a statement journal for every upsert of the table, and an
 * import of 160,000 appointments spent 8 of its 12 seconds of SQL there (bench/import).
 * The rotations are exactly those 0050's triggers wrote (word starts at character positions
 * 1..512, SQLite's substr counts characters), so rows written either way can be removed by key.
 */
const MAX_POSITION = 512;

export function nameRotations(name: string): string[] {
  const out: string[] = [];
  if (!/[\ud800-\udfff]/.test(name)) {
    // No surrogate pairs: UTF-16 units are characters, plain slicing is exact.
    const doubled = `${name} ${name}`;
    const last = Math.min(name.length, MAX_POSITION);
    for (let p = 0; p < last; p++) if (p === 0 || name.charCodeAt(p - 1) === 32) out.push(doubled.slice(p, p + name.length));
    return out;
  }
  const chars = Array.from(name);
  const doubled = [...chars, ' ', ...chars];
  const last = Math.min(chars.length, MAX_POSITION);
  for (let p = 0; p < last; p++) if (p === 0 || chars[p - 1] === ' ') out.push(doubled.slice(p, p + chars.length).join(''));
  return out;
}

/** A large event's added rows go in 100 per statement (pairInsert.ts says why). */
const ROWS_PER_STATEMENT = 100;

/**
 * Keeps the search rows of the appointments one state writer writes. With `batch` (a large
 * event, StateWriter's parted mode) added rows wait for a full statement; `flush` writes the
 * rest, and a removal flushes first, so it always sees every row added before it. Nothing
 * reads `appointment_search` between a large event's puts; the ledger flushes before the
 * event is appended.
 */
export class AppointmentSearchWriter {
  private readonly added: PairInsert;

  constructor(private readonly db: RawDatabase) {
    this.added = new PairInsert(db, 'appointment_search', ['key', 'randevu_no'], ROWS_PER_STATEMENT);
  }

  /** Moves an appointment's search rows from its old folded name to its new one (either may be absent). */
  move(randevuNo: string, before: string | null | undefined, after: string | null | undefined, batch: boolean): void {
    if (before === after) return;
    const next = after ? nameRotations(after) : [];
    if (before) {
      this.added.flush();
      const drop = cachedStatement(this.db, 'DELETE FROM appointment_search WHERE key = ? AND randevu_no = ?');
      const keep = new Set(next);
      for (const key of nameRotations(before)) if (!keep.has(key)) drop.run(key, randevuNo);
    }
    for (const key of next) this.added.add(key, randevuNo);
    if (!batch) this.added.flush();
  }

  /** Writes the rows still waiting for a full statement. */
  flush(): void {
    this.added.flush();
  }
}
