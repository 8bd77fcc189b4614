/**
 * The QR code of a form's signed decision statement, sized in real millimetres (like the
 * Code 128 in barcode.ts): phone cameras and desk imagers read modules by their physical size,
 * and a scaled-down symbol fails before a large one does.
 *
 * Encoded by the `qrcode` package (mode optimisation, Reed-Solomon, mask choice) and embedded as
 * a greyscale PNG (pngjs) of 8 pixels a module, 0.0625 mm a pixel: finer than an office laser's
 * 600 dpi, so it prints as crisp as a vector. Measured in bench/print.ts, the ways tried cost the
 * form: bwip-js's QR (the Code 128's library) 17 ms to encode plus ~13 ms for pdfmake to draw its
 * ~800-polygon SVG (1.86x the form without it, 1.3x allowed); this encoder with an SVG path of
 * merged runs still ~8 ms of drawing (1.42x); a PNG pdfmake embeds as it is, about 1 ms.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { ContentImage } from 'pdfmake';

const PT_PER_MM = 72 / 25.4;
/**
 * 0.5 mm modules: a ~380-character statement is a version 12 symbol (65 modules), 32.5 mm
 * wide; read back from a 150 dpi render (3 pixels a module) by zbarimg in the tests.
 */
const MODULE_MM = 0.5;
/** ISO/IEC 18004 asks for 4 modules of clear margin on every side. */
const QUIET_ZONE_MODULES = 4;
const PIXELS_PER_MODULE = 8;

interface QrSymbol {
  image: ContentImage;
  sizePt: number;
  version: number;
}

/**
 * Error correction M (15 %): the statement carries its own integrity (the signature), so the
 * code needs only to survive a crease or a smudge, and M keeps it two versions smaller than Q.
 * Base45 text is all QR alphanumeric characters, which the encoder packs 2 in 11 bits.
 */
export function qrCode(text: string): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const side = (modules + 2 * QUIET_ZONE_MODULES) * PIXELS_PER_MODULE;
  const gray = Buffer.alloc(side * side, 0xff);
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (!qr.modules.data[y * modules + x]) continue;
      const left = (x + QUIET_ZONE_MODULES) * PIXELS_PER_MODULE;
      for (let row = (y + QUIET_ZONE_MODULES) * PIXELS_PER_MODULE, end = row + PIXELS_PER_MODULE; row < end; row++) {
        gray.fill(0, row * side + left, row * side + left + PIXELS_PER_MODULE);
      }
    }
  }
  // One filter for every row: pngjs would otherwise try all five per row, for a picture of flat runs.
  const png = PNG.sync.write({ width: side, height: side, data: gray } as PNG, { colorType: 0, inputColorType: 0, bitDepth: 8, filterType: 0 });
  const sizePt = (modules + 2 * QUIET_ZONE_MODULES) * MODULE_MM * PT_PER_MM;
  return { image: { image: `data:image/png;base64,${png.toString('base64')}`, width: sizePt, height: sizePt }, sizePt, version: qr.version };
}
