import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseError } from '../shared/errors';

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
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new DatabaseError('DISK_FULL', 'no space left for the folder lock');
      if (code !== 'EEXIST') throw new DatabaseError('IO_ERROR', 'cannot create the folder lock');
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

const isUnc = (p: string) => /^\\\\(?!\?\\[A-Za-z]:)/.test(p) || /^\/\/[^/]/.test(p);

/** Runs a Windows tool for its text output; null if it is missing, fails or takes too long. */
export type RunTool = (cmd: string, args: string[]) => string | null;
const runTool: RunTool = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: 3000, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

/**
 * `wmic logicaldisk where DeviceID='Z:' get DriveType /format:list` prints `DriveType=4` for a
 * network drive (3 local disk, 2 removable, 5 CD). Returns the number, or null if not listed.
 */
export function parseWmicDriveType(output: string): number | null {
  const m = /^\s*DriveType=(\d+)\s*$/m.exec(output);
  return m ? Number(m[1]) : null;
}

/**
 * `net use` lists mapped drives, one a line: `OK           Z:        \\sunucu\paylasim   Microsoft
 * Windows Network` (the status column may be empty, "Unavailable", "Disconnected", or localized:
 * "Kullanılamıyor", "Bağlantısı Kesildi"). True if the drive letter is listed with a UNC remote.
 */
export function netUseListsDrive(output: string, drive: string): boolean {
  const letter = drive.slice(0, 1).toUpperCase();
  return output.split(/\r?\n/).some((line) => new RegExp(`(^|\\s)${letter}:\\s+\\\\\\\\[^\\s\\\\]+\\\\`, 'i').test(line));
}

/**
 * Windows: a UNC path, a path whose final (resolved) form is UNC, or a drive letter mapped to a
 * share. No native module: `fs.realpathSync.native` resolves mapped drives and links to their
 * `\\server\share` form where Windows reports it; else `wmic` (DriveType 4 = network drive)
 * and, where wmic is gone (newer Windows 11), `net use`, each with a 3-second timeout.
 */
export function isNetworkFolderWin32(
  dir: string,
  tools: { realpath?: (p: string) => string; run?: RunTool } = {},
): boolean {
  if (isUnc(dir)) return true;
  const realpath = tools.realpath ?? ((p: string) => fs.realpathSync.native(p));
  const run = tools.run ?? runTool;
  try {
    if (isUnc(realpath(dir))) return true;
  } catch {
    /* not there (yet): the drive letter still tells */
  }
  const m = /^([A-Za-z]):/.exec(/^[A-Za-z]:/.test(dir) ? dir : path.win32.resolve(dir));
  if (!m) return false;
  const drive = `${m[1]!.toUpperCase()}:`;
  const wmic = run('wmic', ['logicaldisk', 'where', `DeviceID='${drive}'`, 'get', 'DriveType', '/format:list']);
  const type = wmic === null ? null : parseWmicDriveType(wmic);
  if (type !== null) return type === 4;
  const net = run('net', ['use']);
  return net !== null && netUseListsDrive(net, drive);
}

/**
 * SQLite's WAL needs shared memory between processes on one machine: it does not work on a
 * network share. The data folder must be local (backups may go to a share).
 */
export function isNetworkFolder(dir: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return isNetworkFolderWin32(dir);
  if (isUnc(dir)) return true;
  try {
    const st = fs.statfsSync(dir);
    return NETWORK_FS.has(Number(st.type));
  } catch {
    return false;
  }
}
