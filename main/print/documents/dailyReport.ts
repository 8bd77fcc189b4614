/**
 * Günlük Rapor for the office head: the day's counts by outcome and by clerk, every
 * appointment (a long, paginated table), the support total, the ledger chain head the
 * signatures vouch for, and a signature box for each clerk and the office head.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake';
import { formatDay, formatInteger, formatMoney, groupHex, maskName } from '../format';
import { cell, columnTable, fieldTable, sectionHeading, signatureBoxes, titleBlock } from '../layout/blocks';
import { framedDocument, MUTED } from '../layout/frame';
import type { DailyReportModel } from '../models';
import { tr } from '../templates';
import { trCompare } from '../../domain/turkishText';
import { summarizeDay, type DailySummary } from './dailyReportSummary';

const HASH_GROUPS_PER_LINE = 8;

function outcomeCounts(s: DailySummary): Content {
  const t = tr.dailyReport;
  const n = s.counts;
  const rows: Array<[string, number]> = [
    [t.counts.appointments, n.appointments],
    [t.counts.arrived, n.arrived],
    [t.counts.noShow, n.noShow],
    [t.counts.finalRegistration, n.finalRegistration],
    [t.counts.rejected, n.rejected],
    [t.counts.missingDocuments, n.missingDocuments],
    [t.counts.cancelled, n.cancelled],
  ];
  // Normally zero at the end of the day; shown when not, so that the lines still add up.
  if (n.pending > 0) rows.push([t.counts.pending, n.pending]);
  return [
    sectionHeading(t.countsSection),
    columnTable(
      [
        { header: '', width: '*' },
        { header: t.count, width: 50, align: 'right' },
      ],
      rows.map(([label, count]) => [label, cell(formatInteger(count), 'right')]),
      { repeatHeader: false },
    ),
  ];
}

function clerkCounts(s: DailySummary, currency: DailyReportModel['supportCurrency']): Content {
  const t = tr.dailyReport;
  const right = (n: number) => cell(formatInteger(n), 'right');
  const rows: TableCell[][] = s.byClerk.map((c) => [
    c.clerkName,
    right(c.finalRegistration),
    right(c.rejected),
    right(c.missingDocuments),
    right(c.total),
    cell(formatMoney(c.supportMinor, currency), 'right'),
  ]);
  const sum = (pick: (c: DailySummary['byClerk'][number]) => number) => s.byClerk.reduce((a, c) => a + pick(c), 0);
  const bold = (text: string) => ({ text, bold: true, alignment: 'right' as const });
  rows.push([
    { text: t.total, bold: true },
    bold(formatInteger(sum((c) => c.finalRegistration))),
    bold(formatInteger(sum((c) => c.rejected))),
    bold(formatInteger(sum((c) => c.missingDocuments))),
    bold(formatInteger(sum((c) => c.total))),
    bold(formatMoney(sum((c) => c.supportMinor), currency)),
  ]);
  return [
    sectionHeading(t.byClerkSection),
    columnTable(
      [
        { header: t.clerk, width: '*' },
        { header: t.counts.finalRegistration, width: 'auto', align: 'right' },
        { header: t.counts.rejected, width: 'auto', align: 'right' },
        { header: t.counts.missingDocuments, width: 'auto', align: 'right' },
        { header: t.total, width: 'auto', align: 'right' },
        { header: t.columns.support, width: 'auto', align: 'right' },
      ],
      rows,
      { repeatHeader: false, groupStarts: new Set([rows.length - 1]) },
    ),
  ];
}

function appointmentTable(m: DailyReportModel): Content {
  const t = tr.dailyReport;
  if (m.appointments.length === 0) return [sectionHeading(t.appointmentsSection), { text: t.noAppointments }];
  const c = t.columns;
  const rows: TableCell[][] = m.appointments.map((a, i) => [
    cell(String(i + 1), 'right'),
    a.time,
    a.appointmentNo,
    m.maskMotherNames ? maskName(a.motherName) : a.motherName,
    t.outcome[a.outcome],
    a.clerkName ?? '',
    a.monthlySupportMinor === null ? '' : cell(formatMoney(a.monthlySupportMinor, m.supportCurrency), 'right'),
  ]);
  return [
    sectionHeading(t.appointmentsSection),
    m.maskMotherNames ? { text: t.maskedNote, style: 'note', margin: [0, -2, 0, 4] } : [],
    columnTable(
      [
        // Fixed columns sized to their longest content at 8.5 pt, so that the name column
        // gets the rest: a 32-letter double surname still fits on one line.
        { header: c.rowNo, width: 16, align: 'right' },
        { header: c.time, width: 24 },
        { header: c.appointmentNo, width: 66 },
        { header: c.motherName, width: '*' },
        { header: c.outcome, width: 50 },
        { header: c.clerk, width: 78 },
        { header: c.support, width: 54, align: 'right' },
      ],
      rows,
      { fontSize: 8.5 },
    ),
  ];
}

/**
 * The hash in equal cells of four characters: Roboto has no monospace face, and a grid gives
 * the same effect, columns that line up when two printouts are compared by eye.
 */
function chainHead(hash: string): Content {
  const groups = groupHex(hash);
  const lines: TableCell[][] = [];
  for (let i = 0; i < groups.length; i += HASH_GROUPS_PER_LINE) {
    lines.push(groups.slice(i, i + HASH_GROUPS_PER_LINE).map((g) => ({ text: g, alignment: 'center' as const })));
  }
  return [
    sectionHeading(tr.dailyReport.chainSection),
    {
      fontSize: 10.5,
      table: { widths: Array(HASH_GROUPS_PER_LINE).fill(38), body: lines },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.5 : 0),
        vLineWidth: (i) => (i === 0 || i === HASH_GROUPS_PER_LINE ? 0.5 : 0),
        hLineColor: () => MUTED,
        vLineColor: () => MUTED,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
    },
    { text: tr.dailyReport.chainNote, style: 'note' },
  ];
}

export function dailyReportDocument(m: DailyReportModel): TDocumentDefinitions {
  const t = tr.dailyReport;
  const summary = summarizeDay(m.appointments);
  // The clerks of the table and those who only checked mothers in, once each, in Turkish order.
  const clerks = [...new Set([...summary.byClerk.map((c) => c.clerkName), ...(m.clerksOnDuty ?? [])])].sort(trCompare);
  const signers = [
    ...clerks.map((name) => ({ role: tr.common.clerkRole, name })),
    { role: t.officeHeadRole, name: m.officeHeadName },
  ];
  return framedDocument({
    office: m.office,
    printedAt: m.printedAt,
    title: t.title,
    reference: `${t.title} ${formatDay(m.day)}`,
    body: [
      titleBlock(t.title, [formatDay(m.day), m.editionNames.join(' · ')]),
      {
        columnGap: 16,
        columns: [
          { width: 150, stack: [outcomeCounts(summary)] },
          {
            width: '*',
            stack: [
              clerkCounts(summary, m.supportCurrency),
              {
                margin: [0, 10, 0, 0],
                ...fieldTable([[t.supportTotal, formatMoney(summary.supportTotalMinor, m.supportCurrency)]], 'auto'),
              },
            ],
          },
        ],
      },
      appointmentTable(m),
      {
        // The chain head and the signatures belong together: the signatures vouch for it.
        unbreakable: true,
        stack: [chainHead(m.ledgerChainHead), sectionHeading(t.signaturesSection), signatureBoxes(signers, 3)],
      },
    ],
  });
}
