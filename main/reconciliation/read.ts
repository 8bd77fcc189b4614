import ExcelJS from 'exceljs';
import type { ReconAppointment, ReconciliationDay, ReconRegistration, ReconRejection } from './model';
import { PACKS_SUMMARY_FIELD, SHEETS, SUMMARY_FIELDS } from './sheets';

/** Cell values back to the model's text forms (dates as ISO, local calendar values). */
function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}
const unquote = (s: string) => (s.startsWith("'") && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const day = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : text(v));
const dateTime = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 19) : text(v));
const hhmm = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(11, 16) : text(v) || null);

export class ReconciliationUnreadable extends Error {}

/** Reads a reconciliation workbook (ours or another desk's) back into the model. */
export async function readReconciliation(xlsxPath: string): Promise<ReconciliationDay & { summary: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(xlsxPath);
  } catch {
    throw new ReconciliationUnreadable('not an xlsx workbook');
  }
  const sheet = (name: string) => {
    const s = wb.getWorksheet(name);
    if (!s) throw new ReconciliationUnreadable(`sheet ${name} missing`);
    return s;
  };
  const rows = (name: string) => {
    const out: ExcelJS.CellValue[][] = [];
    sheet(name).eachRow((row, n) => {
      if (n > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    return out;
  };
  const summary: Record<string, string> = {};
  sheet(SHEETS.summary).eachRow((row, n) => {
    if (n > 1) summary[text(row.getCell(1).value)] = text(row.getCell(2).value);
  });
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
