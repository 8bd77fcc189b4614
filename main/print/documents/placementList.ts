/**
 * Asil / Yedek listesi for one province and programme edition: landscape, one line per
 * mother, main list then reserves, the column header repeated on every page.
 */
import type { TableCell, TDocumentDefinitions } from 'pdfmake';
import { formatDateTime, formatInteger, maskTckn } from '../format';
import { cell, columnTable, titleBlock } from '../layout/blocks';
import { framedDocument } from '../layout/frame';
import type { PlacementListModel } from '../models';
import { fill, tr } from '../templates';

export function placementListDocument(m: PlacementListModel): TDocumentDefinitions {
  const t = tr.placementList;
  const c = t.columns;
  const mainCount = m.rows.filter((r) => r.list === 'main').length;
  const rows: TableCell[][] = m.rows.map((r) => [
    cell(formatInteger(r.rank), 'right'),
    t.list[r.list],
    r.registrationNo,
    r.appointmentNo,
    r.motherName,
    m.maskTckn ? maskTckn(r.motherTckn) : r.motherTckn,
    formatDateTime(r.preRegisteredAt),
  ]);
  return framedDocument({
    office: m.office,
    printedAt: m.printedAt,
    title: t.title,
    reference: `${m.editionName} · ${m.office.province}`,
    orientation: 'landscape',
    body: [
      titleBlock(t.title, [
        fill(t.subtitle, { edition: m.editionName, province: m.office.province }),
        fill(t.asOf, { dateTime: formatDateTime(m.asOf, false) }),
      ]),
      {
        text: fill(t.summary, {
          main: formatInteger(mainCount),
          reserve: formatInteger(m.rows.length - mainCount),
          quota: formatInteger(m.quota),
        }),
        alignment: 'center',
        margin: [0, 0, 0, 6],
      },
      m.maskTckn ? { text: t.maskedNote, style: 'note', margin: [0, 0, 0, 4] } : [],
      m.rows.length === 0
        ? { text: t.empty }
        : columnTable(
            [
              { header: c.rank, width: 40, align: 'right' },
              { header: c.list, width: 40 },
              { header: c.registrationNo, width: 110 },
              { header: c.appointmentNo, width: 95 },
              { header: c.motherName, width: '*' },
              { header: c.tckn, width: 80 },
              { header: c.preRegisteredAt, width: 105 },
            ],
            rows,
            // A heavy rule where the reserve list begins: the line that decides who is paid.
            { fontSize: 8.5, groupStarts: new Set(mainCount > 0 && mainCount < m.rows.length ? [mainCount] : []) },
          ),
    ],
  });
}
