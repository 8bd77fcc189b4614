/**
 * Backup, restore and start-up check bench on a large ledger: 200,000 registrations and
 * 1,000,000 events (an office's years of work at one desk).
 *  - backup (`backup.create` through the handler table: the encrypted file copied under the
 *    write lock and hashed in one pass (VACUUM INTO as fallback), fsync, rotation,
 *    the backup's own event) vs a plain copy + fsync of the same database file; target < 10 s;
 *    Each backup is then verified in the background (a worker: integrity_check, whole chain,
 *    replay, hashes) and sealed; that time is printed too (no target: the desk works meanwhile);
 *  - restore (`backup.restore`) of the sealed backup: unlock, seal HMAC, copy in, the
 *    copy hashed and compared, swap, reopen, the restore's event; vs reading the backup
 *    file once; target < 10 s; and (--fallback-runs, default once) of the same backup without its
 *    seal: the full check first, as every restore did before seals; the steps of each;
 *  - the start-up check as sign-in runs it (quick_check + chain since the last verified point,
 *    set 10,000 events back: a very busy day; on a ledger above PAGE_CHECK_SYNC_BYTES the
 *    quick_check runs in a worker, timed separately, and sign-in waits for the chain alone),
 *    target < 2 s; and, to show what
 *    quick_check saves, integrity_check, full chain verify and the full start-up check.
 * Each workload runs --runs times (medians printed), on a fresh connection where that matters.
 * The ledger is generated through Ledger.record (the real append path: canonical payload,
 * hash chain, event_refs) in large transactions; one registration goes through the real
 * wizard handlers and is the template for the others. Generation is timed but is no target.
 * Real scrypt parameters. Everything lives in a temp folder removed at the end.
 *
 *   npx tsx bench/backup.ts [--registrations 200000] [--events 1000000] [--runs 3] [--skip-restore] [--fallback-runs 1]
 *                           [--keep <dir> | --reuse <dir>]
 * The ledger takes minutes to generate and is ~2.4 GB: `--keep <dir>` builds it in <dir> and
 * leaves it there, `--reuse <dir>` signs in to the ledger kept there instead of generating one
 * (delete the folder when done).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AppointmentStateRow, type RegistrationStateRow, checkBackupFiles, ledgerBytes, ledgerPaths, PAGE_CHECK_SYNC_BYTES, quickCheckInWorker, startupCheck, verifyChain } from '../database';
import { dataKeysOf, openEncrypted, openVault, readSlotFile, type RawDatabase, rawHandle } from '../database/testing/internals';
import { setQuiet } from '../main/app/log';
import { MasaApp } from '../main/app/masaApp';
import { dispatch } from '../main/handlers/router';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../preload/contract/api';
import { median, verdict } from './stats';
import { readAll } from './readAll';

const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '200000' },
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    // Restore takes minutes on this ledger; `--skip-restore` measures backup and start-up only.
    'skip-restore': { type: 'boolean', default: false },
    // The restore of an unsealed backup (full check first) takes minutes: run it this often.
    'fallback-runs': { type: 'string', default: '1' },
    keep: { type: 'string' },
    reuse: { type: 'string' },
  },
});
const REGISTRATIONS = Number(values.registrations);
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const SINCE_VERIFIED = 10_000;
const PER_DAY = 5_000;
const HEAD = { username: 'mudur', password: 'Bench-Parola-2026' };

setQuiet(true);
if (values.reuse !== undefined && values.keep !== undefined) throw new Error('--keep or --reuse, not both');
const kept = values.reuse ?? values.keep;
const reuse = values.reuse !== undefined;
if (kept !== undefined) fs.mkdirSync(kept, { recursive: true });
const root = kept !== undefined ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-backup-'));
const dataDir = path.join(root, 'data');
const backupsDir = path.join(root, 'yedekler');
const paths = ledgerPaths(dataDir);

// A clock the bench moves: backups and kept-aside folders are named by the second. A reused
// ledger continues from the wall clock, after every backup an earlier run left.
let clock = reuse ? Date.now() : new Date('2026-11-24T07:00:00Z').getTime();
const app = new MasaApp({ dataDir, now: () => new Date(clock) });
async function ok<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const r = (await dispatch(app, name, input)) as ApiResult<ApiOutput<K>>;
  if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const sizeOf = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function fsyncFile(f: string): void {
  const fd = fs.openSync(f, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/** The ledger: setup, the imports, one registration through the wizard, the rest through Ledger.record. */
async function generate(): Promise<void> {
  // ---------------------------------------------------------------- generation (not a target)
  const gen0 = performance.now();
  await ok('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  const days = Math.ceil(REGISTRATIONS / PER_DAY);
  const firstDay = Date.UTC(2026, 10, 24);
  const dayOf = (d: number) => new Date(firstDay + d * 86_400_000).toISOString().slice(0, 10);
  const numbers: string[] = [];
  for (let d = 0; d < days; d++) {
    const count = Math.min(PER_DAY, REGISTRATIONS - d * PER_DAY);
    for (const r of seedAppointments(app, { date: dayOf(d), count, programCode: 'BAKICI-2020', startIndex: d * PER_DAY, seed: d + 1 })) numbers.push(r.randevuNo);
  }
  const importMs = performance.now() - gen0;

  // One registration through the real wizard handlers: check-in, start, evaluate, confirm, print.
  const first = numbers[0]!;
  await ok('desk.checkIn', { randevuNo: first });
  const ctx = await ok('registration.start', { randevuNo: first });
  const facts = { ...ctx.draft!.facts, ...bakiciFacts() };
  await ok('registration.evaluate', { randevuNo: first, facts, documents: BAKICI_DOCUMENTS });
  await ok('registration.confirm', { randevuNo: first, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
  const store = app.requireStore();
  const db = rawHandle(store);
  const userId = app.requireSession().userId;
  const template = db.prepare('SELECT * FROM registrations WHERE randevu_no = ?').get(first) as RegistrationStateRow;
  const appointmentByNo = db.prepare('SELECT * FROM appointments WHERE randevu_no = ?');

  // The other registrations: the same four events per registration as at the desk, written
  // through Ledger.record in transactions of 2,500 registrations.
  const gen1 = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const no = numbers[i]!;
      const row = appointmentByNo.get(no) as AppointmentStateRow;
      const at = new Date(clock + i * 1000).toISOString();
      store.ledger.record({ type: 'appointment.checked_in', entity: `appointment:${no}`, userId }, (w) => {
        w.put('appointments', { ...row, status: 'GELDI', arrived_at: '09:08', updated_seq: w.seq });
        w.note({ arrivedAt: '09:08' });
      });
      store.ledger.record({ type: 'appointment.started', entity: `appointment:${no}`, userId }, (w) =>
        w.put('appointments', { ...row, status: 'ISLEMDE', arrived_at: '09:08', updated_seq: w.seq }),
      );
      const registrationNo = `35M01-2026-${String(i + 1).padStart(6, '0')}`;
      store.ledger.record({ type: 'registration.recorded', entity: `appointment:${no}`, userId }, (w) => {
        w.put('registrations', {
          ...template,
          registration_no: registrationNo,
          randevu_no: no,
          mother_tckn: row.mother_tckn,
          child_tckn: row.child_tckn,
          pre_registered_at: row.pre_registered_at,
          registered_at: at,
          submission_id: randomUUID(),
          updated_seq: w.seq,
        });
        w.put('appointments', { ...row, status: template.outcome, arrived_at: '09:08', updated_seq: w.seq });
        w.note({ registrationNo, outcome: template.outcome, rules: [], missing: [], packCode: 'BAKICI-2020', packHash: template.pack_hash, newAppointmentNo: null });
      });
      store.ledger.record({ type: 'record.printed', entity: `appointment:${no}`, userId }, (w) =>
        w.note({ document: 'kesin-kayit-formu', registrationNo }),
      );
    }
  });
  for (let i = 1; i < REGISTRATIONS; i += 2_500) batch(i, Math.min(REGISTRATIONS, i + 2_500));
  // The rest up to the event count: record views (the KVKK access log), as the desk writes them.
  const views = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) {
      const no = numbers[i % numbers.length]!;
      store.ledger.record({ type: 'record.viewed', entity: `appointment:${no}`, userId }, (w) => w.note({}));
    }
  });
  for (let left = EVENTS - store.ledger.head().seq; left > 0; left = EVENTS - store.ledger.head().seq) views(Math.min(left, 20_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const genMs = performance.now() - gen1;
  const c = counts(db);
  console.log(
    `\n0) generated in ${s(performance.now() - gen0)} (imports ${s(importMs)}, events ${s(genMs)}, ${((c.e / genMs) * 1000).toFixed(0)} events/s):` +
      ` ${c.e.toLocaleString('en')} events, ${c.r.toLocaleString('en')} registrations, ${c.a.toLocaleString('en')} appointments; ledger file ${mb(sizeOf(paths.db))}`,
  );
  const byType = db.prepare('SELECT type, count(*) n, avg(length(payload)) bytes FROM events GROUP BY type ORDER BY n DESC').all() as { type: string; n: number; bytes: number }[];
  console.log(`   payloads: ${byType.map((t) => `${t.type} ${t.n.toLocaleString('en')} × ${Math.round(t.bytes).toLocaleString('en')} B`).join(', ')}`);
}

const counts = (d: RawDatabase) => (d.prepare('SELECT (SELECT count(*) FROM events) e, (SELECT count(*) FROM registrations) r, (SELECT count(*) FROM appointments) a').get()) as { e: number; r: number; a: number };

console.log(`Masa backup / restore / start-up check bench (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''})`);
console.log(`ledger: ${REGISTRATIONS.toLocaleString('en')} registrations, ${EVENTS.toLocaleString('en')} events; ${RUNS} runs per workload; folder ${root}`);

try {
  if (reuse) await ok('auth.login', HEAD);
  else await generate();
  const store = app.requireStore();
  const db = rawHandle(store);
  if (reuse) {
    const c = counts(db);
    console.log(`\n0) reused ${root}: ${c.e.toLocaleString('en')} events, ${c.r.toLocaleString('en')} registrations, ${c.a.toLocaleString('en')} appointments; ledger file ${mb(sizeOf(paths.db))}`);
  }

  // ---------------------------------------------------------------- 1) backup
  console.log(`\n1) backup (backup.create through the handlers) vs plain copy + fsync of the ledger file, median of ${RUNS};`);
  console.log('   then the background verification of each backup (worker thread: integrity_check, chain, replay, hashes, seal), awaited before the next run');
  const backupMs: number[] = [];
  const copyMs: number[] = [];
  const verifyMs: number[] = [];
  const verifyParts: Record<string, number[]> = {};
  let lastBackup = '';
  for (let r = 0; r < RUNS; r++) {
    // The same state for both: the WAL folded back, as after any close.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const copyTo = path.join(root, `copy-${r}.ledger`);
    copyMs.push(timed(() => {
      fs.copyFileSync(paths.db, copyTo);
      fsyncFile(copyTo);
    }).ms);
    fs.rmSync(copyTo);
    clock += 61_000;
    const t0 = performance.now();
    const b = await ok('backup.create', { to: backupsDir });
    const t1 = performance.now();
    backupMs.push(t1 - t0);
    lastBackup = b.dir;
    // The check started by backup.create, from the end of the backup to the seal on disk.
    const outcome = await app.backupVerifier.outcome(b.dir);
    if (outcome?.state !== 'sealed') throw new Error(`background verification: ${JSON.stringify(outcome)}`);
    verifyMs.push(performance.now() - t1);
    for (const [part, ms] of Object.entries(outcome.ms)) (verifyParts[part] ??= []).push(ms);
  }
  const bm = median(backupMs);
  const cm = median(copyMs);
  console.log(`   backup  median ${s(bm)}  (runs ${backupMs.map(s).join(', ')})   target < 10 s ${verdict(bm < 10_000)}`);
  console.log(`   copy    median ${s(cm)}  (runs ${copyMs.map(s).join(', ')})`);
  console.log(`   ratio backup / copy ${(bm / cm).toFixed(1)}x`);
  console.log(`   background verification median ${s(median(verifyMs))}  (runs ${verifyMs.map(s).join(', ')}); no target: the desk works meanwhile`);
  console.log(`     its parts (medians): ${Object.entries(verifyParts).map(([p, v]) => `${p} ${s(median(v))}`).join(', ')}`);
  console.log(`   sizes: live ledger ${mb(sizeOf(paths.db))}, backup ledger (the encrypted file copied under the write lock) ${mb(sizeOf(path.join(lastBackup, 'masa.ledger')))}, key slots ${sizeOf(path.join(lastBackup, 'masa.keys.json'))} B`);
  {
    // Where the time goes (one run each). The backup copies the file and hashes it in one pass;
    // VACUUM INTO is its fallback when the WAL cannot be emptied (a reader holds it), and was
    // the only way before (rebuilding every table and index: about five times the copy).
    const hashes = timed(() => checkBackupFiles(lastBackup)).ms;
    const to = path.join(root, 'vacuum-into.ledger');
    const vacuum = timed(() => rawHandle(app.requireStore()).prepare('VACUUM INTO ?').run(to)).ms;
    fs.rmSync(to);
    console.log(`   for comparison (one run each): SHA-256 of the backup's files alone ${s(hashes)}; the fallback VACUUM INTO alone ${s(vacuum)}`);
  }

  // ---------------------------------------------------------------- 2) restore
  if (values['skip-restore']) console.log('\n2) restore: skipped (--skip-restore)');
  else {
    /** One restore through the handlers, with the time of each step as backup.restore reports it. */
    async function restoreOnce(): Promise<{ ms: number; steps: [string, number][]; parts: [string, number][] }> {
      const steps: [string, number][] = [];
      const parts: [string, number][] = [];
      let last = performance.now();
      app.onPhase = (phase, ms) => {
        if (ms !== undefined) return void parts.push([phase, ms]);
        const now = performance.now();
        steps.push([phase, now - last]);
        last = now;
      };
      clock += 61_000;
      const t0 = (last = performance.now());
      const restored = await ok('backup.restore', { file: lastBackup, password: HEAD.password });
      const ms = performance.now() - t0;
      app.onPhase = null;
      steps.push(['(handler, rest)', ms - steps.reduce((a, [, v]) => a + v, 0)]);
      // The replaced files are kept aside by design; the bench does not need them.
      fs.rmSync(restored.keptAside, { recursive: true, force: true });
      return { ms, steps, parts };
    }
    const stepMedians = (runs: { steps: [string, number][] }[]) =>
      runs[0]!.steps.map(([name], i) => `${name} ${s(median(runs.map((r) => r.steps[i]?.[1] ?? 0)))}`).join(', ');

    console.log(`\n2) restore (backup.restore through the handlers) vs reading the backup file once, median of ${RUNS}`);
    const readMs: number[] = [];
    const sealedRuns: Awaited<ReturnType<typeof restoreOnce>>[] = [];
    const backupLedger = path.join(lastBackup, 'masa.ledger');
    for (let r = 0; r < RUNS; r++) {
      readMs.push(timed(() => readAll(backupLedger)).ms);
      sealedRuns.push(await restoreOnce());
    }
    const rm = median(sealedRuns.map((r) => r.ms));
    const readm = median(readMs);
    console.log(`   restore of a sealed backup  median ${s(rm)}  (runs ${sealedRuns.map((r) => s(r.ms)).join(', ')})   target < 10 s ${verdict(rm < 10_000)}`);
    console.log(`     steps (medians): ${stepMedians(sealedRuns)}`);
    console.log(`   read    median ${s(readm)}  (runs ${readMs.map(s).join(', ')})`);
    console.log(`   ratio restore / read ${(rm / readm).toFixed(1)}x`);

    // The fallback: the same backup without its seal (as an older backup, or one whose check
    // has not finished), checked in full before it is copied in. Minutes: --fallback-runs.
    const FALLBACK_RUNS = Number(values['fallback-runs']);
    if (FALLBACK_RUNS > 0) {
      const sealFile = path.join(lastBackup, 'dogrulandi.json');
      const parked = path.join(root, 'dogrulandi.json');
      fs.renameSync(sealFile, parked);
      const fallbackRuns: Awaited<ReturnType<typeof restoreOnce>>[] = [];
      try {
        for (let r = 0; r < FALLBACK_RUNS; r++) fallbackRuns.push(await restoreOnce());
      } finally {
        fs.renameSync(parked, sealFile);
      }
      const fm = median(fallbackRuns.map((r) => r.ms));
      console.log(`   restore without a seal (full check first)  median of ${FALLBACK_RUNS}: ${s(fm)}  (runs ${fallbackRuns.map((r) => s(r.ms)).join(', ')})`);
      console.log(`     steps (medians): ${stepMedians(fallbackRuns)}`);
      console.log(`     the full check's parts (medians): ${fallbackRuns[0]!.parts.map(([name], i) => `${name} ${s(median(fallbackRuns.map((r) => r.parts[i]?.[1] ?? 0)))}`).join(', ')}`);
      console.log(`   ratio unsealed / sealed restore ${(fm / rm).toFixed(1)}x`);
    } else console.log('   restore without a seal: skipped (--fallback-runs 0)');
  }

  // ---------------------------------------------------------------- 3) start-up checks
  app.shutdown();
  const slots = readSlotFile(paths.slots);
  const key = dataKeysOf(slots, openVault(slots, 'user', HEAD.username, HEAD.password)!).find((k) => k.state === 'current')!.key;
  const head = (() => {
    const d = openEncrypted(paths.db, { key, readonly: true });
    const h = (d.prepare('SELECT seq FROM chain_head WHERE id = 1').get() as { seq: number }).seq;
    d.close();
    return h;
  })();
  /** A fresh connection per run (SQLite's cache cold, the OS cache warm, as right after unlock). */
  function fresh<T>(fn: (d: RawDatabase) => T, prepare?: (d: RawDatabase) => void): { ms: number; value: T } {
    const d = openEncrypted(paths.db, { key });
    try {
      prepare?.(d);
      return timed(() => fn(d));
    } finally {
      d.close();
    }
  }
  const setVerified = (seq: number) => (d: RawDatabase) =>
    d.prepare("INSERT INTO meta (key, value) VALUES ('verified.seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(seq));
  const series = (label: string, fn: (d: RawDatabase) => unknown, prepare?: (d: RawDatabase) => void, check?: (v: unknown) => boolean) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const { ms, value } = fresh(fn, prepare);
      if (check && !check(value)) throw new Error(`${label}: the check did not pass`);
      times.push(ms);
    }
    return { label, median: median(times), times };
  };
  console.log(`\n3) start-up checks on ${head.toLocaleString('en')} events, file ${mb(sizeOf(paths.db))}, fresh connection per run, median of ${RUNS}`);
  // As sign-in runs it (main/services/auth.ts): above PAGE_CHECK_SYNC_BYTES the page check goes
  // to a worker and the user waits only for the chain since the last verified point.
  const pagesOnSignIn = ledgerBytes(paths.db) <= PAGE_CHECK_SYNC_BYTES;
  const startup = series(
    pagesOnSignIn ? 'start-up check (quick_check + chain since last verified point)' : 'start-up check on sign-in (chain since last verified point)',
    (d) => startupCheck(d, { pages: pagesOnSignIn }),
    setVerified(head - SINCE_VERIFIED),
    (v) => (v as ReturnType<typeof startupCheck>).ok && (v as ReturnType<typeof startupCheck>).chain.checked === SINCE_VERIFIED,
  );
  const parts = [
    series('  quick_check alone', (d) => d.pragma('quick_check', { simple: true }), undefined, (v) => v === 'ok'),
    series(`  chain verify of the last ${SINCE_VERIFIED.toLocaleString('en')} events alone`, (d) => verifyChain(d, head - SINCE_VERIFIED + 1), undefined, (v) => (v as ReturnType<typeof verifyChain>).ok),
    series('integrity_check (full)', (d) => d.pragma('integrity_check', { simple: true }), undefined, (v) => v === 'ok'),
    series('chain verify (full)', (d) => verifyChain(d), undefined, (v) => (v as ReturnType<typeof verifyChain>).ok && (v as ReturnType<typeof verifyChain>).checked === head),
    series('start-up check, full (integrity_check + full chain)', (d) => startupCheck(d, { full: true }), undefined, (v) => (v as ReturnType<typeof startupCheck>).ok),
  ];
  console.log(`   ${startup.label.padEnd(62)} median ${s(startup.median)}  (runs ${startup.times.map(s).join(', ')})   target < 2 s ${verdict(startup.median < 2_000)}`);
  for (const p of parts) console.log(`   ${p.label.padEnd(62)} median ${s(p.median)}  (runs ${p.times.map(s).join(', ')})`);
  {
    // The worker is unref'd (it must not keep a CLI alive): hold the event loop open while waiting.
    const keepAlive = setInterval(() => undefined, 1000);
    const bg: number[] = [];
    try {
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const answer = await quickCheckInWorker(paths.db, key).result;
        if (answer !== 'ok') throw new Error(`background page check: ${answer}`);
        bg.push(performance.now() - t0);
      }
    } finally {
      clearInterval(keepAlive);
    }
    const where = pagesOnSignIn ? 'what a ledger above 256 MB would run' : 'the desk works meanwhile';
    console.log(`   ${`page check in a worker (${where})`.padEnd(62)} median ${s(median(bg))}  (runs ${bg.map(s).join(', ')})`);
  }
  const quick = parts[0]!.median;
  const full = parts[2]!.median;
  console.log(`   ratio integrity_check / quick_check ${(full / quick).toFixed(1)}x; full start-up check / start-up check ${(parts[4]!.median / startup.median).toFixed(1)}x`);
} finally {
  app.shutdown();
  if (kept === undefined) fs.rmSync(root, { recursive: true, force: true });
}
