import { COLUMNS, type ColumnHeader, type ColumnKey } from './columns';
import { AppointmentFileRefused } from './refusal';
import { foldForSearch } from '../domain/turkishText';

/**
 * The key a header is matched by. Beyond what the contract asks (tr-TR case, surrounding and
 * non-breaking spaces) it also folds Turkish accents and drops dots and underscores, because
 * HQ staff type headers on English keyboards too ("Il Kodu", "Anne T.C. Kimlik No").
 */
export function headerKey(text: string): string {
  return foldForSearch(text.replace(/\./g, '').replace(/_/g, ' '));
}

const KEY_TO_COLUMN = new Map(COLUMNS.map((c) => [headerKey(c.header), c]));

export interface HeaderMap {
  /** Field key -> 0-based column index, for the recognised columns. */
  index: Partial<Record<ColumnKey, number>>;
  columns: Partial<Record<ColumnHeader, number>>;
  unknownColumns: string[];
}

/**
 * Reads the header row. Refuses the file if a required column is missing (naming every one)
 * or a column appears twice (which copy holds the data would be a guess).
 */
export function matchHeaders(cells: readonly string[]): HeaderMap {
  const index: Partial<Record<ColumnKey, number>> = {};
  const columns: Partial<Record<ColumnHeader, number>> = {};
  const unknownColumns: string[] = [];
  cells.forEach((text, i) => {
    const key = headerKey(text);
    if (key === '') return;
    const col = KEY_TO_COLUMN.get(key);
    if (!col) {
      unknownColumns.push(text.replace(/[\s\u00a0]+/g, ' ').trim());
      return;
    }
    const seen = index[col.key];
    if (seen !== undefined) throw new AppointmentFileRefused('DUPLICATE_HEADER', { header: col.header, columns: [seen, i] });
    index[col.key] = i;
    columns[col.header] = i;
  });
  const missing = COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.header);
  if (missing.length > 0) throw new AppointmentFileRefused('MISSING_HEADERS', { missing });
  return { index, columns, unknownColumns };
}
