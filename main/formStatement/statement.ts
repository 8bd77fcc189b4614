/**
 * The signed decision statement a printed decision document carries in its QR code: what the
 * desk decided, as a small CBOR map with one-letter keys (docs/verify-form.md names every key).
 * No personal data in clear: the mother is bound by a salted hash of her T.C. Kimlik No.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FormStatementView } from '../../preload/contract/formTypes';

/** Format version of the statement; a verifier refuses a version it does not know. */
export const STATEMENT_VERSION = 1;

const OUTCOMES = ['KESIN_KAYIT', 'RET', 'EKSIK_EVRAK'] as const;

/** Bytes of the short hashes: 8 bytes (64 bits) tell a pack or an event apart, a forger cannot choose them (they are signed). */
const SHORT_HASH_BYTES = 8;
/** 16 bytes of the mother's binding: longer than the other short hashes, as it is checked against a value the verifier types. */
const MOTHER_HASH_BYTES = 16;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1).max(40);
const bytes = (n: number) => z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.length === n, `expected ${n} bytes`);

/** The statement as decoded from CBOR: keys as printed in docs/verify-form.md. */
export const statementSchema = z
  .object({
    v: z.literal(STATEMENT_VERSION),
    /** Province code ("35") and desk code ("M01") of the desk that decided. */
    p: z.string().regex(/^\d{2}$/),
    d: z.string().regex(/^[A-Z0-9]{1,8}$/),
    /** Registration number (Kesin Kayıt) or Randevu No (a refusal notice): also the salt of `m`. */
    n: z.string().min(1).max(40),
    o: z.enum(OUTCOMES),
    /** Programme code, pack edition, first bytes of the pack's SHA-256. */
    g: code,
    e: z.number().int().nonnegative(),
    h: bytes(SHORT_HASH_BYTES),
    /** Final registration only: support type code, monthly amount in minor units, currency, the day support applies from. */
    t: code.optional(),
    a: z.number().int().nonnegative().optional(),
    c: z.enum(['EUR', 'TL']).optional(),
    s: day.optional(),
    /** The day of the decision (the final-registration date), Turkey time. */
    f: day,
    /** The decision's ledger event: sequence and the first bytes of its chain hash. */
    q: z.number().int().positive(),
    x: bytes(SHORT_HASH_BYTES),
    /** Salted hash of the mother's T.C. Kimlik No (motherBinding). */
    m: bytes(MOTHER_HASH_BYTES),
    /** RET: the failed rules' codes; EKSİK EVRAK: the missing documents' codes. */
    k: z.array(code).optional(),
    b: z.array(code).optional(),
  })
  .strict()
  .refine((s) => (s.o === 'KESIN_KAYIT') === (s.t !== undefined && s.a !== undefined && s.c !== undefined && s.s !== undefined), {
    message: 'support fields belong to a final registration, and only to it',
  })
  .refine((s) => s.o !== 'RET' || (s.k?.length ?? 0) > 0, { message: 'a rejection names its rules' })
  .refine((s) => s.o !== 'EKSIK_EVRAK' || (s.b?.length ?? 0) > 0, { message: 'a missing-documents notice names the documents' });
export type Statement = z.infer<typeof statementSchema>;

/**
 * SHA-256 of `MASA1|<salt>|<T.C. Kimlik No>`, its first 16 bytes. The salt (the registration
 * or Randevu No printed beside it) means one table of precomputed hashes does not unmask every
 * form at once; it does not make the 11-digit number secret from someone who holds the QR and
 * tries all of them (docs/verify-form.md says so): the paper prints the number anyway.
 */
export function motherBinding(salt: string, tckn: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`MASA1|${salt}|${tckn}`, 'utf8').digest().subarray(0, MOTHER_HASH_BYTES));
}

/** First bytes of a hex SHA-256 (a pack's hash, an event's chain hash). */
export function shortHash(hex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('expected a 64-digit hex SHA-256');
  return new Uint8Array(Buffer.from(hex.slice(0, SHORT_HASH_BYTES * 2), 'hex'));
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The statement for a screen or `--json` (the contract's view): bytes as hex, keys spelt out. */
export function statementView(s: Statement): FormStatementView {
  return {
    version: s.v,
    provinceCode: s.p,
    deskCode: s.d,
    number: s.n,
    outcome: s.o,
    programCode: s.g,
    packEdition: s.e,
    packHash: hex(s.h),
    supportType: s.t ?? null,
    monthlyAmountMinor: s.a ?? null,
    currency: s.c ?? null,
    supportFrom: s.s ?? null,
    decidedOn: s.f,
    eventSeq: s.q,
    eventHash: hex(s.x),
    motherHash: hex(s.m),
    ruleCodes: s.k ?? [],
    missingDocumentCodes: s.b ?? [],
  };
}
