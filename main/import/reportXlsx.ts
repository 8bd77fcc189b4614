import ExcelJS from 'exceljs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { turkeyParts } from '../domain/turkeyTime';
import { safeRow } from '../reconciliation/cells';
import { createOwnerOnly } from '../app/outputTarget';
import type { ImportReport, ReportLine, ReportLineKind } from './plan';
import { DESK } from '../texts/desk';

const KIND_TEXT: Record<ReportLineKind, { tr: string }> = DESK.importReport.kind;
const T = DESK.importReport;

function trDateTime(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/**
 * The import report the office head downloads: a summary sheet with the counts, the rejected
 * rows with their reasons, and the other notes (updates, cancellations, rows the desk kept).
 * Written with exceljs' streaming writer (a 160,000-row rejection list stays small in memory)
 * to a temporary name first, so a half-written report never carries the real name.
 */
export async function writeImportReportXlsx(report: ImportReport, path: string, now: Date = new Date()): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    createOwnerOnly(tmp);
    await writeReport(new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false }), report, now);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The same report as bytes, for the screen's "download as .xlsx" (saved by the browser or Electron's dialog). */
export async function importReportXlsxBytes(report: ImportReport, now: Date = new Date()): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeReport(new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false }), report, now);
  await ended;
  return Buffer.concat(chunks);
}

async function writeReport(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: ImportReport, now: Date): Promise<void> {
  wb.creator = 'Masa';

  const summary = wb.addWorksheet(T.summarySheet.tr, { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [{ width: 44 }, { width: 48 }];
  const head = summary.addRow(safeRow([T.field.tr, T.value.tr]));
  head.font = { bold: true };
  head.commit();
  const c = report.counts;
  const rows: [string, string | number][] = [
    [T.file.tr, report.fileName ?? ''],
    [T.format.tr, report.format.toUpperCase()],
    [T.reportTime.tr, trDateTime(turkeyParts(now).dateTime)],
    [T.rowsRead.tr, report.totalRows],
    [T.added.tr, c.added],
    [T.updated.tr, c.updated],
    [T.unchanged.tr, c.unchanged],
    [T.cancelled.tr, c.cancelled],
    [T.rejected.tr, c.rejected],
    [T.skipped.tr, c.skipped],
    [T.keptStarted.tr, c.keptStarted],
    ...Object.keys(report.skippedByProvince)
      .sort()
      .map((p): [string, number] => [T.skippedProvince.tr(p), report.skippedByProvince[p]!]),
    [T.unknownColumns.tr, report.unknownColumns.join(', ')],
  ];
  for (const r of rows) summary.addRow(safeRow(r)).commit();
  summary.commit();

  writeLines(wb, T.rejectedSheet.tr, report.lines.filter((l) => l.kind === 'rejected'), false);
  writeLines(wb, T.changesSheet.tr, report.lines.filter((l) => l.kind !== 'rejected'), true);
  await wb.commit();
}

function writeLines(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, lines: ReportLine[], withKind: boolean): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [T.row.tr, 'Randevu No', T.column.tr, ...(withKind ? [T.action.tr] : []), T.code.tr, T.reason.tr, 'Reason (English)'];
  ws.columns = headers.map((h) => ({ width: h === T.reason.tr || h.startsWith('Reason') ? 70 : h === T.row.tr ? 8 : 20 }));
  const head = ws.addRow(safeRow(headers));
  head.font = { bold: true };
  head.commit();
  for (const l of lines) {
    ws.addRow(safeRow([l.row, l.randevuNo ?? '', l.column ?? '', ...(withKind ? [KIND_TEXT[l.kind].tr] : []), l.code, l.tr, l.en])).commit();
  }
  ws.commit();
}
