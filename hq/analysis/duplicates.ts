import { loadRulePacks } from '../../main/rules';
import type { HqSql } from '../database/engine';
import { duplicateRows, type DuplicateRow } from '../database/queries/analysis';

interface DuplicateGroup {
  kind: 'ANNE' | 'ÇOCUK';
  tckn: string;
  rows: DuplicateRow[];
}

/** Each edition's last entitlement month, from Masa's rule packs (support cannot run past it). */
function lastEntitlementMonths(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, pack] of loadRulePacks()) if (pack.windows.lastEntitlementMonth) out[code] = pack.windows.lastEntitlementMonth;
  return out;
}

/** `duplicates [--since DATE]`: the groups, every row involved, in T.C. Kimlik No order. */
export async function findDuplicates(db: HqSql, since: string | null): Promise<DuplicateGroup[]> {
  const rows = await duplicateRows(db, { since, lastMonths: lastEntitlementMonths() });
  const groups: DuplicateGroup[] = [];
  for (const r of rows) {
    const g = groups[groups.length - 1];
    if (g && g.kind === r.kind && g.tckn === r.tckn) g.rows.push(r);
    else groups.push({ kind: r.kind, tckn: r.tckn, rows: [r] });
  }
  return groups;
}
