import type { ApiResult } from '../../preload/contract/api';
import type { Language } from '../../preload/contract/errors';

export class UsageError extends Error {}

export interface CliIO {
  json: boolean;
  lang: Language;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Prints a handler's refusal (Turkish by default) and returns exit code 1. */
export function printRefusal(io: CliIO, result: Extract<ApiResult<unknown>, { ok: false }>): number {
  const e = result.error;
  if (io.json) {
    io.out(JSON.stringify({ ok: false, error: e }, null, 2));
  } else {
    io.err(`${io.lang === 'en' ? 'Refused' : 'Reddedildi'}: ${io.lang === 'en' ? e.messageEn : e.message}`);
    for (const [field, m] of Object.entries(e.fields ?? {})) io.err(`  - ${field}: ${io.lang === 'en' ? m.en : m.tr}`);
  }
  return 1;
}

export function printValue(io: CliIO, value: unknown, human: () => string): number {
  io.out(io.json ? JSON.stringify({ ok: true, value }, null, 2) : human());
  return 0;
}
