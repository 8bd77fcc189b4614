import type { ApiResult } from '../../preload/contract/api';
import { formatMessage, type Language } from '../../preload/contract/errors';
import { CLI } from '../texts/cli';
import type { Bilingual } from '../texts';

/** A usage mistake (exit 2): the message in Turkish, and in English for --lang en. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn: string = message,
  ) {
    super(message);
  }

  text(lang: Language): string {
    return lang === 'en' ? this.messageEn : this.message;
  }

  /** A usage mistake worded in a catalogue (main/texts). */
  static of(text: Bilingual): UsageError {
    return new UsageError(text.tr, text.en);
  }
}

/** Field keys of the handler schemas as the command line names them (its options). */
const CLI_FIELD_NAMES: Record<string, Bilingual | undefined> = CLI.output.fieldNames;

function fieldName(field: string, lang: Language): string {
  return CLI_FIELD_NAMES[field]?.[lang] ?? field;
}

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
    io.err(`${CLI.output.refused[io.lang]}: ${io.lang === 'en' ? e.messageEn : e.message}`);
    for (const [field, m] of Object.entries(e.fields ?? {})) io.err(`  - ${fieldName(field, io.lang)}: ${io.lang === 'en' ? m.en : m.tr}`);
  }
  return 1;
}

export function printValue(io: CliIO, value: unknown, human: () => string): number {
  io.out(io.json ? JSON.stringify({ ok: true, value }, null, 2) : human());
  return 0;
}

/** A refusal the command itself raised (a destination checked before signing in), printed like a handler's. */
export function printAppRefusal(io: CliIO, err: { code: string; params: Record<string, string | number> }): number {
  return printRefusal(io, { ok: false, error: { code: err.code, message: formatMessage(err.code, 'tr', err.params), messageEn: formatMessage(err.code, 'en', err.params), params: err.params } });
}
