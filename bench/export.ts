/**
 * Export bench: a 500-appointment day written and signed (target < 1 s) and a province merge
 * of 20,000 registrations from 10 desk files (target < 10 s, peak RSS < 500 MB). Baseline: a
 * bare exceljs streaming write of the same number of rows in the same process.
 *
 *   npx tsx bench/export.ts
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tcknFromPrefix } from '../main/domain/tckn';
import { createDeskKeyPair, mergeReconciliations, readReconciliation, writeReconciliation, type ReconciliationDay } from '../main/reconciliation';
import { median, peakRssMb, verdict } from './stats';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-export-'));
const keys = createDeskKeyPair();

function day(desk: string, appointments: number, registrations: number, offset: number): ReconciliationDay {
  const tck = (i: number) => tcknFromPrefix(String(100000000 + ((offset + i) * 7919) % 800000000).slice(0, 9));
  return {
    provinceCode: '35', provinceName: 'İzmir', deskCode: desk, date: '2026-11-24', programCodes: ['BAKICI-2020'],
    appointments: Array.from({ length: appointments }, (_, i) => ({
      randevuNo: `35-2026-${String(offset + i).padStart(6, '0')}`, programCode: 'BAKICI-2020', provinceCode: '35', date: '2026-11-24',
      time: `${String(9 + Math.floor((i % 48) / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`, motherTckn: tck(i),
      motherFullName: 'Şükran Öztürk', arrivedAt: '09:05', outcome: 'KESİN KAYIT', clerk: 'Şükrü Işık',
    })),
    registrations: Array.from({ length: registrations }, (_, i) => ({
      registrationNo: `35${desk}-2026-${String(i + 1).padStart(6, '0')}`, randevuNo: `35-2026-${String(offset + i).padStart(6, '0')}`, programCode: 'BAKICI-2020',
      provinceCode: '35', preRegisteredAt: '2026-06-25T10:00:00', registeredAt: '2026-11-24T09:10:00', motherTckn: tck(i), motherFullName: 'Şükran Öztürk',
      childTckn: tck(i + 1_000_000), childBirthDate: '2025-09-01', caregiverTckn: tck(i + 2_000_000), institutionName: null, supportType: 'Eğitimli bakıcı desteği',
      monthlyAmountCents: 32500, motherIban: 'TR330001200000000012345678', caregiverIban: 'TR330001200000000012345678', clerk: 'Şükrü Işık',
    })),
    rejections: [], chainHead: 'a'.repeat(64), createdAt: '2026-11-24T18:00:00', appVersion: '0.1.0', createdBy: 'Ayşe Yılmaz',
  };
}

async function bareWrite(rows: number): Promise<number> {
  const t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, `bare-${rows}.xlsx`), useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('x');
  for (let i = 0; i < rows; i++) ws.addRow(['35-2026-000001', 'BAKICI-2020', '35', new Date(), new Date(), '10000000146', 'Şükran Öztürk', new Date(), 'KESİN KAYIT', 'Şükrü Işık']).commit();
  ws.commit();
  await wb.commit();
  return performance.now() - t;
}

const dayTimes: number[] = [];
const dayBase: number[] = [];
for (let r = 0; r < 5; r++) {
  const out = fs.mkdtempSync(path.join(dir, 'day-'));
  const t = performance.now();
  await writeReconciliation(day('M01', 500, 350, 0), out, keys);
  dayTimes.push(performance.now() - t);
  dayBase.push(await bareWrite(850));
}
const dm = median(dayTimes);
console.log(`500-appointment day (350 registrations), written + signed, median of 5: ${dm.toFixed(0)} ms (${(dm / median(dayBase)).toFixed(1)}x a bare streaming write of the same rows)   target < 1000 ms ${verdict(dm < 1000)}`);

const files: { file: string }[] = [];
for (let d = 0; d < 10; d++) {
  const out = fs.mkdtempSync(path.join(dir, 'desk-'));
  const w = await writeReconciliation(day(`M${String(d + 1).padStart(2, '0')}`, 2000, 2000, d * 2000), out, keys);
  files.push({ file: w.xlsxPath });
}
const mergeTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  const out = fs.mkdtempSync(path.join(dir, 'merge-'));
  const t = performance.now();
  const inputs = [];
  for (const f of files) inputs.push({ day: await readReconciliation(f.file), file: path.basename(f.file) });
  await mergeReconciliations(inputs, { provinceCode: '35', provinceName: 'İzmir', createdAt: '2026-11-24T19:00:00', createdBy: 'Ayşe Yılmaz', appVersion: '0.1.0', chainHead: 'b'.repeat(64) }, out, keys);
  mergeTimes.push(performance.now() - t);
}
const mm = median(mergeTimes);
const rss = peakRssMb();
console.log(`province merge: 10 files, 20,000 registrations + 20,000 appointments, read + merged + signed, median of 3: ${(mm / 1000).toFixed(1)} s   target < 10 s ${verdict(mm < 10_000)}; peak RSS ${rss} MB   target < 500 MB ${verdict(rss < 500)}`);
fs.rmSync(dir, { recursive: true, force: true });
