import type { HqSql } from '../engine';

interface DeskKeyRow {
  public_key_spki: string;
  province_code: string;
  desk_code: string;
  fingerprint: string;
  added_at: string;
}

export async function keyBySpki(db: HqSql, spki: string): Promise<DeskKeyRow | undefined> {
  return (await db.query<DeskKeyRow>('SELECT public_key_spki, province_code, desk_code, fingerprint, added_at FROM desk_keys WHERE public_key_spki = $1', [spki]))[0];
}

export async function insertKey(db: HqSql, k: { spki: string; provinceCode: string; deskCode: string; fingerprint: string }): Promise<void> {
  await db.query('INSERT INTO desk_keys (public_key_spki, province_code, desk_code, fingerprint) VALUES ($1, $2, $3, $4)', [k.spki, k.provinceCode, k.deskCode, k.fingerprint]);
}

export async function listKeys(db: HqSql, filter: { provinceCode?: string } = {}): Promise<DeskKeyRow[]> {
  return db.query<DeskKeyRow>(
    `SELECT public_key_spki, province_code, desk_code, fingerprint, added_at::text AS added_at FROM desk_keys
      WHERE ($1::text IS NULL OR province_code = $1) ORDER BY province_code, desk_code, added_at`,
    [filter.provinceCode ?? null],
  );
}
