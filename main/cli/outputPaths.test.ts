import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { tcknFromPrefix } from '../domain/tckn';

/**
 * Every command that writes where it is told (report, lists, export, merge, import --report,
 * backup --to / --set-folder) pointed at the ledger, the key file, the data folder and a
 * symbolic link to it: each is refused, and the ledger and key file are untouched. Existing
 * files of another kind are never replaced.
 */
const made: string[] = [];
const dir = (prefix: string) => {
  const d = tempDir(prefix);
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

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function listFile(): string {
  const lines = ['Randevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi'];
  for (let i = 1; i <= 3; i++) lines.push(`35-2026-${String(900000 + i)};BAKICI-2020;35;24.11.2026;10:00;25.06.2026 10:00:00;${tcknFromPrefix(String(200000000 + i))};Ayşe;Yılmaz;01.10.2025`);
  const f = path.join(dir('masa-list-'), 'liste.csv');
  fs.writeFileSync(f, lines.join('\n'));
  return f;
}

async function office() {
  const t = await setUpApp({ dataDir: dir('masa-data-'), now: () => new Date('2026-11-24T09:30:00Z') });
  seedAppointments(t.app, { date: '2026-11-24', count: 2 });
  await t.ok('auth.logout', {});
  t.app.shutdown();
  return t.app.dataDir;
}

describe('output paths: never inside the data folder, never over a file of another kind', () => {
  it('each writing command is refused against the ledger, the key file, the data folder and a link to it', async () => {
    const dataDir = await office();
    const ledger = path.join(dataDir, 'masa.ledger');
    const keys = path.join(dataDir, 'masa.keys.json');
    const keysBefore = sha(keys);
    const link = path.join(dir('masa-link-'), 'veri');
    fs.symlinkSync(dataDir, link);
    const list = listFile();
    const attempts: string[][] = [
      ['report', '--date', '2026-11-24', '--out', ledger],
      ['report', '--date', '2026-11-24', '--out', path.join(link, 'masa.ledger')],
      ['report', '--date', '2026-11-24', '--out', path.join(link, 'rapor.pdf')],
      ['lists', '--pack', 'BAKICI-2020', '--out', keys],
      ['lists', '--pack', 'BAKICI-2020', '--out', path.join(link, 'masa.keys.json')],
      ['import', list, '--report', keys],
      ['import', list, '--report', ledger],
      ['import', list, '--report', path.join(link, 'rapor.xlsx')],
      ['export', '--date', '2026-11-24', '--out', dataDir],
      ['export', '--date', '2026-11-24', '--out', link],
      ['merge', list, '--out', link],
      ['backup', '--to', dataDir],
      ['backup', '--to', link],
      ['backup', '--to', path.join(link, 'alt')],
      ['backup', '--set-folder', link],
      ['backup', '--set-folder', path.join(link, 'yedek')],
    ];
    for (const args of attempts) {
      const r = cli(args, dataDir);
      expect(r.code, `${args.join(' ')} was accepted: ${r.out}`).toBe(1);
      expect(r.err, args.join(' ')).toMatch(/veri klasörünün içine yazılamaz|veri klasörünün içinde olamaz/);
    }
    expect(sha(keys)).toBe(keysBefore);
    // Nothing was imported, exported or written into the data folder.
    expect(fs.readdirSync(dataDir).filter((f) => !/^masa\.(ledger|keys\.json|lock|head)|^giris-denemeleri|^ayarlar|\.json$|-wal$|-shm$/.test(f))).toEqual([]);
    const status = JSON.parse(cli(['status', '--json'], dataDir).out).value;
    expect(status.counts.appointments).toBe(2);
    const v = cli(['verify', '--json'], dataDir);
    expect(JSON.parse(v.out).value.ok).toBe(true);
  }, 240_000);

  it('an existing file of another kind is never replaced; a PDF of the same name is', async () => {
    const dataDir = await office();
    const out = dir('masa-out-');
    const notes = path.join(out, 'notlar.txt');
    fs.writeFileSync(notes, 'önemli notlar');
    const r = cli(['report', '--date', '2026-11-24', '--out', notes], dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('zaten var ve bir PDF dosyası değil');
    expect(fs.readFileSync(notes, 'utf8')).toBe('önemli notlar');
    const rep = cli(['import', listFile(), '--report', notes], dataDir);
    expect(rep.code).toBe(1);
    expect(rep.err).toContain('Excel (.xlsx) dosyası değil');
    expect(fs.readFileSync(notes, 'utf8')).toBe('önemli notlar');
    // A folder that already holds a file with the export's name, not a workbook: left alone.
    const exportDir = dir('masa-exp-');
    const clash = path.join(exportDir, 'MUTABAKAT_35_M01_20261124.xlsx');
    fs.writeFileSync(clash, 'başka bir dosya');
    const e = cli(['export', '--date', '2026-11-24', '--out', exportDir], dataDir);
    expect(e.code).toBe(1);
    expect(fs.readFileSync(clash, 'utf8')).toBe('başka bir dosya');
    // A PDF named by the user is theirs to replace with a new one.
    const pdf = path.join(out, 'rapor.pdf');
    expect(cli(['report', '--date', '2026-11-24', '--out', pdf], dataDir).code).toBe(0);
    fs.appendFileSync(pdf, 'eski'); // marks the first copy: the second run must replace it whole
    expect(cli(['report', '--date', '2026-11-24', '--out', pdf], dataDir).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(pdf).subarray(-4).toString()).not.toBe('eski');
    expect(fs.readdirSync(out).sort()).toEqual(['notlar.txt', 'rapor.pdf']);
  }, 240_000);
});
