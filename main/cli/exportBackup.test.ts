import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER } from '../testing/appFixture';
import { DAY, officeWithDay } from '../testing/reconciliationFixtures';

/** The backup that follows an export: its failure is told in words, not only as a log line. */
const made: string[] = [];
const dir = (p: string) => {
  const d = tempDir(p);
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: HEAD_USER.username, MASA_PASSWORD: HEAD_USER.password };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, input: '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cli -- export: the end-of-day backup', () => {
  it('says where the backup went; a failed backup is a warning in Turkish (and in --json), the export stands', async () => {
    const t = await officeWithDay('M01');
    made.push(t.app.dataDir);
    const usb = path.join(dir('masa-usb-'), 'yedek');
    await t.ok('backup.setFolder', { dir: usb });
    await t.ok('auth.logout', {});
    t.app.shutdown();

    const good = cli(['export', '--date', DAY, '--out', dir('masa-out-')], t.app.dataDir);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(new RegExp(`Gün sonu yedeği alındı: ${usb}/masa-yedek-\\d{8}-\\d{6}`));
    expect(good.err).toBe('');

    // The USB disk is gone and a file now has its name: the backup cannot be written.
    fs.rmSync(usb, { recursive: true, force: true });
    fs.writeFileSync(usb, 'bir dosya');
    const out = dir('masa-out-');
    const bad = cli(['export', '--date', DAY, '--out', out], t.app.dataDir);
    expect(bad.code).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(2);
    expect(bad.err).toContain('UYARI: dosya yazıldı, ancak gün sonu yedeği alınamadı: Yedek klasörüne yazılamıyor');
    expect(bad.out).not.toContain('Gün sonu yedeği alındı');
    const en = cli(['export', '--date', DAY, '--out', dir('masa-out-'), '--lang', 'en'], t.app.dataDir);
    expect(en.err).toContain('WARNING: the file was written, but the end-of-day backup could not be taken: The backup folder cannot be written');
    const json = cli(['export', '--date', DAY, '--out', dir('masa-out-'), '--json'], t.app.dataDir);
    expect(JSON.parse(json.out).value.backup).toMatchObject({ ok: false, message: expect.stringContaining('Yedek klasörüne yazılamıyor') });
  }, 180_000);
});
