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
  // Locale-free lower case: tr-TR's only differences (I -> ı, İ -> i) end as the same plain
  // "i" once folded (İ lower-cases to i + combining dot, dropped below), and ICU's tr-TR
  // lowering was most of an import's folding time.
  const lower = cleanSpaces(s).toLowerCase();
  // One pass over the letters that fold (an import folds 320,000 names: a per-character
  // string build was a tenth of its time); marks already combining are dropped with them.
  const folded = lower.replace(FOLDABLE, (ch) => FOLD[ch] ?? '');
  // Other accented letters (é, ñ …) and a combining dot above (from "İ".toLowerCase() in
  // non-Turkish locales): decomposed, marks dropped. Plain ASCII needs neither.
  return NON_ASCII.test(folded) ? folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : folded;
}
const FOLDABLE = /[çğıöşüâîû\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;
