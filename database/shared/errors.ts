/**
 * Errors the database layer raises on purpose. Each carries a stable code that main maps to a
 * Turkish/English message; none carries personal data.
 */
export type DatabaseErrorCode =
  | 'DB_WRONG_KEY'
  | 'DB_CORRUPT'
  | 'DB_NEWER_SCHEMA'
  | 'DB_MISSING'
  | 'DB_EXISTS'
  | 'SLOTS_MISSING'
  | 'SLOTS_CORRUPT'
  | 'SLOT_WRONG_SECRET'
  | 'SLOT_UNKNOWN_USER'
  | 'LEDGER_APPEND_REFUSED'
  | 'LOCKED'
  | 'NETWORK_FOLDER'
  | 'DISK_FULL'
  | 'IO_ERROR'
  | 'SYNC_FAILED'
  /** The ledger file is there but 0 bytes long. */
  | 'DB_EMPTY'
  /** The ledger file's size is not a whole number of pages: its end was cut off. */
  | 'DB_TRUNCATED'
  /** A key slot asks for scrypt parameters no Masa writes (a damaged or edited key file). */
  | 'SLOTS_KDF_INVALID';

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** Maps SQLite's own error codes to ours where the user needs a different message. */
export function translateSqliteError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_NOTADB') return new DatabaseError('DB_WRONG_KEY', 'file is not a database or the key is wrong');
  if (code === 'SQLITE_CORRUPT') return new DatabaseError('DB_CORRUPT', 'database disk image is malformed');
  if (code === 'SQLITE_FULL') return new DatabaseError('DISK_FULL', 'disk is full');
  // A failed fsync is not a failed write: the transaction's frames, commit frame included, may
  // already be in the WAL file. This connection treats the transaction as rolled back, but if
  // the ledger is reopened before another write overwrites those frames (a crash, or a disk that
  // keeps failing so that closing cannot checkpoint), WAL recovery finds them whole and the
  // change is there after all (shown by main/services/faultInjection.test.ts). So the user must
  // not be told "no change was saved", as IO_ERROR says.
  if (code === 'SQLITE_IOERR_FSYNC' || code === 'SQLITE_IOERR_DIR_FSYNC') return new DatabaseError('SYNC_FAILED', 'fsync failed');
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return new DatabaseError('IO_ERROR', 'disk I/O error');
  return err;
}
