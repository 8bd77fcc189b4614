import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskKeyPair, personTckn, publicKeyPem, syntheticDay, writeDay } from '../testing/dayFiles';
import { enginesUnderTest } from '../testing/engines';
import { runHq } from './index';

async function hq(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHq(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** openpyxl (HQ's kind of reader) gives back every sheet's values. */
function openpyxl(file: string): Record<string, unknown[][]> {
  const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[(c.isoformat() if isinstance(c, (datetime.datetime, datetime.date)) else c) for c in row] for row in ws.iter_rows(values_only=True)]
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

for (const engine of enginesUnderTest()) {
  if (engine.skip) console.warn(`HQ CLI tests on ${engine.name} skipped: ${engine.skip}`);
  describe.skipIf(engine.skip !== null)(`npm run hq on ${engine.name}`, () => {
    let env: NodeJS.ProcessEnv;
    let cleanup: () => Promise<void>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-cli-'));
    const keys = createDeskKeyPair();
    const keys06 = createDeskKeyPair();
    beforeAll(async () => {
      const f = await engine.fresh();
      // The CLI opens its own connection; this one is only for the fresh database.
      await f.db.close();
      env = f.env;
      cleanup = f.cleanup;
      fs.writeFileSync(path.join(dir, 'M01.pem'), publicKeyPem(keys.publicKeySpki));
      fs.writeFileSync(path.join(dir, 'M01-06.pem'), publicKeyPem(keys06.publicKeySpki));
    });
    afterAll(async () => {
      await cleanup?.();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it(`[${engine.name}] refuses work before init, then init, desk keys with the desk's fingerprint format, load, report, duplicates with exit codes 0/1/2`, async () => {
      expect((await hq(env, 'desk-key', 'list')).err).toContain('önce `npm run hq -- init`');
      const init = await hq(env, 'init', '--json');
      expect(init.code).toBe(0);
      expect(JSON.parse(init.out).value).toMatchObject({ engine: engine.name === 'PGlite' ? 'pglite' : 'postgresql', schemaVersion: 4 });
      expect((await hq(env, 'init')).out).toContain('zaten güncel');

      expect((await hq(env, 'desk-key', 'add', '--province', '99', '--desk', 'M01', path.join(dir, 'M01.pem'))).code).toBe(2);
      const add = await hq(env, 'desk-key', 'add', '--province', '35', '--desk', 'm01', path.join(dir, 'M01.pem'));
      expect(add.code).toBe(0);
      expect(add.out).toMatch(/Parmak izi \(SHA-256\): ([0-9a-f]{4} ){15}[0-9a-f]{4}/);
      const taken = await hq(env, 'desk-key', 'add', '--province', '06', '--desk', 'M01', path.join(dir, 'M01.pem'));
      expect([taken.code, taken.err]).toEqual([1, 'Reddedildi: Bu anahtar zaten 35 ilinin M01 masasına kayıtlı; bir anahtar tek masanındır.']);
      fs.writeFileSync(path.join(dir, 'junk.pem'), 'not a key');
      expect((await hq(env, 'desk-key', 'add', '--province', '06', '--desk', 'M01', path.join(dir, 'junk.pem'))).err).toBe('Reddedildi: Dosya bir Ed25519 açık anahtarı (PEM) değil.');
      expect((await hq(env, 'desk-key', 'add', '--province', '6', '--desk', 'M01', path.join(dir, 'M01-06.pem'))).code).toBe(0);
      const list = JSON.parse((await hq(env, 'desk-key', 'list', '--json')).out).value;
      expect(list.map((k: { provinceCode: string; deskCode: string }) => `${k.provinceCode}/${k.deskCode}`)).toEqual(['06/M01', '35/M01']);

      const files = path.join(dir, 'files');
      fs.mkdirSync(files);
      const mother = personTckn(123_456_789);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-11-24', appointments: 30, registrations: 15, rejected: 3, serial: 1, plantMothers: [mother] }), files, keys);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-11-25', appointments: 30, registrations: 15, rejected: 3, serial: 2 }), files, keys);
      await writeDay(syntheticDay({ provinceCode: '06', deskCode: 'M01', date: '2026-11-25', appointments: 30, registrations: 15, serial: 3, plantMothers: [mother] }), files, keys06);
      fs.writeFileSync(path.join(files, 'MUTABAKAT_35_M01_20261126.xlsx.sig'), '{}');
      const load = await hq(env, 'load', files);
      expect(load.code).toBe(1);
      expect(load.out).toContain('✗ MUTABAKAT_35_M01_20261126.xlsx.sig: İmza dosyası (.sig) var ama imzaladığı .xlsx dosyası yok. [SIG_WITHOUT_FILE]');
      expect(load.out).toContain('3 yüklendi, 0 çakışma, 1 reddedildi');
      const json = JSON.parse((await hq(env, 'load', files, '--json', '--lang', 'en')).out);
      expect(json.value.files.map((f: { status: string }) => f.status)).toEqual(['ALREADY_LOADED', 'ALREADY_LOADED', 'ALREADY_LOADED', 'REFUSED']);

      expect((await hq(env, 'report')).code).toBe(2);
      expect((await hq(env, 'report', '--month', '2026-13')).code).toBe(2);
      const report = await hq(env, 'report', '--month', '2026-11', '--out', path.join(dir, 'rapor.xlsx'));
      expect(report.code).toBe(0);
      expect(report.out).toContain('Denetlendi: 3 dosyanın Özet satırlarının toplamına eşit.');
      expect(fs.statSync(path.join(dir, 'rapor.xlsx')).mode & 0o777).toBe(0o600);
      const sheets = openpyxl(path.join(dir, 'rapor.xlsx'));
      expect(sheets['Rapor']![0]).toEqual(['İl Kodu', 'İl', 'Program Kodu', 'Randevu', 'Gelen', 'Gelmeyen', 'İptal', 'Kesin Kayıt', 'Ret', 'Eksik Evrak', 'Aylık Destek Toplamı (EUR)']);
      expect(sheets['Rapor']!.slice(1).map((r) => [r[0], r[3], r[7], r[10]])).toEqual([['06', 30, 15, 15 * 325], ['35', 60, 30, 30 * 325]]);
      expect((await hq(env, 'report', '--month', '2026-11', '--out', path.join(dir, 'rapor.xlsx'))).err).toContain('Dosya zaten var');

      const dup = await hq(env, 'duplicates', '--out', path.join(dir, 'mukerrer.xlsx'));
      expect(dup.code).toBe(0);
      expect(dup.out).toContain(`1. ANNE ${mother}`);
      const d = openpyxl(path.join(dir, 'mukerrer.xlsx'))['Mükerrer']!;
      expect(d.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([['ANNE', mother, '35'], ['ANNE', mother, '06']]);

      const st = await hq(env, 'standings', '--pack', 'BAKICI-2020', '--province', '35', '--json');
      const v = JSON.parse(st.out).value;
      expect(v.provinces).toEqual([{ province_code: '35', quota: 1750, registered: 30, main: 30, reserve: 0 }]);
      const times = v.list.map((r: { pre_registered_at: string }) => r.pre_registered_at);
      expect(times).toEqual([...times].sort());
      expect((await hq(env, 'standings', '--pack', 'YOK-1999')).code).toBe(1);
      expect((await hq(env, 'chain', '--desk', 'M01')).code).toBe(2);
      expect((await hq(env, 'chain', '--province', '35', '--desk', 'M01')).code).toBe(0);
      expect((await hq(env, 'nope')).code).toBe(2);
    });
  });
}

describe('npm run hq --help', () => {
  it('speaks Turkish by default and English with --lang en, usage lines included (hq/texts/cli.ts)', async () => {
    const tr = await hq({}, '--help');
    expect(tr.code).toBe(0);
    expect(tr.out).toContain('npm run hq -- <komut> [seçenekler] [--json] [--lang en]');
    expect(tr.out).toContain('load KLASÖR|DOSYA.xlsx...');
    const en = await hq({}, '--help', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('npm run hq -- <command> [options] [--json] [--lang en]');
    expect(en.out).toContain('load DIR|FILE.xlsx...');
    expect(en.out).toContain('desk-key add --province PROVINCE --desk DESK FILE.pem');
    expect(en.out).not.toMatch(/KLASÖR|DOSYA|İL\b/);
    const unknown = await hq({}, 'load', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('load needs a folder or files.\nUsage: npm run hq -- load DIR|FILE.xlsx...');
  });
});
