/**
 * What a clerk types into a date or a time field, understood the same way everywhere (screen
 * and tests): never guessed, and when it cannot be read, why. A two-digit year is never
 * expanded (09.09.89 could be 1989 or 2089 to the code, never to the clerk).
 */
type TypedDate = { ok: true; iso: string } | { ok: false; reason: 'format' | 'twoDigitYear' | 'noSuchDay' };
type TypedTime = { ok: true; time: string } | { ok: false; reason: 'format' | 'noSuchTime' };

function realDay(y: string, m: string, d: string): TypedDate {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? { ok: true, iso } : { ok: false, reason: 'noSuchDay' };
}

/** 7.7.1987, 07.07.1987, 07/07/1987, 07-07-1987, 07071987, 1987-07-07 -> 1987-07-07. */
export function parseTypedDate(text: string): TypedDate {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return realDay(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d+)$/.exec(t);
  if (m) return m[3]!.length === 4 ? realDay(m[3]!, m[2]!, m[1]!) : { ok: false, reason: m[3]!.length === 2 ? 'twoDigitYear' : 'format' };
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return realDay(m[3]!, m[2]!, m[1]!);
  if (/^\d{6}$/.test(t)) return { ok: false, reason: 'twoDigitYear' };
  return { ok: false, reason: 'format' };
}

/** 10:30, 10.30, 1030, 930, 9:30 -> 10:30 / 09:30. */
export function parseTypedTime(text: string): TypedTime {
  const m = /^(\d{1,2})\s*[:.]?\s*(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, reason: 'format' };
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return { ok: false, reason: 'noSuchTime' };
  return { ok: true, time: `${String(h).padStart(2, '0')}:${m[2]}` };
}

/** An ISO day as the clerk reads it: 1987-07-07 -> 07.07.1987. */
export function isoToTrDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}
