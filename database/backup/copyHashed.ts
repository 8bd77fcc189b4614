import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface FileDigest {
  size: number;
  sha256: string;
}

const CHUNK = 8 << 20;

/**
 * Copies `src` to a new file `dest` (owner-only; refused if it exists), fsyncs it, and returns
 * the SHA-256 of the copy itself, read back from `dest`. The digest is of the very bytes that
 * will be used (the caller swaps `dest` in only if it matches), not of the source as it was at
 * some other moment: nothing can change between the digest and the use that the digest does not
 * see, short of a process of the same user writing into the locked data folder.
 *
 * Not one pass that hashes the buffer it writes: on the 2.4 GB ledger of bench/backup the
 * kernel's copy (copy_file_range) + fsync + hashing the copy from the page cache took 3.8-4.2 s,
 * a read-hash-write loop 6.7-7.0 s (synchronous) or 3.8-15 s (asynchronous, pipelined, with early
 * fdatasync), on the same disk in the same minutes. On failure the caller removes `dest`.
 */
export function copyFileHashed(src: string, dest: string): FileDigest {
  fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
  const fd = fs.openSync(dest, 'r+');
  try {
    fs.fchmodSync(fd, 0o600);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return sha256File(dest);
}

/** SHA-256 of a file in chunks (readFileSync refuses files over 2 GiB and would hold it all). */
export function sha256File(file: string): FileDigest {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(file, 'r');
  try {
    let size = 0;
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; size += n) hash.update(buf.subarray(0, n));
    return { size, sha256: hash.digest('hex') };
  } finally {
    fs.closeSync(fd);
  }
}
