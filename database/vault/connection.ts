import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { DatabaseError, translateSqliteError } from '../shared/errors';

export type RawDatabase = Database.Database;

interface OpenOptions {
  /** 32 random bytes: the data key. Never a password. */
  key: Buffer;
  /** Create the file if it does not exist. Opening for an existing ledger never creates one. */
  create?: boolean;
  readonly?: boolean;
  /** FULL (default) survives power loss; NORMAL only an application crash. */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Applies the SQLCipher-compatible settings (they must come before anything else touches the
 * file), checks that the key opens it, then sets WAL, durability and foreign keys.
 */
export function openEncrypted(path: string, opts: OpenOptions): RawDatabase {
  if (opts.key.length !== 32) throw new Error('data key must be 32 bytes');
  const exists = fs.existsSync(path);
  if (!exists && !opts.create) throw new DatabaseError('DB_MISSING', 'ledger file is missing');
  if (exists && opts.create) throw new DatabaseError('DB_EXISTS', 'refusing to create over an existing ledger');
  let db: RawDatabase | undefined;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !opts.create });
    applyKey(db, opts.key);
    // Reading the schema is the first real page read: a wrong key fails here, not later.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    // Decrypting a page costs more than reading it: keep the working set (64 MiB) decrypted in memory.
    db.pragma('cache_size = -65536');
    if (opts.create && process.platform !== 'win32') fs.chmodSync(path, 0o600);
    return db;
  } catch (err) {
    db?.close();
    throw translateSqliteError(err);
  }
}

export function applyKey(db: RawDatabase, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Files SQLite keeps beside the main file: all encrypted, all owner-only. */
export function sidecarFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}
