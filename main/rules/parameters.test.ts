import { describe, expect, it } from 'vitest';
import { getRulePack, paramOn, type RulePack } from '.';
import { amountOn } from './parameters';

/** The minimum wage (and the wage ceiling) valid on a day, from a pack's dated tables, in kuruş. */
describe('amountOn: the dated entry valid on a day', () => {
  const table = [
    { from: '2015-01-01', to: '2015-06-30', amount: 120150 },
    { from: '2015-07-01', to: '2015-12-31', amount: 127350 },
    { from: '2016-01-01', to: null, amount: 164700 },
  ];

  it('the first day of a half-year takes the new figure, the day before the old one', () => {
    expect(amountOn(table, '2015-06-30')).toBe(120150);
    expect(amountOn(table, '2015-07-01')).toBe(127350);
    expect(amountOn(table, '2015-12-31')).toBe(127350);
    expect(amountOn(table, '2016-01-01')).toBe(164700);
  });

  it('an open-ended entry (to: null) runs on; before the table, or in a gap, there is none', () => {
    expect(amountOn(table, '2031-05-05')).toBe(164700);
    expect(amountOn(table, '2014-12-31')).toBeNull();
    expect(amountOn([{ from: '2015-01-01', to: '2015-03-31', amount: 1 }, { from: '2015-05-01', to: null, amount: 2 }], '2015-04-15')).toBeNull();
    expect(amountOn([], '2015-07-01')).toBeNull();
  });

  it('when entries overlap, the one that started last wins, whatever the order in the file', () => {
    const overlapping = [
      { from: '2015-07-01', to: '2015-07-31', amount: 2 },
      { from: '2015-01-01', to: null, amount: 1 },
    ];
    expect(amountOn(overlapping, '2015-06-30')).toBe(1);
    expect(amountOn(overlapping, '2015-07-01')).toBe(2);
    expect(amountOn(overlapping, '2015-08-01')).toBe(1);
  });
});

describe('paramOn: a published ceiling wins over twice the minimum wage', () => {
  const evde = getRulePack('EVDE-2015')!;

  it('2015 H2: the published 2,546.00 TL, not 2 × 1,273.50 = 2,547.00 TL, from its first day to its last', () => {
    expect(paramOn(evde, 'minimumWage', '2015-07-01')).toBe(127350);
    expect(2 * paramOn(evde, 'minimumWage', '2015-07-01')!).toBe(254700);
    expect(paramOn(evde, 'wageCeiling', '2015-07-01')).toBe(254600);
    expect(paramOn(evde, 'wageCeiling', '2015-12-31')).toBe(254600);
  });

  it('without a published figure on the day the ceiling is computed: 2015 H1 and 2016', () => {
    expect(paramOn(evde, 'wageCeiling', '2015-06-30')).toBe(2 * 120150);
    expect(paramOn(evde, 'wageCeiling', '2016-01-01')).toBe(2 * 164700);
    expect(paramOn(evde, 'wageCeiling', '2014-12-31')).toBeNull();
  });

  it('KURUMSAL-2019 publishes 5,116.80 TL for 2019 (the same as 2 × 2,558.40)', () => {
    const kurumsal = getRulePack('KURUMSAL-2019')!;
    expect(paramOn(kurumsal, 'wageCeiling', '2019-01-01')).toBe(511680);
    expect(paramOn(kurumsal, 'wageCeiling', '2020-01-01')).toBe(2 * 294300);
  });

  it('a published figure wins even when it is above the computed one, and only on its own days', () => {
    const pack: RulePack = {
      ...evde,
      parameters: { minimumWage: [{ from: '2030-01-01', to: null, amount: 100000 }], publishedCeilings: [{ from: '2030-07-01', to: '2030-12-31', amount: 250000 }] },
    };
    expect(paramOn(pack, 'wageCeiling', '2030-06-30')).toBe(200000);
    expect(paramOn(pack, 'wageCeiling', '2030-07-01')).toBe(250000);
    expect(paramOn(pack, 'wageCeiling', '2031-01-01')).toBe(200000);
  });

  it('the domestic minimum wage has its own table (BAKICI-2020) or falls back to the minimum wage', () => {
    expect(paramOn(getRulePack('BAKICI-2020')!, 'domesticMinimumWage', '2021-01-01')).toBe(357750);
    expect(paramOn(getRulePack('BAKICI-2020')!, 'domesticMinimumWage', '2020-12-31')).toBe(294300);
    expect(paramOn(evde, 'domesticMinimumWage', '2015-07-01')).toBe(127350);
  });
});
