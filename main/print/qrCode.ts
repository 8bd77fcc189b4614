/**
 * The QR code of a form's signed decision statement, as vector SVG sized in real millimetres
 * (like the Code 128 in barcode.ts): phone cameras and desk imagers read modules by their
 * physical size, and a scaled-down symbol fails before a large one does.
 */
import { toSVG, type RenderOptions } from 'bwip-js/node';
import type { ContentSvg } from 'pdfmake';

const PT_PER_MM = 72 / 25.4;
/**
 * 0.5 mm modules: a ~380-character statement is a version 12 symbol (65 modules), 32.5 mm
 * wide; read back from a 150 dpi render (3 pixels a module) by zbarimg in the tests.
 */
const MODULE_MM = 0.5;
/** ISO/IEC 18004 asks for 4 modules of clear margin on every side. */
const QUIET_ZONE_MODULES = 4;
/** bwip-js draws a 2D module as 2 SVG units at scale 1 (a version 1 symbol, 21 modules, is 42 units wide); padding is in units too. */
const UNITS_PER_MODULE = 2;

export interface QrSymbol {
  svg: ContentSvg;
  sizePt: number;
}

/**
 * Error correction M (15 %): the statement carries its own integrity (the signature), so the
 * code needs only to survive a crease or a smudge, and M keeps it two versions smaller than Q.
 * bwip-js picks the alphanumeric mode for Base45 text by itself.
 */
export function qrCode(text: string): QrSymbol {
  // eclevel is a BWIPP option bwip-js passes through; its types do not list it.
  const options: RenderOptions & { eclevel: 'M' } = {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale: 1,
    paddingwidth: QUIET_ZONE_MODULES * UNITS_PER_MODULE,
    paddingheight: QUIET_ZONE_MODULES * UNITS_PER_MODULE,
  };
  const svg = toSVG(options);
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js returned an SVG without a viewBox');
  const ptPerUnit = (MODULE_MM * PT_PER_MM) / UNITS_PER_MODULE;
  const sizePt = Number(viewBox[1]) * ptPerUnit;
  return { svg: { svg, width: sizePt, height: Number(viewBox[2]) * ptPerUnit }, sizePt };
}
