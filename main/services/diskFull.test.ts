import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackupFiles, listBackups } from '../../database';
import { TEST_KDF, tempDir } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { sampleRows, writeSampleCsv } from '../import/testing/sampleList';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { rawHandle } from '../../database/testing/internals';
import { closeDay } from './desk';

/**
 * A full disk, for real: small tmpfs mounts stand in for a full data disk and for a USB stick
 * that fills up. Everything goes through the real handler table (dispatch). Mounting needs root
 * (CAP_SYS_ADMIN), as here and in CI; where it is refused the tests are skipped and say why.
 */

const DISK_FULL = {
  code: 'DISK_FULL',
  message: 'Diskte yer kalmadı. Hiçbir değişiklik kaydedilmedi.',
  messageEn: 'The disk is full. No change was saved.',
};

const mounted: string[] = [];
const scratch: string[] = [];
const apps: MasaApp[] = [];

function mountTmpfs(sizeMb: number): { ok: true; dir: string } | { ok: false; reason: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}M,mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmdirSync(dir);
    return { ok: false, reason: (r.error?.message ?? r.stderr?.trim().split('\n')[0]) || `mount exited with ${r.status}` };
  }
  mounted.push(dir);
  return { ok: true, dir };
}

function unmount(dir: string): void {
  // Lazy unmount as the fallback: a file a failed test left open must not keep the mount alive.
  if (spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Probed once while collecting: can this process mount a tmpfs at all? */
const probe = (() => {
  const m = mountTmpfs(1);
  if (!m.ok) return m;
  unmount(mounted.pop()!);
  return { ok: true as const, reason: '' };
})();
const noMount = !probe.ok;
if (noMount) console.warn(`diskFull.test.ts: skipped, a tmpfs cannot be mounted here (needs root with CAP_SYS_ADMIN): ${probe.reason}`);

afterAll(() => {
  // Ledgers first: an open file keeps a tmpfs busy. Runs even when a test failed half-way.
  for (const app of apps) app.shutdown();
  for (const dir of mounted.splice(0)) unmount(dir);
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function mustMount(sizeMb: number): string {
  const m = mountTmpfs(sizeMb);
  if (!m.ok) throw new Error(`mount failed: ${m.reason}`);
  return m.dir;
}

function scratchDir(prefix: string): string {
  const d = tempDir(prefix);
  scratch.push(d);
  return d;
}

function freeBytes(dir: string): number {
  const st = fs.statfsSync(dir);
  return st.bavail * st.bsize;
}

/** Fills the filesystem holding `dir` with one file until exactly `leave` bytes are free (tmpfs counts in pages). */
function fill(dir: string, leave: number): string {
  const file = path.join(dir, 'filler.bin');
  const chunk = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'a');
  try {
    for (let free = freeBytes(dir); free > leave; free = freeBytes(dir)) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave));
  } finally {
    fs.closeSync(fd);
  }
  expect(freeBytes(dir)).toBe(leave);
  return file;
}

/** What "the ledger is unchanged" means here: same chain head, same number of events and appointments. */
function ledgerState(app: MasaApp) {
  const db = rawHandle(app.requireStore());
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { head: app.requireStore().ledger.head(), events: n('events'), appointments: n('appointments') };
}

/** Closes the app, opens the folder again like a restart and checks the file and the whole chain. */
async function reopenAndCheck(dataDir: string): Promise<MasaApp> {
  const app = new MasaApp({ dataDir, kdf: TEST_KDF });
  apps.push(app);
  expect(await dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: true });
  expect(app.session?.rescue).toBeNull();
  expect(rawHandle(app.requireStore()).pragma('integrity_check', { simple: true })).toBe('ok');
  expect(await dispatch(app, 'ledger.verify', {})).toMatchObject({ ok: true, value: { ok: true, chain: { ok: true }, replay: { ok: true } } });
  return app;
}

const clockFrom = (iso: string) => {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), tick: () => (t += 60_000) };
};

describe('disk full (real tmpfs mounts)', () => {
  it.skipIf(noMount)('import onto a full data disk: DISK_FULL in Turkish, ledger unchanged, the same import succeeds once space is freed, verifies after reopening', async () => {
    const mnt = mustMount(48);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir });
    apps.push(t.app);
    const ROWS = 8000; // several MB of rows and event payload: far more than is left free
    const list = path.join(scratchDir('masa-diskfull-list-'), 'randevu-listesi.csv');
    await writeSampleCsv(sampleRows({ date: '2026-12-01', province: '35', count: ROWS, seed: 11, extras: false }), list);
    const before = ledgerState(t.app);
    const filler = fill(mnt, 256 * 1024);

    const analysis = await t.ok('import.analyze', { path: list });
    expect(analysis.report.counts.added).toBe(ROWS);
    const refused = await t.call('import.apply', { importId: analysis.importId });
    expect(refused).toEqual({ ok: false, error: { ...DISK_FULL, params: {} } });
    expect(ledgerState(t.app)).toEqual(before);
    expect(rawHandle(t.app.requireStore()).pragma('quick_check', { simple: true })).toBe('ok');

    // Space freed: the same process, the same session, the same file imports fine.
    fs.rmSync(filler);
    const again = await t.ok('import.analyze', { path: list });
    const applied = await t.ok('import.apply', { importId: again.importId });
    expect(applied.counts.added).toBe(ROWS);
    const after = ledgerState(t.app);
    expect(after.appointments).toBe(before.appointments + ROWS);
    expect(after.events).toBe(before.events + 1);
    t.app.shutdown();

    const reopened = await reopenAndCheck(dataDir);
    expect(ledgerState(reopened).appointments).toBe(before.appointments + ROWS);
    reopened.shutdown();
  });

  it.skipIf(noMount)('backup to a USB disk that fills up: DISK_FULL at every stage, nothing that looks like a backup left behind, ledger unchanged and usable', async () => {
    const clock = clockFrom('2026-11-24T10:00:00Z');
    const t = await setUpApp({ now: clock.now });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-12-01', count: 3000 });
    const usb = mustMount(16);
    const first = await t.ok('backup.create', { to: usb });
    const size = fs.statSync(path.join(first.dir, 'masa.ledger')).size;

    const folders = () => fs.readdirSync(usb).filter((n) => n !== 'filler.bin').sort();
    const whole = () => {
      // Whatever is on the stick is a finished backup: no `.partial`, every file matches its manifest.
      for (const n of folders()) {
        expect(n).toMatch(/^masa-yedek-\d{8}-\d{6}$/);
        expect(checkBackupFiles(path.join(usb, n)).ok).toBe(true);
      }
      expect(listBackups(usb).map((b) => b.name)).toEqual(folders().reverse());
    };

    // Clearly too little room (the copy of the ledger fails), then a sweep across the size of the
    // copy so that the slot file, the manifest and the rename run out of room as well.
    const leaves = [0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096];
    for (let leave = size - 8192; leave <= size + 24 * 1024; leave += 4096) leaves.push(leave);
    const outcomes: boolean[] = [];
    for (const leave of leaves) {
      clock.tick();
      // The background check of the last backup writes to the stick (its seal): let it finish
      // before the free space is measured out.
      await t.app.backupVerifier.idle();
      const filler = fill(usb, leave);
      const was = { ledger: ledgerState(t.app), folders: folders() };
      const r = await t.call('backup.create', { to: usb });
      outcomes.push(r.ok);
      if (!r.ok) {
        expect(r.error).toEqual({ ...DISK_FULL, params: {} });
        expect(folders()).toEqual(was.folders);
        expect(ledgerState(t.app)).toEqual(was.ledger);
      } else {
        expect(folders()).toContain(r.value.name);
        expect(ledgerState(t.app).head.seq).toBe(was.ledger.head.seq + 1); // backup.created
      }
      whole();
      fs.rmSync(filler);
      if (leave < size) expect(r.ok).toBe(false);
    }
    // The sweep crossed the boundary: it failed late (after the ledger copy) and then fitted.
    expect(outcomes).toContain(false);
    expect(outcomes.at(-1)).toBe(true);
    expect(listBackups(usb).map((b) => b.name)).toContain(first.name);

    // Still usable: a write, a backup with room again, and the whole ledger verifies.
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    clock.tick();
    const last = await t.ok('backup.create', { to: usb });
    expect(checkBackupFiles(last.dir).ok).toBe(true);
    expect(await t.call('ledger.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
  });

  it.skipIf(noMount)('restore onto a full data disk: DISK_FULL, live ledger untouched and still open, no copies left; succeeds once space is freed', async () => {
    const clock = clockFrom('2026-11-24T10:00:00Z');
    const mnt = mustMount(48);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir, now: clock.now });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-12-01', count: 3000 });
    const backups = scratchDir('masa-diskfull-backups-');
    const b = await t.ok('backup.create', { to: backups });
    await t.app.backupVerifier.idle(); // sealed: the restores below take the same path each time
    await t.ok('users.create', { username: 'sonradan', displayName: 'Sonradan Gelen', role: 'CLERK', password: 'Gecici-Parola-1' });
    const size = fs.statSync(path.join(b.dir, 'masa.ledger')).size;
    const liveFiles = fs.readdirSync(dataDir).sort();

    // No room for the copy; room for the copy only; the copy plus less than the restored ledger needs to open.
    for (const leave of [0, size - 4096, size + 8192, size + 256 * 1024]) {
      clock.tick();
      const filler = fill(mnt, leave);
      const before = ledgerState(t.app);
      const r = await t.call('backup.restore', { file: b.dir, password: HEAD_USER.password });
      expect(r).toEqual({ ok: false, error: { ...DISK_FULL, params: {} } });
      expect(fs.readdirSync(dataDir).sort()).toEqual(liveFiles); // no masa.ledger.restore, no onceki-* folder
      expect(ledgerState(t.app)).toEqual(before);
      expect(await t.call('ledger.status', {})).toMatchObject({ ok: true, value: { chainHead: before.head } });
      fs.rmSync(filler);
    }

    const restored = await t.ok('backup.restore', { file: b.dir, password: HEAD_USER.password });
    expect(restored.chainHead.seq).toBe(b.chainHead.seq + 1);
    expect((await t.ok('users.list', {})).map((u) => u.username)).toEqual(['mudur']);
    t.app.shutdown();
    (await reopenAndCheck(dataDir)).shutdown();
  });

  it.skipIf(noMount)('backup from a full data disk: kept and whole on the other disk, and the message says it was not recorded; the default folder on the full disk gets DISK_FULL', async () => {
    const clock = clockFrom('2026-11-24T10:00:00Z');
    const mnt = mustMount(32);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir, now: clock.now });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-12-01', count: 2000 });
    const elsewhere = scratchDir('masa-diskfull-usb-');
    const filler = fill(mnt, 0);
    const before = ledgerState(t.app);

    const r = await t.call('backup.create', { to: elsewhere });
    const [made] = listBackups(elsewhere);
    expect(made).toBeDefined();
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BACKUP_NOT_RECORDED',
        message: `Yedek alındı (${made!.name}), ancak defterin bulunduğu diskte yer kalmadığı için deftere kaydedilemedi. Bu diskte yer açın.`,
        messageEn: `The backup was made (${made!.name}) but could not be recorded in the ledger: the disk holding the ledger is full. Free some space on it.`,
        params: { name: made!.name },
      },
    });
    const check = checkBackupFiles(made!.dir);
    expect(check.ok && check.manifest.chainHead).toEqual(before.head);
    expect(ledgerState(t.app)).toEqual(before);

    // No folder set: backups go to <data>/yedekler, on the full disk itself.
    clock.tick();
    expect(await t.call('backup.create', {})).toEqual({ ok: false, error: { ...DISK_FULL, params: {} } });
    expect(fs.readdirSync(path.join(dataDir, 'yedekler'))).toEqual([]);
    expect(ledgerState(t.app)).toEqual(before);

    fs.rmSync(filler);
    clock.tick();
    expect((await t.ok('backup.create', {})).chainHead).toEqual(before.head);
    t.app.shutdown();
    (await reopenAndCheck(dataDir)).shutdown();
  });
});

describe('disk full: key slot changes, sign-in and export (real tmpfs mounts)', () => {
  /** Whether a secret opens the ledger's key file as it counts now (read-only: settles nothing on disk). */
  async function opens(dataDir: string, kind: 'user' | 'recovery', secret: string): Promise<boolean> {
    const { unlockLedger } = await import('../../database');
    try {
      unlockLedger({ dir: dataDir, credentials: { kind, username: kind === 'user' ? HEAD_USER.username : '', secret }, kdf: TEST_KDF, readonly: true }).close();
      return true;
    } catch {
      return false;
    }
  }

  const eventsOf = (app: MasaApp, type: string) =>
    (rawHandle(app.requireStore()).prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;

  it.skipIf(noMount)('22.4: password and recovery-code changes swept across a filling disk: DISK_FULL changes nothing (the old secret opens, no event); otherwise the new one opens with its event', async () => {
    const mnt = mustMount(16);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir });
    apps.push(t.app);
    let password = HEAD_USER.password;
    let code = t.recoveryCode;
    const outcomes: string[] = [];
    for (let leave = 0; leave <= 40 * 1024; leave += 4096) {
      const filler = fill(mnt, leave);
      const next = `Yeni-Parola-${leave}-x`;
      const before = ledgerState(t.app);
      const changed = await t.call('auth.changePassword', { currentPassword: password, newPassword: next, newPasswordRepeat: next });
      const renewed = await t.call('ledger.newRecoveryCode', { password: changed.ok ? next : password });
      fs.rmSync(filler);
      if (!changed.ok) {
        expect(changed.error).toEqual({ ...DISK_FULL, params: {} });
        expect(await opens(dataDir, 'user', password)).toBe(true);
        expect(await opens(dataDir, 'user', next)).toBe(false);
      } else {
        expect(await opens(dataDir, 'user', next)).toBe(true);
        expect(await opens(dataDir, 'user', password)).toBe(false);
        password = next;
      }
      if (!renewed.ok) {
        // The old code still opens: the desk is never left without a working recovery code.
        expect(renewed.error).toEqual({ ...DISK_FULL, params: {} });
        expect(await opens(dataDir, 'recovery', code)).toBe(true);
      } else {
        expect(await opens(dataDir, 'recovery', renewed.value.recoveryCode)).toBe(true);
        expect(await opens(dataDir, 'recovery', code)).toBe(false);
        code = renewed.value.recoveryCode;
      }
      const after = ledgerState(t.app);
      expect(after.events).toBe(before.events + Number(changed.ok) + Number(renewed.ok));
      outcomes.push(`${changed.ok}/${renewed.ok}`);
    }
    // The sweep went from refused to done.
    expect(outcomes[0]).toBe('false/false');
    expect(outcomes.at(-1)).toBe('true/true');
    expect(eventsOf(t.app, 'user.password_changed')).toBe(outcomes.filter((o) => o.startsWith('true')).length);
    t.app.shutdown();
    // Reopened like a restart: the last password that was answered as changed opens, and verifies.
    const again = new MasaApp({ dataDir, kdf: TEST_KDF });
    apps.push(again);
    expect(await dispatch(again, 'auth.login', { username: HEAD_USER.username, password })).toMatchObject({ ok: true });
    expect(await dispatch(again, 'ledger.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    again.shutdown();
  });

  it.skipIf(noMount)('22.7: sign-in on a full data disk says the disk is full and what to free (not INTERNAL); it works once space is freed', async () => {
    const mnt = mustMount(16);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir });
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const filler = fill(mnt, 0);
    const app = new MasaApp({ dataDir, kdf: TEST_KDF });
    apps.push(app);
    const r = await dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL_SIGN_IN' } });
    const message = !r.ok ? r.error.message : '';
    expect(message).toContain('Diskte yer kalmadı');
    expect(message).toContain(dataDir);
    expect(message).toContain('yer açın');
    expect(app.session).toBeNull();
    expect(app.store).toBeNull();
    fs.rmSync(filler);
    expect(await dispatch(app, 'auth.login', { username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: true });
    expect(await dispatch(app, 'ledger.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    app.shutdown();
  });

  it.skipIf(noMount)('22.7: export to a full USB stick says the disk is full and what to free; no half file is left; it works with space', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    apps.push(t.app);
    scratch.push(t.app.dataDir);
    seedAppointments(t.app, { date: '2026-11-24', count: 200 });
    closeDay(t.app, '2026-11-24'); // an open day is not exported
    const usb = mustMount(1);
    const filler = fill(usb, 0);
    const before = ledgerState(t.app);
    const r = await t.call('reconciliation.export', { date: '2026-11-24', outDir: usb });
    expect(r).toMatchObject({ ok: false, error: { code: 'EXPORT_DISK_FULL' } });
    const message = !r.ok ? r.error.message : '';
    expect(message).toContain('Diskte yer kalmadı');
    expect(message).toContain(usb);
    expect(fs.readdirSync(usb)).toEqual(['filler.bin']);
    expect(ledgerState(t.app)).toEqual(before);
    fs.rmSync(filler);
    const ok = await t.ok('reconciliation.export', { date: '2026-11-24', outDir: usb });
    expect(fs.existsSync(ok.xlsxPath)).toBe(true);
  });

  it.skipIf(noMount)('22.7: export from a full data disk: the file is written elsewhere but cannot be recorded; the message says so and what to free', async () => {
    const mnt = mustMount(16);
    const dataDir = path.join(mnt, 'data');
    const t = await setUpApp({ dataDir, now: () => new Date('2026-11-24T08:00:00Z') });
    apps.push(t.app);
    seedAppointments(t.app, { date: '2026-11-24', count: 200 });
    closeDay(t.app, '2026-11-24'); // an open day is not exported
    const out = scratchDir('masa-diskfull-export-');
    const filler = fill(mnt, 0);
    const before = ledgerState(t.app);
    const r = await t.call('reconciliation.export', { date: '2026-11-24', outDir: out });
    fs.rmSync(filler);
    expect(r).toMatchObject({ ok: false, error: { code: 'EXPORT_NOT_RECORDED' } });
    const message = !r.ok ? r.error.message : '';
    expect(message).toContain('Diskte yer kalmadı');
    expect(message).toContain(dataDir);
    expect(ledgerState(t.app)).toEqual(before);
  });
});
