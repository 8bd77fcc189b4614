import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedTime } from './typedInput';

describe('a typed date is understood or refused with its reason, never guessed', () => {
  it('reads the ways a clerk types a date', () => {
    for (const [text, iso] of [
      ['07071987', '1987-07-07'],
      ['7.7.1987', '1987-07-07'],
      ['07.07.1987', '1987-07-07'],
      [' 07/07/1987 ', '1987-07-07'],
      ['7-7-1987', '1987-07-07'],
      ['1988-08-08', '1988-08-08'],
      ['29.02.2024', '2024-02-29'],
    ]) expect(parseTypedDate(text!), text).toEqual({ ok: true, iso });
  });
  it('a day that does not exist, a two-digit year and anything else are refused, each with its reason', () => {
    expect(parseTypedDate('31.02.1985')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseTypedDate('29.02.2023')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseTypedDate('31021985')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseTypedDate('09.09.89')).toEqual({ ok: false, reason: 'twoDigitYear' });
    expect(parseTypedDate('090989')).toEqual({ ok: false, reason: 'twoDigitYear' });
    expect(parseTypedDate('9.9.989')).toEqual({ ok: false, reason: 'format' });
    expect(parseTypedDate('dün')).toEqual({ ok: false, reason: 'format' });
    expect(parseTypedDate('1987-13-01')).toEqual({ ok: false, reason: 'noSuchDay' });
  });
});

describe('a typed time', () => {
  it('reads 1030, 10.30, 10:30, 930 and 9:30', () => {
    expect(parseTypedTime('1030')).toEqual({ ok: true, time: '10:30' });
    expect(parseTypedTime('10.30')).toEqual({ ok: true, time: '10:30' });
    expect(parseTypedTime('10:30')).toEqual({ ok: true, time: '10:30' });
    expect(parseTypedTime('930')).toEqual({ ok: true, time: '09:30' });
    expect(parseTypedTime('9:30')).toEqual({ ok: true, time: '09:30' });
  });
  it('refuses 2460, 10:75, 10 and words', () => {
    expect(parseTypedTime('2460')).toEqual({ ok: false, reason: 'noSuchTime' });
    expect(parseTypedTime('10:75')).toEqual({ ok: false, reason: 'noSuchTime' });
    expect(parseTypedTime('10')).toEqual({ ok: false, reason: 'format' });
    expect(parseTypedTime('on buçuk')).toEqual({ ok: false, reason: 'format' });
  });
});
