/**
 * Ledger bench:
 *  - registrations appended per second (one transaction: an appointment row + its event),
 *    encrypted vs the same code on a plaintext database in the same process, with
 *    synchronous=FULL (the default) and NORMAL; and encrypted with the witness of the last
 *    acknowledged head written after each commit (database/ledger/headWitness.ts) beside the same
 *    appends without it, in the same run;
 *  - verify over 1,000,000 events: the walk on worker threads (what `ledger.verify` runs, with
 *    replay in the same read) beside the one walk on the calling thread, and a bare read of the same
 *    rows (SQLite's decrypt + page HMAC + row decode: the floor no walk can go under on one core);
 *  - open + unlock time with the real scrypt parameters.
 *
 *   npx tsx bench/ledger.ts [--events 1000000] [--appends 3000]
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLedger, Ledger, unlockLedger, verifyChain } from '../database';
import { checkLedgerInParallel, HeadWitness, migrate, openEncrypted, type RawDatabase } from '../database/testing/internals';
import { median, verdict } from './stats';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, appends: { type: 'string', default: '3000' } } });
const EVENTS = Number(values.events);
const APPENDS = Number(values.appends);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-ledger-'));

function plain(file: string, sync: 'FULL' | 'NORMAL'): RawDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = ON');
  return db;
}

/** One desk registration's worth of write: the appointment row changes and an event explains it. */
function appendRegistrations(ledger: Ledger, n: number, offset: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const no = `35-2026-${String(offset + i).padStart(6, '0')}`;
    ledger.record({ type: 'registration.recorded', entity: `appointment:${no}`, userId: 1 }, (w) => {
      w.put('appointments', {
        randevu_no: no,
        program_code: 'EVDE-2015',
        province_code: '35',
        date: '2026-11-24',
        time: '09:10',
        pre_registered_at: '2015-06-25T10:00:03',
        mother_tckn: '10000000146',
        mother_first_name: 'ŞÜKRAN',
        mother_last_name: 'ÖZTÜRK',
        mother_birth_date: '1990-01-01',
        child_tckn: null,
        child_birth_date: '2015-01-31',
        phone: null,
        caregiver_tckn: null,
        institution_name: null,
        status: 'KESIN_KAYIT',
        arrived_at: '09:08',
        hq_cancelled: 0,
        search_name: 'sukran ozturk',
        updated_seq: 0,
      });
      w.note({ outcome: 'KESİN KAYIT', monthlyAmountCents: 30000, rules: ['ANNE_YAS', 'COCUK_AY', 'UCRET_TAVANI'] });
    });
  }
  return n / ((performance.now() - t0) / 1000);
}

function appendRun(kind: 'encrypted' | 'plaintext' | 'witnessed', sync: 'FULL' | 'NORMAL', round: number): number {
  const file = path.join(dir, `append-${kind}-${sync}-${round}.db`);
  const key = randomBytes(32);
  const db = kind === 'plaintext' ? plain(file, sync) : openEncrypted(file, { key, create: true, synchronous: sync });
  migrate(db);
  const ledger = new Ledger(db);
  // As an unlocked LedgerStore keeps it: one open file, one in-place write + fdatasync per commit.
  const witness = kind === 'witnessed' ? HeadWitness.fresh(`${file}.head`, ledger.head(), { keyId: '0123456789abcdef', key }) : null;
  if (witness) ledger.onCommitted = (head) => witness.write(head);
  appendRegistrations(ledger, 200, 0); // warm-up: statements prepared, file grown
  const rate = appendRegistrations(ledger, APPENDS, 1000);
  witness?.close();
  db.close();
  return rate;
}

/**
 * Appends paced as requests are: one commit, then a turn of the event loop (where the witness's
 * batched fdatasync runs), so its disk cost is in this figure; the tight loop above measures the
 * commit path alone (the witness's in-place write).
 */
async function pacedRun(kind: 'encrypted' | 'witnessed', round: number, n: number): Promise<number> {
  const file = path.join(dir, `paced-${kind}-${round}.db`);
  const key = randomBytes(32);
  const db = openEncrypted(file, { key, create: true });
  migrate(db);
  const ledger = new Ledger(db);
  const witness = kind === 'witnessed' ? HeadWitness.fresh(`${file}.head`, ledger.head(), { keyId: '0123456789abcdef', key }) : null;
  if (witness) ledger.onCommitted = (head) => witness.write(head);
  appendRegistrations(ledger, 200, 0);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    appendRegistrations(ledger, 1, 1000 + i);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const rate = n / ((performance.now() - t0) / 1000);
  witness?.close();
  db.close();
  return rate;
}

console.log(`Masa ledger bench (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''})`);
console.log(`\n1) registrations/s, ${APPENDS} appends, median of 3 (event + state row in one transaction)`);
for (const sync of ['FULL', 'NORMAL'] as const) {
  const enc: number[] = [];
  const pla: number[] = [];
  const wit: number[] = [];
  for (let r = 0; r < 3; r++) {
    enc.push(appendRun('encrypted', sync, r));
    pla.push(appendRun('plaintext', sync, r));
    wit.push(appendRun('witnessed', sync, r));
  }
  const e = median(enc);
  const p = median(pla);
  const w = median(wit);
  console.log(
    `   synchronous=${sync.padEnd(6)} encrypted ${e.toFixed(0).padStart(6)}/s  plaintext ${p.toFixed(0).padStart(6)}/s  ratio ${(e / p).toFixed(2)}x` +
      (sync === 'FULL' ? `   targets: >= 0.6x ${verdict(e / p >= 0.6)}, >= 3000/s ${verdict(e >= 3000)}` : ''),
  );
  // The witness as the app runs: its cost per commit against the same appends without it.
  console.log(
    `   synchronous=${sync.padEnd(6)} encrypted + head witness ${w.toFixed(0).padStart(6)}/s  without ${e.toFixed(0).padStart(6)}/s  cost ${(((e - w) / e) * 100).toFixed(1)}% (${((1000 / w - 1000 / e) * 1000).toFixed(0)} µs per commit)`,
  );
}

{
  const enc: number[] = [];
  const wit: number[] = [];
  const n = Math.min(APPENDS, 1000);
  for (let r = 0; r < 3; r++) {
    enc.push(await pacedRun('encrypted', r, n));
    wit.push(await pacedRun('witnessed', r, n));
  }
  const e = median(enc);
  const w = median(wit);
  console.log(
    `   paced as requests (${n}, a turn of the event loop after each, synchronous=FULL): encrypted + head witness ${w.toFixed(0)}/s  without ${e.toFixed(0)}/s  cost ${(((e - w) / e) * 100).toFixed(1)}% (the batched fdatasync after the answer)`,
  );
}

console.log(`\n2) verify over ${EVENTS.toLocaleString('en')} events`);
{
  const file = path.join(dir, 'verify.db');
  const key = randomBytes(32);
  const db = openEncrypted(file, { key, create: true, synchronous: 'NORMAL' });
  migrate(db);
  const ledger = new Ledger(db);
  const t0 = performance.now();
  const batch = db.transaction((from: number, n: number) => {
    for (let i = from; i < from + n; i++) {
      ledger.record({ type: 'appointment.checked_in', entity: `appointment:35-2026-${i}`, userId: 2 }, (w) =>
        w.note({ arrivedAt: '09:12', desk: 'M01', i }),
      );
    }
  });
  for (let i = 0; i < EVENTS; i += 50_000) batch(i, Math.min(50_000, EVENTS - i));
  console.log(`   (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s, file ${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
  db.close();
  const timed = (what: (d: RawDatabase) => void): number => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const d = openEncrypted(file, { key, readonly: true });
      try {
        const s = performance.now();
        what(d);
        times.push((performance.now() - s) / 1000);
      } finally {
        d.close();
      }
    }
    return median(times);
  };
  const read = timed((d) => {
    let n = 0;
    for (const _ of d.prepare('SELECT seq, at, user_id, type, entity, payload, payload_hash, prev_hash, hash FROM events ORDER BY seq').raw().iterate()) n++;
    if (n !== EVENTS) throw new Error('read fewer rows than written');
  });
  const one = timed((d) => {
    const res = verifyChain(d);
    if (!res.ok || res.checked !== EVENTS) throw new Error('verify failed in the bench');
  });
  let inWorkers = '';
  const split = timed((d) => {
    const res = checkLedgerInParallel(d, file, key);
    inWorkers = `${res.walkedInWorkers} of ${res.stretches} stretches in the worker`;
    if (!res.chain.ok || res.chain.checked !== EVENTS) throw new Error('verify failed in the bench');
  });
  const full = timed((d) => {
    const res = checkLedgerInParallel(d, file, key, { replay: true });
    if (!res.chain.ok || res.replay === undefined || res.replay === 'failed' || !res.replay.ok) throw new Error('verify + replay failed in the bench');
  });
  const rate = (s: number) => `${(EVENTS / s / 1000).toFixed(0)}k events/s`;
  console.log(`   bare read of the rows (one thread)           median ${read.toFixed(2)} s (${rate(read)})`);
  console.log(`   verify, one walk on this thread (baseline)   median ${one.toFixed(2)} s (${rate(one)})`);
  console.log(`   verify on worker threads (${inWorkers}) median ${split.toFixed(2)} s (${rate(split)}), ${(one / split).toFixed(2)}x the one walk   target < 2 s ${verdict(split < 2)}`);
  console.log(`   verify + replay in the same read (ledger.verify) median ${full.toFixed(2)} s`);
}

console.log('\n3) open + unlock with the real scrypt parameters (N=2^17, r=8, p=1)');
{
  const ldir = path.join(dir, 'unlock');
  const { store } = createLedger({ dir: ldir, headUsername: 'mudur', headPassword: 'Bench-Parola-2026', initialize: () => undefined });
  store.close();
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    unlockLedger({ dir: ldir, credentials: { kind: 'user', username: 'mudur', secret: 'Bench-Parola-2026' } }).close();
    times.push(performance.now() - s);
  }
  const m = median(times);
  console.log(`   median ${m.toFixed(0)} ms   target < 1000 ms ${verdict(m < 1000)}`);
}

fs.rmSync(dir, { recursive: true, force: true });
