import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { dateCell, dateTimeCell, FMT, safeText } from '../../main/reconciliation/cells';

/** A column of an HQ output sheet: how its values are written (text is formula-safe, dates are real date cells). */
interface Column {
  header: string;
  kind: 'text' | 'int' | 'money' | 'date' | 'dateTime';
  width?: number;
}

interface Sheet {
  name: string;
  columns: Column[];
  rows: (string | number | null)[][];
}

function cellValue(kind: Column['kind'], v: string | number | null): ExcelJS.CellValue {
  if (v === null || v === '') return kind === 'text' ? '' : null;
  switch (kind) {
    case 'text':
      return safeText(String(v));
    case 'int':
      return Number(v);
    case 'money':
      return Number(v) / 100;
    case 'date':
      return dateCell(String(v).slice(0, 10));
    case 'dateTime':
      return dateTimeCell(String(v).replace(' ', 'T').slice(0, 19));
  }
}

const FORMATS: Partial<Record<Column['kind'], string>> = { money: FMT.money, date: FMT.date, dateTime: FMT.dateTime };

export class OutputExists extends Error {}

/**
 * Writes HQ's output workbook with exceljs's streaming writer, under a temporary name in the
 * same folder first (renamed when complete), owner-only (0600): it holds T.C. Kimlik numbers
 * and names. An existing file is never replaced.
 */
export async function writeTables(outPath: string, sheets: Sheet[]): Promise<string> {
  const target = path.resolve(outPath);
  if (fs.existsSync(target)) throw new OutputExists(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.yaziliyor`);
  try {
    fs.writeFileSync(tmp, '', { mode: 0o600 });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'Masa Merkez';
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = s.columns.map((c) => ({ width: c.width ?? 18 }));
      const head = ws.addRow(s.columns.map((c) => c.header));
      head.font = { bold: true };
      head.commit();
      for (const r of s.rows) {
        const row = ws.addRow(s.columns.map((c, i) => cellValue(c.kind, r[i] ?? null)));
        s.columns.forEach((c, i) => {
          const f = FORMATS[c.kind];
          if (f) row.getCell(i + 1).numFmt = f;
        });
        row.commit();
      }
      ws.commit();
    }
    await wb.commit();
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return target;
}
