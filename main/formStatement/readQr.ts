/**
 * The QR text of a form given as a file, for `verify-form FILE.png|FILE.pdf`: a PNG is read
 * with pngjs and decoded with jsQR (both pure JavaScript); a PDF's first page is rendered to a
 * PNG first with poppler's pdftoppm, when it is installed (no well-kept pure-JavaScript PDF
 * rasterizer fits a command line tool; pdf.js needs a canvas). Without pdftoppm a PDF is
 * refused with that reason, and the scanned text can still be given instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DESK } from '../texts/desk';

type QrReadFailure = 'NOT_PNG' | 'NO_QR' | 'NO_PDFTOPPM' | 'PDF_UNREADABLE';

export class QrReadError extends Error {
  constructor(readonly code: QrReadFailure) {
    super(code);
    this.name = 'QrReadError';
  }
}

export const QR_READ_TEXT: Record<QrReadFailure, { tr: string; en: string }> = DESK.formStatement.qrRead;

/** 150 dpi, 3 pixels per 0.5 mm module, is what the forms are tested at; 300 dpi is the second try. */
const PDF_DPI = ['150', '300'];

export function qrTextFromPng(bytes: Buffer): string {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    throw new QrReadError('NOT_PNG');
  }
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new QrReadError('NO_QR');
  return found.data;
}

function pdftoppmAvailable(): boolean {
  return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}

export function qrTextFromPdf(file: string): string {
  if (!pdftoppmAvailable()) throw new QrReadError('NO_PDFTOPPM');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-verify-form-'));
  try {
    for (const dpi of PDF_DPI) {
      const out = path.join(dir, `page-${dpi}`);
      const r = spawnSync('pdftoppm', ['-r', dpi, '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', file, out], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new QrReadError('PDF_UNREADABLE');
      try {
        return qrTextFromPng(fs.readFileSync(`${out}.png`));
      } catch (e) {
        if (!(e instanceof QrReadError) || e.code !== 'NO_QR') throw e;
      }
    }
    throw new QrReadError('NO_QR');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
