import type { CliIO } from '../../main/cli/output';
import type { HqEngine } from '../database/engine';

export interface HqContext {
  io: CliIO;
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  /** The database, schema checked to be current (opened on first use, closed by the runner). */
  db(): Promise<HqEngine>;
  /** The database as it is, for `init`. */
  rawDb(): Promise<HqEngine>;
}

export interface HqCommand {
  name: string;
  summary: { tr: string; en: string };
  usage: { tr: string; en: string };
  options?: string[];
  flags?: string[];
  run(ctx: HqContext): Promise<number>;
}

/** A refusal the runner prints (exit 1): the database is missing, a key is wrong, a file exists. */
export class HqRefusal extends Error {
  constructor(
    readonly tr: string,
    readonly en: string = tr,
    readonly value: unknown = undefined,
  ) {
    super(tr);
  }

  /** A refusal worded in the catalogue (hq/texts). */
  static of(text: { tr: string; en: string }, value?: unknown): HqRefusal {
    return new HqRefusal(text.tr, text.en, value);
  }
}

export function say(io: CliIO, text: { tr: string; en: string }): string {
  return io.lang === 'en' ? text.en : text.tr;
}

export function printOk(io: CliIO, value: unknown, human: () => string, code = 0): number {
  io.out(io.json ? JSON.stringify({ ok: code === 0, value }, null, 2) : human());
  return code;
}

/** İl kodu 1-81 (`6` and `06` are the same) → two digits; null when it is not a province. */
export function provinceArg(v: string | boolean | undefined): string | null {
  if (typeof v !== 'string' || !/^\d{1,2}$/.test(v.trim())) return null;
  const n = Number(v.trim());
  return n >= 1 && n <= 81 ? String(n).padStart(2, '0') : null;
}

export function deskArg(v: string | boolean | undefined): string | null {
  if (typeof v !== 'string') return null;
  const d = v.trim().toLocaleUpperCase('tr-TR');
  return /^[A-Z0-9]{1,8}$/.test(d) ? d : null;
}

export function dayArg(v: string | boolean | undefined): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : null;
}

export const trNumber = (n: number) => n.toLocaleString('tr-TR');
export const trMoney = (cents: number) => (cents / 100).toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
