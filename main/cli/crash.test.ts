import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { tcknFromPrefix } from '../domain/tckn';
import { opensslVerify } from '../testing/reconciliationFixtures';
import { createHash } from 'node:crypto';

/**
 * SIGKILL in the middle of an import and of an export, at the worst moment: everything written
 * inside the transaction, nothing committed. After restart nothing of it is visible, nothing
 * acknowledged before is lost, and the ledger verifies.
 */
const PW = 'Komut-Satiri-2026';
function cli(args: string[], dataDir: string, crashAt?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: 'mudur', MASA_PASSWORD: PW };
  if (crashAt) env.MASA_TEST_CRASH_AT = crashAt;
  else delete env.MASA_TEST_CRASH_AT;
  return spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, encoding: 'utf8' });
}

function list(rows: number, start: number): string {
  const lines = ['Randevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi'];
  for (let i = start; i < start + rows; i++) {
    lines.push(`35-2026-${String(i).padStart(6, '0')};BAKICI-2020;35;24.11.2026;10:00;25.06.2026 10:00:00;${tcknFromPrefix(String(100000000 + i))};Ayşe;Yılmaz;01.10.2025`);
  }
  const f = path.join(tempDir(), `liste-${start}.csv`);
  fs.writeFileSync(f, lines.join('\n'));
  return f;
}

describe('crash safety of import and export', () => {
  it('SIGKILL inside the import transaction: nothing of it is visible; the earlier import stays', () => {
    const dir = tempDir('masa-crash-');
    expect(cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir).status).toBe(0);
    expect(cli(['import', list(50, 1)], dir).status).toBe(0);
    const killed = cli(['import', list(2000, 1000)], dir, 'record:import.applied');
    expect(killed.signal).toBe('SIGKILL');
    const status = JSON.parse(cli(['status', '--json'], dir).stdout).value;
    expect(status.counts.appointments).toBe(50);
    const v = cli(['verify', '--json'], dir);
    expect(v.status).toBe(0);
    expect(JSON.parse(v.stdout).value.ok).toBe(true);
  }, 120_000);

  it('SIGKILL while recording an export: the ledger is unchanged and verifies; no half file has the real name', () => {
    const dir = tempDir('masa-crash-');
    cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir);
    cli(['import', list(20, 1)], dir);
    // An open day is not exported: its 20 waiting appointments become GELMEDİ first.
    expect(cli(['close-day', '--date', '2026-11-24'], dir).status).toBe(0);
    const before = JSON.parse(cli(['status', '--json'], dir).stdout).value.events;
    const out = tempDir();
    const killed = cli(['export', '--date', '2026-11-24', '--out', out], dir, 'record:reconciliation.exported');
    expect(killed.signal).toBe('SIGKILL');
    // The file itself was complete (renamed only when whole); the ledger does not know of it.
    for (const f of fs.readdirSync(out)) expect(f).toMatch(/^MUTABAKAT_35_M01_20261124\.xlsx(\.sig)?$/);
    const after = JSON.parse(cli(['status', '--json'], dir).stdout).value.events;
    // The killed export run signed in (1 event) and `status` signs in and out (2); the export itself added nothing.
    expect(after).toBe(before + 3);
    expect(JSON.parse(cli(['verify', '--json'], dir).stdout).value.ok).toBe(true);
  }, 120_000);

  it('SIGKILL at every step of a re-export over that day\'s pair: a workbook and a .sig with the real names always match', () => {
    const dir = tempDir('masa-crash-');
    cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir);
    cli(['import', list(10, 1)], dir);
    expect(cli(['close-day', '--date', '2026-11-24'], dir).status).toBe(0);
    const first = tempDir('masa-out-');
    expect(cli(['export', '--date', '2026-11-24', '--out', first], dir).status).toBe(0);
    // Every run signs in (an event), so the re-export's Defter Zinciri Başı, and its bytes, differ from the first pair's.
    const name = 'MUTABAKAT_35_M01_20261124.xlsx';
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const oldSha = sha(path.join(first, name));
    for (const step of ['reconciliation:xlsx-written', 'reconciliation:sig-written', 'reconciliation:old-sig-aside', 'reconciliation:xlsx-renamed', 'reconciliation:sig-renamed']) {
      const out = tempDir('masa-out-');
      for (const f of [name, `${name}.sig`]) fs.copyFileSync(path.join(first, f), path.join(out, f));
      const killed = cli(['export', '--date', '2026-11-24', '--out', out], dir, step);
      expect(killed.signal, step).toBe('SIGKILL');
      const xlsx = path.join(out, name);
      const sig = path.join(out, `${name}.sig`);
      expect(fs.existsSync(xlsx), `${step}: a workbook always has the real name`).toBe(true);
      if (fs.existsSync(sig)) {
        expect(JSON.parse(fs.readFileSync(sig, 'utf8')).sha256, `${step}: the .sig beside the workbook is its own`).toBe(sha(xlsx));
        expect(opensslVerify(xlsx, sig), step).toBe(true);
      }
      // The next export settles what the crash left and writes the new pair.
      const again = cli(['export', '--date', '2026-11-24', '--out', out, '--json'], dir);
      expect(again.status, step).toBe(0);
      expect(fs.readdirSync(out).sort(), step).toEqual([name, `${name}.sig`]);
      expect(opensslVerify(xlsx, sig), step).toBe(true);
      expect(sha(xlsx), step).not.toBe(oldSha);
      expect(JSON.parse(again.stdout).value.counts.appointments, step).toBe(10);
    }
    expect(JSON.parse(cli(['verify', '--json'], dir).stdout).value.ok).toBe(true);
  }, 300_000);
});
