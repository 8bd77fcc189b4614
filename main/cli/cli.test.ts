import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';

/** The command line as the office head uses it: a real child process, real files, exit codes. */
function cli(args: string[], opts: { dataDir: string; password?: string; stdin?: string; user?: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: opts.dataDir, MASA_LOG: 'silent' };
  delete env.MASA_PASSWORD;
  delete env.MASA_USER;
  if (opts.password !== undefined) env.MASA_PASSWORD = opts.password;
  if (opts.user !== undefined) env.MASA_USER = opts.user;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, input: opts.stdin ?? '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cli', () => {
  const dataDir = tempDir('masa-cli-');
  const PW = 'Komut-Satiri-2026';

  it('--help lists the commands in Turkish and exits 0; no command exits 2', () => {
    const help = cli(['--help'], { dataDir });
    expect(help.code).toBe(0);
    expect(help.out).toContain('init --username');
    expect(help.out).toContain('Parola: MASA_PASSWORD ya da standart girdi');
    expect(cli([], { dataDir }).code).toBe(2);
    expect(cli(['yokboylebirkomut'], { dataDir }).code).toBe(2);
  });

  it('init with missing options is a usage error (2); bad values are refused (1) with Turkish messages', () => {
    const missing = cli(['init', '--username', 'mudur'], { dataDir, password: PW });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('init için --username, --name, --province ve --desk gerekli.');
    expect(missing.err).toContain('Kullanım: npm run cli -- init');
    const missingEn = cli(['init', '--username', 'mudur', '--lang', 'en'], { dataDir, password: PW });
    expect(missingEn.err).toContain('init needs --username, --name, --province and --desk.');
    expect(missingEn.err).toContain('Usage: npm run cli -- init');
    const unknown = cli(['init', '--kullanici', 'mudur'], { dataDir, password: PW });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Bilinmeyen seçenek: --kullanici');
    const bad = cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '99', '--desk', 'Şube1'], { dataDir, password: PW });
    expect(bad.code).toBe(1);
    // Each refused field is named as the command line names it, not by the schema's key.
    expect(bad.err).toContain('il kodu (--province): İl kodu 1 ile 81 arasında olmalı.');
    expect(bad.err).toContain('masa kodu (--desk): Masa kodu 1-8 büyük harf veya rakam olmalı');
    expect(bad.err).not.toContain('provinceCode');
  });

  it('init takes the password from standard input and prints the recovery code once', () => {
    const r = cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01', '--json'], { dataDir, stdin: `${PW}\n` });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.value.recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  });

  it('status and verify sign in with MASA_PASSWORD and print JSON', () => {
    const s = cli(['status', '--json'], { dataDir, password: PW, user: 'mudur' });
    expect(s.code).toBe(0);
    const v = JSON.parse(s.out).value;
    expect(v.counts.users).toBe(1);
    expect(v.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
    const ver = cli(['verify', '--json'], { dataDir, password: PW, user: 'mudur' });
    expect(ver.code).toBe(0);
    expect(JSON.parse(ver.out).value.ok).toBe(true);
  });

  it('retention lists what is due (nothing on a new ledger) and --erase with nothing due erases nothing', () => {
    const list = cli(['retention'], { dataDir, password: PW, user: 'mudur' });
    expect(list.code).toBe(0);
    expect(list.out).toContain('Saklama süresi dolan kayıt: 0');
    const erase = cli(['retention', '--erase', '--json'], { dataDir, password: PW, user: 'mudur' });
    expect(erase.code).toBe(0);
    expect(JSON.parse(erase.out).value).toMatchObject({ due: [], erasures: [] });
  });

  it('a wrong password exits 1 with the Turkish message; nothing is printed to stdout', () => {
    const r = cli(['status'], { dataDir, password: 'yanlis', user: 'mudur' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Kullanıcı adı veya parola hatalı.');
    expect(r.out).toBe('');
  });

  it('failed sign-ins are counted across CLI runs (in the data folder, without the username) and cleared by a success', () => {
    const dir = tempDir('masa-cli-throttle-');
    expect(cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], { dataDir: dir, password: PW }).code).toBe(0);
    const file = path.join(dir, 'giris-denemeleri.json');
    for (let i = 0; i < 2; i++) expect(cli(['status'], { dataDir: dir, password: 'yanlis', user: 'mudur' }).err).toContain('Kullanıcı adı veya parola hatalı.');
    const kept = fs.readFileSync(file, 'utf8');
    expect(kept).not.toContain('mudur');
    expect(Object.values(JSON.parse(kept)).map((f) => (f as { count: number }).count)).toEqual([2]);
    expect(cli(['status'], { dataDir: dir, password: PW, user: 'mudur' }).code).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('--lang en switches the messages', () => {
    const r = cli(['status', '--lang', 'en'], { dataDir, password: 'yanlis', user: 'mudur' });
    expect(r.err).toContain('Username or password is incorrect.');
  });

  it('--lang en also reaches what used to be Turkish only: usage lines, status and verify (main/texts/cli.ts)', () => {
    const help = cli(['--help', '--lang', 'en'], { dataDir });
    expect(help.out).toContain('npm run cli -- <command> [options] [--json] [--lang en] [--user USER]');
    expect(help.out).toContain('init --username USER --name "FULL NAME" --province PROVINCE_CODE --desk DESK_CODE');
    expect(help.out).not.toContain('KULLANICI');
    const status = cli(['status'], { dataDir, password: PW, user: 'mudur' });
    expect(status.out).toContain('Zincir başı      : #');
    const statusEn = cli(['status', '--lang', 'en'], { dataDir, password: PW, user: 'mudur' });
    expect(statusEn.out).toContain('Chain head       : #');
    expect(statusEn.out).toContain('Users            : 1');
    const verify = cli(['verify'], { dataDir, password: PW, user: 'mudur' });
    expect(verify.out).toContain('Zincir: SAĞLAM (');
    const verifyEn = cli(['verify', '--lang', 'en'], { dataDir, password: PW, user: 'mudur' });
    expect(verifyEn.code).toBe(0);
    expect(verifyEn.out).toMatch(/^Chain: INTACT \(\d+ events checked, head #\d+\)$/m);
    expect(verifyEn.out).toContain('State tables: agree with the events');
  });
});
