import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const CLERK = { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK' as const, password: 'Gecici-Parola-1' };
const FIXED = () => new Date('2026-11-24T09:30:00Z');

/** Flips bytes in the middle of the live ledger file: the page HMAC fails on open. */
function corruptLedger(dataDir: string) {
  const f = path.join(dataDir, 'masa.ledger');
  const fd = fs.openSync(f, 'r+');
  const size = fs.fstatSync(fd).size;
  const junk = Buffer.alloc(8192, 0x5a);
  for (let at = 0; at < size; at += 16384) fs.writeSync(fd, junk, 0, Math.min(junk.length, size - at), at);
  fs.closeSync(fd);
}

describe('backup folder', () => {
  it('sets a writable folder outside the data folder, shows it, and day-close backups go there', async () => {
    const { app, ok } = await setUpApp();
    const before = await ok('backup.folder', {});
    expect(before).toMatchObject({ dir: path.join(app.dataDir, 'yedekler'), configured: false, isDefault: true });
    const usb = path.join(tempDir('masa-usb-'), 'Masa Yedekleri');
    const set = await ok('backup.setFolder', { dir: usb });
    expect(set).toMatchObject({ dir: usb, configured: true, isDefault: false });
    // Temp folders share the data folder's disk here: allowed, with the warning flag.
    expect(set.sameDisk).toBe(fs.statSync(usb).dev === fs.statSync(app.dataDir).dev);
    expect(fs.readdirSync(usb)).toEqual([]); // the write test left nothing behind
    expect(await ok('backup.folder', {})).toMatchObject({ dir: usb, configured: true });
    const b = await ok('backup.create', {});
    expect(path.dirname(b.dir)).toBe(usb);
  });

  it('refuses the data folder itself, a folder inside it and a folder that cannot be written; the setting is unchanged', async () => {
    const { app, call, ok } = await setUpApp();
    expect(await call('backup.setFolder', { dir: app.dataDir })).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_IN_DATA' } });
    const inside = await call('backup.setFolder', { dir: path.join(app.dataDir, 'yedek') });
    expect(inside).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_IN_DATA' } });
    if (!inside.ok) expect(inside.error.message).toContain('veri klasörünün içinde olamaz');
    const file = path.join(tempDir(), 'dosya');
    fs.writeFileSync(file, 'x');
    expect(await call('backup.setFolder', { dir: path.join(file, 'alt') })).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER' } });
    if (process.getuid?.() !== 0) {
      const ro = tempDir();
      fs.chmodSync(ro, 0o500);
      expect(await call('backup.setFolder', { dir: ro })).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER' } });
    }
    expect(await ok('backup.folder', {})).toMatchObject({ configured: false });
  });

  it('a clerk can neither see nor set the backup folder', async () => {
    const { app, call, ok } = await setUpApp();
    await ok('users.create', CLERK);
    await ok('auth.logout', {});
    await ok('auth.login', { username: CLERK.username, password: CLERK.password });
    await ok('auth.changePassword', { currentPassword: CLERK.password, newPassword: 'Yeni-Parola-2026', newPasswordRepeat: 'Yeni-Parola-2026' });
    expect(await call('backup.folder', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('backup.setFolder', { dir: tempDir() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.session?.role).toBe('CLERK');
  });
});

describe('backup copy', () => {
  it('copies the encrypted ledger file as it is under the write lock (no plaintext), and the copy verifies', async () => {
    const { app, ok } = await setUpApp();
    await ok('users.create', CLERK);
    const b = await ok('backup.create', { to: tempDir('masa-usb-') });
    const copy = fs.readFileSync(path.join(b.dir, 'masa.ledger'));
    expect(copy.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(copy.includes(Buffer.from(CLERK.displayName))).toBe(false);
    // Byte for byte the live file up to the backup (the WAL was emptied into it first); the
    // backup's own event came after and went to the WAL.
    const live = fs.readFileSync(path.join(app.dataDir, 'masa.ledger'));
    expect(copy.equals(live.subarray(0, copy.length))).toBe(true);
    expect((await ok('backup.verify', { file: b.dir, password: HEAD_USER.password })).ok).toBe(true);
  });
});

describe('backup names', () => {
  it('two backups in the same second both succeed with distinct names, listed newest first', async () => {
    const { ok } = await setUpApp({ now: FIXED });
    const to = tempDir('masa-backups-');
    const a = await ok('backup.create', { to });
    const b = await ok('backup.create', { to });
    const c = await ok('backup.create', { to });
    expect(a.name).toBe('masa-yedek-20261124-123000');
    expect(b.name).toBe('masa-yedek-20261124-123000-2');
    expect(c.name).toBe('masa-yedek-20261124-123000-3');
    // Rotation keeps the newest of the day and the oldest of the month: the middle one goes.
    expect(b.rotatedAway).toEqual([]);
    expect(c.rotatedAway).toEqual([b.name]);
    const list = await ok('backup.list', { to });
    expect(list.map((x) => x.name)).toEqual([c.name, a.name]);
    expect(list.every((x) => x.whole)).toBe(true);
    // Two restores in the same second keep both kept-aside folders.
    const r1 = await ok('backup.restore', { file: a.dir, password: HEAD_USER.password });
    const r2 = await ok('backup.restore', { file: c.dir, password: HEAD_USER.password });
    expect(r1.keptAside).not.toBe(r2.keptAside);
    expect(fs.existsSync(path.join(r1.keptAside, 'masa.ledger'))).toBe(true);
    expect(fs.existsSync(path.join(r2.keptAside, 'masa.ledger'))).toBe(true);
  });
});

describe('restore when the ledger cannot be opened', () => {
  async function officeWithBackup() {
    const t = await setUpApp();
    await t.ok('users.create', CLERK);
    const to = tempDir('masa-usb-');
    const b = await t.ok('backup.create', { to });
    // Sealed before the app closes (closing would stop the check): the restores below take the
    // sealed path; backupSeal.test.ts covers both paths of each kind of restore.
    await t.app.backupVerifier.idle();
    await t.ok('auth.logout', {});
    t.app.shutdown();
    return { dataDir: t.app.dataDir, backup: b, to, recoveryCode: t.recoveryCode };
  }

  it('a corrupted ledger file: the head password opens the backup, it is restored, the damaged file kept aside; sign-in and verify pass', async () => {
    const { dataDir, backup, to } = await officeWithBackup();
    corruptLedger(dataDir);
    const damaged = fs.readFileSync(path.join(dataDir, 'masa.ledger'));
    const { call, ok } = newApp({ dataDir });
    expect(await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'LEDGER_CORRUPT' } });
    // Without a session: list a folder the head names, then restore.
    const list = await ok('backup.listFolder', { dir: to });
    expect(list).toEqual([expect.objectContaining({ name: backup.name, whole: true })]);
    const r = await ok('backup.rescueRestore', { file: backup.dir, username: HEAD_USER.username, password: HEAD_USER.password });
    expect(fs.readFileSync(path.join(r.keptAside, 'masa.ledger')).equals(damaged)).toBe(true);
    expect(r.chainHead.seq).toBe(backup.chainHead.seq + 1);
    expect((await ok('app.status', {})).state).toBe('signed-out');
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
    expect((await ok('users.list', {})).map((u) => u.username).sort()).toEqual(['gorevli', 'mudur']);
  });

  it('a deleted key file: the problem state restores with the recovery code', async () => {
    const { dataDir, backup, recoveryCode } = await officeWithBackup();
    fs.rmSync(path.join(dataDir, 'masa.keys.json'));
    const { call, ok } = newApp({ dataDir });
    const status = await ok('app.status', {});
    expect(status.state).toBe('error');
    expect(status.problem?.code).toBe('SLOTS_MISSING');
    expect(await call('backup.rescueRestore', { file: backup.dir, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_FAILED' },
    });
    const r = await ok('backup.rescueRestore', { file: backup.dir, recoveryCode });
    expect(fs.existsSync(path.join(r.keptAside, 'masa.ledger'))).toBe(true);
    expect((await ok('app.status', {})).state).toBe('signed-out');
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('a corrupted key file, and a forgotten password (the backup still knows the old one)', async () => {
    const { dataDir, backup } = await officeWithBackup();
    fs.writeFileSync(path.join(dataDir, 'masa.keys.json'), '{"bozuk": tru');
    const { call, ok } = newApp({ dataDir });
    expect(await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'SLOTS_CORRUPT' } });
    await ok('backup.rescueRestore', { file: backup.dir, username: HEAD_USER.username, password: HEAD_USER.password });
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('refuses a clerk, a wrong password, a damaged backup and a signed-in caller; nothing changes', async () => {
    const { dataDir, backup } = await officeWithBackup();
    corruptLedger(dataDir);
    const live = fs.readFileSync(path.join(dataDir, 'masa.ledger'));
    const { app, call } = newApp({ dataDir });
    expect(await call('backup.rescueRestore', { file: backup.dir, username: CLERK.username, password: CLERK.password })).toMatchObject({
      ok: false,
      error: { code: 'RESTORE_HEAD_ONLY' },
    });
    expect(await call('backup.rescueRestore', { file: backup.dir, username: HEAD_USER.username, password: 'yanlis-parola-1' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED' },
    });
    expect(await call('backup.rescueRestore', { file: backup.dir, username: HEAD_USER.username })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const copy = path.join(tempDir(), 'kopya');
    fs.cpSync(backup.dir, copy, { recursive: true });
    const f = path.join(copy, 'masa.ledger');
    const buf = fs.readFileSync(f);
    buf[6000]! ^= 0xff;
    fs.writeFileSync(f, buf);
    // The copy took the seal along: the changed byte is found as the file is copied in.
    expect(await call('backup.rescueRestore', { file: copy, username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_CHANGED_SINCE_SEAL', params: { file: 'masa.ledger' } },
    });
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.restore'))).toEqual([]);
    expect(fs.readFileSync(path.join(dataDir, 'masa.ledger')).equals(live)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('onceki-'))).toEqual([]);
    app.shutdown();
    // Signed in to a working ledger: the ordinary restore is the way, not this one.
    const t = await setUpApp();
    const b2 = await t.ok('backup.create', { to: tempDir() });
    expect(await t.call('backup.rescueRestore', { file: b2.dir, username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({
      ok: false,
      error: { code: 'RESTORE_SIGNED_IN' },
    });
  });
});

describe('access log', () => {
  it('the head sees who viewed which record; a clerk is refused', async () => {
    const { app, ok, call } = await setUpApp({ now: FIXED });
    const [row] = seedAppointments(app, { date: '2026-11-24', count: 1 });
    await ok('users.create', CLERK);
    await ok('auth.logout', {});
    await ok('auth.login', { username: CLERK.username, password: CLERK.password });
    await ok('auth.changePassword', { currentPassword: CLERK.password, newPassword: 'Yeni-Parola-2026', newPasswordRepeat: 'Yeni-Parola-2026' });
    await ok('desk.detail', { randevuNo: row!.randevuNo });
    expect(await call('audit.accessLog', { from: '2026-11-24', to: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok('auth.logout', {});
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    const log = await ok('audit.accessLog', { from: '2026-11-24', to: '2026-11-24' });
    expect(log).toEqual({
      entries: [expect.objectContaining({ action: 'record.viewed', entity: `appointment:${row!.randevuNo}`, user: CLERK.displayName })],
      total: 1,
      next: null,
    });
    expect(await ok('audit.accessLog', { from: '2026-11-25', to: '2026-11-25' })).toEqual({ entries: [], total: 0, next: null });
  });
});
