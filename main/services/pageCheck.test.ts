import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerPaths, quickCheckInWorker } from '../../database';
import { TEST_KDF } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { rawHandle } from '../../database/testing/internals';

/**
 * The start-up page check of a large ledger runs in a worker thread after sign-in
 * (database/ledger/pageCheck.ts). Here the size limit is set to 0 so that a small real ledger takes
 * that path: a whole file passes, a damaged page puts the session into rescue when the answer
 * comes, and the screen is told.
 */
const apps: MasaApp[] = [];
afterAll(() => {
  for (const a of apps) a.shutdown();
});

async function login(app: MasaApp) {
  return dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
}

describe('background page check', () => {
  it('a whole ledger: sign-in does not wait for it, and it answers ok; the desk goes on', async () => {
    const t = await setUpApp({ pageCheckSyncBytes: 0 });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-11-24', count: 500 });
    await t.ok('auth.logout', {});
    expect((await login(t.app)).ok).toBe(true);
    expect(t.app.pageCheck).not.toBeNull();
    expect(await t.app.pageCheck).toBe('ok');
    expect((await t.ok('app.status', {})).state).toBe('ready');
  });

  it('a damaged page of the appointments table: sign-in works, then the check finds it and only rescue is left', async () => {
    const t = await setUpApp({ pageCheckSyncBytes: 0 });
    seedAppointments(t.app, { date: '2026-11-24', count: 3000 });
    const db = rawHandle(t.app.requireStore());
    const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'appointments' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((p) => p.pageno);
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    expect(pages.length).toBeGreaterThan(10);
    const victim = pages[Math.floor(pages.length / 2)]!;
    t.app.shutdown();

    // One byte inside that page flipped on disk, as a failing disk would.
    const file = ledgerPaths(t.app.dataDir).db;
    const fd = fs.openSync(file, 'r+');
    const at = (victim - 1) * pageSize + 200;
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0xff;
    fs.writeSync(fd, b, 0, 1, at);
    fs.closeSync(fd);

    const app = new MasaApp({ dataDir: t.app.dataDir, kdf: TEST_KDF, pageCheckSyncBytes: 0 });
    apps.push(app);
    const told: string[] = [];
    const unsubscribe = app.events.subscribe((e) => told.push(e));
    try {
      const signedIn = await login(app);
      expect(signedIn.ok).toBe(true);
      const integrity = await app.pageCheck;
      expect(integrity).not.toBe('ok');
      expect(told).toContain('ledger.rescue');
      const status = await dispatch(app, 'app.status', {});
      expect(status.ok && (status.value as { state: string }).state).toBe('rescue');
      const refused = await dispatch(app, 'desk.find', { query: 'ayse' });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('LEDGER_PAGES_DAMAGED');
    } finally {
      unsubscribe();
    }
  });

  it('signing out while it runs stops it: no worker outlives the ledger, no rescue afterwards', async () => {
    const t = await setUpApp({ pageCheckSyncBytes: 0 });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-11-24', count: 3000 });
    await t.ok('auth.logout', {});
    expect((await login(t.app)).ok).toBe(true);
    const running = t.app.pageCheck!;
    await t.ok('auth.logout', {});
    expect(['stopped', 'ok']).toContain(await running);
    expect((await login(t.app)).ok).toBe(true);
    expect(await t.app.pageCheck).toBe('ok');
    expect((await t.ok('app.status', {})).state).toBe('ready');
  });

  it('a worker that cannot load SQLite says "unavailable" (never "damaged"); a wrong key is a finding', async () => {
    const t = await setUpApp();
    apps.push(t.app);
    const file = ledgerPaths(t.app.dataDir).db;
    expect(await quickCheckInWorker(file, randomBytes(32), '/yok/boyle-bir-modul').result).toMatch(/^unavailable: MODULE_NOT_FOUND/);
    expect(await quickCheckInWorker(file, randomBytes(32)).result).toBe('error: SQLITE_NOTADB');
  });

  it('under the size limit the check stays on the sign-in path, as before', async () => {
    const t = await setUpApp();
    apps.push(t.app);
    await t.ok('auth.logout', {});
    expect((await login(t.app)).ok).toBe(true);
    expect(t.app.pageCheck).toBeNull();
  });
});
