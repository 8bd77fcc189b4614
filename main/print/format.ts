/**
 * How values look on paper: dd.MM.yyyy, 1.234,56, masked identities. Done with string
 * arithmetic rather than Date/Intl so that the output depends neither on the machine's time
 * zone nor on the ICU data Electron happens to ship.
 */

/** `2015-06-25` -> `25.06.2015` */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}.${m}.${y}`;
}

/** `2015-06-25T10:00:03` -> `25.06.2015 10:00:03`; `withSeconds: false` -> `25.06.2015 10:00`. */
export function formatDateTime(isoDateTime: string, withSeconds = true): string {
  const [day, time = ''] = isoDateTime.split('T');
  return `${formatDay(day ?? '')} ${withSeconds ? time : time.slice(0, 5)}`;
}

/** Thousands with dots, the Turkish way: 1750 -> `1.750`. */
export function formatInteger(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Minor units to `1.234,56 EUR`. */
export function formatMoney(minor: number, currency: 'EUR' | 'TL'): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${formatInteger(Math.floor(abs / 100))},${cents} ${currency}`;
}

/** `12345678990` -> `123******90`: enough to tell two people apart on a list, not to identify one. */
export function maskTckn(tckn: string): string {
  if (tckn.length < 6) return '*'.repeat(tckn.length);
  return tckn.slice(0, 3) + '*'.repeat(tckn.length - 5) + tckn.slice(-2);
}

/**
 * `Gülşen Özdemir Çağlayan-Işıkoğlu` -> `Gü**** Öz***** Ça******-Iş******`: each run of
 * letters keeps its first two (one if the run is short), so the desk can still match a
 * masked line to the person in front of them while a passer-by cannot read the name.
 */
export function maskName(name: string): string {
  return name.replace(/\p{L}+/gu, (word) => {
    const letters = Array.from(word);
    const keep = letters.length <= 2 ? 1 : 2;
    return letters.slice(0, keep).join('') + '*'.repeat(letters.length - keep);
  });
}

/** A 64-hex hash in groups of four, the way people read hashes aloud and compare them. */
export function groupHex(hash: string, groupSize = 4): string[] {
  const groups: string[] = [];
  for (let i = 0; i < hash.length; i += groupSize) groups.push(hash.slice(i, i + groupSize).toLowerCase());
  return groups;
}
