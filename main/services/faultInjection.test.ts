import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFaultShim, faultEnv } from '../../database/testing/faultShim';
import { TEST_KDF, tempDir } from '../../database/testing/fixtures';
import { formatMessage, type ErrorCode } from '../../preload/contract/errors';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { sampleRows, writeSampleCsv } from '../import/testing/sampleList';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import type { CaseResult, FaultCase, FaultOp, FaultPlan, StepResult } from '../testing/faultChild';
import { seedAppointments } from '../testing/seed';
import { rawHandle } from '../../database/testing/internals';

/**
 * Write faults for real, in the style of SQLite's own I/O-error tests: a shim preloaded into a
 * child process (database/testing/faultwrite.c) makes the Nth write to the data folder fail,
 * for every N that a registration (Geldi + Kayda başla + Onayla) or an import of a 20-row list (in four event parts)
 * makes: with EIO once, with EIO from then on, with ENOSPC once; and the Nth fsync, once and
 * from then on. The registration runs a second time on a ledger whose WAL is due for its
 * automatic checkpoint, so the checkpoint's writes and the WAL's restart are hit too. Each case
 * runs on its own copy of a prepared ledger through the real handler table (dispatch), all
 * cases of a kind in one child process; afterwards this process opens every copy like a restart.
 *
 * Each case must show: the user got the disk error in Turkish (IO_ERROR, DISK_FULL, or
 * IO_SYNC_FAILED for a failed fsync; never INTERNAL or SQL text) and no acknowledgement for the
 * step that failed; after the restart integrity_check is ok, the start-up check passes and
 * ledger.verify passes; every acknowledged step is there and nothing that was not acknowledged
 * is (the appointment's status, its registration and its ledger events move together; the
 * import is all 20 rows with their event, or nothing); in the "once" modes the same operation,
 * retried in the same process, goes through, exactly once.
 */

const NOW = '2026-11-24T07:00:00Z';
const DAY = '2026-11-24';
const LIST_DAY = '2026-11-25';
const LIST_ROWS = 20;
/** The child's event part size (see runChild): the import is stored in four parts. */
const CHILD_PART_CHANGES = 6;

const shim = buildFaultShim();
if (!shim.ok) console.warn(`faultInjection.test.ts: skipped, the write-fault shim cannot be built here: ${shim.reason}`);

const scratch: string[] = [];
const children = new Set<ChildProcess>();
const tally = { cases: 0, ms: 0 };
afterAll(() => {
  // A child left by a failed or timed-out test must not outlive it (only children started here).
  for (const c of children) c.kill('SIGKILL');
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  if (shim.ok) fs.rmSync(shim.dir, { recursive: true, force: true });
  if (tally.cases) console.log(`faultInjection: ${tally.cases} fault cases run and checked in ${(tally.ms / 1000).toFixed(1)} s`);
});

/** A child that has not finished by then is stuck (a hang is a failure too). */
const CHILD_LIMIT_MS = 100_000;

interface Prepared {
  root: string;
  template: string;
  busyTemplate?: string;
  workDir: string;
  listPath: string;
  randevuNo: string;
  appointments: number;
  importEvents: number;
}

/** One ledger as a desk has it in the morning: set up, the day's appointments imported, the head signed out. */
async function prepare(): Promise<Prepared> {
  const root = tempDir('masa-fault-');
  scratch.push(root);
  const t = await setUpApp({ now: () => new Date(NOW) });
  const template = t.app.dataDir;
  scratch.push(template);
  const rows = seedAppointments(t.app, { date: DAY, count: 3, programCode: 'BAKICI-2020' });
  const db = rawHandle(t.app.requireStore());
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const appointments = n('SELECT count(*) AS n FROM appointments');
  const importEvents = n("SELECT count(*) AS n FROM events WHERE type = 'import.applied'");
  t.app.shutdown();
  const listPath = path.join(root, 'randevu-listesi.csv');
  await writeSampleCsv(sampleRows({ date: LIST_DAY, province: '35', count: LIST_ROWS, seed: 5, extras: false }), listPath);
  const workDir = path.join(root, 'cases');
  fs.mkdirSync(workDir);
  return { root, template, workDir, listPath, randevuNo: rows[0]!.randevuNo, appointments, importEvents };
}

/** SQLite checkpoints a WAL automatically when a commit leaves it with this many frames or more. */
const AUTOCHECKPOINT_FRAMES = 1000;

/**
 * The same ledger later in a working day: its WAL a few frames short of the automatic
 * checkpoint, so that the registration's first commit also copies the WAL into the ledger file
 * and the next one starts the WAL over. Those writes belong to the registration as much as its
 * own; without this copy the fault cases would never reach them. Made by signing in on a copy
 * and changing a setting through the handlers until the WAL is long enough, then copying the
 * files as they are (nothing is being written), without the folder lock.
 */
async function prepareBusyWal(p: Prepared): Promise<string> {
  const fill = path.join(p.root, 'busy-fill');
  fs.cpSync(p.template, fill, { recursive: true });
  const app = new MasaApp({ dataDir: fill, kdf: TEST_KDF, now: () => new Date(NOW) });
  const ok = async (name: string, input: unknown) => expect(await dispatch(app, name, input), name).toMatchObject({ ok: true });
  try {
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    const pageSize = rawHandle(app.requireStore()).pragma('page_size', { simple: true }) as number;
    const wal = path.join(fill, 'masa.ledger-wal');
    // 32-byte WAL header, then frames of a 24-byte header and one page; the file only grows until a checkpoint.
    const frames = () => Math.max(0, ((fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 32) - 32) / (24 + pageSize));
    // Signing in writes these frames; the child signs in the same way on its copy before it arms the shim.
    const login = frames();
    // Stops while the next setting change (5-7 frames, more when a page splits) still fits, with
    // a few frames to spare: after the child's sign-in the WAL is 5-11 frames short of the
    // threshold, fewer than the check-in's commit adds (12), so that commit checkpoints.
    let maxStep = 0;
    for (let i = 0; frames() + login + maxStep < AUTOCHECKPOINT_FRAMES - 4; i++) {
      const before = frames();
      await ok('settings.update', { idleLockMinutes: 10 + (i % 2) });
      maxStep = Math.max(maxStep, frames() - before);
    }
    expect(frames() + login).toBeLessThan(AUTOCHECKPOINT_FRAMES - 4);
    const busy = path.join(p.root, 'busy');
    fs.mkdirSync(busy);
    // The witness of the last acknowledged head belongs to the folder too (database/ledger/headWitness.ts):
    // without it the copy would open in rescue as a ledger whose witness went missing.
    for (const f of ['masa.ledger', 'masa.ledger-wal', 'masa.keys.json', 'masa.head']) fs.copyFileSync(path.join(fill, f), path.join(busy, f));
    return busy;
  } finally {
    app.shutdown();
    fs.rmSync(fill, { recursive: true, force: true });
  }
}

/**
 * Runs cases in one shimmed child. Each result is handed to `onResult` as soon as the child
 * reports it (the child has shut that case's ledger down by then), so this process reopens and
 * checks one copy while the child works on the next. Resolves with every result, in order,
 * once the child has ended and every `onResult` has; the first failed check ends the child.
 */
function runChild(p: Prepared, cases: FaultCase[], tag: string, onResult: (r: CaseResult) => Promise<void> = async () => {}): Promise<CaseResult[]> {
  if (!shim.ok) throw new Error(shim.reason);
  const ctlDir = tempDir('masa-faultctl-');
  scratch.push(ctlDir);
  const plan: FaultPlan = { template: p.template, busyTemplate: p.busyTemplate, workDir: p.workDir, now: NOW, randevuNo: p.randevuNo, listPath: p.listPath, cases };
  const planFile = path.join(ctlDir, `${tag}.json`);
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('main/testing/faultChild.ts'), planFile], {
    // Parts of 6 changes: the 20-row import is stored as four event parts (database/ledger/eventParts.ts),
    // so the faults hit part writes too, at every N.
    env: { ...faultEnv(shim.so, path.join(ctlDir, 'ctl'), path.join(ctlDir, 'report')), MASA_PART_CHANGES: String(CHILD_PART_CHANGES) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
  const results: CaseResult[] = [];
  let checks = Promise.resolve();
  let checkFailed: unknown = null;
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    out = lines.pop()!;
    for (const l of lines) {
      if (!l.startsWith('result ')) continue;
      const r = JSON.parse(l.slice(7)) as CaseResult;
      results.push(r);
      checks = checks.then(async () => {
        if (checkFailed) return;
        try {
          await onResult(r);
        } catch (e) {
          checkFailed = e;
          child.kill('SIGKILL');
        }
      });
    }
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      void checks.then(() => {
        if (checkFailed) return reject(checkFailed);
        // A crash of the child (a signal, or an exception escaping the handlers) is itself a failure.
        if (code !== 0 || results.length !== cases.length) {
          reject(new Error(`fault child ${tag} ended with ${signal ?? code} after ${results.length}/${cases.length} cases: ${err.trim().slice(-2000)}`));
        } else resolve(results);
      });
    });
  });
}

const STEPS: Record<FaultOp, string[]> = {
  registration: ['desk.checkIn', 'registration.start', 'registration.confirm'],
  import: ['import.analyze', 'import.apply'],
};
const REGISTRATION_EVENTS = ['appointment.checked_in', 'appointment.started', 'registration.recorded'];
const STATUS_AFTER = ['BEKLIYOR', 'GELDI', 'ISLEMDE', 'KESIN_KAYIT'];

const isSync = (c: FaultCase) => c.mode.startsWith('fsync');

/**
 * The error a case must show: EIO on a write is IO_ERROR, ENOSPC is DISK_FULL (both "no change
 * was saved", which the restart checks below prove), a failed fsync is IO_SYNC_FAILED (the
 * change may be on disk after all, so the message must not say it was not saved).
 */
function expectedCode(c: FaultCase): ErrorCode {
  if (isSync(c)) return 'IO_SYNC_FAILED';
  return c.errno === 'ENOSPC' ? 'DISK_FULL' : 'IO_ERROR';
}

/** What the user saw on every refused step: the disk error in Turkish and English, nothing internal. */
function expectDiskError(s: StepResult, c: FaultCase): void {
  const code = expectedCode(c);
  expect({ case: c.id, step: s.name, code: s.code }).toEqual({ case: c.id, step: s.name, code });
  expect(s.message).toBe(formatMessage(code, 'tr'));
  expect(s.messageEn).toBe(formatMessage(code, 'en'));
  expect(`${s.message} ${s.messageEn}`).not.toMatch(/sqlite|sql|insert|select|update|database|disk image|errno|EIO|ENOSPC/i);
}

/** The restart: a fresh connection on the folder, the whole file and chain checked, then the state read. */
async function reopen(r: CaseResult, p: Prepared) {
  const app = new MasaApp({ dataDir: r.dir, kdf: TEST_KDF, now: () => new Date(NOW) });
  try {
    const login = await dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(login, r.case.id).toMatchObject({ ok: true });
    // The start-up check (quick_check + chain) passed: no rescue screen.
    expect(app.session?.rescue, r.case.id).toBeNull();
    const db = rawHandle(app.requireStore());
    expect(db.pragma('integrity_check', { simple: true }), r.case.id).toBe('ok');
    const verify = await dispatch(app, 'ledger.verify', {});
    expect(verify, r.case.id).toMatchObject({ ok: true, value: { ok: true, chain: { ok: true }, replay: { ok: true } } });
    const n = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    return {
      status: (db.prepare('SELECT status FROM appointments WHERE randevu_no = ?').get(p.randevuNo) as { status: string }).status,
      registrations: db.prepare('SELECT registration_no AS no, outcome FROM registrations WHERE randevu_no = ?').all(p.randevuNo) as { no: string; outcome: string }[],
      events: (db.prepare('SELECT type FROM events WHERE entity = ? ORDER BY seq').all(`appointment:${p.randevuNo}`) as { type: string }[]).map((e) => e.type),
      orphans: n('SELECT count(*) AS n FROM registrations r JOIN appointments a ON a.randevu_no = r.randevu_no WHERE a.status <> r.outcome'),
      appointments: n('SELECT count(*) AS n FROM appointments'),
      listed: n('SELECT count(*) AS n FROM appointments WHERE date = ?', LIST_DAY),
      importEvents: n("SELECT count(*) AS n FROM events WHERE type = 'import.applied'"),
      parts: n('SELECT count(*) AS n FROM event_parts'),
    };
  } finally {
    app.shutdown();
  }
}

type Totals = { writes: number; syncs: number };

/**
 * Everything one case must show. Returns true when a step the user was refused is in the ledger
 * after the restart (allowed only after a failed fsync, whose message says so).
 */
async function checkCase(r: CaseResult, p: Prepared, totals: Totals): Promise<boolean> {
  const c = r.case;
  const steps = STEPS[c.op];
  const all = [...r.attempt, ...(r.retry ?? [])];
  const failedAt = r.attempt.findIndex((s) => !s.ok);
  if (c.n >= 1 && c.n <= (isSync(c) ? totals.syncs : totals.writes)) {
    // The write really failed, and the user was told: the operation was not acknowledged as a whole.
    expect(r.report.failed, c.id).toBeGreaterThanOrEqual(1);
    if (c.mode.endsWith('once')) expect(r.report.failed, c.id).toBe(1);
    // Except in an automatic checkpoint: SQLite runs it after the commit and ignores its errors
    // (the WAL still holds everything, the next checkpoint tries again). Then the operation is
    // acknowledged, and the restart check below proves all of it is there.
    const inCheckpoint = c.busyWal && (isSync(c) || r.report.firstFailed === 'main');
    // Or in the witness of the last acknowledged head (database/ledger/headWitness.ts): written after the
    // commit, a failed write or sync leaves it behind (the safe direction); the operation stands.
    const inWitness = r.report.firstFailed === 'witness';
    if (!inCheckpoint && !inWitness) expect(failedAt, `${c.id}: a failed write went unreported: ${JSON.stringify(r.attempt)}`).toBeGreaterThanOrEqual(0);
  } else {
    expect(failedAt, c.id).toBe(-1);
  }
  for (const s of all) if (!s.ok) expectDiskError(s, c);
  if (failedAt >= 0 && c.mode.endsWith('once')) {
    // The disk works again: the same operation in the same process goes through to the end.
    expect(r.retry!.every((s) => s.ok), `${c.id}: retry refused: ${JSON.stringify(r.retry)}`).toBe(true);
    expect(r.retry!.at(-1)!.name, c.id).toBe(steps.at(-1));
    // Confirm answering "repeated" would mean the refused attempt had been recorded after all.
    if (c.op === 'registration') expect(r.retry!.at(-1)!.repeated, c.id).toBe(false);
  }
  if (failedAt >= 0 && c.mode.endsWith('persist')) {
    // Still failing: trying again is refused the same way (reading the list writes nothing and may succeed).
    expect(r.retry!.some((s) => !s.ok) && !r.retry!.some((s) => s.ok && s.name === steps.at(-1)), `${c.id}: acknowledged on a failing disk`).toBe(true);
  }

  const state = await reopen(r, p);
  const acked = new Set(all.filter((s) => s.ok).map((s) => s.name));
  // Acknowledged steps are a prefix of the operation; k of them.
  const k = steps.filter((s) => acked.has(s)).length;
  expect(steps.slice(0, k).every((s) => acked.has(s)), c.id).toBe(true);
  // Exactly the acknowledged steps are in the ledger; after a failed fsync on a disk that kept
  // failing, the refused step may be there too, but only whole.
  const allowed = c.mode === 'fsync-persist' && failedAt >= 0 ? [k, k + 1] : [k];
  if (c.op === 'registration') {
    const found = REGISTRATION_EVENTS.filter((e) => state.events.includes(e)).length;
    expect(allowed, `${c.id}: ${JSON.stringify(state)}`).toContain(found);
    expect({ case: c.id, status: state.status, events: state.events }).toEqual({ case: c.id, status: STATUS_AFTER[found], events: REGISTRATION_EVENTS.slice(0, found) });
    const confirmed = all.find((s) => s.ok && s.name === 'registration.confirm');
    if (confirmed) expect(state.registrations, c.id).toEqual([{ no: confirmed.registrationNo, outcome: 'KESIN_KAYIT' }]);
    else expect(state.registrations.map((x) => x.outcome), c.id).toEqual(found === 3 ? ['KESIN_KAYIT'] : []);
    expect(state.orphans, c.id).toBe(0);
    return found > k;
  }
  // The import: all 20 rows and their one event, or nothing.
  for (const s of all) if (s.ok && s.name === 'import.apply') expect(s.added, c.id).toBe(LIST_ROWS);
  const applied = k - 1; // analyze is step 1 and writes nothing
  const found = (state.importEvents - p.importEvents) as 0 | 1;
  expect(allowed.map((x) => x - 1), `${c.id}: ${JSON.stringify(state)}`).toContain(found);
  expect({ case: c.id, appointments: state.appointments, listed: state.listed, parts: state.parts }).toEqual({
    case: c.id,
    appointments: p.appointments + found * LIST_ROWS,
    listed: found * LIST_ROWS,
    parts: found * Math.ceil(LIST_ROWS / CHILD_PART_CHANGES),
  });
  return found > applied;
}

const noShim = !shim.ok;

interface Suite {
  title: string;
  op: FaultOp;
  busyWal: boolean;
  /** Which fault kinds to try at every N. */
  kinds: { tag: string; mode: FaultCase['mode']; errno?: 'ENOSPC'; sync?: boolean }[];
}

const ALL_KINDS: Suite['kinds'] = [
  { tag: 'once', mode: 'once' },
  { tag: 'persist', mode: 'persist' },
  { tag: 'enospc', mode: 'once', errno: 'ENOSPC' },
  { tag: 'fsync-once', mode: 'fsync-once', sync: true },
  { tag: 'fsync-persist', mode: 'fsync-persist', sync: true },
];

const SUITES: Suite[] = [
  { title: 'registration (Geldi, Kayda başla, Onayla)', op: 'registration', busyWal: false, kinds: ALL_KINDS },
  { title: 'import of a 20-row list (analyze, apply)', op: 'import', busyWal: false, kinds: ALL_KINDS },
  { title: 'registration with an automatic WAL checkpoint due', op: 'registration', busyWal: true, kinds: ALL_KINDS },
];

const suiteId = (s: Suite) => `${s.op}${s.busyWal ? '-busy' : ''}`;

describe('write faults at every write (LD_PRELOAD shim, real handlers)', () => {
  let p: Prepared;
  const totals = new Map<string, Totals & { mainWrites: number }>();

  beforeAll(async () => {
    if (noShim) return;
    p = await prepare();
    p.busyTemplate = await prepareBusyWal(p);
    // Counting run: how many writes and syncs each operation makes under the data folder.
    const counted = await runChild(
      p,
      SUITES.map((s) => ({ id: `count-${suiteId(s)}`, op: s.op, mode: 'once', n: 0, busyWal: s.busyWal })),
      'count',
    );
    SUITES.forEach((s, i) => {
      const r = counted[i]!;
      expect(r.attempt.every((x) => x.ok), r.case.id).toBe(true);
      totals.set(suiteId(s), { writes: r.report.writes, syncs: r.report.syncs, mainWrites: r.report.mainWrites });
    });
    // The plain runs never checkpoint; the busy one must, or it tests nothing more.
    expect(totals.get('registration')!.mainWrites).toBe(0);
    expect(totals.get('registration-busy')!.mainWrites, 'the busy WAL did not reach an automatic checkpoint').toBeGreaterThan(0);
  }, 120_000);

  for (const suite of SUITES) {
    it.skipIf(noShim)(`${suite.title}: the Nth write fails (EIO once / from then on, ENOSPC once), the Nth fsync fails (once / from then on), every N`, async () => {
      const t0 = performance.now();
      const id = suiteId(suite);
      const total = totals.get(id)!;
      expect(total.writes).toBeGreaterThan(0);
      expect(total.syncs).toBeGreaterThan(0);
      const cases: FaultCase[] = [];
      for (const k of suite.kinds) {
        for (let n = 1; n <= (k.sync ? total.syncs : total.writes); n++) {
          cases.push({ id: `${id}-${k.tag}-${n}`, op: suite.op, mode: k.mode, n, errno: k.errno, busyWal: suite.busyWal });
        }
      }
      // One past the last write: nothing fails, and the counts are those of the counting run.
      cases.push({ id: `${id}-none-${total.writes + 1}`, op: suite.op, mode: 'once', n: total.writes + 1, busyWal: suite.busyWal });
      let kept = 0;
      const results = await runChild(p, cases, id, async (r) => {
        if (await checkCase(r, p, total)) kept++;
        fs.rmSync(r.dir, { recursive: true, force: true });
      });
      expect(results.at(-1)!.report).toMatchObject({ writes: total.writes, syncs: total.syncs, failed: 0 });
      tally.cases += cases.length;
      tally.ms += performance.now() - t0;
      const perKind = suite.kinds.map((k) => `${k.tag} ×${cases.filter((c) => c.id.startsWith(`${id}-${k.tag}-`)).length}`).join(', ');
      console.log(
        `faultInjection ${id}: ${total.writes} writes (${total.mainWrites} by a checkpoint) and ${total.syncs} fsyncs per operation; ` +
          `${cases.length} cases (${perKind}, none ×1) run, reopened and checked in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
          `${kept} refused step(s) found whole after the restart (failed fsync only)`,
      );
    }, 150_000);
  }
});
