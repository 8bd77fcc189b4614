/**
 * T.C. Kimlik No: 11 digits, the first not 0, two check digits.
 *   d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10   (a negative remainder wraps to 0..9)
 *   d11 = (d1+...+d10) mod 10
 */
export function isValidTckn(value: string): boolean {
  if (!/^[1-9][0-9]{10}$/.test(value)) return false;
  const d = Array.from(value, (c) => c.charCodeAt(0) - 48);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  if (d10 !== d[9]) return false;
  const d11 = (odd + even + d[9]!) % 10;
  return d11 === d[10];
}

/** Completes the two check digits of a 9-digit prefix (first digit not 0): for synthetic test data. */
export function tcknFromPrefix(prefix9: string): string {
  if (!/^[1-9][0-9]{8}$/.test(prefix9)) throw new Error('prefix must be 9 digits, first not 0');
  const d = Array.from(prefix9, (c) => c.charCodeAt(0) - 48);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (odd + even + d10) % 10;
  return `${prefix9}${d10}${d11}`;
}
