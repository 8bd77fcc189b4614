/**
 * Ret / Eksik Evrak bildirimi: tells the mother why her final registration was refused or is
 * incomplete, in the rule pack's plain Turkish, what to bring, and when to come back.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake';
import { formatDateTime, formatDay } from '../format';
import { columnTable, fieldTable, sectionHeading, signatureBoxes, titleBlock } from '../layout/blocks';
import { framedDocument } from '../layout/frame';
import { reprintSubtitles, statementQrColumn } from '../layout/statementQr';
import type { DecisionNoticeModel } from '../models';
import { tr } from '../templates';

function summary(m: DecisionNoticeModel): Content {
  const t = tr.decisionNotice;
  const c = tr.common;
  const table = fieldTable(
    [
      // The decision is what the mother must not miss: larger than everything around it.
      [t.decision, { text: t.decisionValue[m.decision], fontSize: 13 }],
      [c.appointmentNo, m.appointmentNo],
      [t.decidedAt, formatDateTime(m.decidedAt, false)],
      [`${t.mother} ${c.fullName}`, m.mother.fullName],
      [c.tckn, m.mother.tckn],
    ],
    120,
  );
  const qr = statementQrColumn(m.statement);
  return [
    qr ? { columnGap: 8, columns: [{ width: '*', ...table }, qr] } : table,
    { text: t.lead[m.decision], bold: true, margin: [0, 10, 0, 0] },
  ];
}

function reasons(m: DecisionNoticeModel): Content {
  if (m.reasons.length === 0) return [];
  const t = tr.decisionNotice;
  return [
    sectionHeading(t.reasonsSection),
    columnTable(
      [
        { header: t.reasonCode, width: 90 },
        { header: t.reasonText, width: '*' },
      ],
      m.reasons.map((r) => [r.code, r.text]),
      { zebra: false, compact: false },
    ),
  ];
}

function missingDocuments(m: DecisionNoticeModel): Content {
  if (m.missingDocuments.length === 0) return [];
  return [
    sectionHeading(tr.decisionNotice.missingDocumentsSection),
    { ol: m.missingDocuments.map((d) => ({ text: d, margin: [0, 0, 0, 2] })) },
  ];
}

/** Only an incomplete file can come back; a rejection has no next appointment to show. */
function newAppointment(m: DecisionNoticeModel): Content {
  if (m.decision !== 'missingDocuments') return [];
  const t = tr.decisionNotice;
  if (!m.newAppointment) return [sectionHeading(t.newAppointmentSection), { text: t.noNewAppointment }];
  return [
    sectionHeading(t.newAppointmentSection),
    fieldTable(
      [
        [t.newAppointmentDate, formatDay(m.newAppointment.date)],
        [t.newAppointmentTime, m.newAppointment.time],
      ],
      120,
    ),
    { text: t.newAppointmentNote, margin: [0, 6, 0, 0] },
  ];
}

export function decisionNoticeDocument(m: DecisionNoticeModel): TDocumentDefinitions {
  const t = tr.decisionNotice;
  return framedDocument({
    office: m.office,
    printedAt: m.printedAt,
    title: t.title[m.decision],
    reference: `${tr.common.appointmentNo}: ${m.appointmentNo}`,
    rulePack: m.rulePack,
    body: [
      titleBlock(t.title[m.decision], [m.editionName, ...reprintSubtitles(m.reprint)]),
      summary(m),
      reasons(m),
      missingDocuments(m),
      newAppointment(m),
      signatureBoxes([
        { role: t.motherRole, name: m.mother.fullName },
        { role: tr.common.clerkRole, name: m.clerkName },
      ]),
    ],
  });
}
