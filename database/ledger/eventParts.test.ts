import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../vault/connection';
import { decodePart, encodePart, listedParts, PART_CHANGES, PartText } from './eventParts';
import { dataKeysOf, openVault, readSlotFile } from '../vault/keySlots';
import { replayAndCompare } from './replay';
import type { StateChange } from './stateWriter';
import { HEAD, makeLedger } from '../testing/fixtures';
import { verifyChain } from './verify';
import { rawHandle } from '../testing/internals';

const COUNT = 2 * PART_CHANGES + PART_CHANGES / 2;

/** Opens the ledger file raw with its key, as a tamperer who knows the key would. */
function raw(dir: string) {
  const file = readSlotFile(`${dir}/masa.keys.json`);
  const key = dataKeysOf(file, openVault(file, 'user', HEAD.username, HEAD.password)!)[0]!.key;
  const db = new Database(`${dir}/masa.ledger`);
  applyKey(db, key);
  return db;
}

/** A ledger whose event 2 writes COUNT settings rows and removes one (so it is stored in parts), then two small events. */
function ledgerWithBigEvent() {
  const made = makeLedger();
  const { store } = made;
  store.ledger.record({ type: 'test.bulk', entity: 'bulk', userId: 1 }, (w) => {
    for (let i = 0; i < COUNT; i++) w.put('settings', { key: `bulk.${String(i).padStart(5, '0')}`, value: `ŞÜKRAN ÖZTÜRK ${i}` });
    w.remove('settings', ['bulk.00007']);
    w.put('users', { id: 2, username: 'katip', display_name: 'Katip Bir', role: 'CLERK', disabled: 0, must_change_password: 0, created_at: '2026-11-24T08:00:00.000Z' });
    w.note({ counts: { added: COUNT } });
  });
  for (let i = 0; i < 2; i++) store.ledger.record({ type: 'test.note', entity: `note:${i}`, userId: 1 }, (w) => w.put('settings', { key: `note.${i}`, value: String(i) }));
  return made;
}

describe('event parts', () => {
  it('encodes changes compactly and decodes them back in order, puts and removes of several tables', () => {
    const changes: StateChange[] = [
      { t: 'settings', k: ['a'], row: { key: 'a', value: 'İĞÜŞÖÇ "tırnak" \\ ters' } },
      { t: 'settings', k: ['a'], row: null },
      { t: 'users', k: [5], row: { id: 5, username: 'u', display_name: 'Ü', role: 'CLERK', disabled: 0, must_change_password: 1, created_at: 'x' } },
      { t: 'settings', k: ['b'], row: { key: 'b', value: '2' } },
    ];
    const cols: Record<string, string[]> = { settings: ['key', 'value'], users: ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'created_at'] };
    const text = encodePart(changes, (t) => cols[t]!);
    expect(decodePart(text)).toEqual(changes);
    // Column names once per run, not once per row.
    expect(text.split('"value"').length - 1).toBe(2);
    expect(encodePart(decodePart(text), (t) => cols[t]!)).toBe(text);
    // Byte for byte the JSON of the runs, as parts were written before they were built a change
    // at a time: parts already in a ledger keep their hashes.
    expect(text).toBe(
      JSON.stringify([
        ['settings', cols.settings, [1, 'a', 'İĞÜŞÖÇ "tırnak" \\ ters'], [0, 'a']],
        ['users', cols.users, [1, 5, 'u', 'Ü', 'CLERK', 0, 1, 'x']],
        ['settings', cols.settings, [1, 'b', '2']],
      ]),
    );
  });

  it('gives the same part text for a put handed over as bound values as for the row itself', () => {
    const cols: Record<string, string[]> = { settings: ['key', 'value'], users: ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'created_at'] };
    const byRow = new PartText((t) => cols[t]!);
    const byValues = new PartText((t) => cols[t]!);
    const user = { id: 7, username: 'ş', display_name: 'Şule "Ö"', role: 'CLERK', disabled: 0, must_change_password: 0, created_at: '2026-12-02T03:00:00.000Z' };
    byRow.add({ t: 'users', k: [7], row: user });
    byValues.addValues('users', cols.users!.map((c) => user[c as keyof typeof user]));
    byRow.add({ t: 'settings', k: ['k'], row: { key: 'k', value: null } });
    byValues.addValues('settings', ['k', null]);
    byRow.add({ t: 'settings', k: ['k'], row: null });
    byValues.add({ t: 'settings', k: ['k'], row: null });
    const text = byValues.take();
    expect(text).toBe(byRow.take());
    expect(decodePart(text)).toEqual([
      { t: 'users', k: [7], row: user },
      { t: 'settings', k: ['k'], row: { key: 'k', value: null } },
      { t: 'settings', k: ['k'], row: null },
    ]);
  });

  it('stores a large event in parts listed by its payload; refs, replay and verify see every change', () => {
    const { store } = ledgerWithBigEvent();
    const event = rawHandle(store).prepare('SELECT payload FROM events WHERE seq = 2').get() as { payload: string };
    const parts = listedParts(event.payload)!;
    expect(parts).toHaveLength(3);
    expect(event.payload.length).toBeLessThan(1000);
    expect(JSON.parse(event.payload).data).toEqual({ counts: { added: COUNT } });
    expect(rawHandle(store).prepare('SELECT count(*) AS n FROM event_parts WHERE seq = 2').get()).toEqual({ n: 3 });
    // Small events keep their changes inline.
    expect(rawHandle(store).prepare('SELECT count(*) AS n FROM event_parts WHERE seq <> 2').get()).toEqual({ n: 0 });
    expect(listedParts((rawHandle(store).prepare('SELECT payload FROM events WHERE seq = 3').get() as { payload: string }).payload)).toBeNull();
    expect(rawHandle(store).prepare('SELECT seq FROM event_refs WHERE ref = ?').all(`settings:bulk.${String(COUNT - 1).padStart(5, '0')}`)).toEqual([{ seq: 2 }]);
    expect(rawHandle(store).prepare("SELECT seq FROM event_refs WHERE ref = 'users:2'").all()).toEqual([{ seq: 2 }]);
    // Every row the event touched has its ref, those written by the 500-row statement and the rest.
    const refs = (rawHandle(store).prepare('SELECT ref FROM event_refs WHERE seq = 2 ORDER BY ref').all() as { ref: string }[]).map((r) => r.ref);
    expect(refs).toEqual([...Array.from({ length: COUNT }, (_, i) => `settings:bulk.${String(i).padStart(5, '0')}`), 'users:2'].sort());
    expect(rawHandle(store).prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'bulk.%'").get()).toEqual({ n: COUNT - 1 });
    expect(verifyChain(rawHandle(store))).toMatchObject({ ok: true, checked: 4 });
    expect(verifyChain(rawHandle(store), 3)).toMatchObject({ ok: true, checked: 2 });
    const replay = replayAndCompare(rawHandle(store));
    expect(replay.ok).toBe(true);
    expect(replay.events).toBe(4);
    expect(replay.tables.settings!.rows).toBe(COUNT - 1 + 2);
    store.close();
  });

  it('refuses to add, change or remove parts through SQL (append-only triggers)', () => {
    const { store } = ledgerWithBigEvent();
    expect(() => rawHandle(store).prepare("INSERT INTO event_parts (seq, part, payload) VALUES (2, 3, '[]')").run()).toThrow(/append-only/);
    expect(() => rawHandle(store).prepare("INSERT INTO event_parts (seq, part, payload) VALUES (3, 0, '[]')").run()).toThrow(/append-only/);
    expect(() => rawHandle(store).prepare("UPDATE event_parts SET payload = '[]' WHERE seq = 2 AND part = 1").run()).toThrow(/append-only/);
    expect(() => rawHandle(store).prepare('DELETE FROM event_parts WHERE seq = 2').run()).toThrow(/append-only/);
    store.close();
  });

  const tamperCases: [string, string][] = [
    ['an edited part', `UPDATE event_parts SET payload = replace(payload, 'ÖZTÜRK ${PART_CHANGES + 1}', 'ÖZTÜRK 99999') WHERE seq = 2 AND part = 1`],
    ['a removed part', 'DELETE FROM event_parts WHERE seq = 2 AND part = 2'],
    ['two parts swapped', 'UPDATE event_parts SET part = part + 10 WHERE seq = 2 AND part IN (0, 1); UPDATE event_parts SET part = 11 - part WHERE seq = 2 AND part >= 10'],
    ['an extra part', "INSERT INTO event_parts (seq, part, payload) SELECT 2, 3, payload FROM event_parts WHERE seq = 2 AND part = 0"],
    ['a part added to an inline event', "INSERT INTO event_parts (seq, part, payload) VALUES (3, 0, '[]')"],
  ];
  for (const [what, sql] of tamperCases) {
    it(`verify names the event of ${what}: PART_MISMATCH`, () => {
      const { dir, store } = ledgerWithBigEvent();
      store.close();
      const db = raw(dir);
      db.exec('DROP TRIGGER event_parts_only_for_new_events; DROP TRIGGER event_parts_no_update; DROP TRIGGER event_parts_no_delete;');
      db.exec(sql);
      const result = verifyChain(db);
      expect(result.ok).toBe(false);
      expect(result.firstBad).toEqual({ seq: sql.includes('VALUES (3') ? 3 : 2, problem: 'PART_MISMATCH' });
      db.close();
    });
  }

  it('names the earlier problem when a part and a later event are both wrong', () => {
    const { dir, store } = ledgerWithBigEvent();
    store.close();
    const db = raw(dir);
    db.exec('DROP TRIGGER event_parts_no_delete; DROP TRIGGER events_no_update;');
    db.exec('DELETE FROM event_parts WHERE seq = 2 AND part = 0');
    db.exec("UPDATE events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4");
    expect(verifyChain(db).firstBad).toEqual({ seq: 2, problem: 'PART_MISMATCH' });
    db.close();
  });
});
