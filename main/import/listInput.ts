import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Where the list's bytes are: a file on disk (CLI, a typed path) or the bytes the screen sent
 * for a picked or dropped file. Bytes are read from memory as they are: no temporary copy of a
 * file full of personal data is ever written.
 */
export type ListInput = string | Buffer;

/** Reads at a position: a FileHandle, or the same over bytes in memory. */
export interface RandomAccess {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<unknown>;
}

/** A byte stream of the whole input and how many bytes of it were handed on so far. */
export interface CountingStream {
  stream: Readable;
  bytesRead(): number;
}

const CHUNK = 256 * 1024;

export function openStream(input: ListInput): CountingStream {
  if (typeof input === 'string') {
    const stream = createReadStream(input, { highWaterMark: CHUNK });
    return { stream, bytesRead: () => stream.bytesRead };
  }
  let at = 0;
  const stream = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (at >= input.length) {
        this.push(null);
        return;
      }
      const end = Math.min(input.length, at + CHUNK);
      const piece = input.subarray(at, end);
      at = end;
      this.push(piece);
    },
  });
  return { stream, bytesRead: () => at };
}

/** Random access over bytes in memory, shaped like FileHandle.read. */
export function memoryAccess(bytes: Buffer): RandomAccess {
  return {
    async read(buffer, offset, length, position) {
      const n = Math.max(0, Math.min(length, bytes.length - position));
      if (n > 0) bytes.copy(buffer, offset, position, position + n);
      return { bytesRead: n, buffer };
    },
  };
}

/** Opens the input for random access; `kind` is what it is (only a regular file or bytes are lists). */
export async function openAccess(input: ListInput): Promise<{ access: RandomAccess; size: number; regular: boolean; close(): Promise<void> }> {
  if (typeof input !== 'string') return { access: memoryAccess(input), size: input.length, regular: true, close: async () => {} };
  const fh = await open(input, 'r');
  try {
    const stat = await fh.stat();
    return { access: fh, size: stat.size, regular: stat.isFile(), close: () => fh.close() };
  } catch (e) {
    await fh.close();
    throw e;
  }
}
