import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { replayAndCompare } from '../ledger/replay';
import { verifyChain } from '../ledger/verify';
import { ledgerKeyOf, makeLedger, tamperableLedger } from '../testing/fixtures';
import { rawHandle } from '../testing/internals';
import { checkLedgerInParallel } from './chainWorkers';

/**
 * The chain walk and replay on worker threads (chainWorkers.ts) give the answers of the walk on
 * one thread: the first bad sequence and its problem, and replay's finding. The threshold is set
 * to 0 and the calling thread leaves every stretch to the workers, so they really run on a
 * small ledger (on a real one they start at 100,000 events); `walkedInWorkers` shows they did.
 */

const EVENTS = 90;
const STRETCHES = 3;

describe('chain walk and replay on worker threads', () => {
  it('a clean ledger: every stretch walked by a worker, the same answers as one walk', () => {
    const { dir, store } = makeLedger(undefined, EVENTS);
    store.close();
    const db = tamperableLedger(dir);
    try {
      const got = checkLedgerInParallel(db, `${dir}/masa.ledger`, ledgerKeyOf(dir), { replay: true, integrity: true, stretches: STRETCHES, minEvents: 0, callerWalks: false });
      expect(got.walkedInWorkers).toBe(got.stretches);
      expect(got.stretches).toBeGreaterThan(STRETCHES);
      expect(got.chain).toEqual(verifyChain(db));
      expect(got.chain).toMatchObject({ ok: true, checked: EVENTS + 1 });
      expect(got.replay).toEqual(replayAndCompare(db));
      expect(got.integrity?.result).toBe('ok');
    } finally {
      db.close();
    }
  });

  const tamperCases: [string, (db: Database.Database) => void, number, string][] = [
    // Each stretch is 31 events (91 / 3): 12 lies in the first, 40 and 45 in the second, 70 and 80 in the last.
    ['an edited payload in the first stretch', (db) => db.prepare("UPDATE events SET payload = replace(payload, 'ÖZTÜRK 10', 'ÖZTÜRK 99') WHERE seq = 12").run(), 12, 'HASH_MISMATCH'],
    ['an edited payload in the last stretch', (db) => db.prepare("UPDATE events SET payload = replace(payload, 'ÖZTÜRK 78', 'ÖZTÜRK 99') WHERE seq = 80").run(), 80, 'HASH_MISMATCH'],
    ['the first event of a stretch deleted', (db) => db.prepare('DELETE FROM events WHERE seq = 32').run(), 33, 'SEQ_GAP'],
    ['the last event of a stretch deleted', (db) => db.prepare('DELETE FROM events WHERE seq = 31').run(), 32, 'SEQ_GAP'],
    [
      'two events swapped across a stretch boundary',
      (db) => {
        const a = db.prepare('SELECT * FROM events WHERE seq = 62').get() as Record<string, unknown>;
        const b = db.prepare('SELECT * FROM events WHERE seq = 63').get() as Record<string, unknown>;
        const upd = db.prepare('UPDATE events SET at=?, user_id=?, type=?, entity=?, payload=?, payload_hash=?, prev_hash=?, hash=? WHERE seq=?');
        upd.run(b.at, b.user_id, b.type, b.entity, b.payload, b.payload_hash, b.prev_hash, b.hash, 62);
        upd.run(a.at, a.user_id, a.type, a.entity, a.payload, a.payload_hash, a.prev_hash, a.hash, 63);
      },
      62,
      'PREV_MISMATCH',
    ],
    ['two problems: the earlier one, in the middle stretch, is named', (db) => {
      db.prepare("UPDATE events SET payload = replace(payload, 'ÖZTÜRK 43', 'ÖZTÜRK 99') WHERE seq = 45").run();
      db.prepare("UPDATE events SET payload = replace(payload, 'ÖZTÜRK 10', 'ÖZTÜRK 99') WHERE seq = 72").run();
    }, 45, 'HASH_MISMATCH'],
    ['the newest events cut off', (db) => db.prepare('DELETE FROM events WHERE seq > 85').run(), 86, 'HEAD_MISMATCH'],
  ];

  for (const [what, tamper, seq, problem] of tamperCases) {
    it(`names the first bad sequence as one walk does after ${what}`, () => {
      const { dir, store } = makeLedger(undefined, EVENTS);
      store.close();
      const db = tamperableLedger(dir);
      try {
        tamper(db);
        const one = verifyChain(db);
        const got = checkLedgerInParallel(db, `${dir}/masa.ledger`, ledgerKeyOf(dir), { stretches: STRETCHES, minEvents: 0, callerWalks: false });
        expect(got.walkedInWorkers).toBe(got.stretches);
      expect(got.stretches).toBeGreaterThan(STRETCHES);
        expect(one.firstBad).toEqual({ seq, problem });
        expect(got.chain).toEqual(one);
        // The chain reached the last event that passed, as the walk before stretches said (headHash).
        const lastGood = db.prepare('SELECT hash FROM events WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(seq);
        expect(got.chain.headHash).toBe(lastGood);
      } finally {
        db.close();
      }
    });
  }

  it('a state row changed behind the ledger’s back: replay on the workers names it as replay in one thread does', () => {
    const { dir, store } = makeLedger(undefined, EVENTS);
    store.close();
    const db = tamperableLedger(dir);
    try {
      db.prepare("UPDATE settings SET value = 'ŞÜKRAN BAŞKA' WHERE key = 'note.70'").run();
      db.prepare("DELETE FROM settings WHERE key = 'note.5'").run();
      const got = checkLedgerInParallel(db, `${dir}/masa.ledger`, ledgerKeyOf(dir), { replay: true, stretches: STRETCHES, minEvents: 0, callerWalks: false });
      expect(got.walkedInWorkers).toBe(got.stretches);
      expect(got.stretches).toBeGreaterThan(STRETCHES);
      expect(got.chain.ok).toBe(true);
      const one = replayAndCompare(db);
      expect(one.ok).toBe(false);
      expect(got.replay).toEqual(one);
      expect(one.examples).toEqual(expect.arrayContaining([
        { table: 'settings', key: 'note.70', problem: 'DIFFERENT' },
        { table: 'settings', key: 'note.5', problem: 'MISSING' },
      ]));
    } finally {
      db.close();
    }
  });

  it('the live store’s check (ledger.verify) answers as verify and replay do, and a worker that cannot start costs only time', () => {
    const { dir, store } = makeLedger(undefined, EVENTS);
    try {
      const got = store.checkChainAndState();
      expect(got.chain).toEqual(verifyChain(rawHandle(store)));
      expect(got.replay).toEqual(replayAndCompare(rawHandle(store)));
      expect(got.chain.ok && got.replay.ok).toBe(true);
      const noWorkers = checkLedgerInParallel(rawHandle(store), `${dir}/masa.ledger`, ledgerKeyOf(dir), {
        replay: true,
        stretches: STRETCHES,
        minEvents: 0,
        callerWalks: false,
        entry: { kind: 'none', why: 'test: no loader' },
      });
      expect(noWorkers.walkedInWorkers).toBe(0);
      // Both ways at once: the calling thread and the workers share the stretches.
      const shared = checkLedgerInParallel(rawHandle(store), `${dir}/masa.ledger`, ledgerKeyOf(dir), { replay: true, stretches: STRETCHES, minEvents: 0 });
      expect(shared.chain).toEqual(got.chain);
      expect(shared.replay).toEqual(got.replay);
      expect(noWorkers.chain).toEqual(got.chain);
      expect(noWorkers.replay).toEqual(got.replay);
    } finally {
      store.close();
    }
  });
});
