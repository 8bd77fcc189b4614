import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkLedgerInParallel } from '../backup/chainWorkers';
import type { AppointmentStateRow } from '../migrations/stateRows';
import { PART_CHANGES } from './eventParts';
import { collectReplay, compareReplay, expectedRows, mergeFinals, ReplayCollector, replayAndCompare, stateColumns, type ReplayDigests } from './replay';
import { ledgerKeyOf, makeLedger, tamperableLedger } from '../testing/fixtures';
import { rawHandle } from '../testing/internals';
import { planStretches, verifyChain, walkStretch } from './verify';

/**
 * Puts of a row that was there store only the columns they change (`set`, schema 90); replay
 * builds a row from its last whole put and the sets after it, also when they lie in different
 * stretches of the chain collected apart, and names a row the sets do not explain.
 */

const appointment = (no: string, seq: number, over: Partial<AppointmentStateRow> = {}): AppointmentStateRow => ({
  randevu_no: no, program_code: 'BAKICI-2020', province_code: '35', date: '2026-11-24', time: '09:00', pre_registered_at: '2026-01-05T10:00:00',
  mother_tckn: '10000000146', mother_first_name: 'ŞÜKRAN', mother_last_name: 'ÖZTÜRK', mother_birth_date: null, child_tckn: null, child_birth_date: '2025-01-01',
  phone: null, caregiver_tckn: null, institution_name: null, status: 'BEKLIYOR', arrived_at: null, hq_cancelled: 0,
  search_name: 'sukran ozturk', updated_seq: seq, ...over,
});

const payloadOf = (db: Database.Database | ReturnType<typeof rawHandle>, seq: number) =>
  JSON.parse(db.prepare('SELECT payload FROM events WHERE seq = ?').pluck().get(seq) as string) as { changes: Record<string, unknown>[] };

/**
 * A desk's day in small: appointments put whole, then checked in and started (sets, each in an
 * event of its own), one put that changes nothing, a renamed one (its search rows move), one put
 * twice in one event, and a large event (parts, whole rows) whose rows later events change.
 */
function ledgerWithSets() {
  const made = makeLedger();
  const { ledger } = made.store;
  const seqs: Record<string, number> = {};
  const record = (name: string, mutate: Parameters<typeof ledger.record>[1]) => (seqs[name] = ledger.record({ type: `test.${name}`, entity: 'x', userId: 1 }, mutate).event.seq);
  record('put', (w) => {
    for (const no of ['A-1', 'A-2', 'A-3']) w.put('appointments', appointment(no, w.seq));
  });
  record('checkIn', (w) => w.put('appointments', appointment('A-1', w.seq, { status: 'GELDI', arrived_at: '09:08' })));
  record('same', (w) => w.put('appointments', appointment('A-2', seqs.put!)));
  record('rename', (w) => w.put('appointments', appointment('A-3', w.seq, { mother_first_name: 'AYŞE', search_name: 'ayse ozturk' })));
  record('twice', (w) => {
    w.put('appointments', appointment('A-4', w.seq));
    w.put('appointments', appointment('A-4', w.seq, { status: 'GELDI' }));
  });
  record('bulk', (w) => {
    for (let i = 0; i < PART_CHANGES + 5; i++) w.insert('appointments', appointment(`B-${String(i).padStart(4, '0')}`, w.seq));
  });
  for (let i = 0; i < 12; i++) record(`filler${i}`, (w) => w.put('settings', { key: `f.${i}`, value: String(i) }));
  record('start', (w) => w.put('appointments', appointment('A-1', w.seq, { status: 'ISLEMDE', arrived_at: '09:08' })));
  record('bulkLater', (w) => {
    w.put('appointments', appointment('B-0001', w.seq, { status: 'GELDI' }));
    w.put('appointments', appointment('B-0002', w.seq, { phone: '05321234567' }));
  });
  return { ...made, seqs };
}

describe('puts store the changed columns (schema 90)', () => {
  it('a new row whole; a changed row only its changed columns; a put changing nothing an empty set; parts whole', () => {
    const { store, seqs } = ledgerWithSets();
    const db = rawHandle(store);
    expect(payloadOf(db, seqs.put!).changes[0]).toMatchObject({ t: 'appointments', k: ['A-1'], row: appointment('A-1', seqs.put!) });
    expect(payloadOf(db, seqs.checkIn!).changes).toEqual([{ t: 'appointments', k: ['A-1'], set: { status: 'GELDI', arrived_at: '09:08', updated_seq: seqs.checkIn } }]);
    expect(payloadOf(db, seqs.same!).changes).toEqual([{ t: 'appointments', k: ['A-2'], set: {} }]);
    expect(payloadOf(db, seqs.twice!).changes).toEqual([
      { t: 'appointments', k: ['A-4'], row: appointment('A-4', seqs.twice!) },
      { t: 'appointments', k: ['A-4'], set: { status: 'GELDI' } },
    ]);
    // The event still says it touched the row (event_refs: an appointment's history, erasure).
    expect(db.prepare('SELECT seq FROM event_refs WHERE ref = ?').pluck().all('appointments:A-2')).toEqual([seqs.put, seqs.same]);
    // The renamed row's search rows moved with it, read from the same lookup of the old row.
    expect(db.prepare("SELECT key FROM appointment_search WHERE randevu_no = 'A-3' ORDER BY key").pluck().all()).toEqual(['ayse ozturk', 'ozturk ayse']);
    // The large event's parts keep whole rows.
    const part = db.prepare('SELECT payload FROM event_parts WHERE seq = ? AND part = 0').pluck().get(seqs.bulk!) as string;
    expect(part).toContain('"mother_first_name"');
    // A ledger whose writer writes whole rows (the previous release's form) stores whole rows.
    store.ledger.wholeRows = true;
    const whole = store.ledger.record({ type: 'test.whole', entity: 'x', userId: 1 }, (w) => w.put('appointments', appointment('A-2', w.seq, { status: 'GELDI' }))).event.seq;
    expect(payloadOf(db, whole).changes).toEqual([{ t: 'appointments', k: ['A-2'], row: appointment('A-2', whole, { status: 'GELDI' }) }]);
    expect(replayAndCompare(db)).toMatchObject({ ok: true, examples: [] });
    store.close();
  });

  it('replay builds each row from its whole put and the sets after it, also collected in stretches apart in any order', () => {
    const { store, seqs } = ledgerWithSets();
    const db = rawHandle(store);
    const res = replayAndCompare(db);
    expect(res.examples).toEqual([]);
    expect(res.ok).toBe(true);
    expect(res.tables.appointments).toEqual({ rows: 4 + PART_CHANGES + 5, mismatches: 0 });
    const whole = collectReplay(db);
    // One walk folds A-1's sets into a digest while it still has the row (no second read of its
    // whole put); B-0001's whole put is in a part, read after the walk: folded then.
    const finalOf = (no: string) => whole.finals.get('appointments')!.get(no)!;
    expect(JSON.parse(finalOf('A-1')[2]!)).toEqual({ arrived_at: [seqs.checkIn, '09:08'], status: [seqs.start, 'ISLEMDE'], updated_seq: [seqs.start, seqs.start] });
    expect(finalOf('A-1')[3]).toEqual(expect.any(String));
    expect(finalOf('A-1')[4]).toBe(finalOf('A-1')[2]);
    expect(JSON.parse(finalOf('B-0001')[2]!)).toEqual({ status: [seqs.bulkLater, 'GELDI'], updated_seq: [seqs.bulkLater, seqs.bulkLater] });
    expect(finalOf('B-0001')[3]).toEqual(expect.any(String));
    expect(finalOf('B-0001')[4]).toBe(finalOf('B-0001')[2]);
    // Without its fold a row is rebuilt from its whole put's event: the same digest.
    const unfolded: ReplayDigests = new Map([['appointments', new Map([...whole.finals.get('appointments')!].map(([k, f]) => [k, [f[0], f[1], f[2]] as typeof f]))]]);
    expect(expectedRows(db, unfolded).get('appointments')).toEqual(expectedRows(db, whole.finals).get('appointments'));
    for (const count of [2, 3, 7]) {
      const stretches = planStretches(db, 1, '0'.repeat(64), count);
      expect(stretches).toHaveLength(count);
      for (const order of [stretches, [...stretches].reverse()]) {
        const merged: ReplayDigests = new Map();
        let events = 0;
        for (const s of order) {
          const c = new ReplayCollector(stateColumns(db));
          expect(walkStretch(db, s, new Map(), c.event).bad).toBeNull();
          c.readParts(db);
          events += c.events;
          mergeFinals(merged, c.finals);
        }
        expect(events).toBe(whole.events);
        expect(expectedRows(db, merged)).toEqual(expectedRows(db, whole.finals));
        expect(compareReplay(db, merged, events)).toEqual(res);
      }
    }
    // One collector walking stretches out of order (a later set seen first) resolves the same.
    const stretches = planStretches(db, 1, '0'.repeat(64), 4);
    const c = new ReplayCollector(stateColumns(db));
    for (const s of [stretches[3]!, stretches[0]!, stretches[2]!, stretches[1]!]) {
      walkStretch(db, s, new Map(), c.event);
      c.readParts(db);
    }
    expect(expectedRows(db, c.finals)).toEqual(expectedRows(db, collectReplay(db).finals));
    store.close();
  });

  it('names a row that differs from its sets DIFFERENT, with its table and key, in a column a set gave or one of the whole put', () => {
    const { dir, store } = ledgerWithSets();
    store.close();
    const db = tamperableLedger(dir);
    try {
      db.prepare("UPDATE appointments SET status = 'KESIN_KAYIT' WHERE randevu_no = 'A-1'").run();
      db.prepare("UPDATE appointments SET mother_last_name = 'YILMAZ' WHERE randevu_no = 'B-0002'").run();
      db.prepare("UPDATE appointments SET phone = NULL WHERE randevu_no = 'B-0002'").run();
      db.prepare("UPDATE appointments SET time = '10:00' WHERE randevu_no = 'A-4'").run();
      db.prepare("DELETE FROM appointments WHERE randevu_no = 'A-3'").run();
      const res = replayAndCompare(db);
      expect(res.ok).toBe(false);
      expect(new Set(res.examples)).toEqual(
        new Set([
          { table: 'appointments', key: 'A-1', problem: 'DIFFERENT' },
          { table: 'appointments', key: 'B-0002', problem: 'DIFFERENT' },
          { table: 'appointments', key: 'A-4', problem: 'DIFFERENT' },
          { table: 'appointments', key: 'A-3', problem: 'MISSING' },
        ]),
      );
      expect(res.tables.appointments!.mismatches).toBe(4);
      // The same on worker threads (stretches collected apart and merged).
      const got = checkLedgerInParallel(db, `${dir}/masa.ledger`, ledgerKeyOf(dir), { replay: true, stretches: 3, minEvents: 0, callerWalks: false });
      expect(got.walkedInWorkers).toBe(got.stretches);
      expect(got.replay).toEqual(res);
    } finally {
      db.close();
    }
  });

  it('a tampered set: the chain names its event, replay names its row DIFFERENT', () => {
    const { dir, store, seqs } = ledgerWithSets();
    store.close();
    const db = tamperableLedger(dir);
    try {
      db.prepare("UPDATE events SET payload = replace(payload, '\"status\":\"ISLEMDE\"', '\"status\":\"GELMEDI\"') WHERE seq = ?").run(seqs.start!);
      expect(verifyChain(db)).toMatchObject({ ok: false, firstBad: { seq: seqs.start, problem: 'HASH_MISMATCH' } });
      const res = replayAndCompare(db);
      expect(res.examples).toEqual([{ table: 'appointments', key: 'A-1', problem: 'DIFFERENT' }]);
      const got = checkLedgerInParallel(db, `${dir}/masa.ledger`, ledgerKeyOf(dir), { replay: true, stretches: 3, minEvents: 0, callerWalks: false });
      expect(got.chain).toEqual(verifyChain(db));
    } finally {
      db.close();
    }
  });

  it('a set no whole row comes before (or one after the row was removed) is named, never taken for a row', () => {
    const { store } = ledgerWithSets();
    const db = rawHandle(store);
    const c = collectReplay(db);
    const head = store.ledger.head().seq;
    c.event(head + 1, JSON.stringify({ changes: [{ t: 'appointments', k: ['A-2'], row: null }] }));
    c.event(head + 2, JSON.stringify({ changes: [{ t: 'appointments', k: ['A-2'], set: { status: 'GELDI' } }, { t: 'settings', k: ['yok'], set: { value: 'x' } }] }));
    const res = compareReplay(db, c.finals, c.events);
    expect(new Set(res.examples)).toEqual(new Set([{ table: 'appointments', key: 'A-2', problem: 'DIFFERENT' }, { table: 'settings', key: 'yok', problem: 'MISSING' }]));
    store.close();
  });
});
