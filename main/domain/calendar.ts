/**
 * Calendar arithmetic on ISO days ("yyyy-MM-dd"), in whole completed units as the programmes
 * count them: a child born 2014-06-25 completes 12 months on 2015-06-25; one born on 31 January
 * completes a month on the last day of February; 29 February birthdays complete a year on
 * 28 February in common years.
 */
function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Plain arithmetic (no Date objects): the rules engine asks this thousands of times a second.
function daysInMonth(y: number, m: number): number {
  return m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : MONTH_DAYS[m - 1]!;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || !ISO_DAY.test(value)) return false;
  const [y, m, d] = parts(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Completed calendar months from `from` to `to` (0 if `to` is before `from`). */
export function completedMonths(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  // The month is complete on the same day-of-month, or on the last day of a shorter month.
  const anniversaryDay = Math.min(fd, daysInMonth(ty, tm));
  if (td < anniversaryDay) months--;
  return Math.max(0, months);
}

export function ageInYears(birth: string, at: string): number {
  return Math.floor(completedMonths(birth, at) / 12);
}

export function compareDays(a: string, b: string): number {
  const x = a.length === 10 ? a : a.slice(0, 10);
  const y = b.length === 10 ? b : b.slice(0, 10);
  return x < y ? -1 : x > y ? 1 : 0;
}
