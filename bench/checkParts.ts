/**
 * The parts of a backup's full check, one at a time, on a ledger kept by
 * `bench/backup.ts --keep <dir>` (building one takes minutes): where an unsealed restore's time
 * goes. Each part runs on a fresh read-only connection, after a bare read of the same file (the
 * baseline of the same run, printed beside it as a ratio); --runs times, medians.
 *
 *   npx tsx bench/checkParts.ts --dir <dir of --keep, or a backup folder in it> [--runs 1] [--parts read,quick,integrity,walk,replay,reindex,check]
 *
 * `reindex` copies the file next to it and rebuilds every index of the copy (what a restore may
 * do to the copy it is about to swap in); `check` is checkLedgerInParallel as the unsealed
 * restore runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyChain } from '../database';
import { checkLedgerInParallel, collectReplay, compareReplay, dataKeysOf, openEncrypted, openVault, readSlotFile, type RawDatabase } from '../database/testing/internals';
import { median } from './stats';
import { readAll } from './readAll';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    runs: { type: 'string', default: '1' },
    parts: { type: 'string', default: 'read,quick,integrity,walk,replay,reindex,check-quick,check-integrity' },
    username: { type: 'string', default: 'mudur' },
    password: { type: 'string', default: 'Bench-Parola-2026' },
  },
});
if (!values.dir) {
  // run-all calls every bench without arguments: say what this one needs rather than fail.
  console.log('checkParts: skipped, it needs --dir <folder kept by bench/backup.ts --keep> (a 2.4 GB ledger takes minutes to build)');
  process.exit(0);
}
// The kept folder's live ledger (<dir>/data), or a backup folder (masa.ledger beside its key slots).
const dataDir = fs.existsSync(path.join(values.dir, 'masa.ledger')) ? values.dir : path.join(values.dir, 'data');
const file = path.join(dataDir, 'masa.ledger');
const slots = readSlotFile(path.join(dataDir, 'masa.keys.json'));
const key = dataKeysOf(slots, openVault(slots, 'user', values.username!, values.password!)!).find((k) => k.state === 'current')!.key;
const RUNS = Number(values.runs);

function onFresh<T>(f: string, fn: (db: RawDatabase) => T, readonly = true): { ms: number; value: T } {
  const db = openEncrypted(f, { key, readonly });
  try {
    const t0 = performance.now();
    const value = fn(db);
    return { ms: performance.now() - t0, value };
  } finally {
    db.close();
  }
}

const parts: Record<string, () => { ms: number; note: string }> = {
  read: () => {
    const t0 = performance.now();
    const n = readAll(file);
    return { ms: performance.now() - t0, note: `${(n / 1e6).toFixed(0)} MB` };
  },
  quick: () => {
    const r = onFresh(file, (db) => db.pragma('quick_check', { simple: true }));
    return { ms: r.ms, note: String(r.value) };
  },
  integrity: () => {
    const r = onFresh(file, (db) => db.pragma('integrity_check', { simple: true }));
    return { ms: r.ms, note: String(r.value) };
  },
  walk: () => {
    const r = onFresh(file, (db) => verifyChain(db));
    return { ms: r.ms, note: `ok ${r.value.ok}, ${r.value.checked} events` };
  },
  replay: () => {
    let collectMs = 0;
    const r = onFresh(file, (db) => {
      const t0 = performance.now();
      const c = collectReplay(db);
      collectMs = performance.now() - t0;
      return compareReplay(db, c.finals, c.events);
    });
    return { ms: r.ms, note: `ok ${r.value.ok}; collect ${(collectMs / 1000).toFixed(2)} s, compare ${((r.ms - collectMs) / 1000).toFixed(2)} s` };
  },
  reindex: () => {
    const copy = `${file}.reindex`;
    const t0 = performance.now();
    fs.copyFileSync(file, copy);
    const copied = performance.now() - t0;
    try {
      const r = onFresh(copy, (db) => db.exec('REINDEX'), false);
      const closed = performance.now() - t0 - copied;
      return { ms: closed, note: `REINDEX ${(r.ms / 1000).toFixed(2)} s, with close (checkpoint) ${(closed / 1000).toFixed(2)} s; copy first ${(copied / 1000).toFixed(2)} s` };
    } finally {
      for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    }
  },
  'check-quick': () => check('quick'),
  'check-integrity': () => check('integrity'),
};

function check(pages: 'quick' | 'integrity'): { ms: number; note: string } {
  const r = onFresh(file, (db) => checkLedgerInParallel(db, file, key, { replay: true, integrity: true, pages: pages === 'quick' ? 'quick_check' : 'integrity_check' }));
  const v = r.value;
  return { ms: r.ms, note: `chain ${v.chain.ok}, replay ${v.replay !== 'failed' && v.replay?.ok}, ${pages}_check ${v.integrity?.result} in ${((v.integrity?.ms ?? 0) / 1000).toFixed(2)} s (worker); ${v.walkedInWorkers}/${v.stretches} stretches in workers` };
}

const chosen = values.parts!.split(',');
console.log(`check parts on ${file} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB), ${RUNS} runs, fresh connection each`);
const times: Record<string, number[]> = {};
for (let run = 0; run < RUNS; run++) {
  for (const name of chosen) {
    const part = parts[name];
    if (!part) throw new Error(`no part ${name}: ${Object.keys(parts).join(', ')}`);
    // The baseline before every part: the machine is shared, a ratio to it says more than a time.
    const base = parts.read!().ms;
    const got = part();
    (times[name] ??= []).push(got.ms);
    (times[`${name} (read before it)`] ??= []).push(base);
    console.log(`  run ${run + 1} ${name.padEnd(16)} ${(got.ms / 1000).toFixed(2)} s  (${(got.ms / base).toFixed(1)}x the bare read of ${(base / 1000).toFixed(2)} s)  ${got.note}`);
  }
}
if (RUNS > 1) for (const name of chosen) console.log(`  median ${name.padEnd(16)} ${(median(times[name]!) / 1000).toFixed(2)} s  (read ${(median(times[`${name} (read before it)`]!) / 1000).toFixed(2)} s)`);
