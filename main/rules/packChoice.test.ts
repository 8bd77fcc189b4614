import { describe, expect, it } from 'vitest';
import { choosePack, latestPack, packCovers } from './packChoice';
import { getRulePack } from '.';
import type { RulePack } from './schema';

const base = getRulePack('BAKICI-2020')!;
const edition = (n: number, validFrom: string, validTo: string | null): RulePack => ({ ...base, edition: n, validFrom, validTo });
const at = (pre: string, fin: string) => ({ preRegistration: `${pre}T10:00:00`, finalRegistration: fin });

describe('which pack decides', () => {
  const packs = [edition(1, '2020-01-01', null), edition(2, '2027-01-01', null), edition(3, '2027-06-01', '2027-12-31'), { ...base, code: 'BAKICI-2027', edition: 9 }];
  it('the highest edition whose validity covers both the pre-registration and the final-registration day', () => {
    expect(choosePack(packs, 'BAKICI-2020', at('2026-12-31', '2027-03-01'))!.edition).toBe(1);
    expect(choosePack(packs, 'BAKICI-2020', at('2027-01-01', '2027-03-01'))!.edition).toBe(2);
    expect(choosePack(packs, 'BAKICI-2020', at('2027-06-01', '2027-12-31'))!.edition).toBe(3);
    expect(choosePack(packs, 'BAKICI-2020', at('2027-06-01', '2028-01-01'))!.edition).toBe(2);
    expect(choosePack(packs, 'BAKICI-2020', at('2019-12-31', '2020-02-01'))).toBeUndefined();
    expect(choosePack(packs, 'YOK-2020', at('2027-06-01', '2027-07-01'))).toBeUndefined();
  });
  it('validity bounds are inclusive; the newest edition is the one named in lists', () => {
    expect(packCovers(packs[2]!, at('2027-12-31', '2027-12-31'))).toBe(true);
    expect(packCovers(packs[2]!, at('2027-05-31', '2027-12-31'))).toBe(false);
    expect(latestPack(packs, 'BAKICI-2020')!.edition).toBe(3);
  });
});
