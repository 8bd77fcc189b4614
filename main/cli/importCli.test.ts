import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEADERS, csvText, rowsOf, textRow } from '../import/testing/fixtures';
import { openpyxlMissing, readXlsxWithOpenpyxl } from '../import/testing/openpyxl';
import { HEAD_USER, setUpApp } from '../testing/appFixture';

/**
 * `npm run cli -- import FILE --report R.xlsx` as a real child process. The log is left on
 * (no MASA_LOG=silent): a refusal must reach the user as a sentence, never as a JSON log line.
 */
function cli(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_USER: HEAD_USER.username, MASA_PASSWORD: HEAD_USER.password };
  delete env.MASA_LOG;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, input: '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function office() {
  const t = await setUpApp({ now: () => new Date('2026-11-24T07:00:00Z') });
  await t.ok('auth.logout', {});
  t.app.shutdown();
  const dir = tempDir('masa-import-cli-');
  const list = path.join(dir, 'randevu-listesi.csv');
  fs.writeFileSync(list, csvText(rowsOf(HEADERS, [textRow(1), textRow(2)])));
  return { dataDir: t.app.dataDir, dir, list };
}

/** Nothing imported yet: a dry run still sees both rows as new. */
function addedOnDryRun(list: string, dataDir: string): number {
  const r = cli(['import', list, '--dry-run', '--json'], dataDir);
  expect(r.code).toBe(0);
  return JSON.parse(r.out).value.report.counts.added;
}

const isRoot = process.getuid?.() === 0;
if (isRoot) console.warn('importCli.test.ts: the unwritable-folder case is skipped: running as root, every folder is writable');

describe('npm run cli -- import --report', () => {
  it('a report folder that does not exist is refused before the import is applied, in Turkish, without a log line', async () => {
    const { dataDir, list } = await office();
    const r = cli(['import', list, '--report', '/nonexistent/r.xlsx'], dataDir);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('Reddedildi: Rapor yazılamadı: /nonexistent klasörü yok. İçe aktarma yapılmadı; hiçbir değişiklik kaydedilmedi.');
    expect(r.err).not.toContain('Beklenmeyen');
    expect(r.err).not.toContain('{"t"');
    expect(r.out).toBe('');
    expect(addedOnDryRun(list, dataDir)).toBe(2);
  });

  it('a folder given as the report name is refused (tr and en); nothing is imported', async () => {
    const { dataDir, list, dir } = await office();
    const tr = cli(['import', list, '--report', dir], dataDir);
    expect(tr.code).toBe(1);
    expect(tr.err).toContain(`Rapor yazılamadı: ${dir} bir klasör; rapor için bir dosya adı verin (ör. rapor.xlsx). İçe aktarma yapılmadı`);
    const en = cli(['import', list, '--report', `${dir}/`, '--lang', 'en'], dataDir);
    expect(en.code).toBe(1);
    expect(en.err).toContain('is a folder; give a file name for the report (e.g. report.xlsx). The import was not applied; nothing was changed.');
    expect(en.err).not.toContain('{"t"');
    const notAFolder = cli(['import', list, '--report', path.join(list, 'r.xlsx')], dataDir);
    expect(notAFolder.err).toContain(`${list} bir klasör değil.`);
    expect(addedOnDryRun(list, dataDir)).toBe(2);
  });

  it.skipIf(isRoot)('a folder that cannot be written is refused before the import', async () => {
    const { dataDir, list, dir } = await office();
    const locked = path.join(dir, 'kilitli');
    fs.mkdirSync(locked, { mode: 0o500 });
    const r = cli(['import', list, '--report', path.join(locked, 'r.xlsx')], dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${locked} klasörüne yazma izni yok.`);
    expect(addedOnDryRun(list, dataDir)).toBe(2);
  });

  it.skipIf(openpyxlMissing !== null)('a good destination: the import is applied and the report is written (read back by openpyxl)', async () => {
    const { dataDir, list, dir } = await office();
    const report = path.join(dir, 'rapor.xlsx');
    const r = cli(['import', list, '--report', report], dataDir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('İçe aktarıldı: randevu-listesi.csv (2 satır)');
    expect(readXlsxWithOpenpyxl(report)[0]!.rows).toContainEqual(['Eklenen', 2]);
    expect(addedOnDryRun(list, dataDir)).toBe(0);
  });
});
