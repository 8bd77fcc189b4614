import { randomUUID } from 'node:crypto';
import type { PrintOutcome } from '../../preload/contract/printTypes';
import type { Session } from './session';

/**
 * Sends a PDF main rendered (as a data: URL, checked to be a PDF: printDelivery.pdfDataUrl) to
 * the default printer. Only the desktop app has one (main/electron gives it to MasaApp); the
 * browser bridge and the CLI have none, so `print.toPrinter` refuses there.
 */
export type DocumentPrinter = (pdfDataUrl: string) => Promise<PrintOutcome>;

/** How many rendered documents main keeps for "Yazdır": the open preview's, with room for a few more. */
export const KEPT_DOCUMENTS = 8;

interface KeptDocument {
  fileName: string;
  pdf: Buffer;
  /** The sign-in that rendered it: after a sign-out or another user's sign-in it cannot be printed. */
  session: Session;
}

/**
 * The PDFs main rendered for a preview, in memory only (no temp file: they hold personal data),
 * by the id each preview was given, so that "Yazdır" names the document and never sends its
 * bytes back over IPC. Per app (one per MasaApp), the oldest dropped first.
 */
export class PrintedDocuments {
  private readonly kept = new Map<string, KeptDocument>();

  keep(session: Session, fileName: string, pdf: Buffer): string {
    const id = randomUUID();
    this.kept.set(id, { fileName, pdf, session });
    while (this.kept.size > KEPT_DOCUMENTS) this.kept.delete(this.kept.keys().next().value!);
    return id;
  }

  /** The document with this id if the current sign-in rendered it, otherwise null. */
  find(id: string, session: Session): { fileName: string; pdf: Buffer } | null {
    const doc = this.kept.get(id);
    return doc && doc.session === session ? { fileName: doc.fileName, pdf: doc.pdf } : null;
  }

  /** Drops every kept PDF (sign-out, ledger closed): personal data leaves memory with the session. */
  clear(): void {
    this.kept.clear();
  }
}
