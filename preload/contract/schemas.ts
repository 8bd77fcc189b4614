import { z } from 'zod';

/** Building blocks shared by the handler inputs. Messages are codes from fieldMessages. */
export const username = z
  .string('REQUIRED')
  .trim()
  .regex(/^[\p{L}\p{N}._-]{3,32}$/u, 'USERNAME');
export const password = z.string('REQUIRED').min(10, 'PASSWORD_SHORT').max(200, 'INVALID');
export const secret = z.string('REQUIRED').min(1, 'REQUIRED').max(200, 'INVALID');
export const displayName = z.string('REQUIRED').trim().min(2, 'NAME').max(80, 'NAME');
export const provinceCode = z
  .union([z.string(), z.number()], 'PROVINCE')
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^(0?[1-9]|[1-7][0-9]|8[01])$/, 'PROVINCE'))
  .transform((v) => v.padStart(2, '0'));
export const deskCode = z
  .string('REQUIRED')
  .trim()
  // Desk codes are ASCII (they go into HQ file names): upper-case the ASCII way, so that "ist1"
  // is IST1, not İST1 as tr-TR would make it. A dotted or dotless I typed on a Turkish keyboard
  // is the letter I; other Turkish letters (Ş, Ğ, Ç, Ö, Ü) are refused by the pattern.
  .transform((v) => v.replace(/[ıİ]/g, 'I').replace(/[a-z]+/g, (m) => m.toUpperCase()))
  .pipe(z.string().regex(/^[A-Z0-9]{1,8}$/, 'DESK').refine((v) => v !== 'IL', 'DESK'));
export const isoDate = z
  .string('DATE')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'DATE')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'DATE');
export const role = z.enum(['HEAD', 'CLERK'], 'INVALID');
export const userId = z.number('INVALID').int('INVALID').positive('INVALID');
export const empty = z.object({}).strict();
export const randevuNo = z.string('REQUIRED').trim().min(1, 'REQUIRED').max(40, 'INVALID');
/** Facts as the wizard sends them: flat key -> scalar; the rule pack's schema checks meaning. */
export const factValues = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,63}$/, 'INVALID'),
  z.union([z.string().max(200, 'INVALID'), z.number(), z.boolean(), z.null()]),
  'INVALID',
);
/** Document checklist answers: code -> true (present) / false (missing). Unanswered = absent key. */
export const documentAnswers = z.record(z.string().regex(/^[A-Z0-9_]{1,64}$/, 'INVALID'), z.boolean(), 'INVALID');
export const wizardDraft = z
  .object({
    step: z.number().int().min(0).max(10),
    facts: factValues,
    documents: documentAnswers,
    /** EKSİK EVRAK: the new appointment's date and time as typed so far (may be empty). */
    newAppointment: z.object({ date: z.string().max(10, 'INVALID'), time: z.string().max(5, 'INVALID') }).strict().optional(),
  })
  .strict();
/**
 * A file's full path as main reads it: POSIX (/home/...), a Windows drive (C:\...) or a share
 * (\\server\...). A relative path would be read against main's working folder, not the user's.
 */
export const absolutePath = z
  .string('REQUIRED')
  .min(1, 'REQUIRED')
  .max(4096, 'INVALID')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'ABSOLUTE_PATH');
