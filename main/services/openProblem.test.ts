import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';

/**
 * The start screen of a data folder whose ledger is another office's (issue 22 item 2): the
 * sign-in says what is wrong, the window's state becomes the problem screen with that message
 * (never a new ledger, never "wrong password" with throttling), and a restore by the backup's own
 * key file clears it.
 */
describe('a foreign ledger file beside the key file', () => {
  it('sign-in refuses it by name, the start screen shows the problem with the restore, and a restore clears it', async () => {
    const t = await setUpApp();
    const to = tempDir('masa-usb-');
    const made = [t.app.dataDir, to];
    let opened: { shutdown(): void } | null = null;
    try {
    const b = await t.ok('backup.create', { to });
    await t.app.backupVerifier.idle();
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const other = await setUpApp();
    made.push(other.app.dataDir);
    await other.ok('auth.logout', {});
    other.app.shutdown();
    const live = path.join(t.app.dataDir, 'masa.ledger');
    fs.copyFileSync(path.join(other.app.dataDir, 'masa.ledger'), live);
    const foreign = fs.readFileSync(live);

    const { app, call, ok } = newApp({ dataDir: t.app.dataDir });
    opened = app;
    expect((await ok('app.status', {})).state).toBe('signed-out');
    for (let i = 0; i < 4; i++) {
      // Not a wrong password: asked again and again, the same answer, no growing delay.
      expect(await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'LEDGER_CORRUPT' } });
    }
    const status = await ok('app.status', {});
    expect(status.state).toBe('error');
    expect(status.problem).toMatchObject({ code: 'LEDGER_CORRUPT' });
    expect(status.problem?.message).toContain('başka bir defterin dosyası da olabilir');
    expect(status.problem?.message).toContain('yeni defter oluşturulmadı');
    expect(fs.readFileSync(live).equals(foreign)).toBe(true);

    const r = await ok('backup.rescueRestore', { file: b.dir, username: HEAD_USER.username, password: HEAD_USER.password });
    expect(fs.readFileSync(path.join(r.keptAside, 'masa.ledger')).equals(foreign)).toBe(true);
    expect((await ok('app.status', {})).state).toBe('signed-out');
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
    } finally {
      opened?.shutdown();
      for (const d of made) fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
