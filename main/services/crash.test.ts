import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_KDF } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { setUpApp, HEAD_USER } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { rawHandle } from '../../database/testing/internals';

/**
 * SIGKILL in the middle of a stream of registrations (a child process working through the real
 * handlers): after restart every acknowledged registration is there, nothing half-written is
 * visible, and the ledger verifies.
 */
describe('crash safety of registrations', () => {
  it('SIGKILL while registering: acknowledged outcomes survive, state and chain agree', async () => {
    const t = await setUpApp();
    const dir = t.app.dataDir;
    seedAppointments(t.app, { date: new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10), count: 400, programCode: 'BAKICI-2020' });
    t.app.shutdown();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('main/testing/registrationChild.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (l.startsWith('ack ')) acked.push(l.slice(4));
        if (acked.length >= 25 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acked.length).toBeGreaterThanOrEqual(25);
    const app = new MasaApp({ dataDir: dir, kdf: TEST_KDF });
    const login = await dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(login.ok).toBe(true);
    const v = await dispatch(app, 'ledger.verify', {});
    expect(v).toMatchObject({ ok: true, value: { ok: true } });
    const db = rawHandle(app.requireStore());
    for (const no of acked) expect(db.prepare("SELECT count(*) n FROM registrations WHERE registration_no = ? AND state = 'ACTIVE'").get(no)).toEqual({ n: 1 });
    // No half-written registration: every registration has its appointment in the matching status.
    const orphans = db.prepare("SELECT count(*) n FROM registrations r JOIN appointments a ON a.randevu_no = r.randevu_no WHERE a.status <> r.outcome").get();
    expect(orphans).toEqual({ n: 0 });
    app.shutdown();
  }, 120_000);
});
