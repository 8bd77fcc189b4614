import type { RawDatabase } from '../vault/connection';
import { cachedStatement } from './statementCache';

/**
 * Rows of a two-column table (`event_refs`, `appointment_search`) inserted `perStatement` at a
 * time by one multi-row INSERT OR IGNORE, the rest one by one at `flush`. A large import adds
 * 160,000 refs and about 400,000 search rows; one statement call per row was most of the time
 * they took (bench/import's profile). Duplicates within a statement are ignored like any other.
 */
export class PairInsert {
  private readonly pending: (string | number)[] = [];
  private readonly manySql: string;
  private readonly oneSql: string;

  constructor(
    private readonly db: RawDatabase,
    table: string,
    columns: readonly [string, string],
    private readonly perStatement: number,
  ) {
    const target = `${table} (${columns.join(', ')})`;
    this.oneSql = `INSERT OR IGNORE INTO ${target} VALUES (?, ?)`;
    this.manySql = manySql(target, perStatement);
  }

  add(a: string | number, b: string | number): void {
    this.pending.push(a, b);
    if (this.pending.length === 2 * this.perStatement) {
      cachedStatement(this.db, this.manySql).run(this.pending);
      this.pending.length = 0;
    }
  }

  /** Writes the rows still waiting for a full statement. */
  flush(): void {
    if (this.pending.length === 0) return;
    const one = cachedStatement(this.db, this.oneSql);
    for (let i = 0; i < this.pending.length; i += 2) one.run(this.pending[i]!, this.pending[i + 1]!);
    this.pending.length = 0;
  }
}

/** The multi-row statement's text, made once: every small event writes its refs through here. */
const manyTexts = new Map<string, string>();

function manySql(target: string, rows: number): string {
  const key = `${target}|${rows}`;
  let sql = manyTexts.get(key);
  if (sql === undefined) manyTexts.set(key, (sql = `INSERT OR IGNORE INTO ${target} VALUES ${Array(rows).fill('(?, ?)').join(', ')}`));
  return sql;
}
