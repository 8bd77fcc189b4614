/**
 * Document models: what a printed document shows, as plain data. The caller (ledger, rule
 * pack, IPC handler) fills them; the renderers only lay them out. Schemas and types are one
 * thing so that a handler can validate a model with the same definition the renderer trusts.
 *
 * Conventions (docs/CONVENTIONS.md): money in minor units (cents / kuruş), days `yyyy-MM-dd`,
 * times `HH:mm`, date-times `yyyy-MM-ddTHH:mm:ss` (Turkey time, no zone). Names as they should
 * be printed (the caller decides title case); rule-derived texts (reasons, obligations,
 * support type) arrive already in Turkish from the rule pack.
 */
import { z } from 'zod';
import { isValidTckn } from '../domain/tckn';

/** A real calendar day: a regex alone would accept 2015-02-30 and print it. */
function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd')
  .refine(isCalendarDay, 'not a calendar day');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'expected yyyy-MM-ddTHH:mm:ss')
  .refine((s) => isCalendarDay(s.slice(0, 10)), 'not a calendar day');
const tckn = z.string().refine(isValidTckn, 'invalid T.C. Kimlik No');
/** Integer minor units (cents / kuruş), never a float. */
const moneyMinor = z.number().int().nonnegative();
const currency = z.enum(['EUR', 'TL']);
const text = z.string().trim().min(1);

/**
 * Code 128 (set B) encodes printable ASCII only; a registration number with anything else
 * could not be scanned back, so it is refused before printing rather than after. 32
 * characters is what always fits the form's barcode area with bars a scanner still reads.
 */
const registrationNo = z
  .string()
  .regex(/^[\x21-\x7e]{1,32}$/, 'registration no must be 1-32 printable ASCII characters (Code 128)');

/** Where the document is printed: every page header names the directorate and the desk. */
const office = z.object({
  /** Province name as printed, e.g. "İzmir". */
  province: text,
  /** Desk code or number as printed, e.g. "3" or "İZM-03". */
  desk: text,
});
export type Office = z.infer<typeof office>;

/** Fields every document shares. */
const documentBase = {
  office,
  /** When the document was produced: printed in the footer of every page. */
  printedAt: localDateTime,
  /** The rule pack that decided, `CODE#edition:hash8`, in the footer's small print (decision documents). */
  rulePack: text.optional(),
};

/**
 * What a decision document adds to prove itself (docs/verify-form.md): the QR text of its
 * signed decision statement (`MASA1:` + Base45, QR alphanumeric characters only), and whether
 * this print is a reprint. Optional so that a layout can be measured without it (bench/print).
 */
const verifiable = {
  statement: z
    .string()
    .max(2000)
    .regex(/^MASA1:[0-9A-Z $%*+\-./:]+$/, 'expected a MASA1: statement')
    .optional(),
  reprint: z.boolean().optional(),
};

/**
 * A person on the form. A T.C. Kimlik No or birth date the ledger does not know is null and
 * prints as an empty field ("—"): never someone else's number or date in its place.
 */
const person = z.object({
  fullName: text,
  tckn: tckn.nullable(),
  birthDate: isoDay.nullable(),
});

/** Home-care editions name a caregiver; institutional editions name a nursery/kindergarten. */
const careProvider = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('caregiver'),
    fullName: text,
    /** Null when not recorded: printed as an empty field. */
    tckn: tckn.nullable(),
    birthDate: isoDay.optional(),
  }),
  z.object({
    kind: z.literal('institution'),
    name: text,
    /** MEB institution code or similar, if the edition records one. */
    code: text.optional(),
    address: text.optional(),
  }),
]);
export type CareProvider = z.infer<typeof careProvider>;

export const finalRegistrationFormModel = z.object({
  ...documentBase,
  ...verifiable,
  registrationNo,
  appointmentNo: text,
  registeredAt: localDateTime,
  /** Programme edition as printed, e.g. "Evde Çocuk Bakım Desteği 2015". */
  editionName: text,
  /** The mother's T.C. Kimlik No is always known (it is the appointment's key). */
  mother: person.extend({ tckn }),
  child: person,
  careProvider,
  support: z.object({
    /** Rule-pack text, e.g. "Sertifikalı çocuk bakıcısı çalıştıran anne". */
    typeText: text,
    monthlyAmountMinor: moneyMinor,
    currency,
  }),
  /** Preformatted by the list service, e.g. "Asil 1.204 / 1.750" or "Yedek 37". */
  placement: text,
  /** The edition's obligations, in order, from the rule pack. */
  obligations: z.array(text),
  clerkName: text,
});
export type FinalRegistrationFormModel = z.infer<typeof finalRegistrationFormModel>;

const decisionKind = z.enum(['rejected', 'missingDocuments']);

export const decisionNoticeModel = z
  .object({
    ...documentBase,
    ...verifiable,
    decision: decisionKind,
    appointmentNo: text,
    decidedAt: localDateTime,
    editionName: text,
    mother: z.object({ fullName: text, tckn }),
    /** Each failed rule: its code and the rule pack's plain-Turkish explanation. */
    reasons: z.array(z.object({ code: text, text })),
    missingDocuments: z.array(text),
    /** Only for missing documents, when the desk gave a new slot. */
    newAppointment: z.object({ date: isoDay, time: localTime }).nullable(),
    clerkName: text,
  })
  .refine((m) => m.reasons.length > 0 || m.missingDocuments.length > 0, {
    message: 'a notice needs at least one reason or missing document',
  })
  // A rejection closes the file: printing a new slot on it would contradict the decision.
  .refine((m) => m.decision === 'missingDocuments' || m.newAppointment === null, {
    message: 'only a missing-documents notice can give a new appointment',
  });
export type DecisionNoticeModel = z.infer<typeof decisionNoticeModel>;

const appointmentOutcome = z.enum([
  'finalRegistration',
  'rejected',
  'missingDocuments',
  'noShow',
  'cancelled',
  /** Not yet handled: only in a report printed before the day is closed. */
  'pending',
]);
export type AppointmentOutcome = z.infer<typeof appointmentOutcome>;

const dailyReportRow = z
  .object({
    time: localTime,
    appointmentNo: text,
    motherName: text,
    outcome: appointmentOutcome,
    /** Empty for appointments nobody handled (no-show, cancelled at HQ, pending). */
    clerkName: text.nullable(),
    /** Set on final registrations, and only on them. */
    monthlySupportMinor: moneyMinor.nullable(),
  })
  // The printed support total is the sum of this column: an amount on a rejected row, or a
  // registration without one, would make the signed total wrong.
  .refine((r) => (r.outcome === 'finalRegistration') === (r.monthlySupportMinor !== null), {
    message: 'monthlySupportMinor is required on final registrations and only there',
  });
export type DailyReportRow = z.infer<typeof dailyReportRow>;

export const dailyReportModel = z.object({
  ...documentBase,
  day: isoDay,
  editionNames: z.array(text).min(1),
  /** The currency of the day's monthly support amounts (EUR for every edition so far). */
  supportCurrency: currency,
  /** Every appointment of the day, in the order to print (normally by time). */
  appointments: z.array(dailyReportRow),
  maskMotherNames: z.boolean(),
  /**
   * Everyone who worked a desk that day (e.g. checked mothers in) even if they recorded no
   * outcome: each gets a signature line beside the clerks of the table.
   */
  clerksOnDuty: z.array(text).optional(),
  /** Hash of the last ledger event of the day: what the signatures vouch for. */
  ledgerChainHead: z.string().regex(/^[0-9a-f]{64}$/i, 'expected 64 hex characters'),
  officeHeadName: text,
});
export type DailyReportModel = z.infer<typeof dailyReportModel>;

const placementListRow = z.object({
  /** Rank within its own list (Asil 1..n, Yedek 1..m). */
  rank: z.number().int().positive(),
  list: z.enum(['main', 'reserve']),
  registrationNo: text,
  appointmentNo: text,
  motherName: text,
  motherTckn: tckn,
  preRegisteredAt: localDateTime,
});
export type PlacementListRow = z.infer<typeof placementListRow>;

export const placementListModel = z.object({
  ...documentBase,
  editionName: text,
  /** The list's province quota, printed next to the counts. */
  quota: z.number().int().nonnegative(),
  asOf: localDateTime,
  maskTckn: z.boolean(),
  /** Main list first, then reserves, each in first-application order. */
  rows: z.array(placementListRow),
});
export type PlacementListModel = z.infer<typeof placementListModel>;
