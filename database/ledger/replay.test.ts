import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../vault/connection';
import { dataKeysOf, openVault, readSlotFile } from '../vault/keySlots';
import { PART_CHANGES } from './eventParts';
import { collectReplay, compareReplay, expectedRows, mergeFinals, ReplayCollector, replayAndCompare, stateColumns } from './replay';
import { HEAD, makeLedger } from '../testing/fixtures';
import { rawHandle } from '../testing/internals';
import { planStretches, walkStretch } from './verify';

function raw(dir: string) {
  const file = readSlotFile(`${dir}/masa.keys.json`);
  const key = dataKeysOf(file, openVault(file, 'user', HEAD.username, HEAD.password)!)[0]!.key;
  const db = new Database(`${dir}/masa.ledger`);
  applyKey(db, key);
  return db;
}

/**
 * A ledger where the last change to a row is not the first: a large event (in parts) puts rows
 * that later small events change, remove and put back, and one row whose value SQLite stores in
 * another type than the event carries (a number in a text column: '5.0').
 */
function ledgerWithHistory() {
  const made = makeLedger();
  const { store } = made;
  const count = PART_CHANGES + 20;
  store.ledger.record({ type: 'test.bulk', entity: 'bulk', userId: 1 }, (w) => {
    for (let i = 0; i < count; i++) w.put('settings', { key: `s.${String(i).padStart(4, '0')}`, value: `ŞÜKRAN ${i}` });
  });
  store.ledger.record({ type: 'test.change', entity: 'x', userId: 1 }, (w) => {
    w.put('settings', { key: 's.0003', value: 'değişti' });
    w.remove('settings', ['s.0004']);
    w.remove('settings', ['s.0005']);
  });
  store.ledger.record({ type: 'test.back', entity: 'x', userId: 1 }, (w) => {
    w.put('settings', { key: 's.0005', value: 'geri geldi' });
    w.put('settings', { key: 'sayi', value: 5 as unknown as string });
  });
  return { ...made, count };
}

describe('replay (the last change per row, compared with the live tables in one read)', () => {
  it('a ledger whose rows changed, went and came back replays clean, including a value stored as another type', () => {
    const { store, count } = ledgerWithHistory();
    const db = rawHandle(store);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'sayi'").pluck().get()).toBe('5.0');
    const res = replayAndCompare(db);
    expect(res.examples).toEqual([]);
    expect(res.ok).toBe(true);
    // s.0004 removed for good, s.0005 back; the office's own settings besides.
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 's.%'").pluck().get()).toBe(count - 1);
    const settings = db.prepare('SELECT count(*) FROM settings').pluck().get() as number;
    expect(res.tables.settings).toEqual({ rows: settings, mismatches: 0 });
    expect(res.events).toBe(store.ledger.head().seq);
    store.close();
  });

  it('names a changed row DIFFERENT, a deleted one MISSING, an added or a removed-then-restored one EXTRA', () => {
    const { dir, store } = ledgerWithHistory();
    store.close();
    const db = raw(dir);
    db.prepare("UPDATE settings SET value = 'elle' WHERE key = 's.0003'").run();
    db.prepare("UPDATE settings SET value = '5' WHERE key = 'sayi'").run();
    db.prepare("DELETE FROM settings WHERE key = 's.0010'").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('s.0004', 'geri koyuldu'), ('uydurma', 'x')").run();
    const res = replayAndCompare(db);
    db.close();
    expect(res.ok).toBe(false);
    expect(res.tables.settings!.mismatches).toBe(5);
    expect(new Set(res.examples)).toEqual(
      new Set([
        { table: 'settings', key: 's.0003', problem: 'DIFFERENT' },
        { table: 'settings', key: 'sayi', problem: 'DIFFERENT' },
        { table: 'settings', key: 's.0010', problem: 'MISSING' },
        { table: 'settings', key: 's.0004', problem: 'EXTRA' },
        { table: 'settings', key: 'uydurma', problem: 'EXTRA' },
      ].map((e) => expect.objectContaining(e))),
    );
    expect(res.examples).toHaveLength(5);
  });

  it('collected in stretches in any order and merged, the finals are those of one walk', () => {
    const { store } = ledgerWithHistory();
    const db = rawHandle(store);
    const whole = collectReplay(db);
    const stretches = planStretches(db, 1, '0'.repeat(64), 3);
    expect(stretches).toHaveLength(3);
    const merged = new Map() as typeof whole.finals;
    let events = 0;
    for (const s of [...stretches].reverse()) {
      const c = new ReplayCollector(stateColumns(db));
      const walk = walkStretch(db, s, new Map(), c.event);
      expect(walk.bad).toBeNull();
      c.readParts(db);
      events += c.events;
      mergeFinals(merged, c.finals);
    }
    expect(events).toBe(whole.events);
    // Sets are folded where a collector still had the row (finals differ in form): what they
    // resolve to, one digest per row, is the same.
    const sorted = (f: ReturnType<typeof expectedRows>) => [...f].map(([t, rows]) => [t, [...rows].sort(([a], [b]) => (a < b ? -1 : 1))]).sort();
    expect(sorted(expectedRows(db, merged))).toEqual(sorted(expectedRows(db, whole.finals)));
    expect(compareReplay(db, merged, events).ok).toBe(true);
    store.close();
  });

  it('a payload with notes alone is not parsed; changes under a second key or a key spelt with an escape are applied', () => {
    const { store } = makeLedger();
    const db = rawHandle(store);
    const c = new ReplayCollector(stateColumns(db));
    // Not JSON, and no changes in it: nothing replay could apply, so no JSON.parse is tried.
    c.event(1, '{"changes":[],"data":{"note":"x"');
    c.event(2, '{"data":{"note":"x"');
    expect(c.finals.size).toBe(0);
    // JSON.parse keeps the last of two keys; JSON allows any letter of a key as a \u escape.
    c.event(3, '{"changes":[],"data":{},"changes":[{"t":"settings","k":["a"],"row":{"key":"a","value":"b"}}]}');
    c.event(4, '{"changes":[],"data":{},"\\u0063hanges":[{"t":"settings","k":["c"],"row":null}]}');
    c.event(5, '{"data":{},"changes":[{"t":"settings","k":["d"],"row":null}]}');
    expect(c.events).toBe(5);
    expect([...c.finals.get('settings')!.keys()].sort()).toEqual(['a', 'c', 'd']);
    expect(c.finals.get('settings')!.get('a')).toEqual([3, expect.any(String)]);
    expect(c.finals.get('settings')!.get('c')).toEqual([4, null]);
    // A payload that may carry changes but is not JSON still fails replay, as before.
    expect(() => c.event(6, '{"changes":[{')).toThrow();
    store.close();
  });
});
