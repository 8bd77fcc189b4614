import fs from 'node:fs';
import type { ReconAppointment, ReconciliationDay, ReconRegistration, ReconRejection } from './model';
import { PACKS_SUMMARY_FIELD, SHEETS, SUMMARY_FIELDS } from './sheets';
import { openWorkbookRows, readWorkbookRows } from './workbookRows';

type CellValue = unknown;

/** Cell values back to the model's text forms. */
function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  return String(v);
}
const unquote = (s: string) => (s.startsWith("'") && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/**
 * The writer stores days, times and date-times as Excel serials under a date format; read back
 * by column, as exceljs turned a date-formatted serial into a Date (its arithmetic exactly, so
 * the texts are the ones the exceljs reader gave: ISO, local calendar values, no time zone).
 */
function dateReaders(date1904: boolean) {
  // A day file repeats one day and a few dozen times: each serial's text made once.
  const seen = new Map<number, string>();
  const iso = (serial: number) => {
    let s = seen.get(serial);
    if (s === undefined) seen.set(serial, (s = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)).toISOString()));
    return s;
  };
  return {
    iso,
    day: (v: CellValue) => (typeof v === 'number' ? iso(v).slice(0, 10) : text(v)),
    dateTime: (v: CellValue) => (typeof v === 'number' ? iso(v).slice(0, 19) : text(v)),
    hhmm: (v: CellValue) => (typeof v === 'number' ? iso(v).slice(11, 16) : text(v) || null),
  };
}
/** The Özet rows the writer formats as dates (their text is the full ISO form, as before). */
const SUMMARY_DATES = new Set(['Tarih', 'Oluşturma Zamanı']);

export class ReconciliationUnreadable extends Error {}

/** The model's row of each data sheet, by the sheet's key in SHEETS. */
export interface ReconSheetRow {
  appointments: ReconAppointment;
  registrations: ReconRegistration;
  rejections: ReconRejection;
}
export type ReconDataSheet = keyof ReconSheetRow;

/** A data sheet's cell values (one row, from column A) to the model's row, by sheet. */
function rowReaders(date1904: boolean): { [K in ReconDataSheet]: (r: CellValue[]) => ReconSheetRow[K] } {
  const { day, dateTime, hhmm } = dateReaders(date1904);
  return {
    appointments: (r) => ({
      randevuNo: text(r[0]),
      programCode: text(r[1]),
      provinceCode: text(r[2]),
      date: day(r[3]),
      time: hhmm(r[4]) ?? '',
      motherTckn: text(r[5]),
      motherFullName: unquote(text(r[6])),
      arrivedAt: hhmm(r[7]),
      outcome: (text(r[8]) || null) as ReconAppointment['outcome'],
      clerk: unquote(text(r[9])) || null,
    }),
    registrations: (r) => ({
      registrationNo: text(r[0]),
      randevuNo: text(r[1]),
      programCode: text(r[2]),
      provinceCode: text(r[3]),
      preRegisteredAt: dateTime(r[4]),
      registeredAt: dateTime(r[5]),
      motherTckn: text(r[6]),
      motherFullName: unquote(text(r[7])),
      childTckn: text(r[8]) || null,
      childBirthDate: day(r[9]),
      caregiverTckn: text(r[10]) || null,
      institutionName: unquote(text(r[11])) || null,
      supportType: unquote(text(r[12])),
      monthlyAmountCents: Math.round(Number(r[13] ?? 0) * 100),
      motherIban: text(r[14]) || null,
      caregiverIban: text(r[15]) || null,
      clerk: unquote(text(r[16])),
    }),
    rejections: (r) => ({
      randevuNo: text(r[0]),
      programCode: text(r[1]),
      motherTckn: text(r[2]),
      motherFullName: unquote(text(r[3])),
      outcome: text(r[4]) as ReconRejection['outcome'],
      reasonCodes: text(r[5]) ? text(r[5]).split(', ') : [],
      reasonText: unquote(text(r[6])),
      missingDocuments: text(r[7]) ? unquote(text(r[7])).split(', ') : [],
      newAppointment: r[8] ? dateTime(r[8]) : null,
      clerk: unquote(text(r[9])),
    }),
  };
}

/** Reads a reconciliation workbook (ours or another desk's; a path, or bytes already read) back into the model. */
export async function readReconciliation(input: string | Buffer): Promise<ReconciliationDay & { summary: Record<string, string> }> {
  let book;
  try {
    book = await readWorkbookRows(typeof input === 'string' ? fs.readFileSync(input) : input);
  } catch {
    throw new ReconciliationUnreadable('not an xlsx workbook');
  }
  const { iso } = dateReaders(book.date1904);
  const readers = rowReaders(book.date1904);
  const sheet = (name: string) => {
    const s = book.sheets.get(name);
    if (!s) throw new ReconciliationUnreadable(`sheet ${name} missing`);
    return s;
  };
  const rows = (name: string) => sheet(name).filter((r) => r.number > 1).map((r) => r.values);
  const summary: Record<string, string> = {};
  for (const r of rows(SHEETS.summary)) {
    const field = text(r[0]);
    summary[field] = SUMMARY_DATES.has(field) && typeof r[1] === 'number' ? iso(r[1]) : text(r[1]);
  }
  for (const f of SUMMARY_FIELDS) if (!(f in summary)) throw new ReconciliationUnreadable(`summary row ${f} missing`);
  const appointments = rows(SHEETS.appointments).map(readers.appointments);
  const registrations = rows(SHEETS.registrations).map(readers.registrations);
  const rejections = rows(SHEETS.rejections).map(readers.rejections);
  return {
    provinceCode: summary['İl Kodu']!,
    provinceName: summary['İl']!,
    deskCode: summary['Masa Kodu']!,
    date: summary['Tarih']!.slice(0, 10),
    programCodes: summary['Program Kodları'] ? summary['Program Kodları'].split(', ') : [],
    appointments,
    registrations,
    rejections,
    chainHead: summary['Defter Zinciri Başı']!,
    createdAt: summary['Oluşturma Zamanı']!.slice(0, 19),
    appVersion: summary['Uygulama Sürümü']!,
    createdBy: summary['Oluşturan']!,
    packs: summary[PACKS_SUMMARY_FIELD] ? summary[PACKS_SUMMARY_FIELD].split(', ') : [],
    summary,
  };
}

/**
 * One data sheet of a reconciliation, row by row as the sheet is scanned (the header row left
 * out): the merge writes each sheet from its files one at a time, so it holds one file's bytes
 * and never its rows. Read with the same limits and the same row mapping as readReconciliation;
 * anything unreadable is ReconciliationUnreadable.
 */
export async function* readReconciliationRows<K extends ReconDataSheet>(bytes: Buffer, sheet: K): AsyncGenerator<ReconSheetRow[K]> {
  let rows;
  let read: (r: CellValue[]) => ReconSheetRow[K];
  try {
    const book = await openWorkbookRows(bytes);
    rows = book.rows(SHEETS[sheet]);
    read = rowReaders(book.date1904)[sheet];
  } catch {
    throw new ReconciliationUnreadable('not an xlsx workbook');
  }
  if (!rows) throw new ReconciliationUnreadable(`sheet ${SHEETS[sheet]} missing`);
  while (true) {
    let next;
    try {
      next = rows.next();
    } catch {
      throw new ReconciliationUnreadable(`sheet ${SHEETS[sheet]} unreadable`);
    }
    if (next.done) return;
    if (next.value.number > 1) yield read(next.value.values);
  }
}
