import { ageInYears, compareDays, completedMonths, isIsoDay } from '../domain/calendar';
import { kinshipAllowed } from '../domain/kinship';
import { amountOn } from './parameters';
import type { Condition, RulePack } from './schema';

export type FactValue = string | number | boolean | null;
export type Facts = Record<string, FactValue>;
export interface DecisionDates {
  /** yyyy-MM-ddTHH:mm:ss (Turkey time) */
  preRegistration: string;
  /** yyyy-MM-dd */
  finalRegistration: string;
}

/** What a condition looked at, for the explanation of a decision. */
export type Seen = Record<string, FactValue>;

/** A condition whose input is missing is "unknown": it neither passes nor fails a rule. */
export type Truth = boolean | 'unknown';

/**
 * The safe evaluator: a fixed set of named predicates over facts and the two reference dates.
 * No eval, no code from the pack; unknown operators are refused when the pack is loaded.
 */
export function evaluate(pack: RulePack, cond: Condition, facts: Facts, dates: DecisionDates, seen: Seen): Truth {
  const get = (r: string): FactValue => {
    const v = r === '$preRegistration' ? dates.preRegistration.slice(0, 10) : r === '$finalRegistration' ? dates.finalRegistration : (facts[r] ?? null);
    seen[r] = v;
    return v;
  };
  const day = (r: string) => {
    const v = get(r);
    return isIsoDay(v) ? v : null;
  };
  switch (cond.op) {
    case 'all': {
      let unknown = false;
      for (const c of cond.of) {
        const t = evaluate(pack, c, facts, dates, seen);
        if (t === false) return false;
        if (t === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : true;
    }
    case 'any': {
      let unknown = false;
      for (const c of cond.of) {
        const t = evaluate(pack, c, facts, dates, seen);
        if (t === true) return true;
        if (t === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : false;
    }
    case 'not': {
      const t = evaluate(pack, cond.cond, facts, dates, seen);
      return t === 'unknown' ? t : !t;
    }
    case 'eq': {
      const v = get(cond.fact);
      return v === null ? 'unknown' : v === cond.value;
    }
    case 'in': {
      const v = get(cond.fact);
      return v === null ? 'unknown' : cond.values.includes(v as string | number);
    }
    case 'true': {
      const v = get(cond.fact);
      return v === null ? 'unknown' : v === true;
    }
    case 'present': {
      const v = get(cond.fact);
      return v !== null && v !== '';
    }
    case 'monthsAtMost':
    case 'monthsAtLeast': {
      const from = day(cond.from);
      const to = day(cond.to);
      if (!from || !to) return 'unknown';
      const m = completedMonths(from, to);
      seen[`months(${cond.from}→${cond.to})`] = m;
      return cond.op === 'monthsAtMost' ? compareDays(from, to) <= 0 && m <= cond.months : m >= cond.months;
    }
    case 'ageAtLeast': {
      const birth = day(cond.birth);
      const at = day(cond.at);
      if (!birth || !at) return 'unknown';
      const years = ageInYears(birth, at);
      seen[`age(${cond.birth})`] = years;
      return years >= cond.years;
    }
    case 'dateOnOrBefore':
    case 'dateBefore': {
      const a = day(cond.fact);
      const b = day(cond.ref);
      if (!a || !b) return 'unknown';
      const c = compareDays(a, b);
      return cond.op === 'dateOnOrBefore' ? c <= 0 : c < 0;
    }
    case 'dateInWindow': {
      const d = day(cond.ref);
      if (!d) return 'unknown';
      const w = pack.windows[cond.window];
      return compareDays(d, w.from) >= 0 && (w.to === null || compareDays(d, w.to) <= 0);
    }
    case 'moneyAtMostParam':
    case 'moneyAtLeastParam': {
      const v = get(cond.fact);
      const at = day(cond.at);
      if (typeof v !== 'number' || !at) return 'unknown';
      const limit = paramOn(pack, cond.param, at);
      if (limit === null) return 'unknown';
      const bound = Math.round(limit * (cond.times ?? 1));
      seen[`${cond.param}(${at})`] = bound;
      return cond.op === 'moneyAtMostParam' ? v <= bound : v >= bound;
    }
    case 'kinshipAllowed': {
      const relation = get(cond.relation);
      const liveIn = get(cond.liveIn);
      if (typeof relation !== 'string') return 'unknown';
      if (relation === 'YOK' || relation === 'DIGER') return true;
      if (typeof liveIn !== 'boolean') return 'unknown';
      return kinshipAllowed(relation, liveIn, { liveOut: cond.liveOutMaxForbidden, liveIn: cond.liveInMaxForbidden });
    }
    case 'provinceInPack': {
      const v = get(cond.fact);
      if (v === null) return 'unknown';
      return pack.provinces.some((p) => p.code === String(v).padStart(2, '0'));
    }
  }
}

/**
 * The wage ceiling on a day: a published figure wins over the computed one (twice the gross
 * minimum wage), e.g. 2,546 TL for the second half of 2015.
 */
export function paramOn(pack: RulePack, param: 'wageCeiling' | 'minimumWage' | 'domesticMinimumWage', day: string): number | null {
  if (param === 'wageCeiling') {
    const published = amountOn(pack.parameters.publishedCeilings, day);
    if (published !== null) return published;
    const min = amountOn(pack.parameters.minimumWage, day);
    return min === null ? null : min * 2;
  }
  if (param === 'domesticMinimumWage') return amountOn(pack.parameters.domesticMinimumWage ?? pack.parameters.minimumWage, day);
  return amountOn(pack.parameters.minimumWage, day);
}
