import fs from 'node:fs';
import path from 'node:path';
import { crashPoint } from './crashPoints';

/**
 * Replaces a file so that after a crash at any moment it holds either the old or the new bytes:
 * write a sibling, fsync it, rename over, fsync the folder. Owner-only permissions.
 */
export function writeFileAtomic(target: string, data: string | Buffer, crashTag = 'atomic'): void {
  const tmp = `${target}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (err) {
    // A full disk: the half-written sibling would only hold on to the last free space.
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  crashPoint(`${crashTag}:written`);
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
  crashPoint(`${crashTag}:renamed`);
}

export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
