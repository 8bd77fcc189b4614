import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { sampleRows, writeSampleCsv } from '../import/testing/sampleList';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { rawHandle } from '../../database/testing/internals';

/**
 * Each damage class of the data folder, made for real on a copy of an office's folder and met
 * by the real command line (a child process, killed by its own pid where a crash is needed):
 * its own Turkish message instead of "Beklenmeyen bir hata oluştu." or a healthy status, never a
 * new ledger, and `restore BACKUP` rescues without flags (issue 22 items 1, 2, 6; issue 20 item 15).
 */
const HEAD = { user: HEAD_USER.username, password: HEAD_USER.password };
const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dirFor(prefix: string): string {
  const d = tempDir(prefix);
  scratch.push(d);
  return d;
}

function cli(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: HEAD.user, MASA_PASSWORD: HEAD.password, ...env };
  if (!env.MASA_TEST_CRASH_AT) delete e.MASA_TEST_CRASH_AT;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env: e, input: '', encoding: 'utf8' });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** An office with a verified backup on a "USB stick"; the data folder is copied for each case. */
const office = (async () => {
  const t = await setUpApp();
  const usb = dirFor('masa-usb-');
  const b = await t.ok('backup.create', { to: usb });
  await t.app.backupVerifier.idle();
  await t.ok('auth.logout', {});
  t.app.shutdown();
  scratch.push(t.app.dataDir);
  return { dataDir: t.app.dataDir, backupDir: b.dir, backupHead: b.chainHead };
})();

async function copyOfOffice(): Promise<string> {
  const { dataDir } = await office;
  const d = dirFor('masa-damage-');
  for (const f of fs.readdirSync(dataDir)) {
    const from = path.join(dataDir, f);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(d, f));
  }
  return d;
}

/** `restore BACKUP` with no flag rescues, and the restored ledger then reports healthy. */
async function restoresWithoutFlags(dataDir: string): Promise<void> {
  const { backupDir } = await office;
  const r = cli(['restore', backupDir], dataDir);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Geri yüklendi');
  const v = cli(['verify', '--json'], dataDir);
  expect(v.code).toBe(0);
  expect(JSON.parse(v.out).value.ok).toBe(true);
}

function refusal(r: { code: number | null; err: string }): string {
  expect(r.code).toBe(1);
  return r.err;
}

describe('damage classes of the data folder, through the real command line', () => {
  it('22.1: a committed import whose -wal is deleted after a crash: status and verify say "lost acknowledged writes", never healthy; restore rescues', async () => {
    const dataDir = await copyOfOffice();
    const list = path.join(dirFor('masa-list-'), 'liste.csv');
    await writeSampleCsv(sampleRows({ date: '2026-12-01', province: '35', count: 300, seed: 5, extras: false }), list);
    // Killed right after the import's COMMIT returned (and was witnessed), before any checkpoint.
    const killed = cli(['import', list], dataDir, { MASA_TEST_CRASH_AT: 'committed:import.applied' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fs.statSync(path.join(dataDir, 'masa.ledger-wal')).size).toBeGreaterThan(0);
    fs.rmSync(path.join(dataDir, 'masa.ledger-wal'));
    fs.rmSync(path.join(dataDir, 'masa.ledger-shm'), { force: true });

    for (const command of ['status', 'verify']) {
      const err = refusal(cli([command], dataDir));
      expect(err).toMatch(/Reddedildi: Onaylanmış kayıtlar kaybolmuş: #\d+ numaralı olaya kadar kaydedildiği onaylanmıştı, defterde ise #\d+ numaralı olayda bitiyor/);
      expect(err).toContain('restore YEDEK_KLASÖRÜ');
    }
    const json = JSON.parse(cli(['status', '--json'], dataDir).out);
    expect(json.error.code).toBe('LEDGER_LOST_WRITES');
    expect(json.error.params.witnessSeq).toBeGreaterThan(json.error.params.ledgerSeq);
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('22.2: a 0-byte ledger file beside its key file is never rebuilt: what is wrong, and restore', async () => {
    const dataDir = await copyOfOffice();
    fs.writeFileSync(path.join(dataDir, 'masa.ledger'), '');
    fs.rmSync(path.join(dataDir, 'masa.ledger-wal'), { force: true });
    const err = refusal(cli(['status'], dataDir));
    expect(err).toContain('Defter dosyası boş (0 bayt)');
    expect(err).toContain('yeni boş bir defter oluşturulmadı');
    // Not a wrong password, so no throttling: asking again gets the same answer at once.
    expect(refusal(cli(['status'], dataDir))).toContain('Defter dosyası boş (0 bayt)');
    expect(fs.statSync(path.join(dataDir, 'masa.ledger')).size).toBe(0);
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('22.2: a missing ledger file or a foreign one (another office\'s) is refused with its reason; restore rescues', async () => {
    const missing = await copyOfOffice();
    fs.rmSync(path.join(missing, 'masa.ledger'));
    expect(refusal(cli(['status'], missing))).toContain('Defter dosyası bulunamadı');
    await restoresWithoutFlags(missing);

    const foreign = await copyOfOffice();
    const other = await setUpApp();
    await other.ok('auth.logout', {});
    other.app.shutdown();
    scratch.push(other.app.dataDir);
    fs.copyFileSync(path.join(other.app.dataDir, 'masa.ledger'), path.join(foreign, 'masa.ledger'));
    expect(refusal(cli(['status'], foreign))).toContain('başka bir defterin dosyası da olabilir');
    await restoresWithoutFlags(foreign);
  }, 120_000);

  it('22.6: one byte flipped in an events page: its own message (not INTERNAL), and restore rescues', async () => {
    const dataDir = await copyOfOffice();
    const f = path.join(dataDir, 'masa.ledger');
    const bytes = fs.readFileSync(f);
    // Page 4 is the events table's root (after the schema and chain_head pages).
    bytes[3 * 4096 + 1000]! ^= 0xff;
    fs.writeFileSync(f, bytes);
    const err = refusal(cli(['status'], dataDir));
    expect(err).not.toContain('Beklenmeyen');
    expect(err).toContain('Defter dosyasının içinde bozuk sayfa var');
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('22.6: one byte flipped in the users table\'s page (read at sign-in itself): its own message, and restore rescues', async () => {
    const dataDir = await copyOfOffice();
    const t = newApp({ dataDir });
    await t.ok('auth.login', { username: HEAD.user, password: HEAD.password });
    const root = (rawHandle(t.app.requireStore()).prepare("SELECT rootpage FROM sqlite_master WHERE name = 'users'").get() as { rootpage: number }).rootpage;
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const f = path.join(dataDir, 'masa.ledger');
    const bytes = fs.readFileSync(f);
    bytes[(root - 1) * 4096 + 1500]! ^= 0xff;
    fs.writeFileSync(f, bytes);
    const err = refusal(cli(['status'], dataDir));
    expect(err).not.toContain('Beklenmeyen');
    expect(err).toContain('Defter dosyasının içinde bozuk sayfa var');
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('22.6: the last page cut short by 100 bytes: its own message, and restore rescues', async () => {
    const dataDir = await copyOfOffice();
    const f = path.join(dataDir, 'masa.ledger');
    fs.truncateSync(f, fs.statSync(f).size - 100);
    const err = refusal(cli(['status'], dataDir));
    expect(err).toMatch(/Defter dosyasının sonu kesilmiş \(\d+ bayt, tam sayfa değil\)/);
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('22.6: a key slot asking for scrypt N=2^30: its own message, and restore rescues', async () => {
    const dataDir = await copyOfOffice();
    const f = path.join(dataDir, 'masa.keys.json');
    const slots = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const s of slots.slots) s.kdf.N = 2 ** 30;
    fs.writeFileSync(f, JSON.stringify(slots));
    const err = refusal(cli(['status'], dataDir));
    expect(err).toContain(`N=${2 ** 30}`);
    expect(err).toContain('Anahtar dosyası bozuk ya da değiştirilmiş');
    await restoresWithoutFlags(dataDir);
  }, 120_000);

  it('20.15: restore into an empty data folder (a new PC) takes the backup\'s own proof of right, without --by-backup', async () => {
    const { backupHead } = await office;
    const empty = path.join(dirFor('masa-newpc-'), 'veri');
    await restoresWithoutFlags(empty);
    const s = JSON.parse(cli(['status', '--json'], empty).out).value;
    // The restore's own event follows the backup's head; then verify and status signed in and out.
    expect(s.chainHead.seq).toBeGreaterThan(backupHead.seq);
  }, 120_000);
});
