import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

/** The command line as a real child process on a data folder set up in this process (cheap scrypt). */
function cli(args: string[], opts: { dataDir: string; password?: string; user?: string; recoveryCode?: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: opts.dataDir, MASA_LOG: 'silent' };
  delete env.MASA_PASSWORD;
  delete env.MASA_USER;
  delete env.MASA_RECOVERY_CODE;
  if (opts.password !== undefined) env.MASA_PASSWORD = opts.password;
  if (opts.user !== undefined) env.MASA_USER = opts.user;
  if (opts.recoveryCode !== undefined) env.MASA_RECOVERY_CODE = opts.recoveryCode;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, input: '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const HEAD = { user: HEAD_USER.username, password: HEAD_USER.password };

async function office() {
  const t = await setUpApp({ now: () => new Date('2026-11-24T09:30:00Z') });
  const [row] = seedAppointments(t.app, { date: '2026-11-24', count: 1 });
  await t.ok('desk.detail', { randevuNo: row!.randevuNo });
  await t.ok('auth.logout', {});
  t.app.shutdown();
  return { dataDir: t.app.dataDir, recoveryCode: t.recoveryCode, randevuNo: row!.randevuNo };
}

describe('npm run cli -- backup --set-folder / restore of an unopenable ledger / access-log', () => {
  it('sets the backup folder (refusing one inside the data folder); later backups go there', async () => {
    const { dataDir } = await office();
    const inside = cli(['backup', '--set-folder', path.join(dataDir, 'yedek')], { dataDir, ...HEAD });
    expect(inside.code).toBe(1);
    expect(inside.err).toContain('Yedek klasörü veri klasörünün içinde olamaz');
    const usb = path.join(tempDir('masa-usb-'), 'yedekler');
    const set = cli(['backup', '--set-folder', usb], { dataDir, ...HEAD });
    expect(set.code).toBe(0);
    expect(set.out).toContain(`Yedek klasörü ayarlandı: ${usb}`);
    expect(fs.existsSync(usb) && fs.readdirSync(usb)).toEqual([]);
    const b = cli(['backup', '--json'], { dataDir, ...HEAD });
    expect(b.code).toBe(0);
    const made = JSON.parse(b.out).value;
    expect(path.dirname(made.dir)).toBe(usb);
    // The command waits for the full check: the backup is sealed when it ends.
    expect(made.verification).toMatchObject({ state: 'verified' });
    expect(fs.existsSync(path.join(made.dir, 'dogrulandi.json'))).toBe(true);
    expect(cli(['backup', '--to', usb, '--set-folder', usb], { dataDir, ...HEAD }).code).toBe(2);
  });

  it('a corrupted ledger file: restore proves the head password on the backup; then status and verify pass', async () => {
    const { dataDir } = await office();
    const usb = tempDir('masa-usb-');
    const b = JSON.parse(cli(['backup', '--to', usb, '--json'], { dataDir, ...HEAD }).out).value;
    const f = path.join(dataDir, 'masa.ledger');
    const bytes = fs.readFileSync(f);
    bytes.fill(0x33, 4096, bytes.length);
    fs.writeFileSync(f, bytes);
    const refused = cli(['status'], { dataDir, ...HEAD });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Reddedildi');
    const r = cli(['restore', b.dir, '--json'], { dataDir, ...HEAD });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out).value;
    expect(fs.readFileSync(path.join(v.keptAside, 'masa.ledger')).equals(bytes)).toBe(true);
    const ver = cli(['verify', '--json'], { dataDir, ...HEAD });
    expect(ver.code).toBe(0);
    expect(JSON.parse(ver.out).value.ok).toBe(true);
  });

  it('a deleted key file: restore --recovery-code (MASA_RECOVERY_CODE); a wrong code changes nothing', async () => {
    const { dataDir, recoveryCode } = await office();
    const usb = tempDir('masa-usb-');
    const b = JSON.parse(cli(['backup', '--to', usb, '--json'], { dataDir, ...HEAD }).out).value;
    fs.rmSync(path.join(dataDir, 'masa.keys.json'));
    const wrong = cli(['restore', b.dir, '--recovery-code'], { dataDir, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Kurtarma kodu hatalı.');
    expect(fs.existsSync(path.join(dataDir, 'masa.keys.json'))).toBe(false);
    const r = cli(['restore', b.dir, '--recovery-code', '--lang', 'en'], { dataDir, recoveryCode });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Restored: ');
    expect(cli(['verify'], { dataDir, ...HEAD }).code).toBe(0);
  });

  it('access-log --date --json lists the view; a clerk is refused', async () => {
    const { dataDir, randevuNo } = await office();
    const r = cli(['access-log', '--date', '2026-11-24', '--json'], { dataDir, ...HEAD });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value).toEqual([expect.objectContaining({ action: 'record.viewed', entity: `appointment:${randevuNo}`, user: HEAD_USER.displayName })]);
    const human = cli(['access-log', '--date', '2026-11-24'], { dataDir, ...HEAD });
    expect(human.out).toContain('görüntüledi');
    expect(human.out).toContain('2026-11-24 12:30:00'); // Turkey time
    expect(JSON.parse(cli(['access-log', '--date', '2026-11-23', '--json'], { dataDir, ...HEAD }).out).value).toEqual([]);
    expect(cli(['access-log', '--date', '24.11.2026'], { dataDir, ...HEAD }).code).toBe(2);
    const t = newApp({ dataDir });
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const clerk = cli(['access-log', '--date', '2026-11-24'], { dataDir, user: 'gorevli', password: 'Gecici-Parola-1' });
    expect(clerk.code).toBe(1);
  });
});
