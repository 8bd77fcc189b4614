/**
 * Replay's memory (docs/ledger-speed.md, "Writes and size"): what a ReplayCollector holds after
 * --rows appointment rows, each put whole and then changed three times (check-in, start,
 * outcome: 4 events a row), with the changes as sets (schema 90) or as whole rows (schema 80),
 * measured as heap growth after a full collection. Both forms in the same process.
 *
 *   node --expose-gc --import tsx bench/replayMemory.ts [--rows 250000]
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { parseArgs } from 'node:util';
import { migrate, ReplayCollector, stateColumns } from '../database/testing/internals';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '250000' } } });
const ROWS = Number(values.rows);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const db = new Database(':memory:');
migrate(db);
const columns = stateColumns(db);
db.close();

const row = (no: string, seq: number, over: Record<string, unknown> = {}) => ({
  randevu_no: no, program_code: 'BAKICI-2020', province_code: '35', date: '2026-11-24', time: '09:00', pre_registered_at: '2026-01-05T10:00:00',
  mother_tckn: '10000000146', mother_first_name: 'ŞÜKRAN', mother_last_name: 'ÖZTÜRK', mother_birth_date: null, child_tckn: null, child_birth_date: '2025-01-01',
  phone: null, caregiver_tckn: null, institution_name: null, status: 'BEKLIYOR', arrived_at: null, hq_cancelled: 0, search_name: 'sukran ozturk', updated_seq: seq, ...over,
});
const steps: Record<string, unknown>[] = [{ status: 'GELDI', arrived_at: '09:08' }, { status: 'ISLEMDE' }, { status: 'KESIN_KAYIT' }];

function measure(form: 'sets' | 'whole'): { bytes: number; ms: number } {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const collector = new ReplayCollector(columns);
  let seq = 0;
  const t0 = performance.now();
  for (let i = 0; i < ROWS; i++) {
    const no = `35-2026-${String(i).padStart(7, '0')}`;
    collector.event(++seq, JSON.stringify({ changes: [{ t: 'appointments', k: [no], row: row(no, seq) }] }));
    let changed: Record<string, unknown> = {};
    for (const step of steps) {
      seq++;
      changed = { ...changed, ...step };
      const change = form === 'sets' ? { t: 'appointments', k: [no], set: { ...step, updated_seq: seq } } : { t: 'appointments', k: [no], row: row(no, seq, changed) };
      collector.event(seq, JSON.stringify({ changes: [change] }));
    }
  }
  const ms = performance.now() - t0;
  gc!();
  const bytes = process.memoryUsage().heapUsed - before;
  if (collector.events !== seq) throw new Error('events lost');
  return { bytes, ms };
}

console.log(`Replay collector, ${ROWS.toLocaleString('en')} rows, ${(ROWS * 4).toLocaleString('en')} events`);
for (const form of ['whole', 'sets'] as const) {
  const { bytes, ms } = measure(form);
  console.log(`   ${form === 'whole' ? 'whole rows     ' : 'changed columns'} heap ${(bytes / 1e6).toFixed(0)} MB (${(bytes / ROWS).toFixed(0)} B a row), collected in ${(ms / 1000).toFixed(2)} s`);
}
