import { z } from 'zod';

/**
 * The rule-pack format: one JSON file per programme edition, checked when loaded. Everything
 * a programme differs in is here as data; the engine has no code path per programme.
 */
const bilingual = z.object({ tr: z.string().min(1), en: z.string().min(1) }).strict();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ref = z.string().regex(/^(\$preRegistration|\$finalRegistration|[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+)$/);

export type Condition =
  | { op: 'all'; of: Condition[] }
  | { op: 'any'; of: Condition[] }
  | { op: 'not'; cond: Condition }
  | { op: 'eq'; fact: string; value: string | number | boolean }
  | { op: 'in'; fact: string; values: (string | number)[] }
  | { op: 'true'; fact: string }
  | { op: 'present'; fact: string }
  | { op: 'monthsAtMost'; from: string; to: string; months: number }
  | { op: 'monthsAtLeast'; from: string; to: string; months: number }
  | { op: 'ageAtLeast'; birth: string; at: string; years: number }
  | { op: 'dateOnOrBefore'; fact: string; ref: string }
  | { op: 'dateBefore'; fact: string; ref: string }
  | { op: 'dateInWindow'; ref: string; window: 'preRegistration' | 'finalRegistration' }
  | { op: 'moneyAtMostParam'; fact: string; param: 'wageCeiling' | 'minimumWage'; at: string; times?: number }
  | { op: 'moneyAtLeastParam'; fact: string; param: 'wageCeiling' | 'minimumWage' | 'domesticMinimumWage'; at: string; times?: number }
  | { op: 'kinshipAllowed'; relation: string; liveIn: string; liveOutMaxForbidden: number; liveInMaxForbidden: number }
  | { op: 'provinceInPack'; fact: string };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('all'), of: z.array(condition).min(1) }).strict(),
    z.object({ op: z.literal('any'), of: z.array(condition).min(1) }).strict(),
    z.object({ op: z.literal('not'), cond: condition }).strict(),
    z.object({ op: z.literal('eq'), fact: ref, value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ op: z.literal('in'), fact: ref, values: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
    z.object({ op: z.literal('true'), fact: ref }).strict(),
    z.object({ op: z.literal('present'), fact: ref }).strict(),
    z.object({ op: z.literal('monthsAtMost'), from: ref, to: ref, months: z.number().int().min(0) }).strict(),
    z.object({ op: z.literal('monthsAtLeast'), from: ref, to: ref, months: z.number().int().min(0) }).strict(),
    z.object({ op: z.literal('ageAtLeast'), birth: ref, at: ref, years: z.number().int().min(0) }).strict(),
    z.object({ op: z.literal('dateOnOrBefore'), fact: ref, ref }).strict(),
    z.object({ op: z.literal('dateBefore'), fact: ref, ref }).strict(),
    z.object({ op: z.literal('dateInWindow'), ref, window: z.enum(['preRegistration', 'finalRegistration']) }).strict(),
    z.object({ op: z.literal('moneyAtMostParam'), fact: ref, param: z.enum(['wageCeiling', 'minimumWage']), at: ref, times: z.number().positive().optional() }).strict(),
    z
      .object({ op: z.literal('moneyAtLeastParam'), fact: ref, param: z.enum(['wageCeiling', 'minimumWage', 'domesticMinimumWage']), at: ref, times: z.number().positive().optional() })
      .strict(),
    z.object({ op: z.literal('kinshipAllowed'), relation: ref, liveIn: ref, liveOutMaxForbidden: z.number().int().min(0), liveInMaxForbidden: z.number().int().min(0) }).strict(),
    z.object({ op: z.literal('provinceInPack'), fact: ref }).strict(),
  ]),
) as z.ZodType<Condition>;

const dated = z.object({ from: isoDay, to: isoDay.nullable(), amount: z.number().int().nonnegative(), source: z.string().optional() }).strict();

const factField = z
  .object({
    key: z.string().regex(/^[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+$/),
    type: z.enum(['date', 'money', 'enum', 'boolean', 'tckn', 'iban', 'text', 'integer']),
    step: z.enum(['identity', 'programme']),
    label: bilingual,
    help: bilingual.optional(),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: bilingual }).strict()).optional(),
    when: condition.optional(),
    /** Filled from the appointment HQ sent (e.g. "motherTckn"), so the clerk checks instead of typing. */
    prefillFrom: z.enum(['motherTckn', 'childTckn', 'childBirthDate', 'motherBirthDate', 'caregiverTckn', 'institutionName', 'provinceCode']).optional(),
  })
  .strict()
  .refine((f) => f.type !== 'enum' || (f.options && f.options.length > 0), { message: 'an enum field needs options', path: ['options'] });

/** The newest pack format this app reads; a pack with a higher one is refused, never half-read. */
export const PACK_SCHEMA_VERSION = 1;

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A case the pack decides when checked: HQ writes the expected outcome beside its facts. */
const exampleCase = z
  .object({
    name: bilingual,
    dates: z.object({ preRegistration: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/), finalRegistration: isoDay }).strict(),
    facts: z.record(z.string(), factValue),
    documents: z.record(z.string(), z.boolean()),
    expect: z
      .object({
        outcome: z.enum(['KESİN KAYIT', 'RET', 'EKSİK EVRAK']),
        /** Compared only when given (a refusal's amount is not part of what a pack promises). */
        monthlyAmountCents: z.number().int().nonnegative().nullable().optional(),
        failedRules: z.array(z.string()).optional(),
        missingDocuments: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict();

export const rulePackSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    code: z.string().regex(/^[A-Z]+-\d{4}$/),
    /** Editions of one code count up; a load never goes back to a lower or equal one. */
    edition: z.number().int().positive(),
    /** The days this edition may decide (the rules' reference dates must fall inside). */
    validFrom: isoDay,
    validTo: isoDay.nullable(),
    supersedes: z.number().int().positive().nullable(),
    changeNote: bilingual,
    name: bilingual,
    source: z.string(),
    currency: z.literal('EUR'),
    provinces: z.array(z.object({ code: z.string().regex(/^\d{2}$/), name: z.string(), quota: z.number().int().positive(), source: z.string().optional() }).strict()).min(1),
    windows: z
      .object({
        preRegistration: z.object({ from: isoDay, to: isoDay.nullable() }).strict(),
        finalRegistration: z.object({ from: isoDay, to: isoDay.nullable() }).strict(),
        lastEntitlementMonth: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
      })
      .strict(),
    retentionYears: z.number().int().positive(),
    parameters: z
      .object({
        minimumWage: z.array(dated).min(1),
        publishedCeilings: z.array(dated),
        domesticMinimumWage: z.array(dated).optional(),
      })
      .strict(),
    facts: z.array(factField).min(1),
    rules: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
            subject: z.enum(['mother', 'child', 'caregiver', 'institution', 'programme']),
            referenceDate: z.enum(['preRegistration', 'finalRegistration']),
            when: condition.optional(),
            condition,
            text: bilingual,
          })
          .strict(),
      )
      .min(1),
    documents: z.array(z.object({ code: z.string().regex(/^[A-Z0-9_]+$/), label: bilingual, when: condition.optional() }).strict()).min(1),
    supportTypes: z
      .array(z.object({ code: z.string().regex(/^[A-Z0-9_]+$/), label: bilingual, when: condition.optional(), amounts: z.array(dated).min(1) }).strict())
      .min(1),
    obligations: z.array(bilingual),
    examples: z.array(exampleCase).min(1),
  })
  .strict();

export type RulePack = z.infer<typeof rulePackSchema>;
export type FactField = z.infer<typeof factField>;
export type Dated = z.infer<typeof dated>;
