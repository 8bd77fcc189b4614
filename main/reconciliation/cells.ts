/**
 * Cell values as HQ's readers expect them. Dates are written as real date cells whose serial
 * is the local calendar value (exceljs turns a JS Date into a UTC serial, so the Date is built
 * in UTC from the local parts). Text that a spreadsheet would take for a formula (= + - @ tab
 * CR) gets a leading apostrophe: readable, and evaluated by nothing.
 */
export function safeText(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * A row as written to any sheet Masa produces (exports, merges, import reports, HQ tables):
 * every text cell passes safeText, so no writer can forget one (a `Randevu No` of `=1+1`
 * included). Numbers, dates and empty cells are left as they are.
 */
export function safeRow<T extends readonly unknown[]>(values: T): T {
  return values.map((v) => (typeof v === 'string' ? safeText(v) : v)) as unknown as T;
}

export function dateCell(day: string): Date {
  // A contract date is never left empty or invalid in a file HQ reads: writing stops instead of
  // putting NaN in the cell (the export is refused whole; nothing is half-written).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('reconciliation: a date cell is not a yyyy-MM-dd day'); // no value: it may be personal data
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const out = new Date(Date.UTC(y, m - 1, d));
  if (out.getUTCMonth() !== m - 1 || out.getUTCDate() !== d) throw new Error('reconciliation: a date cell names no such day');
  return out;
}

export function dateTimeCell(local: string): Date {
  const [date, time = '00:00:00'] = local.split('T');
  const [y, m, d] = date!.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}

/** A time of day as an Excel time (a fraction of a day on the 1899-12-30 epoch). */
export function timeCell(hhmm: string): Date {
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(1899, 11, 30, hh, mm, 0));
}

export const FMT = { date: 'dd.mm.yyyy', time: 'hh:mm', dateTime: 'dd.mm.yyyy hh:mm:ss', money: '#,##0.00' } as const;
