/**
 * The fixed texts of every printed document (titles, labels, column headers, footers) live
 * in templates/tr.json so that wording can be corrected without touching layout code. The
 * file is imported statically (bundled, no file access at run time) and validated once: a
 * missing key or a mistyped placeholder fails at start-up, not on a printed page.
 */
import { z } from 'zod';
import trJson from './templates/tr.json';

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholdersOf(s: string): string[] {
  return Array.from(s.matchAll(PLACEHOLDER), (m) => m[1] ?? '');
}

/** A fixed label: no placeholders, so a stray `{x}` cannot reach paper. */
const label = z
  .string()
  .trim()
  .min(1)
  .refine((s) => placeholdersOf(s).length === 0, 'label must not contain placeholders');

/** A sentence with exactly these placeholders, each at least once. */
function pattern(...names: string[]) {
  return z
    .string()
    .min(1)
    .refine((s) => {
      const found = new Set(placeholdersOf(s));
      return names.every((n) => found.has(n)) && [...found].every((n) => names.includes(n));
    }, `template must use exactly the placeholders ${names.map((n) => `{${n}}`).join(', ')}`);
}

const byDecision = z.strictObject({ rejected: label, missingDocuments: label });

export const templateSchema = z.strictObject({
  common: z.strictObject({
    institution: label,
    directorate: pattern('province'),
    desk: pattern('desk'),
    pageOf: pattern('page', 'pages'),
    printedAt: pattern('dateTime'),
    fullName: label,
    tckn: label,
    birthDate: label,
    edition: label,
    appointmentNo: label,
    signature: label,
    clerkRole: label,
    notKnown: label,
    rulePack: label,
    verifyLine: label,
    reprint: label,
  }),
  finalRegistrationForm: z.strictObject({
    title: label,
    registrationNo: label,
    registeredAt: label,
    placement: label,
    personsSection: label,
    mother: label,
    child: label,
    caregiverSection: label,
    institutionSection: label,
    institutionName: label,
    institutionCode: label,
    institutionAddress: label,
    supportSection: label,
    supportType: label,
    monthlyAmount: label,
    notice: label,
    obligationsSection: label,
    declaration: label,
    motherRole: label,
  }),
  decisionNotice: z.strictObject({
    title: byDecision,
    decision: label,
    decisionValue: byDecision,
    decidedAt: label,
    mother: label,
    lead: byDecision,
    reasonsSection: label,
    reasonCode: label,
    reasonText: label,
    missingDocumentsSection: label,
    newAppointmentSection: label,
    newAppointmentDate: label,
    newAppointmentTime: label,
    newAppointmentNote: label,
    noNewAppointment: label,
    motherRole: label,
  }),
  dailyReport: z.strictObject({
    title: label,
    day: label,
    countsSection: label,
    count: label,
    counts: z.strictObject({
      appointments: label,
      arrived: label,
      noShow: label,
      finalRegistration: label,
      rejected: label,
      missingDocuments: label,
      cancelled: label,
      pending: label,
    }),
    byClerkSection: label,
    clerk: label,
    total: label,
    supportTotal: label,
    outcome: z.strictObject({
      finalRegistration: label,
      rejected: label,
      missingDocuments: label,
      noShow: label,
      cancelled: label,
      pending: label,
    }),
    appointmentsSection: label,
    columns: z.strictObject({
      rowNo: label,
      time: label,
      appointmentNo: label,
      motherName: label,
      outcome: label,
      clerk: label,
      support: label,
    }),
    maskedNote: label,
    noAppointments: label,
    chainSection: label,
    chainNote: label,
    signaturesSection: label,
    officeHeadRole: label,
  }),
  placementList: z.strictObject({
    title: label,
    subtitle: pattern('edition', 'province'),
    asOf: pattern('dateTime'),
    summary: pattern('main', 'reserve', 'quota'),
    columns: z.strictObject({
      rank: label,
      list: label,
      registrationNo: label,
      appointmentNo: label,
      motherName: label,
      tckn: label,
      preRegisteredAt: label,
    }),
    list: z.strictObject({ main: label, reserve: label }),
    maskedNote: label,
    empty: label,
  }),
});
type PrintTemplate = z.infer<typeof templateSchema>;

/** The Turkish texts, validated when this module is first imported. */
export const tr: PrintTemplate = templateSchema.parse(trJson);

/** Fills `{name}` placeholders; a placeholder without a value is a programming error. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for placeholder ${whole}`);
    return String(value);
  });
}
