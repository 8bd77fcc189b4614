/**
 * The row validator remembers the outcome of repeated values per column (days, names,
 * programmes): a remembered value, good or bad, must read exactly as a fresh one, row by row.
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { makeRowValidator } from './rowValidation';
import { textRow } from './testing/fixtures';

const index = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i]));
const cellsOf = (over: Parameters<typeof textRow>[1] = {}) => COLUMNS.map((c) => textRow(1, over)[c.header]);

describe('row validator', () => {
  for (const ownStrings of [true, false]) {
    it(`repeated good and bad values give the same outcome in every row (ownStrings ${ownStrings})`, () => {
      const validate = makeRowValidator(index, false, { ownStrings });
      const bad = cellsOf({ 'Çocuk Doğum Tarihi': '31.02.2025', 'Anne Adı': 'AYŞE2' });
      const good = cellsOf();
      const outcomes = [good, bad, good, bad].map((cells, i) => validate(cells, i + 2));
      expect(outcomes[0]!.row).toMatchObject({ childBirthDate: '2025-05-01', motherFirstName: 'ŞÜKRAN', preRegisteredAt: '2026-06-25T10:00:03' });
      expect(outcomes[2]!.row).toEqual({ ...outcomes[0]!.row, sourceRow: 4 });
      for (const o of [outcomes[1]!, outcomes[3]!]) {
        expect(o.row).toBeNull();
        expect(o.rejects!.map((r) => [r.column, r.code])).toEqual([
          ['Anne Adı', 'BAD_NAME'],
          ['Çocuk Doğum Tarihi', 'BAD_DATE'],
        ]);
      }
      expect(outcomes[3]!.rejects![0]!.row).toBe(5);
    });
  }

  it('numbers and text of the same digits are different cells', () => {
    const validate = makeRowValidator(index, false, { ownStrings: true });
    expect(validate(cellsOf({ 'Randevu Tarihi': 46350 }), 2).row!.date).toBe('2026-11-24');
    expect(validate(cellsOf({ 'Randevu Tarihi': '46350' }), 3).rejects!.map((r) => r.code)).toEqual(['BAD_DATE']);
  });
});
