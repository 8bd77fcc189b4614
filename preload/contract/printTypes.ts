/** A rendered PDF, made in main and kept in memory; the renderer previews, prints or saves it. */
export interface PrintedDocument {
  fileName: string;
  pdfBase64: string;
  bytes: number;
}
