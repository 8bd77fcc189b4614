/**
 * The verification corner of a decision document: the QR of its signed statement with the
 * line saying what it is for, and the reprint mark. Shared by the Kesin Kayıt Formu and the
 * Ret / Eksik Evrak notices.
 */
import type { Content } from 'pdfmake';
import { qrCode } from '../qrCode';
import { tr } from '../templates';
import { MUTED } from './frame';

/** A column holding the QR and its caption, or null when the document carries no statement. */
export function statementQrColumn(statement: string | undefined): Content | null {
  if (!statement) return null;
  const qr = qrCode(statement);
  return {
    width: qr.sizePt,
    stack: [
      { ...qr.image, alignment: 'center' },
      // Inside the symbol's quiet zone would shrink it; under it the caption may wrap.
      { text: tr.common.verifyLine, fontSize: 7, color: MUTED, alignment: 'center', margin: [0, 1, 0, 0] },
    ],
  };
}

/** The subtitle a reprint adds under the title: the same decision, printed again. */
export function reprintSubtitles(reprint: boolean | undefined): string[] {
  return reprint ? [tr.common.reprint] : [];
}
