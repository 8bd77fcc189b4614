/**
 * The one place that calls pdfmake. pdfmake exports a process-wide instance whose fonts and
 * access policies any other module could change, so they are set again right before every
 * document rather than once at start-up.
 */
import pdfmake, { type TDocumentDefinitions } from 'pdfmake';
import { embeddedFonts } from './fonts';

const denyAll = (): boolean => false;

/** Lays out and serialises a document in memory: personal data never touches a temp file. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  pdfmake.setFonts(embeddedFonts());
  // Fonts come from memory; a document may fetch nothing (URL) and read nothing (disk).
  pdfmake.setUrlAccessPolicy(denyAll);
  pdfmake.setLocalAccessPolicy(denyAll);
  return pdfmake.createPdf(doc).getBuffer();
}
