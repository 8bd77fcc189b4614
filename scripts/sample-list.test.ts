import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidTckn } from '../main/domain/tckn';
import { parseAppointmentFile, planImport } from '../main/import';
import { packsOf } from '../main/import/testing/sampleList';
import { openpyxlMissing, readXlsxWithOpenpyxl } from '../main/import/testing/openpyxl';
import { runSampleList, UsageError } from './sample-list';

const dir = mkdtempSync(join(tmpdir(), 'masa-sample-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('sample-list', () => {
  it('writes a realistic list with its default name in the current folder, and says what is inside', async () => {
    const r = await runSampleList(['--date', '2026-11-24', '--province', '35'], dir);
    expect(r.path).toBe(join(dir, 'randevu-listesi-35-20261124.xlsx'));
    expect(existsSync(r.path)).toBe(true);
    expect(r.lines[0]).toBe(`Randevu listesi yazıldı / Appointment list written: ${r.path}`);
    expect(r.lines.join('\n')).toContain('40 geçerli randevu');

    const parsed = await parseAppointmentFile({ path: r.path });
    const plan = planImport(parsed, { ownProvinces: ['35'], existing: () => new Map() });
    // 40 appointments added; 1 HQ cancellation (stored, counted as cancelled); 4 planted bad rows; 2 rows of Ankara skipped.
    expect(plan.report.counts).toEqual({ added: 40, updated: 0, unchanged: 0, cancelled: 1, rejected: 4, skipped: 2, keptStarted: 0 });
    expect(plan.report.skippedByProvince).toEqual({ '06': 2 });
    expect(parsed.rejects.map((x) => x.code).sort()).toEqual(['BAD_DATE', 'DUPLICATE_RANDEVU_NO', 'MISSING_VALUE', 'TCKN_CHECKSUM']);
    for (const line of r.lines.slice(3, -1)) expect(line).toMatch(/^ {2}satır \/ row \d+: /);

    const own = parsed.rows.filter((x) => x.provinceCode === '35');
    const codes = new Set(packsOf('35').map((p) => p.code));
    for (const a of own) {
      expect(codes.has(a.programCode)).toBe(true);
      expect(isValidTckn(a.motherTckn)).toBe(true);
      expect(a.date).toBe('2026-11-24');
      expect(a.preRegisteredAt < `${a.date}T${a.time}`).toBe(true);
      if (a.programCode === 'KURUMSAL-2019') expect(a.institutionName).toBeTruthy();
    }
    const times = [...new Set(own.map((a) => a.time))];
    expect(times[0]).toBe('09:00');
    times.slice(1).forEach((tm, i) => expect([10, 15]).toContain(minutes(tm) - minutes(times[i]!)));
    expect(own.some((a) => /[İıŞşĞğÇçÖöÜü]/.test(a.motherFirstName + a.motherLastName))).toBe(true);
  });

  it('is deterministic for a seed, different for another; CSV as well', async () => {
    const a = await runSampleList(['--date', '2026-11-24', '--province', '06', '--format', 'csv', '--out', 'a.csv', '--seed', '7'], dir);
    const b = await runSampleList(['--date', '2026-11-24', '--province', '06', '--format', 'csv', '--out', 'b.csv', '--seed', '7'], dir);
    const c = await runSampleList(['--date', '2026-11-24', '--province', '06', '--format', 'csv', '--out', 'c.csv', '--seed', '8'], dir);
    expect(readFileSync(a.path)).toEqual(readFileSync(b.path));
    expect(readFileSync(a.path)).not.toEqual(readFileSync(c.path));
    const parsed = await parseAppointmentFile({ path: a.path });
    expect(parsed.format).toBe('csv');
    const codes = new Set(parsed.rows.filter((x) => x.provinceCode === '06').map((x) => x.programCode));
    expect([...codes].every((code) => ['KURUMSAL-2019', 'BAKICI-2020'].includes(code))).toBe(true);
  });

  it('refuses bad arguments with Turkish and English text', async () => {
    await expect(runSampleList(['--date', '2026-02-30', '--province', '35'], dir)).rejects.toBeInstanceOf(UsageError);
    await expect(runSampleList(['--date', '2026-11-24', '--province', '01'], dir)).rejects.toMatchObject({ tr: expect.stringContaining('etkin bir program yok') });
    await expect(runSampleList(['--date', '2026-11-24', '--province', '35', '--format', 'ods'], dir)).rejects.toMatchObject({ en: '--format must be xlsx or csv.' });
  });

  it.skipIf(openpyxlMissing !== null)('its .xlsx is read by openpyxl with real date cells and text identity numbers', async () => {
    if (openpyxlMissing) console.warn(`skipped: ${openpyxlMissing}`);
    const r = await runSampleList(['--date', '2026-11-24', '--province', '16', '--count', '5', '--out', 'bursa.xlsx'], dir);
    const [sheet] = readXlsxWithOpenpyxl(r.path);
    expect(sheet!.rows[0]![0]).toBe('Randevu No');
    expect(sheet!.rows[1]![3]).toBe('2026-11-24T00:00:00');
    expect(sheet!.rows[1]![4]).toBe('09:00:00');
  });

  it('without --date it makes the list of today in Turkey, not the machine\'s UTC day (22:30 UTC is the next day in Turkey)', async () => {
    const r = await runSampleList(['--province', '35', '--count', '2'], dir, new Date('2026-11-24T22:30:00Z'));
    expect(r.path).toBe(join(dir, 'randevu-listesi-35-20261125.xlsx'));
  });

  it('runs as a command: prints where it wrote; exit code 2 on a usage error', () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const out = execFileSync(tsx, [join(process.cwd(), 'scripts', 'sample-list.ts'), '--date', '2026-11-24', '--province', '34', '--count', '3'], { cwd: dir, encoding: 'utf8' });
    expect(out).toContain(join(dir, 'randevu-listesi-34-20261124.xlsx'));
    const bad = spawnSync(tsx, [join(process.cwd(), 'scripts', 'sample-list.ts'), '--province', '34', '--date', '24.11.2026'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--date yyyy-MM-dd');
  });
});
