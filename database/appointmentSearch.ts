import type { RawDatabase } from './connection';
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

/**
 * Rows a large event adds go in by one multi-row INSERT per ROWS_PER_STATEMENT: an import of
 * 160,000 appointments adds about 400,000, and one statement call per row was a quarter of the
 * time they took (bench/import's profile).
 */
const ROWS_PER_STATEMENT = 100;
const MANY_SQL = `INSERT OR IGNORE INTO appointment_search (key, randevu_no) VALUES ${Array(ROWS_PER_STATEMENT).fill('(?, ?)').join(', ')}`;
const ONE_SQL = 'INSERT OR IGNORE INTO appointment_search (key, randevu_no) VALUES (?, ?)';

/**
 * Keeps the search rows of the appointments one state writer writes. With `batch` (a large
 * event, StateWriter's parted mode) added rows wait for a full statement; `flush` writes the
 * rest, and a removal flushes first, so it always sees every row added before it. Nothing
 * reads `appointment_search` between a large event's puts; the ledger flushes before the
 * event is appended.
 */
export class AppointmentSearchWriter {
  private pending: string[] = [];

  constructor(private readonly db: RawDatabase) {}

  /** Moves an appointment's search rows from its old folded name to its new one (either may be absent). */
  move(randevuNo: string, before: string | null | undefined, after: string | null | undefined, batch: boolean): void {
    if (before === after) return;
    const next = after ? nameRotations(after) : [];
    if (before || !batch) this.flush();
    if (before) {
      const drop = cachedStatement(this.db, 'DELETE FROM appointment_search WHERE key = ? AND randevu_no = ?');
      const keep = new Set(next);
      for (const key of nameRotations(before)) if (!keep.has(key)) drop.run(key, randevuNo);
    }
    if (!batch) {
      const one = cachedStatement(this.db, ONE_SQL);
      for (const key of next) one.run(key, randevuNo);
      return;
    }
    for (const key of next) {
      this.pending.push(key, randevuNo);
      if (this.pending.length === 2 * ROWS_PER_STATEMENT) {
        cachedStatement(this.db, MANY_SQL).run(this.pending);
        this.pending.length = 0;
      }
    }
  }

  /** Writes the rows still waiting for a full statement. */
  flush(): void {
    if (this.pending.length === 0) return;
    const one = cachedStatement(this.db, ONE_SQL);
    for (let i = 0; i < this.pending.length; i += 2) one.run(this.pending[i]!, this.pending[i + 1]!);
    this.pending.length = 0;
  }
}
