import { isIsoDay } from '../domain/calendar';
import { isValidTurkishIban } from '../domain/iban';
import { isValidTckn } from '../domain/tckn';
import { evaluate, type DecisionDates, type Facts } from './evaluate';
import type { FactField, RulePack } from './schema';
import { DESK } from '../texts/desk';
import { fill } from '../texts';

export type Bilingual = { tr: string; en: string };

/** The fields shown for these facts: a field with `when` appears only while its condition holds. */
export function visibleFields(pack: RulePack, facts: Facts, dates: DecisionDates): FactField[] {
  return pack.facts.filter((f) => !f.when || evaluate(pack, f.when, facts, dates, null) === true);
}

const MSG = DESK.facts.field;

/**
 * Where the facts come from, for the message: the wizard's inputs (dates typed as gg.aa.yyyy,
 * amounts in TL, both sent as ISO days and kuruş) or a facts file (docs/facts.md), where the
 * value is written as stored: `yyyy-MM-dd`, integer kuruş.
 */
type FactsSource = 'wizard' | 'file';

/** A facts file: what is accepted, with the value the user meant when it can be read. */
function fileDateMessage(v: unknown): Bilingual {
  const m = typeof v === 'string' ? /^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$/.exec(v) : null;
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
  if (iso && isIsoDay(iso)) {
    return fill(DESK.facts.fileDateHint, v as string, iso);
  }
  return DESK.facts.fileDateInvalid;
}

function fileMoneyMessage(v: unknown): Bilingual {
  // "3.577,50" (as forms show it), "3577,50" or 3577.5: the same amount in kuruş is the hint.
  let kurus: number | null = null;
  if (typeof v === 'string' && /^\s*(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?\s*(TL)?\s*$/i.test(v)) {
    const [lira, frac = ''] = v.replace(/TL/i, '').trim().replace(/\./g, '').split(',');
    kurus = Number(lira) * 100 + Number(frac.padEnd(2, '0'));
  } else if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && !Number.isInteger(v)) {
    kurus = Math.round(v * 100);
  }
  const shown = typeof v === 'string' ? `"${v}"` : String(v);
  if (kurus !== null) {
    return fill(DESK.facts.fileMoneyHint, shown, kurus);
  }
  return DESK.facts.fileMoneyInvalid;
}

/**
 * Field-level checks of the visible facts. With the default source the messages are what the
 * wizard shows next to its fields; with 'file' a date or an amount is explained as a facts
 * file must write it.
 */
export function checkFacts(
  pack: RulePack,
  facts: Facts,
  dates: DecisionDates,
  visible = visibleFields(pack, facts, dates),
  source: FactsSource = 'wizard',
): Record<string, Bilingual> {
  const errors: Record<string, Bilingual> = {};
  for (const f of visible) {
    const v = facts[f.key];
    if (v === null || v === undefined || v === '') {
      if (f.required) errors[f.key] = MSG.required;
      continue;
    }
    const e = checkValue(f, v, dates);
    if (e) errors[f.key] = source === 'file' && e === MSG.date ? fileDateMessage(v) : source === 'file' && e === MSG.money ? fileMoneyMessage(v) : e;
  }
  return errors;
}

function checkValue(f: FactField, v: unknown, dates: DecisionDates): Bilingual | null {
  switch (f.type) {
    case 'tckn':
      return typeof v === 'string' && isValidTckn(v) ? null : MSG.tckn;
    case 'iban':
      return typeof v === 'string' && isValidTurkishIban(v) ? null : MSG.iban;
    case 'date':
      if (!isIsoDay(v)) return MSG.date;
      // Birth dates and past events cannot lie after the final registration day.
      return /birthDate$/.test(f.key) && (v as string) > dates.finalRegistration ? MSG.future : null;
    case 'money':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : MSG.money;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? null : MSG.integer;
    case 'enum':
      return typeof v === 'string' && (f.options ?? []).some((o) => o.value === v) ? null : MSG.option;
    case 'boolean':
      return typeof v === 'boolean' ? null : MSG.boolean;
    case 'text':
      return typeof v === 'string' && v.length <= 200 ? null : MSG.text;
  }
}

/** Only the visible facts count: a value typed into a field that later disappeared is dropped. */
export function effectiveFacts(pack: RulePack, facts: Facts, dates: DecisionDates, visible = visibleFields(pack, facts, dates)): Facts {
  const out: Facts = {};
  for (const f of visible) if (facts[f.key] !== undefined) out[f.key] = facts[f.key]!;
  return out;
}
