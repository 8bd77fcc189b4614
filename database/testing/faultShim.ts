import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the write-fault shim (faultwrite.c) into a temp folder at test time: the repository
 * holds only the source, never a binary. Linux only (LD_PRELOAD, /proc/self/fd). Without a C
 * compiler the answer says why (the test is skipped); a compiler that fails on the source
 * throws, so a broken shim fails the test instead of skipping it.
 */
type ShimBuild = { ok: true; so: string; dir: string } | { ok: false; reason: string };

const SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'faultwrite.c');

export function buildFaultShim(): ShimBuild {
  if (process.platform !== 'linux') return { ok: false, reason: `LD_PRELOAD fault injection needs Linux (this is ${process.platform})` };
  const probe = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { ok: false, reason: `no C compiler: \`cc --version\` failed (${probe.error?.message ?? `exit ${probe.status}`})` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-faultshim-'));
  const so = path.join(dir, 'faultwrite.so');
  const r = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-Wall', '-o', so, SOURCE, '-ldl', '-lpthread'], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`cc could not build ${SOURCE}: ${(r.stderr || r.error?.message || '').trim()}`);
  }
  return { ok: true, so, dir };
}

/** The environment of a child that loads the shim; MASA_FAULT_CTL/REPORT name its control files. */
export function faultEnv(so: string, ctl: string, report: string): NodeJS.ProcessEnv {
  const preload = [so, process.env.LD_PRELOAD].filter(Boolean).join(':');
  return { ...process.env, LD_PRELOAD: preload, MASA_FAULT_CTL: ctl, MASA_FAULT_REPORT: report };
}

export type FaultMode = 'once' | 'persist' | 'fsync-once' | 'fsync-persist';

export interface FaultReport {
  /** Write-family calls (and ftruncate) on files under the folder. */
  writes: number;
  /** fsync / fdatasync calls on them. */
  syncs: number;
  failed: number;
  /** Writes to the database file itself: in WAL mode only a checkpoint writes there. */
  mainWrites: number;
  /** The file the first failed call hit. */
  firstFailed: 'main' | 'wal' | 'shm' | 'journal' | 'witness' | '-';
}

/** Child side: arms and disarms the shim by writing to its control file (see faultwrite.c). */
export class FaultControl {
  private readonly fd: number;
  constructor(
    ctl: string,
    private readonly report: string,
  ) {
    this.fd = fs.openSync(ctl, 'w');
  }

  /** `dir` must be a real path: the shim compares it with /proc/self/fd links. */
  arm(dir: string, n: number, mode: FaultMode, errno: 'EIO' | 'ENOSPC' = 'EIO'): void {
    // One write() per command: the shim parses the buffer of that single call.
    fs.writeSync(this.fd, `arm ${dir} ${n} ${mode} ${errno}\n`);
  }

  /** Stops counting; returns what was counted and failed since arm (see faultwrite.c). */
  disarm(): FaultReport {
    fs.writeSync(this.fd, 'disarm\n');
    const [writes, syncs, failed, mainWrites, firstFailed] = fs.readFileSync(this.report, 'utf8').trim().split(' ') as [string, string, string, string, string];
    return { writes: Number(writes), syncs: Number(syncs), failed: Number(failed), mainWrites: Number(mainWrites), firstFailed: firstFailed as FaultReport['firstFailed'] };
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
