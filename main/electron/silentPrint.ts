/**
 * Silent printing (the office head's setting): the PDF, already rendered in main and held in
 * memory, is loaded as a data: URL into a hidden, sandboxed window whose only content is
 * Chromium's PDF viewer, printed to the default printer without the dialog, and closed.
 */
import { BrowserWindow } from 'electron';
import type { PrintOutcome } from '../../preload/contract/printTypes';
import { SHELL } from '../texts/shell';

/** The PDF viewer lays the pages out after the load event; printing earlier gives blank pages. */
const VIEWER_SETTLE_MS = 800;

export async function printPdfSilently(dataUrl: string): Promise<PrintOutcome> {
  const win = new BrowserWindow({
    show: false,
    // Literal here (not built elsewhere) so that electronegativity can read it.
    webPreferences: {
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(dataUrl);
    await new Promise((r) => setTimeout(r, VIEWER_SETTLE_MS));
    const failure = await new Promise<string | null>((resolve) =>
      win.webContents.print({ silent: true, printBackground: true }, (ok, reason) => resolve(ok ? null : reason || 'failed')),
    );
    if (failure === null) return { mode: 'silent', ok: true };
    // The reason is Chromium's own word ("cancelled", "failed", "no valid printers"); no personal data.
    return {
      mode: 'silent',
      ok: false,
      message: SHELL.printerRefused.tr(failure),
      messageEn: SHELL.printerRefused.en(failure),
    };
  } finally {
    win.destroy();
  }
}
