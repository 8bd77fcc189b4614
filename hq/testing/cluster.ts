import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's PostgreSQL binaries (the newest installed), or PG_BIN; null when there are none. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PG_BIN && fs.existsSync(path.join(env.PG_BIN, 'initdb'))) return env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
}

export interface Cluster {
  url: string;
  dataDir: string;
  socketDir: string;
  /** The postmaster's process id (for the test that kills the server). */
  pid(): number;
  start(): void;
  stop(mode?: 'fast' | 'immediate'): void;
  /** Stops the server and removes its folders. */
  destroy(): void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A throwaway PostgreSQL cluster: initdb in a temp folder, a Unix socket in another, no TCP
 * (listen_addresses ''), trust authentication for the local socket only. As root it runs as
 * the `postgres` user (PostgreSQL refuses to run as root).
 */
export function startCluster(opts: { bin?: string; settings?: string[] } = {}): Cluster {
  const bin = opts.bin ?? postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-pg-'));
  const sock = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-sock-'));
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (isRoot()) execFileSync('chown', ['postgres', root, sock]);
  const dataDir = path.join(root, 'data');
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = ["-c listen_addresses=''", `-k ${sock}`, ...(opts.settings ?? [])].join(' ');
  const cluster: Cluster = {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(sock)}`,
    dataDir,
    socketDir: sock,
    pid: () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    start: () => run('pg_ctl', ['-D', dataDir, '-o', settings, '-l', path.join(root, 'log'), '-w', 'start']),
    stop: (mode = 'fast') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']),
    destroy() {
      try {
        if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) cluster.stop('immediate');
      } catch {
        // already gone
      }
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(sock, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
