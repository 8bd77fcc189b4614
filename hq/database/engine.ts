import os from 'node:os';
import path from 'node:path';

/**
 * The one door to HQ's database: PostgreSQL through node-postgres when DATABASE_URL is set,
 * otherwise PGlite (PostgreSQL compiled to WebAssembly) in a data folder. Both speak the same
 * SQL with `$1` parameters, and both take bulk rows as CSV through COPY, so the migrations and
 * the queries are written once.
 */
export interface HqSql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** COPY `table (columns)` from CSV text (RFC 4180, empty unquoted field = NULL). */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

export interface HqEngine extends HqSql {
  readonly kind: 'postgresql' | 'pglite';
  /** Where the data is, for messages: never a password. */
  readonly where: string;
  transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The embedded database's folder: MASA_HQ_DATA_DIR, otherwise "Masa Merkez" in the user's data folder. */
function defaultHqDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MASA_HQ_DATA_DIR) return path.resolve(env.MASA_HQ_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Masa Merkez');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Masa Merkez');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'masa-merkez');
}

/** The COPY statement both engines run (the source differs: STDIN on a server, PGlite's /dev/blob). */
export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | "'/dev/blob'"): string {
  const ident = /^[a-z_][a-z0-9_]*$/;
  if (!ident.test(table) || !columns.every((c) => ident.test(c))) throw new Error('copy: bad identifier');
  return `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** Opens the engine the environment asks for (DATABASE_URL → server, otherwise the embedded folder). */
export async function openEngine(env: NodeJS.ProcessEnv = process.env): Promise<HqEngine> {
  if (env.DATABASE_URL) {
    const { openPgEngine } = await import('./pgEngine');
    return openPgEngine(env.DATABASE_URL);
  }
  const { openPgliteEngine } = await import('./pgliteEngine');
  return openPgliteEngine(defaultHqDataDir(env));
}

/** A connection string with any password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
