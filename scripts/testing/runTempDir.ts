import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: every test run gets a temp folder of its own, and everything the tests
 * put in the system temp folder (ledgers, key files, exports, browser profiles: os.tmpdir()
 * through TMPDIR, inherited by the test processes and whatever they start) goes into it; the
 * teardown removes it whole. So a test that forgets its `finally`, or a run that is stopped,
 * leaves no encrypted ledger or exported list behind in /tmp beyond this one folder, which the
 * next run's setup removes too if its owner process is gone.
 */
const PREFIX = 'masa-testrun-';

export default function setup(): () => void {
  const base = os.tmpdir();
  removeAbandonedRuns(base);
  const dir = fs.mkdtempSync(path.join(base, PREFIX));
  // Traversable but not listable by others: the test PostgreSQL cluster runs as the postgres user
  // in a folder of its own inside (hq/testing/cluster.ts); every folder inside is 0700 itself.
  fs.chmodSync(dir, 0o711);
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** Folders of earlier runs whose process is gone (stopped with a kill, or a crash). */
function removeAbandonedRuns(base: string): void {
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(base, name);
    let pid = 0;
    try {
      pid = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // being set up right now, or not ours
    }
    if (pid > 0 && alive(pid)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
