import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { importReportXlsxBytes, writeImportReportXlsx } from '../import/reportXlsx';
import type { ImportReport } from '../import/plan';
import { openpyxlDump } from '../testing/reconciliationFixtures';
import { createDeskKeyPair } from './signature';
import { safeRow, safeText } from './cells';
import { writeReconciliation } from './write';
import type { ReconciliationDay } from './model';

/**
 * Text that a spreadsheet would take for a formula, in every text field every writer puts in a
 * sheet (the export, the merged IL file, the import report as a file and as download bytes).
 * Every written sheet is read back with openpyxl and every text cell scanned.
 */
const HOSTILE = ['=1+1', '+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '-2+3', '\t=1', '\r=1'] as const;
let n = 0;
const h = () => HOSTILE[n++ % HOSTILE.length]!;

const dirs: string[] = [];
const dir = () => {
  const d = tempDir('masa-formula-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function hostileDay(withDuplicates: boolean): ReconciliationDay {
  return {
    provinceCode: '35',
    provinceName: h(),
    deskCode: withDuplicates ? 'IL' : 'M01',
    date: '2026-11-24',
    programCodes: [h()],
    appointments: HOSTILE.map(() => ({ randevuNo: h(), programCode: h(), provinceCode: h(), date: '2026-11-24', time: '10:00', motherTckn: h(), motherFullName: h(), arrivedAt: '10:05', outcome: 'KESİN KAYIT' as const, clerk: h() })),
    registrations: HOSTILE.map(() => ({
      registrationNo: h(),
      randevuNo: h(),
      programCode: h(),
      provinceCode: h(),
      preRegisteredAt: '2026-06-25T10:00:00',
      registeredAt: '2026-11-24T10:10:00',
      motherTckn: h(),
      motherFullName: h(),
      childTckn: h(),
      childBirthDate: '2025-10-01',
      caregiverTckn: h(),
      institutionName: h(),
      supportType: h(),
      monthlyAmountCents: 300_00,
      motherIban: h(),
      caregiverIban: h(),
      clerk: h(),
      sourceFile: h(),
    })),
    rejections: HOSTILE.map(() => ({ randevuNo: h(), programCode: h(), motherTckn: h(), motherFullName: h(), outcome: 'RET' as const, reasonCodes: [h()], reasonText: h(), missingDocuments: [h()], newAppointment: null, clerk: h() })),
    chainHead: h(),
    createdAt: '2026-11-24T18:00:00',
    appVersion: h(),
    createdBy: h(),
    ...(withDuplicates ? { duplicates: HOSTILE.map(() => ({ kind: 'ANNE' as const, tckn: h(), registrationNo: h(), randevuNo: h(), deskCode: h(), date: '2026-11-24', sourceFile: h() })) } : {}),
  };
}

const hostileReport = (): ImportReport => ({
  fileName: h(),
  format: 'csv',
  totalRows: 6,
  counts: { added: 0, updated: 0, unchanged: 0, cancelled: 0, rejected: 6, skipped: 0, keptStarted: 0 } as ImportReport['counts'],
  skippedByProvince: {},
  unknownColumns: [h(), h()],
  lines: HOSTILE.flatMap((_, i) => [
    { row: i + 2, randevuNo: h(), column: h(), kind: 'rejected' as const, code: h() as never, tr: h(), en: h() },
    { row: i + 2, randevuNo: h(), column: h(), kind: 'updated' as const, code: h() as never, tr: h(), en: h() },
  ]),
});

/** Every text cell of every sheet: none may begin like a formula, none may be a formula. */
function expectNoFormulaText(file: string): number {
  const dump = openpyxlDump(file);
  expect(dump.formulas).toBe(0);
  let texts = 0;
  for (const [sheet, rows] of Object.entries(dump.rows)) {
    for (const [r, row] of rows.entries()) {
      for (const [c, [v]] of row.entries()) {
        if (typeof v !== 'string') continue;
        texts++;
        expect(/^[=+\-@\t\r]/.test(v), `${path.basename(file)} ${sheet} row ${r + 1} cell ${c + 1}: ${JSON.stringify(v)}`).toBe(false);
      }
    }
  }
  return texts;
}

describe('formula-looking text is escaped in every text cell of every sheet written', () => {
  it('the rule: = + - @ tab CR get an apostrophe; other text, numbers and dates are unchanged; idempotent', () => {
    for (const v of HOSTILE) expect(safeText(v)).toBe(`'${v}`);
    expect(safeText(safeText('=1'))).toBe("'=1");
    expect(safeText('35-2026-000001')).toBe('35-2026-000001');
    const d = new Date();
    expect(safeRow(['=x', 3, d, null, 'Ayşe'] as const)).toEqual(["'=x", 3, d, null, 'Ayşe']);
  });

  it('a desk export and an IL (merged-shape) file: every sheet, Randevu No included', async () => {
    const keys = createDeskKeyPair();
    for (const merged of [false, true]) {
      const w = await writeReconciliation(hostileDay(merged), dir(), keys);
      expect(expectNoFormulaText(w.xlsxPath)).toBeGreaterThan(100);
      const dump = openpyxlDump(w.xlsxPath);
      // Randevu No is the first column of Randevular: escaped, still readable.
      expect(dump.rows['Randevular']![1]![0]![0]).toMatch(/^'[=+\-@\t\r]/);
    }
  });

  it('the import report, written to a file and as download bytes', async () => {
    const out = dir();
    const file = path.join(out, 'rapor.xlsx');
    await writeImportReportXlsx(hostileReport(), file);
    expect(expectNoFormulaText(file)).toBeGreaterThan(50);
    const bytesFile = path.join(out, 'indirilen.xlsx');
    fs.writeFileSync(bytesFile, await importReportXlsxBytes(hostileReport()));
    expect(expectNoFormulaText(bytesFile)).toBeGreaterThan(50);
  });
});
