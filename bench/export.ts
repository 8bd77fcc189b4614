/**
 * Export bench: a 500-appointment day built from a real encrypted ledger (appointments checked in
 * and decided through the handlers), written, signed and recorded (target < 1 s), and a province
 * merge of 20,000 registrations from 10 desk files, each verified the real way first (signature
 * against the registered desk keys, name, desk, counts) (target < 10 s, peak RSS < 300 MB).
 * Baseline for the day: a bare exceljs streaming write of the same number of rows in the same
 * process. The merge runs in child processes (each its own peak RSS: the parent's set-up would
 * hide it), the office head's app opened and signed in as on the screen; beside it, in the
 * same run and on the same files, the path that holds every verified day in memory
 * (mergeReconciliations over the days, as the handler did before it streamed).
 *
 *   npx tsx bench/export.ts
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_KDF } from '../database/testing/fixtures';
import { MasaApp } from '../main/app/masaApp';
import { tcknFromPrefix } from '../main/domain/tckn';
import { dispatch } from '../main/handlers/router';
import { createDeskKeyPair, mergeReconciliations, publicKeyPem, verifySignedReconciliation, writeReconciliation, type ReconciliationDay, type TrustedKey } from '../main/reconciliation';
import { buildReconciliationDay, exportReconciliation } from '../main/services/reconciliationService';
import { closeDay } from '../main/services/desk';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../preload/contract/api';
import { median, peakRssMb, verdict } from './stats';


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

const HEAD = { username: 'mudur', password: 'Bench-Parola-2026' };
const BENCH_NOW = () => new Date('2026-11-24T08:00:00Z');

type Call = <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<ApiOutput<K>>;
function caller(app: MasaApp): Call {
  return async (name, input) => {
    const r = (await dispatch(app, name, input)) as ApiResult<ApiOutput<typeof name>>;
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
}

type MergeVariant = 'streamed' | 'held';
interface MergeChildRun {
  ms: number;
  peakRssMb: number;
  /** Peak RSS with the app open and signed in, before the merge: the floor under the merge's figure. */
  openRssMb: number;
}

/**
 * One merge in this (child) process, on the head's ledger the parent made: `streamed` through
 * the handler table exactly as the screen's "Doğrula ve birleştir" (every file verified, merged,
 * signed with the province key, recorded); `held` the same verification keeping every day whole
 * and merging the days (no ledger event: the rest is the same work).
 */
async function mergeChild(o: { variant: MergeVariant; dataDir: string; files: string[]; outDir: string }): Promise<MergeChildRun> {
  const app = new MasaApp({ dataDir: o.dataDir, kdf: TEST_KDF, now: BENCH_NOW });
  const call = caller(app);
  await call('auth.login', HEAD);
  const openRssMb = peakRssMb();
  const t = performance.now();
  if (o.variant === 'streamed') {
    const m = await call('reconciliation.merge', { files: o.files, outDir: o.outDir });
    if (!m.ok) throw new Error(m.files.map((f) => `${f.file} ${f.code}`).join(', '));
  } else {
    const trusted: TrustedKey[] = (await call('reconciliation.trustedKeys', {})).map((k) => ({ deskCode: k.deskCode, publicKeySpki: k.publicKeySpki }));
    const inputs = [];
    for (const f of o.files) {
      const v = await verifySignedReconciliation(f, undefined, trusted);
      if (!v.result.ok || !('day' in v) || !v.day) throw new Error(`${f}: ${v.result.code}`);
      inputs.push({ day: v.day, file: path.basename(f) });
    }
    await mergeReconciliations(inputs, { provinceCode: '35', provinceName: 'İzmir', createdAt: '2026-11-24T19:00:00', createdBy: 'Bench Müdür', appVersion: '0.1.0', chainHead: 'b'.repeat(64) }, o.outDir, createDeskKeyPair());
  }
  const ms = performance.now() - t;
  const peak = peakRssMb();
  app.shutdown();
  return { ms, peakRssMb: peak, openRssMb };
}

const childAt = process.argv.indexOf('--merge-child');
if (childAt >= 0) process.stdout.write(JSON.stringify(await mergeChild(JSON.parse(process.argv[childAt + 1]!))));
else await main();

async function main() {
  // `--files N`: a larger province (the target is for the default 10 files of 2,000 each).
  const at = process.argv.indexOf('--files');
  const deskFiles = at >= 0 ? Number(process.argv[at + 1]) : 10;
  if (!Number.isInteger(deskFiles) || deskFiles < 1 || deskFiles > 99) throw new Error('--files: a whole number from 1 to 99');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-export-'));
  async function bareWrite(rows: number): Promise<number> {
    const t = performance.now();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, `bare-${rows}.xlsx`), useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('x');
    for (let i = 0; i < rows; i++) ws.addRow(['35-2026-000001', 'BAKICI-2020', '35', new Date(), new Date(), '10000000146', 'Şükran Öztürk', new Date(), 'KESİN KAYIT', 'Şükrü Işık']).commit();
    ws.commit();
    await wb.commit();
    return performance.now() - t;
  }

  // The office head's app (its own encrypted ledger, desk M00): the merge goes through the
  // handler table exactly as the screen's "Doğrula ve birleştir" does.
  const dataDir = fs.mkdtempSync(path.join(dir, 'ledger-'));
  const app = new MasaApp({ dataDir, kdf: TEST_KDF, now: BENCH_NOW });
  const call = caller(app);
  await call('setup.create', { username: HEAD.username, displayName: 'Bench Müdür', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M00' });

  // Ten desks, each with its own key, registered by the head (PEM) as on the screen.
  const files: string[] = [];
  for (let d = 0; d < deskFiles; d++) {
    const out = fs.mkdtempSync(path.join(dir, 'desk-'));
    const desk = `M${String(d + 1).padStart(2, '0')}`;
    const deskKeys = createDeskKeyPair();
    await call('reconciliation.registerDeskKey', { deskCode: desk, pem: publicKeyPem(deskKeys.publicKeySpki) });
    files.push((await writeReconciliation(day(desk, 2000, 2000, d * 2000), out, deskKeys)).xlsxPath);
  }
  // The head's desk day: 500 appointments in the same encrypted ledger, 400 checked in, 350
  // registered, 50 refused, 100 no-shows at the day close (an open day is not exported),
  // everything through the handler table.
  const seeded = seedAppointments(app, { date: '2026-11-24', count: 500, programCode: 'BAKICI-2020' });
  const tSetup = performance.now();
  for (const [i, r] of seeded.entries()) {
    if (i >= 400) continue;
    await call('desk.checkIn', { randevuNo: r.randevuNo });
    const ctx = await call('registration.start', { randevuNo: r.randevuNo });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts(i >= 350 ? { 'caregiver.trainingCertificate': false } : {}) };
    await call('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
  }
  // The service, not the handler: the handler's day-close backup would run beside the timings.
  closeDay(app, '2026-11-24');
  console.log(`(ledger day set up through the handlers in ${((performance.now() - tSetup) / 1000).toFixed(1)} s)`);

  const dayTimes: number[] = [];
  const buildTimes: number[] = [];
  const dayBase: number[] = [];
  let dayCounts = '';
  for (let r = 0; r < 5; r++) {
    const out = fs.mkdtempSync(path.join(dir, 'day-'));
    const t0 = performance.now();
    buildReconciliationDay(app, '2026-11-24');
    buildTimes.push(performance.now() - t0);
    const t = performance.now();
    // Built from the ledger, written, signed and recorded as an event (the handler adds the backup).
    const w = await exportReconciliation(app, { date: '2026-11-24', outDir: out });
    dayTimes.push(performance.now() - t);
    dayCounts = `${w.counts.appointments} appointments, ${w.counts.registrations} registrations, ${w.counts.rejected + w.counts.incomplete} refused/incomplete`;
    dayBase.push(await bareWrite(w.counts.appointments + w.counts.registrations + w.counts.rejected + w.counts.incomplete));
  }
  const dm = median(dayTimes);
  console.log(`day from the ledger (${dayCounts}): built + written + signed + recorded, median of 5: ${dm.toFixed(0)} ms (of which building from the ledger ${median(buildTimes).toFixed(0)} ms; ${(dm / median(dayBase)).toFixed(1)}x a bare streaming write of the same rows)   target < 1000 ms ${verdict(dm < 1000)}`);
  app.shutdown();

  // The merge, each run in its own process (tsx, as the CLI runs) on the ledger made above, the
  // two paths taking turns so that the machine's load falls on both alike.
  const runs: Record<MergeVariant, MergeChildRun[]> = { streamed: [], held: [] };
  for (let r = 0; r < 3; r++) {
    for (const variant of ['held', 'streamed'] as const) {
      const outDir = fs.mkdtempSync(path.join(dir, 'merge-'));
      const c = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--merge-child', JSON.stringify({ variant, dataDir, files, outDir })], { encoding: 'utf8' });
      if (c.status !== 0) throw new Error(`merge child (${variant}) failed: ${c.stderr}`);
      runs[variant].push(JSON.parse(c.stdout) as MergeChildRun);
    }
  }
  const figure = (variant: MergeVariant) => {
    const all = runs[variant];
    return { ms: median(all.map((x) => x.ms)), rss: median(all.map((x) => x.peakRssMb)), open: median(all.map((x) => x.openRssMb)), rssRuns: all.map((x) => x.peakRssMb).join(', ') };
  };
  const streamed = figure('streamed');
  const held = figure('held');
  console.log(`province merge through the handler: ${deskFiles} files, ${(deskFiles * 2000).toLocaleString('en')} registrations + as many appointments, verified (signature, name, desk, counts) + merged + signed + recorded, each in its own process, median of 3: ${(streamed.ms / 1000).toFixed(1)} s   target < 10 s ${deskFiles === 10 ? verdict(streamed.ms < 10_000) : '(for 10 files)'}; peak RSS ${streamed.rss} MB [${streamed.rssRuns}] (the whole app process; ${streamed.open} MB with the app open and signed in, before the merge)   target < 300 MB ${deskFiles === 10 ? verdict(streamed.rss < 300) : '(for 10 files)'}`);
  console.log(`   baseline, same run and files: every verified day held in memory, then merged: ${(held.ms / 1000).toFixed(1)} s, peak RSS ${held.rss} MB [${held.rssRuns}] (app open: ${held.open} MB); streamed / held peak RSS above the open app: ${((streamed.rss - streamed.open) / Math.max(1, held.rss - held.open)).toFixed(2)}`);

  fs.rmSync(dir, { recursive: true, force: true });
}
