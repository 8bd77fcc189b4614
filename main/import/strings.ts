/**
 * A copy of `s` that holds no reference to a larger string.
 *
 * V8 makes a substring of 13 or more characters a "sliced string" that points into its
 * parent. Text from exceljs' streaming reader is cut out of the decoded XML chunks (16-64 KB),
 * so keeping one Randevu No alive keeps its whole chunk alive: 160,000 rows parsed from an
 * inline-string workbook pinned 264 MB of sheet text before this. Template-literal results
 * (ropes of small pieces) are flattened the same way. Shorter strings are always copies.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

export function detachOrNull(s: string | null): string | null {
  return s === null ? null : detach(s);
}
