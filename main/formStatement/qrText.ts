/**
 * The text a QR code carries: `MASA1:` + Base45 (RFC 9285) of the COSE_Sign1 bytes. Base45's
 * 45 characters are exactly QR's alphanumeric mode, which packs 2 characters in 11 bits, so a
 * byte costs ~8.25 bits in the symbol instead of 8 in byte mode plus Base64's 33 %.
 * Not compressed: zlib saved 8 of 248 bytes on a Kesin Kayıt statement and made a refusal's
 * longer (the signature and hashes are random bytes), so it is left out (docs/verify-form.md).
 */
import base45 from 'base45';

export const QR_PREFIX = 'MASA1:';
/** Far above any statement (~250 bytes): a longer text is refused before it is decoded. */
const MAX_QR_TEXT = 2000;

const BASE45 = /^[0-9A-Z $%*+\-./:]*$/;

export class QrTextMalformed extends Error {
  constructor(readonly reason: 'prefix' | 'base45' | 'length') {
    super(reason);
    this.name = 'QrTextMalformed';
  }
}

export function qrText(cose: Uint8Array): string {
  return QR_PREFIX + base45.encode(cose);
}

/**
 * The COSE bytes of a scanned text. A scanner may add a line end; anything else (other
 * characters, a length no Base45 text has, a triple above 65535) is refused: the library
 * decodes such input to wrong bytes without a word, so the text must encode back to itself.
 */
export function coseBytesOf(text: string): Uint8Array {
  const t = text.replace(/[\r\n]+$/, '');
  if (t.length > MAX_QR_TEXT) throw new QrTextMalformed('length');
  if (!t.startsWith(QR_PREFIX)) throw new QrTextMalformed('prefix');
  const body = t.slice(QR_PREFIX.length);
  if (!BASE45.test(body) || body.length % 3 === 1 || body.length === 0) throw new QrTextMalformed('base45');
  const bytes = base45.decode(body);
  if (base45.encode(bytes) !== body) throw new QrTextMalformed('base45');
  return new Uint8Array(bytes);
}
