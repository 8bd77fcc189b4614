import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../vault/connection';
import { DatabaseError } from '../shared/errors';
import { migrate } from '../migrations/migrate';
import { latestVersion } from '../migrations';
import { replayAndCompare } from './replay';
import { HEAD, makeLedger, TEST_KDF } from '../testing/fixtures';
import { unlockLedger } from '../vault/vault';
import { verifyChain } from './verify';

import { dataKeysOf, openVault, readSlotFile } from '../vault/keySlots';
import { rawHandle } from '../testing/internals';

function open(dir: string) {
  return { store: unlockLedger({ dir, credentials: { kind: 'user', username: HEAD.username, secret: HEAD.password }, kdf: TEST_KDF }) };
}
function dataKey(dir: string): Buffer {
  const file = readSlotFile(`${dir}/masa.keys.json`);
  const vault = openVault(file, 'user', HEAD.username, HEAD.password)!;
  return dataKeysOf(file, vault)[0]!.key;
}
/** Opens the ledger file raw with its key, as a tamperer who knows the key would. */
function raw(dir: string) {
  const db = new Database(`${dir}/masa.ledger`);
  applyKey(db, dataKey(dir));
  return db;
}

describe('ledger chain', () => {
  it('appends events with state in one transaction and verifies clean', () => {
    const { dir, store } = makeLedger(undefined, 50);
    const res = verifyChain(rawHandle(store));
    expect(res.ok).toBe(true);
    expect(res.checked).toBe(51);
    expect(res.headSeq).toBe(51);
    expect(replayAndCompare(rawHandle(store)).ok).toBe(true);
    store.close();
    expect(fs.existsSync(`${dir}/masa.ledger`)).toBe(true);
  });

  it('refuses UPDATE and DELETE on events through the triggers', () => {
    const { store } = makeLedger(undefined, 3);
    expect(() => rawHandle(store).prepare("UPDATE events SET type = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => rawHandle(store).prepare('DELETE FROM events WHERE seq = 2').run()).toThrow(/append-only/);
    store.close();
  });

  it('a failing state change leaves neither the event nor the change', () => {
    const { store } = makeLedger(undefined, 2);
    const before = store.ledger.head();
    expect(() =>
      store.ledger.record({ type: 'bad', entity: 'x', userId: 1 }, (w) => {
        w.put('settings', { key: 'half', value: 'written' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.ledger.head()).toEqual(before);
    expect(rawHandle(store).prepare("SELECT count(*) n FROM settings WHERE key = 'half'").get()).toEqual({ n: 0 });
    store.close();
  });

  const tamperCases: [string, (db: Database.Database) => void, number, string][] = [
    ['an edited payload', (db) => db.prepare("UPDATE events SET payload = replace(payload, 'ÖZTÜRK 10', 'ÖZTÜRK 99') WHERE seq = 12").run(), 12, 'HASH_MISMATCH'],
    ['a deleted event', (db) => db.prepare('DELETE FROM events WHERE seq = 20').run(), 21, 'SEQ_GAP'],
    [
      'two events swapped',
      (db) => {
        const a = db.prepare('SELECT * FROM events WHERE seq = 30').get() as Record<string, unknown>;
        const b = db.prepare('SELECT * FROM events WHERE seq = 31').get() as Record<string, unknown>;
        const upd = db.prepare('UPDATE events SET at=?, user_id=?, type=?, entity=?, payload=?, payload_hash=?, prev_hash=?, hash=? WHERE seq=?');
        upd.run(b.at, b.user_id, b.type, b.entity, b.payload, b.payload_hash, b.prev_hash, b.hash, 30);
        upd.run(a.at, a.user_id, a.type, a.entity, a.payload, a.payload_hash, a.prev_hash, a.hash, 31);
      },
      30,
      'PREV_MISMATCH',
    ],
    [
      'an inserted event',
      (db) => {
        db.prepare('UPDATE events SET seq = seq + 1000 WHERE seq >= 40').run();
        db.prepare('UPDATE events SET seq = seq - 999 WHERE seq >= 1040').run();
        db.prepare("INSERT INTO events VALUES (40, '2026-01-01T00:00:00.000Z', 1, 'fake', 'x', '{}', 'cd', (SELECT hash FROM events WHERE seq = 39), 'ab')").run();
      },
      40,
      'HASH_MISMATCH',
    ],
    ['the newest events cut off', (db) => db.prepare('DELETE FROM events WHERE seq > 45').run(), 46, 'HEAD_MISMATCH'],
  ];

  for (const [what, tamper, seq, problem] of tamperCases) {
    it(`verify names the first bad sequence after ${what}`, () => {
      const { dir, store } = makeLedger(undefined, 50);
      store.close();
      const db = raw(dir);
      db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
      tamper(db);
      const res = verifyChain(db);
      db.close();
      expect(res.ok).toBe(false);
      expect(res.firstBad).toEqual({ seq, problem });
    });
  }

  it('a stepped write is one transaction across its pauses; nothing else may write meanwhile, and a throw rolls it all back', async () => {
    const { store } = makeLedger();
    const head = store.ledger.head().seq;
    let refused: unknown;
    const done = store.ledger.recordInSteps({ type: 'test.steps', entity: 'steps', userId: 1 }, async (w, pause) => {
      w.put('settings', { key: 'step.1', value: 'a' });
      await pause();
      w.put('settings', { key: 'step.2', value: 'b' });
    });
    // Runs at the pause: the stepped write holds the connection's transaction.
    try {
      store.ledger.record({ type: 'test.note', entity: 'note', userId: 1 }, (w) => w.put('settings', { key: 'other', value: 'x' }));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DatabaseError);
    expect((refused as DatabaseError).code).toBe('LEDGER_APPEND_REFUSED');
    const { event } = await done;
    expect(event.seq).toBe(head + 1);
    expect(rawHandle(store).prepare("SELECT key FROM settings WHERE key LIKE 'step.%' OR key = 'other' ORDER BY key").all()).toEqual([{ key: 'step.1' }, { key: 'step.2' }]);

    await expect(
      store.ledger.recordInSteps({ type: 'test.steps', entity: 'steps', userId: 1 }, async (w, pause) => {
        w.put('settings', { key: 'step.3', value: 'c' });
        await pause();
        throw new Error('vazgeçildi');
      }),
    ).rejects.toThrow('vazgeçildi');
    expect(rawHandle(store).inTransaction).toBe(false);
    expect(rawHandle(store).prepare("SELECT count(*) AS n FROM settings WHERE key = 'step.3'").get()).toEqual({ n: 0 });
    expect(store.ledger.head().seq).toBe(head + 1);
    // Ordinary writes go on afterwards, and the chain is whole.
    store.ledger.record({ type: 'test.note', entity: 'note', userId: 1 }, (w) => w.put('settings', { key: 'after', value: 'y' }));
    expect(verifyChain(rawHandle(store)).ok).toBe(true);
    expect(replayAndCompare(rawHandle(store)).ok).toBe(true);
    store.close();
  });

  it('replay finds a state row changed without an event', () => {
    const { dir, store } = makeLedger(undefined, 5);
    store.close();
    const db = raw(dir);
    db.prepare("UPDATE users SET role = 'CLERK' WHERE id = 1").run();
    const res = replayAndCompare(db);
    db.close();
    expect(res.ok).toBe(false);
    expect(res.examples).toContainEqual({ table: 'users', key: '1', problem: 'DIFFERENT' });
  });
});

describe('schema versions', () => {
  it('refuses a file written by a newer version and leaves it untouched', () => {
    const { dir, store } = makeLedger();
    rawHandle(store).pragma(`user_version = ${latestVersion + 10}`);
    store.close();
    const before = fs.readFileSync(`${dir}/masa.ledger`);
    let err: unknown;
    try {
      open(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).code).toBe('DB_NEWER_SCHEMA');
    expect(fs.readFileSync(`${dir}/masa.ledger`).equals(before)).toBe(true);
  });

  it('migrates an older file step by step, keeping its data', () => {
    const { dir, store } = makeLedger(undefined, 3);
    store.close();
    const db = raw(dir);
    db.exec('DROP TABLE IF EXISTS event_parts; DROP TABLE IF EXISTS appointment_search; DROP TABLE IF EXISTS appointment_search_pos; DROP TABLE drafts; DROP TABLE registrations; DROP TABLE appointments;');
    db.pragma('user_version = 10');
    db.close();
    const { store: reopened } = open(dir);
    expect(rawHandle(reopened).pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(rawHandle(reopened).prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 0 });
    expect(verifyChain(rawHandle(reopened)).ok).toBe(true);
    reopened.close();
  });

  it('each migration applies on an empty database and sets user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(latestVersion);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['events', 'chain_head', 'users', 'settings', 'meta', 'appointments']));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM appointments WHERE date = ? ORDER BY time, randevu_no").all('2026-11-24') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX appointments_day/);
    db.close();
  });
});
