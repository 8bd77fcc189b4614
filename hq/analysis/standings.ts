import { getRulePack } from '../../main/rules';
import type { HqSql } from '../database/engine';
import { standingRows, type StandingRow } from '../database/queries/analysis';

interface Standing extends StandingRow {
  list: 'ASIL' | 'YEDEK';
  position: number;
}

interface ProvinceStanding {
  province_code: string;
  quota: number | null;
  registered: number;
  main: number;
  reserve: number;
}

/** The quotas of an edition by province, from Masa's rule pack of that code (null: unknown pack). */
export function editionQuotas(code: string): Map<string, number> | null {
  const pack = getRulePack(code);
  return pack ? new Map(pack.provinces.map((p) => [p.code.padStart(2, '0'), p.quota])) : null;
}

/**
 * The national main (Asil) and reserve (Yedek) standing of one edition: per province quota,
 * ranked as the desk's lists are. A province without a quota in the pack has everyone on the
 * reserve list (its quota is 0) and says so.
 */
export async function nationalStandings(db: HqSql, code: string, provinceCode: string | null, quotas: Map<string, number>) {
  const rows = await standingRows(db, code, provinceCode);
  const list: Standing[] = rows.map((r) => {
    const quota = quotas.get(r.province_code) ?? 0;
    return r.rank <= quota ? { ...r, list: 'ASIL', position: r.rank } : { ...r, list: 'YEDEK', position: r.rank - quota };
  });
  const provinces = new Map<string, ProvinceStanding>();
  for (const s of list) {
    let p = provinces.get(s.province_code);
    if (!p) provinces.set(s.province_code, (p = { province_code: s.province_code, quota: quotas.get(s.province_code) ?? null, registered: 0, main: 0, reserve: 0 }));
    p.registered++;
    if (s.list === 'ASIL') p.main++;
    else p.reserve++;
  }
  return { list, provinces: [...provinces.values()] };
}
