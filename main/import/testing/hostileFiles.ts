/**
 * Hostile list files for the resource-limit tests (limits.ts), made while the test runs and
 * never committed: zip parts deflated from generated pieces, so that a part of a gigabyte is
 * never held inflated, only its deflated bytes (a few MB).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { HEADERS } from './fixtures';
import { sheetXml, xlsxEntries, zipBytes, type PreDeflated, type ZipOptions } from './zipWriter';

/** Deflates the pieces a generator yields; their CRC-32 and size are counted on the way in. */
export async function deflatePieces(pieces: Iterable<string>): Promise<PreDeflated> {
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  const counted = function* () {
    for (const piece of pieces) {
      const b = Buffer.from(piece, 'utf8');
      crc = crc32(b, crc);
      size += b.length;
      yield b;
    }
  };
  await pipeline(
    Readable.from(counted()),
    createDeflateRaw(),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return { bytes: Buffer.concat(out), crc: crc >>> 0, size };
}

/** `piece` repeated until `bytes` are given, in blocks of about 1 MB. */
export function* repeated(piece: string, bytes: number): Generator<string> {
  const block = piece.repeat(Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(piece))));
  const blockBytes = Buffer.byteLength(block);
  for (let n = 0; n < bytes; n += blockBytes) yield block;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEADER_ROW = `<row r="1">${HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

/** A worksheet: the contract's header row, then `rows` (the generated inside of <sheetData>). */
export function* sheetPieces(rows: Iterable<string>): Generator<string> {
  const [head, tail] = sheetXml('\u0000').split('\u0000') as [string, string];
  yield head + HEADER_ROW;
  yield* rows;
  yield tail;
}

/** A shared-strings part around generated `<si>` items. */
export function* sharedStringsPieces(items: Iterable<string>): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">`;
  yield* items;
  yield '</sst>';
}

/** An .xlsx whose sheet and (when given) shared strings are the deflated parts. */
export function hostileXlsx(parts: { sheet: PreDeflated; sharedStrings?: PreDeflated }, options: ZipOptions = {}): Buffer {
  const entries = xlsxEntries({ sheets: { 'sheet1.xml': '' }, ...(parts.sharedStrings ? { sharedStrings: '-' } : {}) });
  for (const e of entries) {
    if (e.name === 'xl/worksheets/sheet1.xml') e.deflated = parts.sheet;
    if (e.name === 'xl/sharedStrings.xml') e.deflated = parts.sharedStrings;
  }
  return zipBytes(entries, options);
}

export interface ChildImport {
  /** The import.analyze result as the handler table gives it. */
  result: { ok: true; totalRows: number } | { ok: false; error: { code: string; message: string; messageEn?: string } };
  headBefore: unknown;
  headAfter: unknown;
  /** The child's peak resident set (VmHWM), MB. */
  maxRssMb: number;
}

/**
 * import.analyze on `file` in a fresh child process (a set-up office, the head signed in,
 * the real handler table), so that its peak RSS is the import's own (hostileImportChild.ts).
 */
export function importInChild(file: string): ChildImport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/import/testing/hostileImportChild.ts', file], {
    encoding: 'utf8',
    env: { ...process.env, MASA_LOG: 'silent' },
    maxBuffer: 16 * 1024 * 1024,
    // Without the limits a hostile file ran for a minute or took gigabytes: fail, do not hang.
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  if (r.status !== 0) throw new Error(`child import failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as ChildImport;
}

/** Writes `pieces` to a file without holding them (a CSV of 100 MB). */
export function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = fs.openSync(path, 'w', 0o600);
  try {
    for (const p of pieces) fs.writeSync(fd, p);
  } finally {
    fs.closeSync(fd);
  }
}
