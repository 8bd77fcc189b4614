import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../vault/connection';
import { PART_CHANGES } from '../ledger/eventParts';
import { Ledger } from '../ledger/ledger';
import type { AppointmentStateRow } from './stateRows';
import { migrate } from './migrate';
import { migrations } from '.';
import { replayAndCompare } from '../ledger/replay';
import { tempDir } from '../testing/fixtures';
import { verifyChain } from '../ledger/verify';

const appointment = (no: string, name: string, seq: number) => ({
  randevu_no: no, program_code: 'BAKICI-2020', province_code: '35', date: '2026-11-24', time: '09:00', pre_registered_at: '2026-01-05T10:00:00',
  mother_tckn: '10000000146', mother_first_name: 'Şükran', mother_last_name: 'Öztürk', mother_birth_date: null, child_tckn: null, child_birth_date: '2025-01-01',
  phone: null, caregiver_tckn: null, institution_name: null, status: 'BEKLIYOR', arrived_at: null, hq_cancelled: 0,
  search_name: name, updated_seq: seq,
});

describe('migration 0080: the unused name copy and status index go', () => {
  it('a ledger written at schema 70 (events carrying search_last, inline and in parts) migrates, verifies and replays', () => {
    const file = path.join(tempDir(), 'masa.ledger');
    const key = randomBytes(32);
    let db = openEncrypted(file, { key, create: true });
    migrate(db, migrations.filter((m) => m.version <= 70));
    let ledger = new Ledger(db);
    ledger.wholeRows = true; // as the release of schema 70 wrote its puts
    ledger.record({ type: 'appointment.test', entity: 'appointment:A-1', userId: null }, (w) =>
      // A schema-70 row: search_last was a column then (StateRows declares the latest schema).
      w.put('appointments', { ...appointment('A-1', 'sukran ozturk', w.seq), search_last: 'ozturk sukran' } as AppointmentStateRow),
    );
    const many = PART_CHANGES + 7;
    ledger.record({ type: 'import.applied', entity: 'import:test', userId: null }, (w) => {
      for (let i = 0; i < many; i++) w.insert('appointments', { ...appointment(`B-${i}`, 'ayse yilmaz', w.seq), search_last: 'yilmaz ayse' } as AppointmentStateRow);
    });
    expect((db.prepare('SELECT count(*) AS n FROM event_parts').get() as { n: number }).n).toBe(2);
    db.close();

    // The app migrates when it opens the file, before anything writes.
    db = openEncrypted(file, { key });
    expect(migrate(db, migrations.filter((m) => m.version <= 80))).toBe(80);
    const columns = (db.pragma('table_info(appointments)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('search_last');
    expect(columns).toContain('search_name');
    const indexes = (db.pragma('index_list(appointments)') as { name: string }[]).map((i) => i.name);
    expect(indexes).not.toContain('appointments_status');
    expect(indexes).toContain('appointments_day');
    expect((db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n).toBe(many + 1);
    expect(db.prepare("SELECT search_name, mother_last_name FROM appointments WHERE randevu_no = 'A-1'").get()).toEqual({ search_name: 'sukran ozturk', mother_last_name: 'Öztürk' });
    expect(verifyChain(db).ok).toBe(true);
    // Replay rebuilds the current tables from events that still carry the dropped column.
    expect(replayAndCompare(db)).toMatchObject({ ok: true, tables: { appointments: { rows: many + 1, mismatches: 0 } } });

    // New writes carry no search_last.
    ledger = new Ledger(db);
    ledger.record({ type: 'appointment.test', entity: 'appointment:A-2', userId: null }, (w) => w.put('appointments', appointment('A-2', 'gul isik', w.seq)));
    const last = db.prepare('SELECT payload FROM events ORDER BY seq DESC LIMIT 1').get() as { payload: string };
    expect(last.payload).not.toContain('search_last');
    expect(replayAndCompare(db).ok).toBe(true);
    db.close();
  });
});

describe('migration 0090: puts store the columns they change', () => {
  it('a ledger of the previous release (schema 80, whole rows inline and in parts) migrates in place; sets on its rows replay; an older release refuses it then', () => {
    const file = path.join(tempDir(), 'masa.ledger');
    const key = randomBytes(32);
    let db = openEncrypted(file, { key, create: true });
    // The previous release: its migrations, and its writer's form (every put a whole row).
    const previous = migrations.filter((m) => m.version <= 80);
    expect(migrate(db, previous)).toBe(80);
    let ledger = new Ledger(db);
    ledger.wholeRows = true;
    ledger.record({ type: 'appointment.test', entity: 'appointment:A-1', userId: null }, (w) => w.put('appointments', appointment('A-1', 'sukran ozturk', w.seq)));
    ledger.record({ type: 'appointment.checked_in', entity: 'appointment:A-1', userId: null }, (w) =>
      w.put('appointments', { ...appointment('A-1', 'sukran ozturk', w.seq), status: 'GELDI', arrived_at: '09:08' }),
    );
    const many = PART_CHANGES + 3;
    ledger.record({ type: 'import.applied', entity: 'import:test', userId: null }, (w) => {
      for (let i = 0; i < many; i++) w.insert('appointments', appointment(`B-${i}`, 'ayse yilmaz', w.seq));
    });
    const oldPayloads = db.prepare('SELECT seq, payload FROM events ORDER BY seq').all();
    expect(JSON.stringify(oldPayloads)).not.toContain('"set"');
    db.close();

    db = openEncrypted(file, { key });
    expect(migrate(db)).toBe(90);
    // In place: the old events are untouched and still verify and replay.
    expect(db.prepare('SELECT seq, payload FROM events ORDER BY seq').all()).toEqual(oldPayloads);
    expect(verifyChain(db).ok).toBe(true);
    expect(replayAndCompare(db).ok).toBe(true);

    // New puts on those rows store sets, applied on the old whole rows by replay.
    ledger = new Ledger(db);
    ledger.record({ type: 'appointment.started', entity: 'appointment:A-1', userId: null }, (w) =>
      w.put('appointments', { ...appointment('A-1', 'sukran ozturk', w.seq), status: 'ISLEMDE', arrived_at: '09:08' }),
    );
    ledger.record({ type: 'appointment.checked_in', entity: 'appointment:B-7', userId: null }, (w) =>
      w.put('appointments', { ...appointment('B-7', 'ayse yilmaz', 3), status: 'GELDI', arrived_at: '09:30' }),
    );
    const last = db.prepare('SELECT payload FROM events ORDER BY seq DESC LIMIT 2').pluck().all() as string[];
    expect(last.map((p) => JSON.parse(p).changes)).toEqual([
      [{ t: 'appointments', k: ['B-7'], set: { status: 'GELDI', arrived_at: '09:30' } }],
      [{ t: 'appointments', k: ['A-1'], set: { status: 'ISLEMDE', updated_seq: 4 } }],
    ]);
    expect(verifyChain(db).ok).toBe(true);
    expect(replayAndCompare(db)).toMatchObject({ ok: true, tables: { appointments: { rows: many + 1, mismatches: 0 } } });
    db.prepare("UPDATE appointments SET arrived_at = '10:00' WHERE randevu_no = 'B-7'").run();
    expect(replayAndCompare(db).examples).toEqual([{ table: 'appointments', key: 'B-7', problem: 'DIFFERENT' }]);
    db.close();

    // A release of schema 80 would read a set as a removal: it refuses the file untouched.
    db = openEncrypted(file, { key });
    expect(() => migrate(db, previous)).toThrow(expect.objectContaining({ code: 'DB_NEWER_SCHEMA' }));
    db.close();
  });
});
