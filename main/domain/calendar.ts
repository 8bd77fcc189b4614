/**
 * Calendar arithmetic on ISO days ("yyyy-MM-dd"), in whole completed units as the programmes
 * count them: a child born 2014-06-25 completes 12 months on 2015-06-25; one born on 31 January
 * completes a month on the last day of February; 29 February birthdays complete a year on
 * 28 February in common years.
 */
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
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
  return a.slice(0, 10) < b.slice(0, 10) ? -1 : a.slice(0, 10) > b.slice(0, 10) ? 1 : 0;
}
