/**
 * Byte streams of the parts inside an .xlsx, on their way to exceljs' XML parser.
 */
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { LIMITS, ResourceLimitExceeded, type LimitName } from './limits';

/**
 * Bytes decoded at a time. exceljs reads a parked sheet in 64 KB buffers; with Turkish letters
 * that decodes to a two-byte string of ~128 KB, which V8 allocates straight into the old
 * generation (large objects), where only a full mark-compact frees it: 90 MB of sheet XML then
 * piles up as garbage and the heap grows with it. 16 KB pieces stay in the young generation.
 */
const PIECE_BYTES = 16 * 1024;

export async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    if (typeof c === 'string') {
      yield c;
      continue;
    }
    const b = c as Buffer;
    for (let i = 0; i < b.length; i += PIECE_BYTES) {
      const s = decoder.write(b.subarray(i, i + PIECE_BYTES));
      if (s) yield s;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Passes a part's inflated bytes through and checks them against the CRC-32 the archive
 * states. unzipper does not check it, and some damage inflates without an error: a damaged
 * file must be refused, not read with altered names or numbers.
 */
export async function* crcChecked(chunks: AsyncIterable<unknown>, expected: number | undefined, part: string): AsyncGenerator<unknown> {
  let crc = 0;
  let checkable = expected !== undefined;
  for await (const c of chunks) {
    if (typeof c === 'string') checkable = false;
    else crc = crc32(c as Buffer, crc);
    yield c;
  }
  if (checkable && crc >>> 0 !== expected) throw new Error(`${part}: CRC-32 mismatch`);
}

/**
 * Passes a part's inflated bytes through, stopping as soon as there are more than the archive
 * states (damage, or a zip bomb's lie: its stated size passed sniff.ts's limits) or, when the
 * size is not known, more than the part's limit: a bomb is never inflated further than that.
 */
export async function* sizeChecked(chunks: AsyncIterable<unknown>, stated: number | undefined, limit: LimitName, part: string): AsyncGenerator<unknown> {
  let total = 0;
  for await (const c of chunks) {
    total += typeof c === 'string' ? Buffer.byteLength(c) : (c as Buffer).length;
    if (stated !== undefined && total > stated) throw new Error(`${part}: more data than the archive states`);
    if (total > LIMITS[limit]) throw new ResourceLimitExceeded(limit);
    yield c;
  }
}

/**
 * The chunks of a zip entry (unzipper hands out old-style readable-streams without async
 * iteration), read with a short queue and pause/resume for back-pressure.
 */
export async function* entryChunks(entry: NodeJS.ReadableStream): AsyncGenerator<Buffer | string> {
  const queue: (Buffer | string)[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  entry.on('data', (c: Buffer | string) => {
    queue.push(c);
    if (queue.length >= 8) entry.pause();
    wake?.();
  });
  entry.on('end', () => {
    ended = true;
    wake?.();
  });
  entry.on('error', (e: unknown) => {
    failure = e;
    wake?.();
  });
  for (;;) {
    if (failure) throw failure;
    const c = queue.shift();
    if (c !== undefined) {
      if (queue.length < 4) entry.resume();
      yield c;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
