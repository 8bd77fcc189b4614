import fs from 'node:fs';

/** A baseline for the benches that read a ledger or a backup: every byte of the file read once, in 1 MiB chunks. */
export function readAll(f: string): number {
  const fd = fs.openSync(f, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let total = 0;
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) total += n;
  } finally {
    fs.closeSync(fd);
  }
  return total;
}
