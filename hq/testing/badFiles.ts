import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { signFile } from '../../main/reconciliation';
import type { DeskKeys } from './dayFiles';

/** Signs `xlsx` as it now is (so that only the wrong thing in it is wrong), as the desk would. */
export function resign(xlsx: string, desk: string, keys: DeskKeys): void {
  fs.writeFileSync(`${xlsx}.sig`, JSON.stringify(signFile(path.basename(xlsx), fs.readFileSync(xlsx), desk, keys)));
}

/** A copy of a signed day file under another name, re-signed for that name. */
export function renamedCopy(xlsx: string, dir: string, name: string, desk: string, keys: DeskKeys): string {
  const to = path.join(dir, name);
  fs.copyFileSync(xlsx, to);
  resign(to, desk, keys);
  return to;
}

/** Changes one Özet value and re-signs: a validly signed file whose summary does not match its rows. */
export async function withSummaryValue(xlsx: string, field: string, value: string | number, desk: string, keys: DeskKeys): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  wb.getWorksheet('Özet')!.eachRow((row) => {
    if (row.getCell(1).value === field) row.getCell(2).value = value;
  });
  await wb.xlsx.writeFile(xlsx);
  resign(xlsx, desk, keys);
}

/** Cuts the workbook short (an interrupted transfer) and re-signs the cut bytes. */
export function truncated(xlsx: string, desk: string, keys: DeskKeys): void {
  const bytes = fs.readFileSync(xlsx);
  fs.writeFileSync(xlsx, bytes.subarray(0, Math.floor(bytes.length / 2)));
  resign(xlsx, desk, keys);
}
