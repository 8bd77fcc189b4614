import type { PrintOutcome } from '../../preload/contract/printTypes';
import { AppError } from '../app/appError';
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
 * What the desktop app's hidden print window loads: the PDF main rendered, as a data: URL, or
 * null when the bytes are not a PDF (the window never loads anything else) or too large for a URL.
 */
export function pdfDataUrl(pdf: Buffer): string | null {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  if (PREFIX.length + Math.ceil(pdf.length / 3) * 4 > MAX_DATA_URL_CHARS) return null;
  return PREFIX + pdf.toString('base64');
}

/**
 * `print.toPrinter`, the preview's "Yazdır": the PDF main rendered for this sign-in (by its id)
 * goes silently to the default printer when the office head enabled it; otherwise (or when it is
 * too large for the print window) the answer is `dialog` and the preview opens the print dialog.
 * Only the desktop app has a printer: the browser bridge and the CLI refuse, naming it.
 */
export async function printToPrinter(app: MasaApp, input: { documentId: string }): Promise<PrintOutcome> {
  const session = app.requireSession();
  if (!app.printer) throw new AppError('PRINT_NEEDS_DESKTOP');
  const doc = app.printedDocuments.find(input.documentId, session);
  if (!doc) throw new AppError('PRINT_DOCUMENT_GONE');
  if (!printMode(app).silent) return { mode: 'dialog' };
  const url = pdfDataUrl(doc.pdf);
  return url === null ? { mode: 'dialog' } : app.printer(url);
}
