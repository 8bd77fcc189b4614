import { compareDays } from '../domain/calendar';
import type { DecisionDates } from './evaluate';
import type { RulePack } from './schema';

/** The pack's validity holds both days the rules read (pre-registration and final registration). */
export function packCovers(pack: RulePack, dates: DecisionDates): boolean {
  return [dates.preRegistration, dates.finalRegistration].every((d) => compareDays(d, pack.validFrom) >= 0 && (pack.validTo === null || compareDays(d, pack.validTo) <= 0));
}

/** Which pack decides: of the programme's packs whose validity covers the dates, the highest edition. */
export function choosePack(packs: Iterable<RulePack>, code: string, dates: DecisionDates): RulePack | undefined {
  let best: RulePack | undefined;
  for (const p of packs) if (p.code === code && packCovers(p, dates) && (!best || p.edition > best.edition)) best = p;
  return best;
}

/** The newest edition of a programme, whatever its dates (names, currency, quotas shown in lists). */
export function latestPack(packs: Iterable<RulePack>, code: string): RulePack | undefined {
  let best: RulePack | undefined;
  for (const p of packs) if (p.code === code && (!best || p.edition > best.edition)) best = p;
  return best;
}
