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
  .transform((v) => v.toLocaleUpperCase('tr-TR'))
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
