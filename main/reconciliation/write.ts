import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dateCell, dateTimeCell, FMT, safeText, timeCell } from './cells';
import { countsOf, reconciliationFileName, type ReconciliationDay } from './model';
import { signFile, type SignatureFile } from './signature';
import { crashPoint } from '../../database/crashPoints';
import { fsyncDir } from '../../database/atomicFile';
import { APPOINTMENT_HEADERS, DUPLICATE_HEADERS, MERGE_SUMMARY_FIELDS, PACKS_SUMMARY_FIELD, REGISTRATION_HEADERS, REJECTION_HEADERS, SHEETS, SUMMARY_FIELDS } from './sheets';

export interface WrittenReconciliation {
  fileName: string;
  xlsxPath: string;
  sigPath: string;
  sha256: string;
  counts: ReturnType<typeof countsOf>;
}

/**
 * Writes `MUTABAKAT_<il>_<masa>_<yyyyMMdd>.xlsx` and its `.sig` into `outDir`, with exceljs's
 * streaming writer. The workbook is written under a temporary name inside `outDir` and renamed
 * when complete, so an interrupted export never leaves a file with the real name, and nothing
 * goes to the system's temp folder. The `.sig` is written the same way (after the workbook).
 * A crash leaves at most `.<file name>….yaziliyor` temp files in `outDir`; the next export of
 * the same file removes them first.
 */
export async function writeReconciliation(
  day: ReconciliationDay,
  outDir: string,
  keys: { publicKeySpki: string; privateKeyPkcs8: string },
): Promise<WrittenReconciliation> {
  const fileName = reconciliationFileName(day.provinceCode, day.deskCode, day.date);
  const xlsxPath = path.join(outDir, fileName);
  removeStaleTemps(outDir, fileName);
  const tmp = path.join(outDir, `.${fileName}.${process.pid}.yaziliyor`);
  const counts = countsOf(day);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'Masa';
    // Fixed workbook times keep the file's rows identical between re-exports of the same day.
    wb.created = dateTimeCell(day.createdAt);
    wb.modified = wb.created;

    const summary = wb.addWorksheet(SHEETS.summary);
    summary.columns = [{ width: 30 }, { width: 70 }];
    summary.addRow(['Alan', 'Değer']).commit();
    const values: (string | number | Date)[] = [
      day.provinceCode,
      day.provinceName,
      day.deskCode,
      dateCell(day.date),
      day.programCodes.join(', '),
      counts.appointments,
      counts.arrived,
      counts.noShows,
      counts.registrations,
      counts.rejected,
      counts.incomplete,
      counts.cancelled,
      counts.monthlyTotalCents / 100,
      day.chainHead,
      dateTimeCell(day.createdAt),
      day.appVersion,
      safeText(day.createdBy),
    ];
    SUMMARY_FIELDS.forEach((field, i) => {
      const row = summary.addRow([field, values[i]]);
      const cell = row.getCell(2);
      if (field === 'Tarih') cell.numFmt = FMT.date;
      if (field === 'Oluşturma Zamanı') cell.numFmt = FMT.dateTime;
      if (field === 'Aylık Destek Toplamı (EUR)') cell.numFmt = FMT.money;
      row.commit();
    });
    if (day.duplicates) {
      const mothers = day.duplicates.filter((d) => d.kind === 'ANNE').length;
      const children = day.duplicates.filter((d) => d.kind === 'ÇOCUK').length;
      const sources = [...new Set(day.registrations.map((r) => r.sourceFile).filter(Boolean))].join(', ');
      [mothers, children, sources].forEach((v, i) => summary.addRow([MERGE_SUMMARY_FIELDS[i], v]).commit());
    }
    summary.addRow([PACKS_SUMMARY_FIELD, (day.packs ?? []).join(', ')]).commit();
    summary.commit();

    const appts = wb.addWorksheet(SHEETS.appointments);
    appts.addRow([...APPOINTMENT_HEADERS]).commit();
    for (const a of day.appointments) {
      const row = appts.addRow([
        a.randevuNo,
        a.programCode,
        a.provinceCode,
        dateCell(a.date),
        timeCell(a.time),
        a.motherTckn,
        safeText(a.motherFullName),
        a.arrivedAt ? timeCell(a.arrivedAt) : null,
        a.outcome ?? '',
        safeText(a.clerk),
      ]);
      row.getCell(4).numFmt = FMT.date;
      row.getCell(5).numFmt = FMT.time;
      row.getCell(8).numFmt = FMT.time;
      row.commit();
    }
    appts.commit();

    const regs = wb.addWorksheet(SHEETS.registrations);
    regs.addRow([...REGISTRATION_HEADERS]).commit();
    for (const r of day.registrations) {
      const row = regs.addRow([
        r.registrationNo,
        r.randevuNo,
        r.programCode,
        r.provinceCode,
        dateTimeCell(r.preRegisteredAt),
        dateTimeCell(r.registeredAt),
        r.motherTckn,
        safeText(r.motherFullName),
        r.childTckn ?? '',
        dateCell(r.childBirthDate),
        r.caregiverTckn ?? '',
        safeText(r.institutionName),
        safeText(r.supportType),
        r.monthlyAmountCents / 100,
        r.motherIban ?? '',
        r.caregiverIban ?? '',
        safeText(r.clerk),
      ]);
      row.getCell(5).numFmt = FMT.dateTime;
      row.getCell(6).numFmt = FMT.dateTime;
      row.getCell(10).numFmt = FMT.date;
      row.getCell(14).numFmt = FMT.money;
      row.commit();
    }
    regs.commit();

    const rejs = wb.addWorksheet(SHEETS.rejections);
    rejs.addRow([...REJECTION_HEADERS]).commit();
    for (const r of day.rejections) {
      const row = rejs.addRow([
        r.randevuNo,
        r.programCode,
        r.motherTckn,
        safeText(r.motherFullName),
        r.outcome,
        r.reasonCodes.join(', '),
        safeText(r.reasonText),
        safeText(r.missingDocuments.join(', ')),
        r.newAppointment ? dateTimeCell(r.newAppointment) : null,
        safeText(r.clerk),
      ]);
      row.getCell(9).numFmt = FMT.dateTime;
      row.commit();
    }
    rejs.commit();

    if (day.duplicates) {
      const dup = wb.addWorksheet(SHEETS.duplicates);
      dup.addRow([...DUPLICATE_HEADERS]).commit();
      for (const d of day.duplicates) {
        const row = dup.addRow([d.kind, d.tckn, d.registrationNo, d.randevuNo, d.deskCode, dateCell(d.date), d.sourceFile]);
        row.getCell(6).numFmt = FMT.date;
        row.commit();
      }
      dup.commit();
    }
    await wb.commit();
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    crashPoint('reconciliation:xlsx-written');
    fs.renameSync(tmp, xlsxPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  const bytes = fs.readFileSync(xlsxPath);
  const sig: SignatureFile = signFile(fileName, bytes, day.deskCode, keys);
  const sigPath = `${xlsxPath}.sig`;
  const sigTmp = path.join(outDir, `.${fileName}.sig.${process.pid}.yaziliyor`);
  try {
    const fd = fs.openSync(sigTmp, 'w');
    try {
      fs.writeFileSync(fd, `${JSON.stringify(sig)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    crashPoint('reconciliation:sig-written');
    fs.renameSync(sigTmp, sigPath);
  } catch (err) {
    fs.rmSync(sigTmp, { force: true });
    throw err;
  }
  fsyncDir(outDir);
  return { fileName, xlsxPath, sigPath, sha256: createHash('sha256').update(bytes).digest('hex'), counts };
}

/** Temp files an interrupted export of the same file left behind (any process id). */
function removeStaleTemps(outDir: string, fileName: string): void {
  const prefix = `.${fileName}.`;
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(prefix) && f.endsWith('.yaziliyor')) fs.rmSync(path.join(outDir, f), { force: true });
}
