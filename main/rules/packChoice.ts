import type { DecisionDates } from './evaluate';
import type { RulePack } from './schema';

/** ISO days compare as text; the pre-registration is a date-time, so its day is its first 10 characters. */
function covers(pack: RulePack, pre: string, fin: string): boolean {
  return pre >= pack.validFrom && fin >= pack.validFrom && (pack.validTo === null || (pre <= pack.validTo && fin <= pack.validTo));
}

/** The pack's validity holds both days the rules read (pre-registration and final registration). */
export function packCovers(pack: RulePack, dates: DecisionDates): boolean {
  return covers(pack, dates.preRegistration.slice(0, 10), dates.finalRegistration.slice(0, 10));
}

/** Which pack decides: of the programme's packs whose validity covers the dates, the highest edition. */
export function choosePack(packs: Iterable<RulePack>, code: string, dates: DecisionDates): RulePack | undefined {
  const pre = dates.preRegistration.slice(0, 10);
  const fin = dates.finalRegistration.slice(0, 10);
  let best: RulePack | undefined;
  for (const p of packs) if (p.code === code && (!best || p.edition > best.edition) && covers(p, pre, fin)) best = p;
  return best;
}

/** The newest edition of a programme, whatever its dates (names, currency, quotas shown in lists). */
export function latestPack(packs: Iterable<RulePack>, code: string): RulePack | undefined {
  let best: RulePack | undefined;
  for (const p of packs) if (p.code === code && (!best || p.edition > best.edition)) best = p;
  return best;
}
