import fs from 'node:fs';
import type { ReconAppointment, ReconciliationDay, ReconRegistration, ReconRejection } from './model';
import { PACKS_SUMMARY_FIELD, SHEETS, SUMMARY_FIELDS } from './sheets';
import { readWorkbookRows } from './workbookRows';

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

/** Reads a reconciliation workbook (ours or another desk's) back into the model. */
export async function readReconciliation(xlsxPath: string): Promise<ReconciliationDay & { summary: Record<string, string> }> {
  let book;
  try {
    book = await readWorkbookRows(fs.readFileSync(xlsxPath));
  } catch {
    throw new ReconciliationUnreadable('not an xlsx workbook');
  }
  const { iso, day, dateTime, hhmm } = dateReaders(book.date1904);
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
  const appointments: ReconAppointment[] = rows(SHEETS.appointments).map((r) => ({
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
  }));
  const registrations: ReconRegistration[] = rows(SHEETS.registrations).map((r) => ({
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
  }));
  const rejections: ReconRejection[] = rows(SHEETS.rejections).map((r) => ({
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
  }));
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
