/**
 * Turkish text helpers. Upper/lower case follows tr-TR (i <-> İ, ı <-> I); matching of names
 * ignores case and the Turkish accents so that "ŞÜKRAN", "sukran" and "şükran" are the same.
 */
import { cleanSpaces, foldForSearch } from '../../preload/contract/turkishFold';

// Folding for search is shared with the renderer, so it is defined once in the contract.
export { cleanSpaces, foldForSearch };

export function trUpper(s: string): string {
  return s.toLocaleUpperCase('tr-TR');
}

export function trLower(s: string): string {
  return s.toLocaleLowerCase('tr-TR');
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
