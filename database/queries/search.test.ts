import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrations/migrate';
import { migrations } from '../migrations';
import { BY_FOLDED_NAME, byFoldedName } from './search';
import { asReadable } from './handle';
import { nameRotations } from '../ledger/appointmentSearch';
import { StateWriter } from '../ledger/stateWriter';
import { PART_CHANGES } from '../ledger/eventParts';
import { Ledger } from '../ledger/ledger';
import { replayAndCompare } from '../ledger/replay';

const row = (no: string, name: string) => ({
  randevu_no: no, program_code: 'BAKICI-2020', province_code: '35', date: '2026-11-24', time: '09:00', pre_registered_at: '2026-01-05T10:00:00',
  mother_tckn: '10000000146', mother_first_name: 'X', mother_last_name: 'Y', mother_birth_date: null, child_tckn: null, child_birth_date: '2025-01-01',
  phone: null, caregiver_tckn: null, institution_name: null, status: 'BEKLIYOR', arrived_at: null, hq_cancelled: 0,
  search_name: name, updated_seq: 1,
});
/** Before migration 0080 the table also had `search_last` (NOT NULL). */
const insert = (db: Database.Database, r: ReturnType<typeof row>) => {
  const old = (db.pragma('table_info(appointments)') as { name: string }[]).some((c) => c.name === 'search_last');
  const full: Record<string, unknown> = old ? { ...r, search_last: r.search_name } : r;
  db.prepare(`INSERT INTO appointments (${Object.keys(full).join(', ')}) VALUES (${Object.keys(full).map((k) => `@${k}`).join(', ')})`).run(full);
};

describe('migration 0040: any word of the name', () => {
  it('fills the word rotations of appointments already in a file, and triggers keep them current', () => {
    const db = asReadable(new Database(':memory:'));
    migrate(db, migrations.filter((m) => m.version <= 30));
    insert(db, row('A-1', 'ayse sukran yilmaz'));
    insert(db, row('A-2', 'odd "quote\\ name'));
    insert(db, row('A-3', ''));
    migrate(db, migrations.filter((m) => m.version <= 50));
    const keys = (no: string) => (db.prepare('SELECT key FROM appointment_search WHERE randevu_no = ? ORDER BY key').all(no) as { key: string }[]).map((r) => r.key);
    expect(keys('A-1')).toEqual(['ayse sukran yilmaz', 'sukran yilmaz ayse', 'yilmaz ayse sukran']);
    expect(keys('A-2')).toEqual(['"quote\\ name odd', 'name odd "quote\\', 'odd "quote\\ name']);
    expect(keys('A-3')).toEqual([]);
    expect(byFoldedName(db, 'sukran').map((r) => r.randevu_no)).toEqual(['A-1']);
    // A new row, a changed name (as the state writer's upsert does), an erased name, a delete.
    insert(db, row('A-4', 'gul isik'));
    expect(keys('A-4')).toEqual(['gul isik', 'isik gul']);
    db.prepare("INSERT INTO appointments (randevu_no, program_code, province_code, date, time, pre_registered_at, mother_tckn, mother_first_name, mother_last_name, child_birth_date, status, search_name, search_last, updated_seq) VALUES ('A-4', 'P', '35', '2026-11-24', '09:00', 'x', '1', 'X', 'Y', '2025-01-01', 'BEKLIYOR', 'gul sukran', 'sukran gul', 2) ON CONFLICT (randevu_no) DO UPDATE SET search_name = excluded.search_name").run();
    expect(keys('A-4')).toEqual(['gul sukran', 'sukran gul']);
    db.prepare("UPDATE appointments SET search_name = '' WHERE randevu_no = 'A-1'").run();
    expect(keys('A-1')).toEqual([]);
    db.prepare("DELETE FROM appointments WHERE randevu_no = 'A-4'").run();
    expect(keys('A-4')).toEqual([]);
    expect(byFoldedName(db, 'sukran')).toEqual([]);
    db.close();
  });
});

const NAMES = ['ayse sukran yilmaz', 'odd "quote\\ name', '', 'tek', ' bosluk  iki ', 'gul isik', 'emoji 😀 ad', 'e\u0301lif ñandu', `${'uzun '.repeat(120)}son`];

describe('migration 0070: the state writer keeps the search rows', () => {
  it('writes exactly the rotations 0050 wrote, so rows from either can be removed by key', () => {
    const db = asReadable(new Database(':memory:'));
    migrate(db, migrations.filter((m) => m.version <= 50));
    const sqlKeys = NAMES.map((name, i) => {
      insert(db, row(`S-${i}`, name));
      return (db.prepare('SELECT key FROM appointment_search WHERE randevu_no = ? ORDER BY key').all(`S-${i}`) as { key: string }[]).map((r) => r.key);
    });
    for (let i = 0; i < NAMES.length; i++) expect([...nameRotations(NAMES[i]!)].sort(), NAMES[i]).toEqual(sqlKeys[i]!.slice().sort());
    expect(sqlKeys.at(-1)!.length).toBeGreaterThan(100); // the 512-position cap is exercised
    // Rows the triggers wrote are moved and removed by the writer after 0070.
    migrate(db);
    const w = new StateWriter(db, 2);
    w.put('appointments', row('S-0', 'gul sukran'));
    w.remove('appointments', ['S-1']);
    const keys = (no: string) => (db.prepare('SELECT key FROM appointment_search WHERE randevu_no = ? ORDER BY key').all(no) as { key: string }[]).map((r) => r.key);
    expect(keys('S-0')).toEqual(['gul sukran', 'sukran gul']);
    expect(keys('S-1')).toEqual([]);
    expect(byFoldedName(db, 'yilmaz')).toEqual([]);
    expect(byFoldedName(db, 'sukran').map((r) => r.randevu_no)).toEqual(['S-0']);
    db.close();
  });

  it('follows every write: insert, a changed name, the same name again, an erased name, a delete', () => {
    const db = asReadable(new Database(':memory:'));
    migrate(db);
    const keys = (no: string) => (db.prepare('SELECT key FROM appointment_search WHERE randevu_no = ? ORDER BY key').all(no) as { key: string }[]).map((r) => r.key);
    const w = new StateWriter(db, 1);
    w.insert('appointments', row('A-1', 'ayse sukran yilmaz'));
    w.put('appointments', row('A-2', 'gul isik'));
    expect(keys('A-1')).toEqual(['ayse sukran yilmaz', 'sukran yilmaz ayse', 'yilmaz ayse sukran']);
    expect(keys('A-2')).toEqual(['gul isik', 'isik gul']);
    expect(() => w.insert('appointments', row('A-1', 'baska ad'))).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }));
    expect(keys('A-1')).toEqual(['ayse sukran yilmaz', 'sukran yilmaz ayse', 'yilmaz ayse sukran']);
    w.put('appointments', row('A-2', 'gul sukran'));
    w.put('appointments', row('A-2', 'gul sukran'));
    expect(keys('A-2')).toEqual(['gul sukran', 'sukran gul']);
    expect(byFoldedName(db, 'sukran').map((r) => r.randevu_no).sort()).toEqual(['A-1', 'A-2']);
    w.put('appointments', row('A-1', ''));
    expect(keys('A-1')).toEqual([]);
    w.remove('appointments', ['A-2']);
    expect(keys('A-2')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM appointment_search').get()).toEqual({ n: 0 });
    // No trigger is left on the table (they made every upsert run with a statement journal).
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appointments'").all()).toEqual([]);
    db.close();
  });

  it('a large event (rows batched into multi-row statements) ends with exactly the rows its puts and removes leave', () => {
    const db = asReadable(new Database(':memory:'));
    migrate(db);
    const ledger = new Ledger(db);
    const count = PART_CHANGES + 237; // past the part size, so the writer batches; not a multiple of 100
    ledger.record({ type: 'import.applied', entity: 'import:test', userId: null }, (w) => {
      for (let i = 0; i < count; i++) w.insert('appointments', row(`L-${i}`, i % 2 ? 'ayse sukran yilmaz' : 'gul isik'));
      // Still waiting in the batch when they are changed and removed: the removal must see them.
      w.put('appointments', row(`L-${count - 1}`, 'zeynep kaya'));
      w.remove('appointments', [`L-${count - 2}`]);
      w.put('appointments', row('L-0', ''));
    });
    const keys = (no: string) => (db.prepare('SELECT key FROM appointment_search WHERE randevu_no = ? ORDER BY key').all(no) as { key: string }[]).map((r) => r.key);
    expect(keys('L-1')).toEqual(['ayse sukran yilmaz', 'sukran yilmaz ayse', 'yilmaz ayse sukran']);
    expect(keys(`L-${count - 1}`)).toEqual(['kaya zeynep', 'zeynep kaya']);
    expect(keys(`L-${count - 2}`)).toEqual([]);
    expect(keys('L-0')).toEqual([]);
    // 3 rotations per odd number, 2 per even one; then the removed row's 3 and L-0's 2 go, the renamed row has 2 again.
    const odd = Math.floor(count / 2);
    const even = count - odd;
    expect(db.prepare('SELECT count(*) AS n FROM appointment_search').get()).toEqual({ n: 3 * odd + 2 * even - 3 - 2 + 2 - 2 });
    expect(byFoldedName(db, 'zeynep').map((r) => r.randevu_no)).toEqual([`L-${count - 1}`]);
    expect(replayAndCompare(db).ok).toBe(true);
    db.close();
  });
});

describe('issue 23: the name query touches only index ranges', () => {
  it('byFoldedName: a primary-key range of appointment_search, then at most 20 primary-key lookups; no table scan', () => {
    const db = asReadable(new Database(':memory:'));
    migrate(db);
    const w = new StateWriter(db, 1);
    for (let i = 0; i < 300; i++) w.put('appointments', row(`P-${String(i).padStart(3, '0')}`, i % 3 ? 'inci isik' : 'cagla irmak'));
    const sql = (db as unknown as Database.Database).prepare(`EXPLAIN QUERY PLAN ${BY_FOLDED_NAME}`);
    const plan = (sql.all({ lo: 'is', hi: 'is\uffff' }) as { detail: string }[]).map((p) => p.detail);
    expect(plan.some((d) => /SEARCH appointments USING INDEX sqlite_autoindex_appointments_1 \(randevu_no=\?\)/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH appointment_search USING PRIMARY KEY \(key>\? AND key<\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
    // Short prefixes find every name with a word starting so, and at most 20 of them.
    expect(byFoldedName(db, 'is')).toHaveLength(20);
    expect(byFoldedName(db, 'ir').every((r) => r.search_name === 'cagla irmak')).toBe(true);
    expect(byFoldedName(db, 'ca').length).toBe(20);
    expect(byFoldedName(db, 'cagla ir').length).toBe(20);
    expect(byFoldedName(db, 'cx')).toEqual([]);
    db.close();
  });
});
