import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dateCell, dateTimeCell, FMT, safeRow, safeText, timeCell } from './cells';
import { CountsTally, countsOf, reconciliationFileName, sameCounts, type ReconAppointment, type ReconCounts, type ReconciliationDay, type ReconDuplicate, type ReconRegistration, type ReconRejection } from './model';
import { signFile, type SignatureFile } from './signature';
import { crashPoint, fsyncDir } from '../../database';
import { assertMayReplace, createOwnerOnly, OUTPUT_FILE_MODE } from '../app/outputTarget';
import { APPOINTMENT_HEADERS, DUPLICATE_HEADERS, MERGE_SUMMARY_FIELDS, PACKS_SUMMARY_FIELD, REGISTRATION_HEADERS, REJECTION_HEADERS, SHEETS, SUMMARY_FIELDS } from './sheets';

export interface WrittenReconciliation {
  fileName: string;
  xlsxPath: string;
  sigPath: string;
  sha256: string;
  counts: ReconCounts;
}

/**
 * What a reconciliation workbook holds: the day's Özet values, its counts, the merge's own rows
 * when it is a merged file, and its rows as they come, each sheet's once and in order: from
 * arrays for a desk's day, from the files read one at a time for a province merge (merge.ts),
 * so a merge of many files never holds their rows. The counts go into Özet before any row is
 * written; the writer counts the rows it writes and refuses the file (writes nothing) when they
 * are not the rows counted.
 */
interface ReconciliationContent {
  head: Omit<ReconciliationDay, 'appointments' | 'registrations' | 'rejections' | 'duplicates'>;
  counts: ReconCounts;
  /** A merged file's `Mükerrer` rows and the files merged (`Birleştirilen Dosyalar`); null for a desk's day. */
  merged: { duplicates: ReconDuplicate[]; sourceFiles: string[] } | null;
  appointments: Rows<ReconAppointment>;
  registrations: Rows<ReconRegistration>;
  rejections: Rows<ReconRejection>;
}
type Rows<T> = Iterable<T> | AsyncIterable<T>;

/** A desk's day (or a merged day held whole) as the writer's content. */
function contentOfDay(day: ReconciliationDay): ReconciliationContent {
  const { appointments, registrations, rejections, duplicates, ...head } = day;
  return {
    head,
    counts: countsOf(day),
    merged: duplicates ? { duplicates, sourceFiles: [...new Set(registrations.map((r) => r.sourceFile).filter((f): f is string => Boolean(f)))] } : null,
    appointments,
    registrations,
    rejections,
  };
}

/**
 * Writes `MUTABAKAT_<il>_<masa>_<yyyyMMdd>.xlsx` and its `.sig` into `outDir`, with exceljs's
 * streaming writer. The workbook is written under a temporary name inside `outDir` and renamed
 * when complete, so an interrupted export never leaves a file with the real name, and nothing
 * goes to the system's temp folder. The `.sig` is written the same way, then the two are
 * swapped in as a pair (swapPair). A crash leaves at most `.<file name>….yaziliyor` /
 * `….onceki` files in `outDir`; the next export of the same file settles them first.
 */
export async function writeReconciliation(
  day: ReconciliationDay,
  outDir: string,
  keys: { publicKeySpki: string; privateKeyPkcs8: string },
): Promise<WrittenReconciliation> {
  return writeReconciliationContent(contentOfDay(day), outDir, keys);
}

/** writeReconciliation for content whose rows come as they are read (see ReconciliationContent). */
export async function writeReconciliationContent(
  content: ReconciliationContent,
  outDir: string,
  keys: { publicKeySpki: string; privateKeyPkcs8: string },
): Promise<WrittenReconciliation> {
  const day = content.head;
  const fileName = reconciliationFileName(day.provinceCode, day.deskCode, day.date);
  const xlsxPath = path.join(outDir, fileName);
  settlePair(outDir, fileName);
  // A re-export replaces that day's own pair; any other file of that name is left alone.
  assertMayReplace(xlsxPath, 'xlsx');
  assertMayReplace(`${xlsxPath}.sig`, 'sig');
  const tmp = path.join(outDir, `.${fileName}.${process.pid}.yaziliyor`);
  const counts = content.counts;
  const written = new CountsTally();
  let out: fs.WriteStream | undefined;
  try {
    createOwnerOnly(tmp); // opened below without a mode: made 0600 first, it stays so
    // Our own stream (exceljs would open the same): a merge whose file fails mid-way closes it.
    out = fs.createWriteStream(tmp);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = 'Masa';
    // Fixed workbook times keep the file's rows identical between re-exports of the same day.
    wb.created = dateTimeCell(day.createdAt);
    wb.modified = wb.created;

    const summary = wb.addWorksheet(SHEETS.summary);
    summary.columns = [{ width: 30 }, { width: 70 }];
    summary.addRow(safeRow(['Alan', 'Değer'])).commit();
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
      const row = summary.addRow(safeRow([field, values[i]]));
      const cell = row.getCell(2);
      if (field === 'Tarih') cell.numFmt = FMT.date;
      if (field === 'Oluşturma Zamanı') cell.numFmt = FMT.dateTime;
      if (field === 'Aylık Destek Toplamı (EUR)') cell.numFmt = FMT.money;
      row.commit();
    });
    if (content.merged) {
      const mothers = content.merged.duplicates.filter((d) => d.kind === 'ANNE').length;
      const children = content.merged.duplicates.filter((d) => d.kind === 'ÇOCUK').length;
      const sources = content.merged.sourceFiles.join(', ');
      [mothers, children, sources].forEach((v, i) => summary.addRow(safeRow([MERGE_SUMMARY_FIELDS[i], v])).commit());
    }
    summary.addRow(safeRow([PACKS_SUMMARY_FIELD, (day.packs ?? []).join(', ')])).commit();
    summary.commit();

    const appts = wb.addWorksheet(SHEETS.appointments);
    appts.addRow(safeRow([...APPOINTMENT_HEADERS])).commit();
    for await (const a of content.appointments) {
      written.appointment(a);
      const row = appts.addRow(safeRow([
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
      ]));
      row.getCell(4).numFmt = FMT.date;
      row.getCell(5).numFmt = FMT.time;
      row.getCell(8).numFmt = FMT.time;
      row.commit();
    }
    appts.commit();

    const regs = wb.addWorksheet(SHEETS.registrations);
    regs.addRow(safeRow([...REGISTRATION_HEADERS])).commit();
    for await (const r of content.registrations) {
      written.registration(r);
      const row = regs.addRow(safeRow([
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
      ]));
      row.getCell(5).numFmt = FMT.dateTime;
      row.getCell(6).numFmt = FMT.dateTime;
      row.getCell(10).numFmt = FMT.date;
      row.getCell(14).numFmt = FMT.money;
      row.commit();
    }
    regs.commit();

    const rejs = wb.addWorksheet(SHEETS.rejections);
    rejs.addRow(safeRow([...REJECTION_HEADERS])).commit();
    for await (const r of content.rejections) {
      written.rejection(r);
      const row = rejs.addRow(safeRow([
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
      ]));
      row.getCell(9).numFmt = FMT.dateTime;
      row.commit();
    }
    rejs.commit();

    if (content.merged) {
      const dup = wb.addWorksheet(SHEETS.duplicates);
      dup.addRow(safeRow([...DUPLICATE_HEADERS])).commit();
      for (const d of content.merged.duplicates) {
        const row = dup.addRow(safeRow([d.kind, d.tckn, d.registrationNo, d.randevuNo, d.deskCode, dateCell(d.date), d.sourceFile]));
        row.getCell(6).numFmt = FMT.date;
        row.commit();
      }
      dup.commit();
    }
    // Özet was written first, from counts made before the rows came: they must be these rows'.
    if (!sameCounts(written.counts, counts)) throw new Error('reconciliation: the rows written are not the rows counted');
    await wb.commit();
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    crashPoint('reconciliation:xlsx-written');
  } catch (err) {
    if (out && !out.closed) await new Promise<void>((done) => out!.destroy().once('close', () => done()));
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  // Signed from the temp file's bytes: the pair is complete before either takes its name.
  const bytes = fs.readFileSync(tmp);
  const sig: SignatureFile = signFile(fileName, bytes, day.deskCode, keys);
  const sigPath = `${xlsxPath}.sig`;
  const sigTmp = path.join(outDir, `.${fileName}.sig.${process.pid}.yaziliyor`);
  const oldSigAside = path.join(outDir, `.${fileName}.sig.${process.pid}.onceki`);
  try {
    const fd = fs.openSync(sigTmp, 'w', OUTPUT_FILE_MODE);
    try {
      fs.writeFileSync(fd, `${JSON.stringify(sig)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    crashPoint('reconciliation:sig-written');
    swapPair({ tmp, sigTmp, oldSigAside, xlsxPath, sigPath, outDir });
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(sigTmp, { force: true });
    throw err;
  }
  fs.rmSync(oldSigAside, { force: true });
  fsyncDir(outDir);
  return { fileName, xlsxPath, sigPath, sha256: createHash('sha256').update(bytes).digest('hex'), counts };
}

/**
 * Puts a new (xlsx, sig) pair in place of an earlier one so that, at every moment, a workbook
 * and a `.sig` that both carry the real names belong together: the old `.sig` steps aside
 * first (the old workbook then stands alone), the new workbook takes its name (alone too), then
 * the new `.sig`. A crash leaves a lone workbook at worst, never a workbook beside another's
 * signature; the next export of that file completes or replaces the pair (settlePair).
 */
function swapPair(p: { tmp: string; sigTmp: string; oldSigAside: string; xlsxPath: string; sigPath: string; outDir: string }): void {
  if (fs.existsSync(p.sigPath)) {
    fs.renameSync(p.sigPath, p.oldSigAside);
    fsyncDir(p.outDir);
    crashPoint('reconciliation:old-sig-aside');
  }
  fs.renameSync(p.tmp, p.xlsxPath);
  fsyncDir(p.outDir);
  crashPoint('reconciliation:xlsx-renamed');
  fs.renameSync(p.sigTmp, p.sigPath);
  fsyncDir(p.outDir);
  crashPoint('reconciliation:sig-renamed');
}

/**
 * After a crash inside swapPair: a workbook without its `.sig` gets back the one left beside it
 * (aside or temp) whose digest is the workbook's, so an interrupted re-export never loses the
 * signature of the file that stands. Then every leftover of this file is removed.
 */
function settlePair(outDir: string, fileName: string): void {
  const xlsxPath = path.join(outDir, fileName);
  const sigPath = `${xlsxPath}.sig`;
  const prefix = `.${fileName}.`;
  const leftovers = fs.readdirSync(outDir).filter((f) => f.startsWith(prefix) && (f.endsWith('.yaziliyor') || f.endsWith('.onceki')));
  if (fs.existsSync(xlsxPath) && !fs.existsSync(sigPath)) {
    const digest = createHash('sha256').update(fs.readFileSync(xlsxPath)).digest('hex');
    for (const f of leftovers.filter((x) => x.startsWith(`${prefix}sig.`))) {
      if (sigDigest(path.join(outDir, f)) === digest) {
        fs.renameSync(path.join(outDir, f), sigPath);
        fsyncDir(outDir);
        break;
      }
    }
  }
  for (const f of leftovers) fs.rmSync(path.join(outDir, f), { force: true });
}

function sigDigest(file: string): string | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { sha256?: unknown };
    return typeof v.sha256 === 'string' ? v.sha256 : null;
  } catch {
    return null;
  }
}
