import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { csvText, HEADERS, rowsOf, textRow } from '../import/testing/fixtures';
import { DAY, officeWithDay } from '../testing/reconciliationFixtures';

/**
 * Personal data on a shared PC: every export, report and backup file is owner-only (0600), and
 * the folders Masa makes for them 0700, whatever the umask (the usual 022 here).
 */
const dirs: string[] = [];
const dir = (p = 'masa-modes-') => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};
let umask = 0;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('owner-only output files and folders', () => {
  it('export (.xlsx and .sig), import report, backups and yedekler/ are 0600 / 0700', async () => {
    const t = await officeWithDay('M01');
    dirs.push(t.app.dataDir);
    const out = dir();
    const e = await t.ok('reconciliation.export', { date: DAY, outDir: out });
    expect(mode(e.xlsxPath).toString(8)).toBe('600');
    expect(mode(e.sigPath).toString(8)).toBe('600');

    const list = path.join(dir(), 'liste.csv');
    fs.writeFileSync(list, csvText(rowsOf(HEADERS, [textRow(1)])));
    const a = await t.ok('import.analyze', { path: list });
    const report = path.join(out, 'rapor.xlsx');
    await t.ok('import.saveReport', { importId: a.importId, to: report });
    expect(mode(report).toString(8)).toBe('600');

    // An older version's yedekler/ made 0755 is narrowed by the next backup.
    const yedekler = path.join(t.app.dataDir, 'yedekler');
    fs.mkdirSync(yedekler, { recursive: true, mode: 0o755 });
    fs.chmodSync(yedekler, 0o755);
    const b = await t.ok('backup.create', {});
    expect(mode(yedekler).toString(8)).toBe('700');
    expect(mode(b.dir).toString(8)).toBe('700');
    for (const f of fs.readdirSync(b.dir)) expect(`${f} ${mode(path.join(b.dir, f)).toString(8)}`).toBe(`${f} 600`);

    // A folder given with --to that does not exist yet is made owner-only, with its parents.
    const usb = path.join(dir(), 'usb', 'masa-yedek');
    const c = await t.ok('backup.create', { to: usb });
    expect(mode(usb).toString(8)).toBe('700');
    expect(mode(path.dirname(usb)).toString(8)).toBe('700');
    for (const f of fs.readdirSync(c.dir)) expect(`${f} ${mode(path.join(c.dir, f)).toString(8)}`).toBe(`${f} 600`);
    await t.app.backupVerifier.outcome(b.dir);
    await t.app.backupVerifier.outcome(c.dir);
    t.app.shutdown();
  });
});
