/**
 * Kesin Kayıt Formu: the mother's only notice that her final registration is done, so it
 * carries everything she must keep: numbers, persons, support, her place on the list, the
 * obligations she accepts, signatures, and a barcode the desk scans back later.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake';
import { code128 } from '../barcode';
import { formatDateTime, formatDay, formatMoney } from '../format';
import { columnTable, fieldTable, labelCell, sectionHeading, signatureBoxes, titleBlock } from '../layout/blocks';
import { framedDocument } from '../layout/frame';
import { reprintSubtitles, statementQrColumn } from '../layout/statementQr';
import type { CareProvider, FinalRegistrationFormModel } from '../models';
import { tr } from '../templates';

/** About 88 mm: the right part of the page beside the numbers table. */
const BARCODE_MAX_WIDTH = 250;

function numbersAndBarcode(m: FinalRegistrationFormModel): Content {
  const t = tr.finalRegistrationForm;
  const barcode = code128(m.registrationNo, BARCODE_MAX_WIDTH);
  return {
    // The barcode's own quiet zone (blank modules on both sides) already separates it.
    columnGap: 4,
    columns: [
      {
        width: '*',
        ...fieldTable(
          [
            [t.registrationNo, m.registrationNo],
            [tr.common.appointmentNo, m.appointmentNo],
            [t.registeredAt, formatDateTime(m.registeredAt, false)],
            [t.placement, m.placement],
          ],
          // Narrow labels leave the value room for a long registration number on one line.
          92,
        ),
      },
      {
        width: Math.max(barcode.widthPt, 120),
        stack: [
          { ...barcode.svg, alignment: 'center' },
          { text: m.registrationNo, alignment: 'center', fontSize: 11, bold: true, margin: [0, 2, 0, 0] },
        ],
      },
    ],
  };
}

/** A field the ledger does not know stays visibly empty. */
function orEmpty(v: string | null): string {
  return v ?? tr.common.notKnown;
}

function persons(m: FinalRegistrationFormModel): Content {
  const t = tr.finalRegistrationForm;
  const c = tr.common;
  const row = (label: string, mother: string, child: string): TableCell[] => [
    labelCell(label),
    { text: mother, bold: true },
    { text: child, bold: true },
  ];
  return [
    sectionHeading(t.personsSection),
    columnTable(
      [
        { header: '', width: 100 },
        { header: t.mother, width: '*' },
        { header: t.child, width: '*' },
      ],
      [
        row(c.fullName, m.mother.fullName, m.child.fullName),
        row(c.tckn, m.mother.tckn, orEmpty(m.child.tckn)),
        row(c.birthDate, orEmpty(m.mother.birthDate && formatDay(m.mother.birthDate)), orEmpty(m.child.birthDate && formatDay(m.child.birthDate))),
      ],
      // Same look as the field tables around it: one form, not a list.
      { repeatHeader: false, zebra: false, compact: false },
    ),
  ];
}

function careProvider(p: CareProvider): Content {
  const t = tr.finalRegistrationForm;
  const c = tr.common;
  if (p.kind === 'caregiver') {
    const rows: Array<[string, string]> = [
      [c.fullName, p.fullName],
      [c.tckn, orEmpty(p.tckn)],
    ];
    if (p.birthDate) rows.push([c.birthDate, formatDay(p.birthDate)]);
    return [sectionHeading(t.caregiverSection), fieldTable(rows, 100)];
  }
  const rows: Array<[string, string]> = [[t.institutionName, p.name]];
  if (p.code) rows.push([t.institutionCode, p.code]);
  if (p.address) rows.push([t.institutionAddress, p.address]);
  return [sectionHeading(t.institutionSection), fieldTable(rows, 100)];
}

function support(m: FinalRegistrationFormModel): Content {
  const t = tr.finalRegistrationForm;
  return [
    sectionHeading(t.supportSection),
    fieldTable(
      [
        [t.supportType, m.support.typeText],
        [t.monthlyAmount, formatMoney(m.support.monthlyAmountMinor, m.support.currency)],
      ],
      100,
    ),
    { text: t.notice, bold: true, margin: [0, 8, 0, 0] },
  ];
}

function obligations(m: FinalRegistrationFormModel): Content {
  if (m.obligations.length === 0) return [];
  return [
    sectionHeading(tr.finalRegistrationForm.obligationsSection),
    { ol: m.obligations.map((o) => ({ text: o, margin: [0, 0, 0, 2] })), fontSize: 9 },
  ];
}

function signatures(m: FinalRegistrationFormModel): Content {
  const t = tr.finalRegistrationForm;
  return {
    unbreakable: true,
    stack: [
      { text: t.declaration, margin: [0, 12, 0, 0] },
      signatureBoxes([
        { role: t.motherRole, name: m.mother.fullName },
        { role: tr.common.clerkRole, name: m.clerkName },
      ]),
    ],
  };
}

/**
 * The QR of the signed statement takes the top right corner, beside the title and the numbers:
 * together they are as tall as the 37 mm square with its caption, so the form keeps its one page
 * (beside the numbers alone it pushed the signatures onto a second page).
 */
function titleAndNumbers(m: FinalRegistrationFormModel): Content {
  const top: Content[] = [titleBlock(tr.finalRegistrationForm.title, [m.editionName, ...reprintSubtitles(m.reprint)]), numbersAndBarcode(m)];
  const qr = statementQrColumn(m.statement);
  return qr ? { columnGap: 8, columns: [{ width: '*', stack: top }, qr] } : top;
}

export function finalRegistrationFormDocument(m: FinalRegistrationFormModel): TDocumentDefinitions {
  const t = tr.finalRegistrationForm;
  return framedDocument({
    office: m.office,
    printedAt: m.printedAt,
    title: t.title,
    reference: `${t.registrationNo}: ${m.registrationNo}`,
    rulePack: m.rulePack,
    body: [
      titleAndNumbers(m),
      persons(m),
      careProvider(m.careProvider),
      support(m),
      obligations(m),
      signatures(m),
    ],
  });
}
