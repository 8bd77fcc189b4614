import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { tcknFromPrefix } from '../domain/tckn';

/** close-day and the export's open-day rule from the command line: a real child process, real files. */
const PW = 'Komut-Satiri-2026';
function cli(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: 'mudur', MASA_PASSWORD: PW };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('close-day --date D, and export of an open day', () => {
  it('export is refused (exit 1) naming how many wait; close-day turns them GELMEDİ once; then export writes the pair', () => {
    const dir = tempDir('masa-close-day-');
    expect(cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir).code).toBe(0);
    const header = 'Randevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi';
    const lines = [1, 2, 3].map((i) => `35-2026-00000${i};BAKICI-2020;35;24.11.2026;10:00;25.06.2026 10:00:00;${tcknFromPrefix(String(100000000 + i))};Ayşe;Yılmaz;01.10.2025`);
    const list = path.join(tempDir(), 'liste.csv');
    fs.writeFileSync(list, [header, ...lines].join('\n'));
    expect(cli(['import', list], dir).code).toBe(0);
    const out = tempDir('masa-close-day-out-');
    const refused = cli(['export', '--date', '2026-11-24', '--out', out], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('24.11.2026 gününün 3 randevusunun sonucu yok (3 bekliyor, 0 gelmiş ama sonuçlanmamış)');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(cli(['close-day'], dir).code).toBe(2);
    const closed = cli(['close-day', '--date', '2026-11-24', '--json'], dir);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.out)).toMatchObject({ ok: true, value: { date: '2026-11-24', noShows: 3 } });
    const again = cli(['close-day', '--date', '2026-11-24'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('24.11.2026 günü zaten kapatıldı');
    expect(cli(['export', '--date', '2026-11-24', '--out', out], dir).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['MUTABAKAT_35_M01_20261124.xlsx', 'MUTABAKAT_35_M01_20261124.xlsx.sig']);
  }, 120_000);
});
