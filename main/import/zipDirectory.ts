import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { RandomAccess } from './listInput';

/**
 * Reads a zip's central directory (at the end of the file) before any streaming starts.
 * exceljs' streaming reader walks the local headers from the front, so a download cut short
 * can look like a complete, shorter workbook; the central directory is the last thing in the
 * file, so a truncated file has none and is caught here. It also tells an .xlsx from other
 * zip files (.ods, .docx) and finds encrypted entries.
 */
export interface ZipEntryInfo {
  uncompressedSize: number;
  encrypted: boolean;
  /** CRC-32 of the uncompressed bytes, as the archive states it. */
  crc32: number;
  /** Where the entry's local header starts, its compressed size and method (0 stored, 8 deflate). */
  localOffset: number;
  compressedSize: number;
  method: number;
}

export interface ZipDirectory {
  entries: Map<string, ZipEntryInfo>;
}

export class ZipDamaged extends Error {}

const LOCAL = 0x04034b50;

/** False for an entry that cannot be read at its place (zip64 offsets, an unknown method). */
export function locatable(e: ZipEntryInfo): boolean {
  return e.localOffset !== 0xffffffff && e.compressedSize !== 0xffffffff && (e.method === 0 || e.method === 8);
}

interface EntryReadOptions {
  /** Bytes per inflated chunk (zlib's default is 16 KB). */
  chunkSize?: number;
  /** Told the archive position up to which the entry has been read (for progress). */
  onRead?(position: number): void;
}

/** Compressed bytes read from the archive at a time: a large sheet is never read whole. */
const READ_PIECE = 1024 * 1024;

/**
 * One entry's uncompressed bytes as a stream, read at its place in the archive (random access:
 * the file on disk or the bytes in memory), a megabyte at a time. Null when the entry cannot
 * be located this way (see locatable): the caller then reads it in stream order.
 */
export async function entryAt(fh: RandomAccess, e: ZipEntryInfo, options: EntryReadOptions = {}): Promise<Readable | null> {
  if (!locatable(e)) return null;
  const head = Buffer.alloc(30);
  await fh.read(head, 0, 30, e.localOffset);
  if (head.readUInt32LE(0) !== LOCAL) throw new ZipDamaged('bad local header');
  const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  const raw = Readable.from(compressedPieces(fh, start, e.compressedSize, options.onRead));
  if (e.method === 0) return raw;
  const inflate = createInflateRaw(options.chunkSize ? { chunkSize: options.chunkSize } : {});
  // pipeline, not pipe: a failed read then fails the inflated stream too instead of stalling it.
  pipeline(raw, inflate, () => {});
  return inflate;
}

async function* compressedPieces(fh: RandomAccess, start: number, size: number, onRead?: (position: number) => void): AsyncGenerator<Buffer> {
  for (let at = 0; at < size; at += READ_PIECE) {
    const piece = Buffer.alloc(Math.min(READ_PIECE, size - at));
    const r = (await fh.read(piece, 0, piece.length, start + at)) as { bytesRead?: number } | undefined;
    if (r?.bytesRead !== undefined && r.bytesRead < piece.length) throw new ZipDamaged('entry data cut short');
    onRead?.(start + at + piece.length);
    yield piece;
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;

export async function readZipDirectory(fh: RandomAccess, size: number): Promise<ZipDirectory> {
  const tailLength = Math.min(size, 22 + 0xffff + 20);
  const tail = Buffer.alloc(tailLength);
  await fh.read(tail, 0, tailLength, size - tailLength);

  // The end record sits at the very end unless a comment follows it; accept a candidate
  // only if its comment length accounts exactly for the rest of the file.
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tailLength) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipDamaged('no end of central directory record (truncated)');

  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  const eocdAbs = size - tailLength + eocd;
  if (cdOffset === 0xffffffff || count === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipDamaged('zip64 locator missing');
    const rec64At = Number(tail.readBigUInt64LE(loc + 8));
    const rec = Buffer.alloc(56);
    await fh.read(rec, 0, 56, rec64At);
    if (rec.readUInt32LE(0) !== EOCD64) throw new ZipDamaged('zip64 end record missing');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > eocdAbs || cdSize > 64 * 1024 * 1024) throw new ZipDamaged('central directory out of bounds');

  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: ZipDirectory['entries'] = new Map();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipDamaged('bad central directory entry');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const localOffset = cd.readUInt32LE(p + 42);
    if (localOffset !== 0xffffffff && localOffset >= cdOffset) throw new ZipDamaged('entry outside the archive');
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { uncompressedSize, encrypted: (flags & 1) === 1, crc32, localOffset, compressedSize, method });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries };
}
