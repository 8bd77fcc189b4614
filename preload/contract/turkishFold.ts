/**
 * The one definition of how Turkish text is compared for search: tr-TR lower case, Turkish
 * accents folded (ç ğ ı ö ş ü -> c g i o s u), white space collapsed. It lives in the contract
 * because main (the appointment search index) and the renderer (filtering a province list as
 * the user types) must fold the same way: "izmir", "İZMİR" and "Izmir" all find İzmir.
 */
const FOLD: Record<string, string> = {
  ç: 'c', ğ: 'g', ı: 'i', i: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u',
};

/** Collapses every kind of white space (including NBSP) to single spaces and trims. */
export function cleanSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ').trim();
}

/** The key two names are compared by: tr-TR lower case, accents folded, spaces collapsed. */
export function foldForSearch(s: string): string {
  const lower = cleanSpaces(s).toLocaleLowerCase('tr-TR');
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  // Combining dot above (from "İ".toLowerCase() in non-Turkish locales) and other marks.
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
