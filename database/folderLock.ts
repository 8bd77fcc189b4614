import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseError } from './errors';

/**
 * One writer per data folder. SQLite's own locks keep a single file consistent, but two Masa
 * processes on one ledger would interleave chains and sessions; so the folder holds
 * `masa.lock` (pid + host) created exclusively. A lock left by a process that no longer runs
 * on this host is taken over.
 */
export interface FolderLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds: a second MasaApp in the same process is refused too. */
const heldHere = new Set<string>();

export function acquireFolderLock(dir: string): FolderLock {
  const file = path.join(dir, 'masa.lock');
  const key = path.resolve(dir);
  if (heldHere.has(key)) throw new DatabaseError('LOCKED', 'this process already uses this data folder', { pid: process.pid });
  const me = JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx', mode: 0o600 });
      heldHere.add(key);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(key);
          try {
            if (fs.readFileSync(file, 'utf8') === me) fs.rmSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new DatabaseError('IO_ERROR', 'cannot create the folder lock');
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* half-written lock: treat as stale */
      }
      const sameHost = holder.host === os.hostname();
      if (holder.pid && (!sameHost || alive(holder.pid)) && holder.pid !== process.pid) {
        throw new DatabaseError('LOCKED', 'another Masa process uses this data folder', { pid: holder.pid, host: holder.host ?? '' });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseError('LOCKED', 'another Masa process uses this data folder');
}

/** Linux filesystem magic numbers of network filesystems (statfs f_type). */
const NETWORK_FS = new Set([0x6969 /* NFS */, 0xff534d42 /* CIFS */, 0xfe534d42 /* SMB2 */, 0x517b /* SMB */, 0x65735546 /* FUSE (sshfs…) */]);

/**
 * SQLite's WAL needs shared memory between processes on one machine: it does not work on a
 * network share. The data folder must be local (backups may go to a share).
 */
export function isNetworkFolder(dir: string): boolean {
  if (/^\\\\/.test(dir) || /^\/\/[^/]/.test(dir)) return true; // UNC path
  try {
    const st = fs.statfsSync(dir);
    return NETWORK_FS.has(Number(st.type));
  } catch {
    return false;
  }
}
