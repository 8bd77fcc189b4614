/**
 * Turkish text helpers. Upper/lower case follows tr-TR (i <-> İ, ı <-> I); matching of names
 * ignores case and the Turkish accents so that "ŞÜKRAN", "sukran" and "şükran" are the same.
 */
const FOLD: Record<string, string> = {
  ç: 'c', ğ: 'g', ı: 'i', i: 'i', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u',
};

export function trUpper(s: string): string {
  return s.toLocaleUpperCase('tr-TR');
}

export function trLower(s: string): string {
  return s.toLocaleLowerCase('tr-TR');
}

/** Collapses every kind of white space (including NBSP) to single spaces and trims. */
export function cleanSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ').trim();
}

/** The key two names are compared by: tr-TR lower case, accents folded, spaces collapsed. */
export function foldForSearch(s: string): string {
  const lower = trLower(cleanSpaces(s));
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  // Combining dot above (from "İ".toLowerCase() in non-Turkish locales) and other marks.
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Title-cases a Turkish name the way it is printed on forms: "ŞÜKRAN İNCE" -> "Şükran İnce". */
export function trTitle(s: string): string {
  return cleanSpaces(s)
    .split(' ')
    .map((w) => (w ? trUpper(w.charAt(0)) + trLower(w.slice(1)) : w))
    .join(' ');
}

export function trCompare(a: string, b: string): number {
  return a.localeCompare(b, 'tr-TR');
}
