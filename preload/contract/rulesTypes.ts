import { z } from 'zod';

/**
 * `rules.decide`: one application from a facts file (docs/facts.md), decided with a bundled
 * rule pack, without a session and without writing anything. The file is checked as it is
 * written: days `yyyy-MM-dd`, the pre-registration `yyyy-MM-ddTHH:mm:ss` (Turkey time), real
 * calendar dates only; a pack code in any case (`evde-2015`).
 */
function realDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const missingOr = (code: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'REQUIRED' : code) });

const factsFileDay = z.string(missingOr('FILE_DATE')).refine(realDay, 'FILE_DATE');
const factsFileDateTime = z
  .string(missingOr('FILE_DATETIME'))
  .refine((v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(v) && realDay(v.slice(0, 10)), 'FILE_DATETIME');

/** A missing or non-object part says so; an unknown key names the keys allowed there. */
const objectError = (unknownKeys: string) => ({
  error: (iss: { code?: string; input?: unknown }) => (iss.code === 'unrecognized_keys' ? unknownKeys : iss.input === undefined ? 'REQUIRED' : 'FILE_OBJECT'),
});

export const decideInput = z
  .object(
    {
      packCode: z
        .string('REQUIRED')
        .trim()
        .min(1, 'REQUIRED')
        .max(40, 'INVALID')
        // Codes are ASCII (EVDE-2015, BAKICI-2020): plain upper case, never tr-TR (bakici -> BAKİCİ).
        .transform((v) => v.toUpperCase()),
      dates: z
        .object({ preRegistration: factsFileDateTime, finalRegistration: factsFileDay }, objectError('FILE_DATES_FIELDS'))
        .strict(),
      facts: z.record(
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,63}$/, 'INVALID'),
        z.union([z.string().max(200, 'INVALID'), z.number(), z.boolean(), z.null()], 'INVALID'),
        missingOr('FILE_OBJECT'),
      ),
      documents: z.record(z.string().regex(/^[A-Z0-9_]{1,64}$/, 'INVALID'), z.boolean('FILE_BOOLEAN'), 'FILE_OBJECT').default({}),
    },
    objectError('FILE_TOP_FIELDS'),
  )
  .strict();

type Bilingual = { tr: string; en: string };

/** The engine's decision as it crosses the contract (same shape as main/rules Decision). */
export interface DecisionResult {
  outcome: 'KESİN KAYIT' | 'RET' | 'EKSİK EVRAK';
  supportType: { code: string; label: Bilingual } | null;
  monthlyAmountCents: number | null;
  failedRules: { code: string; subject: string; referenceDate: string; text: Bilingual; inputs: Record<string, string | number | boolean | null> }[];
  missingDocuments: { code: string; label: Bilingual }[];
  packCode: string;
  packEdition: number;
  packHash: string;
  dates: { preRegistration: string; finalRegistration: string };
  facts: Record<string, string | number | boolean | null>;
  documents: Record<string, boolean>;
}
