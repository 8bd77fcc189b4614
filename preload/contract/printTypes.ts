/** A rendered PDF, made in main and kept in memory; the renderer previews, prints or saves it. */
export interface PrintedDocument {
  fileName: string;
  pdfBase64: string;
  bytes: number;
  /** Names this very PDF to `print.toPrinter`: main prints the bytes it holds, the renderer never sends them back. */
  documentId: string;
}

/**
 * What happened when the preview's "Yazdır" asked the desktop app to print (`print.toPrinter`):
 * with silent printing off, or a PDF too large for the print window, the preview opens the
 * system print dialog itself (`dialog`).
 */
export type PrintOutcome =
  | { mode: 'dialog' }
  | { mode: 'silent'; ok: true }
  | { mode: 'silent'; ok: false; message: string; messageEn: string };

/** What the Asil / Yedek list can be printed for: each bundled edition with its provinces. */
export interface PlacementListOptions {
  editions: { code: string; name: { tr: string; en: string }; provinces: { code: string; name: string; quota: number }[] }[];
  /** The office's own province: the list's default. */
  officeProvinceCode: string;
}
