import fs from 'node:fs';

/** Below this a disk counts as full: SQLite cannot grow its -wal and -shm files by a page. */
const FULL_BELOW_BYTES = 1024 * 1024;

function freeBytes(dir: string): number {
  try {
    const st = fs.statfsSync(dir);
    return st.bavail * st.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Whether a failure is a full disk: said so by the operating system (ENOSPC, EDQUOT) or SQLite
 * (SQLITE_FULL, DISK_FULL), or an I/O error on a disk that has no room left (SQLite reports a
 * failed write into its -shm or -wal that way). The caller then says "disk full" and what to
 * free, never "unexpected error".
 */
export function isDiskFull(err: unknown, dir: string): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'DISK_FULL') return true;
  const io = code === 'IO_ERROR' || code === 'IO_SYNC_FAILED' || code === 'SYNC_FAILED' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'));
  return io && freeBytes(dir) < FULL_BELOW_BYTES;
}
