/**
 * Turkish IBAN: "TR", 2 check digits, 5-digit bank code, a reserved "0", 16-digit account
 * (26 characters); ISO 7064 mod 97-10. Spaces are allowed when typed.
 */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function isValidTurkishIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^TR\d{2}\d{5}0\d{16}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

export function bankCodeOf(value: string): string | null {
  const iban = normalizeIban(value);
  return /^TR\d{24}$/.test(iban) ? iban.slice(4, 9) : null;
}

/** Completes the check digits for a bank code + account (for synthetic test data). */
export function ibanFrom(bankCode5: string, account16: string): string {
  const bban = `${bankCode5}0${account16}`;
  const numeric = `${bban}2927` + '00'; // T=29, R=27
  let rem = 0;
  for (const d of numeric) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  return `TR${String(98 - rem).padStart(2, '0')}${bban}`;
}
