/**
 * T.C. Kimlik No: 11 digits, the first not 0, two check digits.
 *   d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10   (a negative remainder wraps to 0..9)
 *   d11 = (d1+...+d10) mod 10
 */
export function isValidTckn(value: string): boolean {
  if (value.length !== 11) return false;
  // Digit by digit (no regex, no array): the import checks up to three numbers a row.
  let odd = 0;
  let even = 0;
  for (let i = 0; i < 9; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (i === 0 && d === 0)) return false;
    if (i % 2 === 0) odd += d;
    else even += d;
  }
  const d10 = value.charCodeAt(9) - 48;
  const d11 = value.charCodeAt(10) - 48;
  if (d10 < 0 || d10 > 9 || d11 < 0 || d11 > 9) return false;
  return d10 === (((odd * 7 - even) % 10) + 10) % 10 && d11 === (odd + even + d10) % 10;
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
