/**
 * What every printed page shares: the SGK header naming the directorate and the desk, the
 * footer with the print time, the document reference and "Sayfa N / M", the page geometry
 * and the text styles. Documents supply only their body.
 */
import type { Content, Margins, Style, TDocumentDefinitions } from 'pdfmake';
import { FONT_FAMILY } from '../fonts';
import { formatDateTime } from '../format';
import type { Office } from '../models';
import { fill, tr } from '../templates';

const SIDE_MARGIN = 40;
const HEADER_TOP = 22;
/** Leaves room for the three header lines and the rule under them. */
const BODY_TOP = 78;
const BODY_BOTTOM = 48;
const RULE_COLOR = '#555555';
/** Grey for labels and notes: still black enough for a photocopy. */
export const MUTED = '#555555';

interface FrameOptions {
  office: Office;
  printedAt: string;
  /** The running title in the header and the PDF's metadata title (never personal data). */
  title: string;
  /** Printed in every footer so that a loose page can be matched to its document. */
  reference?: string;
  orientation?: 'portrait' | 'landscape';
  /** The rule pack that decided (`CODE#edition:hash8`), printed in the footer. */
  rulePack?: string;
  body: Content;
}

const styles: Record<string, Style> = {
  title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 10.5, alignment: 'center', margin: [0, 0, 0, 1] },
  section: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
  label: { fontSize: 8.5, color: MUTED },
  note: { fontSize: 8.5, color: MUTED, margin: [0, 4, 0, 0] },
  tableHeader: { fontSize: 8.5, bold: true },
  header: { fontSize: 8.5 },
  footer: { fontSize: 8, color: MUTED },
};

function header(office: Office, title: string, pageWidth: number): Content {
  const c = tr.common;
  return {
    margin: [SIDE_MARGIN, HEADER_TOP, SIDE_MARGIN, 0] as Margins,
    stack: [
      {
        columns: [
          {
            width: '*',
            style: 'header',
            stack: [
              { text: c.institution, bold: true },
              fill(c.directorate, { province: office.province }),
              fill(c.desk, { desk: office.desk }),
            ],
          },
          { width: 'auto', style: 'header', text: title, bold: true, alignment: 'right' },
        ],
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 4, x2: pageWidth - 2 * SIDE_MARGIN, y2: 4, lineWidth: 0.8, lineColor: RULE_COLOR },
        ],
      },
    ],
  };
}

function footer(printedAt: string, reference: string | undefined, page: number, pages: number): Content {
  const printed = fill(tr.common.printedAt, { dateTime: formatDateTime(printedAt, false) });
  return {
    margin: [SIDE_MARGIN, 18, SIDE_MARGIN, 0] as Margins,
    style: 'footer',
    columns: [
      { width: '*', text: reference ? `${reference}  ·  ${printed}` : printed },
      { width: 'auto', text: fill(tr.common.pageOf, { page, pages }), alignment: 'right' },
    ],
  };
}

export function framedDocument(options: FrameOptions): TDocumentDefinitions {
  const { office, printedAt, title, orientation = 'portrait', body } = options;
  const reference = options.rulePack ? [options.reference, `${tr.common.rulePack} ${options.rulePack}`].filter(Boolean).join('  ·  ') : options.reference;
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [SIDE_MARGIN, BODY_TOP, SIDE_MARGIN, BODY_BOTTOM],
    header: (_page, _pages, size) => header(office, title, size.width),
    footer: (page, pages) => footer(printedAt, reference, page, pages),
    content: body,
    styles,
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.15 },
    language: 'tr-TR',
    info: { title, creator: 'Masa', producer: 'Masa (pdfmake)' },
  };
}
