import type { MasaApp } from '../app/masaApp';

/**
 * Chromium refuses URLs longer than 2 MiB; a PDF that does not fit a data: URL goes through the
 * print dialog instead (still from memory: no personal data in a temp file).
 */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024;
const PREFIX = 'data:application/pdf;base64,';

/** `print.mode`: whether "Yazdır" goes silently to the default printer (office head's setting, desktop app only). */
export function printMode(app: MasaApp): { silent: boolean } {
  return { silent: app.officeInfo().silentPrint };
}

/**
 * What the desktop app's hidden print window loads: the PDF as a data: URL, or null when the
 * bytes are not a PDF (the window never loads anything else) or too large for a URL.
 */
export function pdfDataUrl(pdfBase64: unknown): string | null {
  if (typeof pdfBase64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(pdfBase64)) return null;
  if (!Buffer.from(pdfBase64.slice(0, 12), 'base64').toString('latin1').startsWith('%PDF-')) return null;
  if (PREFIX.length + pdfBase64.length > MAX_DATA_URL_CHARS) return null;
  return PREFIX + pdfBase64;
}
