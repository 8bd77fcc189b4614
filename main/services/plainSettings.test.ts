import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { PLAIN_SETTINGS_FILE, readPlainSettings } from '../app/plainSettings';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';

/**
 * The backup folder lives in the encrypted ledger; a plain mirror in the data folder lets the
 * problem and rescue screens find the backups when the ledger cannot be read.
 */
function corruptLedger(dataDir: string) {
  const f = path.join(dataDir, 'masa.ledger');
  const bytes = fs.readFileSync(f);
  bytes.fill(0x33, 4096, bytes.length);
  fs.writeFileSync(f, bytes);
}

describe('plain settings mirror', () => {
  it('setting the backup folder writes it, and only it, to a plain file beside the ledger', async () => {
    const { app, ok } = await setUpApp();
    expect(fs.existsSync(path.join(app.dataDir, PLAIN_SETTINGS_FILE))).toBe(false); // nothing set, nothing written
    const usb = path.join(tempDir('masa-usb-'), 'Masa Yedekleri');
    await ok('backup.setFolder', { dir: usb });
    const text = fs.readFileSync(path.join(app.dataDir, PLAIN_SETTINGS_FILE), 'utf8');
    expect(JSON.parse(text)).toEqual({ format: 'masa-settings', version: 1, backupDir: usb });
    expect(text).not.toContain(HEAD_USER.displayName);
    expect(fs.statSync(path.join(app.dataDir, PLAIN_SETTINGS_FILE)).mode & 0o077).toBe(0);
  });

  it('the ledger cannot be opened: the problem screen gets the office\'s folder and lists its backups from it', async () => {
    const t = await setUpApp();
    const usb = tempDir('masa-usb-');
    await t.ok('backup.setFolder', { dir: usb });
    const b = await t.ok('backup.create', {});
    await t.app.backupVerifier.idle();
    await t.ok('auth.logout', {});
    t.app.shutdown();
    corruptLedger(t.app.dataDir);
    const { call, ok } = newApp({ dataDir: t.app.dataDir });
    expect(await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'LEDGER_CORRUPT' } });
    expect(await ok('backup.knownFolder', {})).toEqual({ dir: usb, configured: true });
    const listed = await ok('backup.listFolder', {});
    expect(listed).toEqual([expect.objectContaining({ name: b.name, whole: true, verification: expect.objectContaining({ state: 'verified' }) })]);
    await ok('backup.rescueRestore', { file: listed[0]!.dir, username: HEAD_USER.username, password: HEAD_USER.password });
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('backup.folder', {})).dir).toBe(usb);
  });

  it('the ledger stays the source: a missing or stale mirror is rewritten at sign-in; an unreadable one counts as none', async () => {
    const t = await setUpApp();
    const usb = tempDir('masa-usb-');
    await t.ok('backup.setFolder', { dir: usb });
    const file = path.join(t.app.dataDir, PLAIN_SETTINGS_FILE);
    fs.writeFileSync(file, '{ bozuk');
    expect(readPlainSettings(t.app.dataDir)).toEqual({});
    expect(await t.ok('backup.knownFolder', {})).toEqual({ dir: path.join(t.app.dataDir, 'yedekler'), configured: false });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(readPlainSettings(t.app.dataDir)).toEqual({ backupDir: usb });
    fs.rmSync(file);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(readPlainSettings(t.app.dataDir)).toEqual({ backupDir: usb });
  });
});
