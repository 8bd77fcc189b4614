/**
 * Code 128 of the registration number, as vector SVG so that it prints crisp at any printer
 * resolution. Sized in real millimetres: a desk's 1D scanner reads bars by their physical
 * width, not by how nice the page looks.
 */
// The Node build explicitly: this runs in the main process, whatever conditions a bundler sets.
import { toSVG } from 'bwip-js/node';
import type { ContentSvg } from 'pdfmake';

const PT_PER_MM = 72 / 25.4;
/** 0.33 mm ("13 mil"): comfortably inside what handheld scanners read from laser prints. */
const PREFERRED_MODULE_MM = 0.33;
/**
 * 0.25 mm (10 mil) is the narrowest bar every common desk scanner reads from an office laser
 * print; thinner (7.5 mil) works on good imagers only, and failed zbar at 200 dpi here.
 */
const MIN_MODULE_MM = 0.25;
const BAR_HEIGHT_MM = 13;
/** Code 128 asks for a clear margin of at least 10 modules on each side. */
const QUIET_ZONE_MODULES = 10;

interface Barcode {
  svg: ContentSvg;
  widthPt: number;
}

/**
 * A Code 128 symbol of `text` no wider than `maxWidthPt` (quiet zones included). Throws if
 * it could only fit with bars too thin to scan: better no form than one whose barcode
 * silently fails at the next desk.
 */
export function code128(text: string, maxWidthPt: number): Barcode {
  // With scale 1 one module is one SVG unit; bwip-js takes the height in 72-dpi millimetres.
  const probe = render(text, 1);
  const modules = probe.viewBoxWidth;
  const moduleMm = Math.min(PREFERRED_MODULE_MM, maxWidthPt / PT_PER_MM / modules);
  if (moduleMm < MIN_MODULE_MM) {
    const neededMm = (modules * MIN_MODULE_MM).toFixed(0);
    const availableMm = (maxWidthPt / PT_PER_MM).toFixed(0);
    throw new Error(
      `Barcode for "${text}" needs ${neededMm} mm at the minimum bar width, the form has ${availableMm} mm: ` +
        'use a shorter registration number format (runs of digits encode in half the space)',
    );
  }
  const heightUnits = BAR_HEIGHT_MM / moduleMm;
  const symbol = render(text, heightUnits / PT_PER_MM);
  const modulePt = moduleMm * PT_PER_MM;
  const widthPt = symbol.viewBoxWidth * modulePt;
  return {
    svg: { svg: symbol.svg, width: widthPt, height: symbol.viewBoxHeight * modulePt },
    widthPt,
  };
}

function render(text: string, heightMm: number): { svg: string; viewBoxWidth: number; viewBoxHeight: number } {
  const svg = toSVG({
    bcid: 'code128',
    text,
    scale: 1,
    height: heightMm,
    paddingwidth: QUIET_ZONE_MODULES,
    // The number is printed under the symbol as real text, so it stays searchable and
    // selectable in the PDF and uses the document's font.
    includetext: false,
  });
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js returned an SVG without a viewBox');
  return { svg, viewBoxWidth: Number(viewBox[1]), viewBoxHeight: Number(viewBox[2]) };
}
