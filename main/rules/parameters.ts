import { compareDays } from '../domain/calendar';
import type { Dated } from './schema';

/** The amount valid on a day from a dated table (the latest entry that has started wins). */
export function amountOn(table: readonly Dated[], day: string): number | null {
  let hit: Dated | null = null;
  for (const row of table) {
    if (compareDays(day, row.from) >= 0 && (row.to === null || compareDays(day, row.to) <= 0)) {
      if (!hit || compareDays(row.from, hit.from) > 0) hit = row;
    }
  }
  return hit ? hit.amount : null;
}
