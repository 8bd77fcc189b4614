/**
 * Where a registration's writes and bytes go (issue 23, docs/ledger-speed.md). Not a speed
 * bench: it counts.
 *  1) pages one registration touches: the desk's four events (Geldi, Kayda başla, the recorded
 *     outcome, the printed form), each its own transaction as at the desk, on a ledger of
 *     --appointments appointments. Every page a commit writes is a frame appended to the WAL;
 *     the frame headers are not encrypted (SQLCipher encrypts page contents), so each frame's
 *     page number is mapped to its b-tree through `dbstat`. Medians over --sample registrations.
 *  2) bytes per registration by b-tree: `dbstat` before and after --registrations more
 *     registrations (the same four events, in transactions of 2,500 as bench/backup writes them),
 *     and payload bytes per event type.
 *  3) the same four commits per registration, encrypted vs plaintext with synchronous=FULL,
 *     same code, same run (the ratio issue 23 asks >= 0.7x of): --desk registrations, --rounds rounds
 *     alternating the two (the disk's fsync time varies a lot on a shared machine); and replay
 *     of each ledger so made.
 * Each is measured twice in the same run: with puts stored as whole rows (`Ledger.wholeRows`,
 * the form of schema 80: the baseline) and as the changed columns (schema 90), interleaved.
 *
 *   npx tsx bench/ledgerProfile.ts [--appointments 20000] [--sample 200] [--registrations 5000] [--desk 500] [--rounds 5]
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Ledger, ledgerPaths, type AppointmentStateRow, type RegistrationStateRow } from '../database';
import { TEST_KDF, tempDir } from '../database/testing/fixtures';
import { migrate, openEncrypted, rawHandle, replayAndCompare, type RawDatabase } from '../database/testing/internals';
import { setQuiet } from '../main/app/log';
import { MasaApp } from '../main/app/masaApp';
import { dispatch } from '../main/handlers/router';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../preload/contract/api';
import { median } from './stats';

const { values } = parseArgs({ options: { appointments: { type: 'string', default: '20000' }, sample: { type: 'string', default: '200' }, registrations: { type: 'string', default: '5000' }, desk: { type: 'string', default: '500' }, rounds: { type: 'string', default: '5' } } });
const ROUNDS = Number(values.rounds);
const APPOINTMENTS = Number(values.appointments);
const SAMPLE = Number(values.sample);
const REGISTRATIONS = Number(values.registrations);
const DESK = Number(values.desk);
if (2 * (SAMPLE + REGISTRATIONS) + 1 > APPOINTMENTS || DESK + 51 > APPOINTMENTS) throw new Error('--appointments must exceed --sample + --registrations');

setQuiet(true);
const dir = tempDir('masa-bench-profile-');
const app = new MasaApp({ dataDir: dir, kdf: TEST_KDF, now: () => new Date('2026-11-24T07:00:00Z') });
async function ok<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
  const r = (await dispatch(app, name, input)) as ApiResult<ApiOutput<K>>;
  if (!r.ok) throw new Error(`${name} refused: ${r.error.code}`);
  return r.value;
}

try {
  await ok('setup.create', { username: 'mudur', displayName: 'Bench Müdür', password: 'Bench-Parola-2026', passwordRepeat: 'Bench-Parola-2026', provinceCode: '35', deskCode: 'M01' });
  const numbers = seedAppointments(app, { date: '2026-11-24', count: APPOINTMENTS, programCode: 'BAKICI-2020' }).map((r) => r.randevuNo);
  // One registration through the wizard's handlers: the template of the others' rows.
  const first = numbers[0]!;
  await ok('desk.checkIn', { randevuNo: first });
  const ctx = await ok('registration.start', { randevuNo: first });
  await ok('registration.confirm', { randevuNo: first, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
  const store = app.requireStore();
  const db = rawHandle(store);
  const userId = app.requireSession().userId;
  const template = db.prepare('SELECT * FROM registrations WHERE randevu_no = ?').get(first) as RegistrationStateRow;

  /** The desk's four events of registration i on `ledger`, each by `each` (its own transaction, or not). */
  const registrationOn = (ledger: Ledger, i: number, each: (type: string, write: () => void) => void) => {
    const no = numbers[i]!;
    const row = ledger.db.prepare('SELECT * FROM appointments WHERE randevu_no = ?').get(no) as AppointmentStateRow;
    const registrationNo = `35M01-2026-${String(i + 1).padStart(6, '0')}`;
    const record = (type: string, mutate: Parameters<Ledger['record']>[1]) => each(type, () => ledger.record({ type, entity: `appointment:${no}`, userId }, mutate));
    record('appointment.checked_in', (w) => {
      w.put('appointments', { ...row, status: 'GELDI', arrived_at: '09:08', updated_seq: w.seq });
      w.note({ arrivedAt: '09:08' });
    });
    record('appointment.started', (w) => w.put('appointments', { ...row, status: 'ISLEMDE', arrived_at: '09:08', updated_seq: w.seq }));
    record('registration.recorded', (w) => {
      w.put('registrations', { ...template, registration_no: registrationNo, randevu_no: no, mother_tckn: row.mother_tckn, child_tckn: row.child_tckn, pre_registered_at: row.pre_registered_at, registered_at: new Date(Date.UTC(2026, 10, 24, 8) + i * 1000).toISOString(), submission_id: randomUUID(), updated_seq: w.seq });
      w.put('appointments', { ...row, status: template.outcome, arrived_at: '09:08', updated_seq: w.seq });
      w.note({ registrationNo, outcome: template.outcome, rules: [], missing: [], packCode: 'BAKICI-2020', packHash: template.pack_hash, newAppointmentNo: null });
    });
    record('record.printed', (w) => w.note({ document: 'kesin-kayit-formu', registrationNo }));
  };
  const registration = (i: number, each: (type: string, write: () => void) => void) => registrationOn(store.ledger, i, each);

  // ------------------------------------------------------------------ 1) pages per commit
  const FORMS = [['whole rows (schema 80)', true], ['changed columns (schema 90)', false]] as const;
  const wal = `${ledgerPaths(dir).db}-wal`;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  for (const [formName, wholeRows] of FORMS) {
    store.ledger.wholeRows = wholeRows;
    const offset = wholeRows ? 0 : SAMPLE;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0'); // every commit's frames stay in the WAL to be read
    const framesByType = new Map<string, number[]>();
    const treesByType = new Map<string, Map<string, number>>();
    const written: { type: string; pages: number[] }[] = [];
    const walFd = fs.openSync(wal, 'r');
    try {
      for (let i = 1 + offset; i <= SAMPLE + offset; i++) {
        registration(i, (type, write) => {
          const from = fs.fstatSync(walFd).size;
          write();
          const to = fs.fstatSync(walFd).size;
          const header = Buffer.alloc(4);
          const pages: number[] = [];
          // WAL file header 32 bytes, then frames of a 24-byte header + one page.
          for (let off = Math.max(from, 32); off + 24 <= to; off += 24 + pageSize) {
            fs.readSync(walFd, header, 0, 4, off);
            pages.push(header.readUInt32BE(0));
          }
          (framesByType.get(type) ?? framesByType.set(type, []).get(type)!).push(pages.length);
          written.push({ type, pages });
        });
      }
    } finally {
      fs.closeSync(walFd);
    }
    const treeOf = new Map<number, string>();
    for (const r of db.prepare('SELECT pageno, name FROM dbstat').iterate() as IterableIterator<{ pageno: number; name: string }>) treeOf.set(r.pageno, r.name);
    for (const { type, pages } of written) {
      const trees = treesByType.get(type) ?? treesByType.set(type, new Map()).get(type)!;
      for (const p of pages) trees.set(treeOf.get(p) ?? '(free or new)', (trees.get(treeOf.get(p) ?? '(free or new)') ?? 0) + 1);
    }
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`1) pages written per commit (WAL frames), ${SAMPLE} registrations on ${APPOINTMENTS.toLocaleString('en')} appointments, page ${pageSize} B, ${formName}`);
    let total = 0;
    for (const [type, frames] of framesByType) {
      total += median(frames);
      const trees = [...treesByType.get(type)!].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${(n / SAMPLE).toFixed(2)}`);
      console.log(`   ${type.padEnd(24)} median ${median(frames)} pages: ${trees.join(', ')}`);
    }
    console.log(`   a registration (four commits): ${total} pages`);
  }

  // ------------------------------------------------------------------ 2) bytes per registration
  const stat = (d: RawDatabase) => new Map((d.prepare('SELECT name, count(*) AS pages, sum(payload) AS payload FROM dbstat GROUP BY name').all() as { name: string; pages: number; payload: number }[]).map((r) => [r.name, r]));
  const bytesByTree = new Map<string, number[]>();
  const totals: number[] = [];
  const payloads: string[] = [];
  for (const [f, [, wholeRows]] of FORMS.entries()) {
    store.ledger.wholeRows = wholeRows;
    const before = stat(db);
    const seqBefore = store.ledger.head().seq;
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) registration(i, (_type, write) => write());
    });
    const start = 2 * SAMPLE + 1 + f * REGISTRATIONS;
    for (let i = start; i < start + REGISTRATIONS; i += 2_500) batch(i, Math.min(start + REGISTRATIONS, i + 2_500));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const after = stat(db);
    let pagesTotal = 0;
    for (const [name, a] of after) {
      const pages = a.pages - (before.get(name)?.pages ?? 0);
      pagesTotal += pages;
      (bytesByTree.get(name) ?? bytesByTree.set(name, [0, 0]).get(name)!)[f] = Math.round((pages * pageSize) / REGISTRATIONS);
    }
    totals.push(Math.round((pagesTotal * pageSize) / REGISTRATIONS));
    const byType = db.prepare('SELECT type, count(*) AS n, avg(length(payload)) AS bytes FROM events WHERE seq > ? GROUP BY type ORDER BY bytes DESC').all(seqBefore) as { type: string; n: number; bytes: number }[];
    payloads.push(byType.map((t) => `${t.type} ${Math.round(t.bytes)} B`).join(', '));
  }
  console.log(`\n2) bytes per registration by b-tree (dbstat pages, ${REGISTRATIONS.toLocaleString('en')} registrations per form, four events each)`);
  console.log(`   ${'b-tree'.padEnd(34)} ${'whole rows'.padStart(10)} ${'changed cols'.padStart(12)}`);
  for (const [name, [w, c]] of [...bytesByTree].filter(([, v]) => v[0] || v[1]).sort((x, y) => y[1][0]! - x[1][0]!)) console.log(`   ${name.padEnd(34)} ${String(w).padStart(8)} B ${String(c).padStart(10)} B`);
  console.log(`   ${'total'.padEnd(34)} ${String(totals[0]).padStart(8)} B ${String(totals[1]).padStart(10)} B  (${(totals[1]! / totals[0]!).toFixed(2)}x; ${((totals[1]! * 200_000) / 1e9).toFixed(2)} GB for 200,000 registrations, was ${((totals[0]! * 200_000) / 1e9).toFixed(2)})`);
  for (const [f, [formName]] of FORMS.entries()) console.log(`   payloads, ${formName}: ${payloads[f]}`);
  // What the next cut would work on: the registration row, stored in its table and, whole (a new row), in its event.
  const regCols = (db.pragma('table_info(registrations)') as { name: string }[]).map((c) => c.name);
  const lengths = db.prepare(`SELECT ${regCols.map((c) => `avg(length(${c})) AS ${c}`).join(', ')} FROM registrations`).get() as Record<string, number>;
  console.log(`   a registration row's columns, average length: ${Object.entries(lengths).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${Math.round(n)}`).join(', ')}`);

  // ------------------------------------------------------------------ 3) encrypted vs plaintext
  const appointmentRows = db.prepare('SELECT * FROM appointments ORDER BY randevu_no').all() as AppointmentStateRow[];
  /** Registrations per second on a fresh ledger holding the same appointments, each of the four events committed. */
  const replayMs: Record<string, number[]> = { whole: [], sets: [] };
  const deskRun = (kind: 'encrypted' | 'plaintext', wholeRows: boolean, round: number): number => {
    const file = path.join(dir, `desk-${kind}-${wholeRows ? 'whole' : 'sets'}-${round}.db`);
    const d = kind === 'encrypted' ? openEncrypted(file, { key: randomBytes(32), create: true }) : plaintext(file);
    try {
      migrate(d);
      const ledger = new Ledger(d);
      ledger.wholeRows = wholeRows;
      ledger.record({ type: 'import.applied', entity: 'import:bench', userId: null }, (w) => {
        // The clerk the registrations name (registrations.clerk_id references users).
        w.put('users', { id: userId, username: 'mudur', display_name: 'Bench Müdür', role: 'HEAD', disabled: 0, must_change_password: 0, created_at: '2026-11-24T07:00:00Z' });
        for (const r of appointmentRows) w.insert('appointments', r);
      });
      const each = (_type: string, write: () => void) => write();
      for (let i = 1; i <= 50; i++) registrationOn(ledger, i, each); // warm-up: statements prepared
      const t0 = performance.now();
      for (let i = 51; i < 51 + DESK; i++) registrationOn(ledger, i, each);
      const rate = DESK / ((performance.now() - t0) / 1000);
      if (kind === 'encrypted') {
        const r0 = performance.now();
        if (!replayAndCompare(d).ok) throw new Error('replay failed in the bench');
        replayMs[wholeRows ? 'whole' : 'sets']!.push(performance.now() - r0);
      }
      return rate;
    } finally {
      d.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  };
  const rates = { whole: { enc: [] as number[], pla: [] as number[] }, sets: { enc: [] as number[], pla: [] as number[] } };
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved: the machine's load and the disk's fsync time hit every form and store alike.
    for (const form of r % 2 ? (['sets', 'whole'] as const) : (['whole', 'sets'] as const)) {
      rates[form].enc.push(deskRun('encrypted', form === 'whole', r));
      rates[form].pla.push(deskRun('plaintext', form === 'whole', r));
    }
  }
  console.log(`\n3) a registration's four commits, synchronous=FULL, ${DESK} registrations, median of ${ROUNDS}, forms and stores interleaved`);
  for (const form of ['whole', 'sets'] as const) {
    const { enc, pla } = rates[form];
    console.log(`   ${(form === 'whole' ? 'whole rows' : 'changed columns').padEnd(16)} encrypted ${median(enc).toFixed(0)}/s  plaintext ${median(pla).toFixed(0)}/s  ratio ${(median(enc) / median(pla)).toFixed(2)}x; median of the rounds' ratios ${median(enc.map((e, i) => e / pla[i]!)).toFixed(2)}x (${enc.map((e, i) => (e / pla[i]!).toFixed(2)).join(', ')})`);
  }
  console.log(`   encrypted, changed columns against whole rows: ${(median(rates.sets.enc) / median(rates.whole.enc)).toFixed(2)}x`);
  console.log(`   replay of the encrypted ledger (${appointmentRows.length.toLocaleString('en')} appointments, ${DESK + 50} registrations): whole rows median ${median(replayMs.whole!).toFixed(0)} ms, changed columns ${median(replayMs.sets!).toFixed(0)} ms`);
} finally {
  app.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The same settings as the ledger's connection, without the cipher. */
function plaintext(file: string): RawDatabase {
  const d = new Database(file);
  d.pragma('journal_mode = WAL');
  d.pragma('synchronous = FULL');
  d.pragma('foreign_keys = ON');
  d.pragma('secure_delete = ON');
  d.pragma('temp_store = MEMORY');
  d.pragma('cache_size = -65536');
  return d;
}
