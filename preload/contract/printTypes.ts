/** A rendered PDF, made in main and kept in memory; the renderer previews, prints or saves it. */
export interface PrintedDocument {
  fileName: string;
  pdfBase64: string;
  bytes: number;
}

/**
 * What happened when the preview's "Yazdır" asked the desktop app to print: with silent
 * printing off (or in the browser bridge) the preview opens the system print dialog itself.
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
