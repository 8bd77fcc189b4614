import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settings as settingsQ } from '../../database';
import { tempDir } from '../../database/testing/fixtures';
import { tcknFromPrefix } from '../domain/tckn';
import { DAY, officeWithDay, openpyxlDump, opensslVerify } from '../testing/reconciliationFixtures';
import { createDeskKeyPair, publicKeyPem, signFile } from './signature';
import { mergeReconciliations } from './merge';
import { readReconciliation } from './read';
import { APPOINTMENT_HEADERS, DUPLICATE_HEADERS, MERGE_SUMMARY_FIELDS, REGISTRATION_HEADERS, REJECTION_HEADERS, SUMMARY_FIELDS } from './sheets';

type Desk = Awaited<ReturnType<typeof officeWithDay>>;

function deskKeys(d: Desk) {
  const s = settingsQ.allSettings(d.app.requireStore().db);
  return { publicKeySpki: s['desk.publicKey']!, privateKeyPkcs8: s['desk.privateKey']! };
}

/** A copy of an exported file under `name` in a new folder, with a .sig made by `sign` (or a copy of the original .sig). */
function copyAs(xlsx: string, name: string, sign?: (name: string, bytes: Buffer) => object) {
  const dir = tempDir('masa-copy-');
  const to = path.join(dir, name);
  fs.copyFileSync(xlsx, to);
  if (sign) fs.writeFileSync(`${to}.sig`, JSON.stringify(sign(name, fs.readFileSync(to))));
  else fs.copyFileSync(`${xlsx}.sig`, `${to}.sig`);
  return to;
}

async function exported(d: Desk) {
  return d.ok('reconciliation.export', { date: DAY, outDir: tempDir() });
}

async function register(head: Desk, ...others: Desk[]) {
  for (const o of others) {
    const k = await o.ok('reconciliation.deskKey', {});
    await head.ok('reconciliation.registerDeskKey', { deskCode: k.deskCode, pem: k.pem });
  }
}

describe('verify: the content must match the signature and the file name', () => {
  it('refuses by name, in Turkish, a file whose Özet desk is not the .sig desk', async () => {
    const d1 = await officeWithDay('M01');
    const r = await exported(d1);
    // Validly signed by a key registered for M02, but Özet says M01.
    const k = createDeskKeyPair();
    await d1.ok('reconciliation.registerDeskKey', { deskCode: 'M02', pem: publicKeyPem(k.publicKeySpki) });
    const f = copyAs(r.xlsxPath, r.fileName, (name, bytes) => signFile(name, bytes, 'M02', k));
    const [row] = await d1.ok('reconciliation.verify', { files: [f] });
    expect(row).toMatchObject({ ok: false, code: 'DESK_MISMATCH', file: 'MUTABAKAT_35_M01_20261124.xlsx' });
    expect(row!.message.tr).toBe("Özet'teki Masa Kodu (M01) imzadaki masa (M02) ile aynı değil.");
  });

  it('refuses a file renamed to another day, desk or province, or to another shape of name, even when re-signed', async () => {
    const d1 = await officeWithDay('M01');
    const r = await exported(d1);
    const keys = deskKeys(d1);
    const names = ['MUTABAKAT_35_M01_20261125.xlsx', 'MUTABAKAT_06_M01_20261124.xlsx', 'MUTABAKAT_35_M07_20261124.xlsx', 'mutabakat.xlsx'];
    const files = names.map((n) => copyAs(r.xlsxPath, n, (name, bytes) => signFile(name, bytes, 'M01', keys)));
    const rows = await d1.ok('reconciliation.verify', { files });
    expect(rows.map((x) => [x.file, x.code])).toEqual(names.map((n) => [n, 'FILE_NAME_MISMATCH']));
    expect(rows[0]!.message.tr).toBe('Dosya adı içerikle aynı değil: içerik 35 ili, M01 masası, 2026-11-24 günü (MUTABAKAT_35_M01_20261124.xlsx olmalıydı).');
    // The renamed file with the original .sig is "another file's signature".
    const moved = copyAs(r.xlsxPath, names[0]!);
    expect((await d1.ok('reconciliation.verify', { files: [moved] }))[0]!.code).toBe('NAME_MISMATCH');
  });

  it('a .sig whose signature field is changed is refused as BAD_SIGNATURE; openssl refuses it too', async () => {
    const d1 = await officeWithDay('M01');
    const r = await exported(d1);
    const f = copyAs(r.xlsxPath, r.fileName);
    const sig = JSON.parse(fs.readFileSync(`${f}.sig`, 'utf8'));
    const raw = Buffer.from(sig.signature, 'base64');
    raw[10]! ^= 0x01;
    sig.signature = raw.toString('base64');
    fs.writeFileSync(`${f}.sig`, JSON.stringify(sig));
    const [row] = await d1.ok('reconciliation.verify', { files: [f] });
    expect(row).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', message: { tr: 'İmza geçersiz.' } });
    expect(opensslVerify(f, `${f}.sig`)).toBe(false);
    expect(opensslVerify(r.xlsxPath, r.sigPath)).toBe(true);
  });
});

describe('merge: a registration is never a duplicate of itself', () => {
  it('refuses the same desk’s day loaded twice (by name); nothing is written', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    await register(d1, d2);
    const f1 = (await exported(d1)).xlsxPath;
    const f2 = (await exported(d2)).xlsxPath;
    const again = copyAs(f2, path.basename(f2));
    const out = tempDir();
    const m = await d1.ok('reconciliation.merge', { files: [f1, f2, again], outDir: out });
    expect(m.ok).toBe(false);
    expect(m.merged).toBeNull();
    expect(m.files.map((f) => [f.ok, f.code])).toEqual([
      [true, 'OK'],
      [true, 'OK'],
      [false, 'SAME_DESK_DAY'],
    ]);
    expect(m.files[2]!.message.tr).toBe('M02 masasının 2026-11-24 günü iki kez yüklendi (MUTABAKAT_35_M02_20261124.xlsx ile aynı gün); biri çıkarılmalı.');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('refuses an IL file together with desk files', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    await register(d1, d2);
    const f1 = (await exported(d1)).xlsxPath;
    const f2 = (await exported(d2)).xlsxPath;
    const il = (await d1.ok('reconciliation.merge', { files: [f1, f2], outDir: tempDir() })).merged!.xlsxPath;
    const out = tempDir();
    const m = await d1.ok('reconciliation.merge', { files: [il, f1], outDir: out });
    expect(m.ok).toBe(false);
    expect(m.files.map((f) => f.code)).toEqual(['IL_WITH_DESK_FILES', 'OK']);
    expect(m.files[0]!.message.tr).toMatch(/^Bu bir il \(IL\) dosyası; masa dosyalarıyla birlikte birleştirilemez/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('the same registration number seen twice is not a Mükerrer of two mothers; two registrations of one mother are', async () => {
    const mother = tcknFromPrefix('555555555');
    const d1 = await officeWithDay('M01', { mother });
    const d2 = await officeWithDay('M02', { mother });
    const day1 = await readReconciliation((await exported(d1)).xlsxPath);
    const day2 = await readReconciliation((await exported(d2)).xlsxPath);
    const opts = { provinceCode: '35', provinceName: 'İzmir', createdAt: '2026-11-24T18:00:00', createdBy: 'Ayşe Yılmaz', appVersion: 'test', chainHead: '0'.repeat(64) };
    const key = createDeskKeyPair();
    // The same rows under another desk code (as if one registration travelled in two files).
    const echo = { ...day1, deskCode: 'M09' };
    const same = await mergeReconciliations([{ day: day1, file: 'a.xlsx' }, { day: echo, file: 'b.xlsx' }], opts, tempDir(), key);
    expect(same.duplicates).toEqual([]);
    const two = await mergeReconciliations([{ day: day1, file: 'a.xlsx' }, { day: day2, file: 'b.xlsx' }], opts, tempDir(), key);
    expect(two.duplicates.map((d) => [d.kind, d.tckn, d.deskCode])).toEqual([
      ['ANNE', mother, 'M01'],
      ['ANNE', mother, 'M02'],
    ]);
    // mergeReconciliations itself refuses the same desk-day twice.
    await expect(mergeReconciliations([{ day: day1, file: 'a.xlsx' }, { day: day1, file: 'c.xlsx' }], opts, tempDir(), key)).rejects.toThrow(/SAME_DESK_DAY/);
  });
});

describe('the merged IL file read back by HQ’s readers', () => {
  it('openpyxl: sheet names, exact headers in order, cell types, counts equal the rows; openssl verifies the signature', async () => {
    const mother = tcknFromPrefix('555555555');
    const child = tcknFromPrefix('666666666');
    const d1 = await officeWithDay('M01', { mother, child });
    const d2 = await officeWithDay('M02', { mother });
    const d3 = await officeWithDay('M03', { child });
    await register(d1, d2, d3);
    const files = [];
    for (const d of [d1, d2, d3]) files.push((await exported(d)).xlsxPath);
    const m = await d1.ok('reconciliation.merge', { files, outDir: tempDir('masa-il-') });
    expect(m.ok).toBe(true);
    const x = openpyxlDump(m.merged!.xlsxPath);
    expect(x.sheets).toEqual(['Özet', 'Randevular', 'Kesin Kayıtlar', 'Retler', 'Mükerrer']);
    expect(x.formulas).toBe(0);
    const header = (s: string) => x.rows[s]![0]!.map((c) => c[0]);
    expect(header('Özet')).toEqual(['Alan', 'Değer']);
    // The contract's headers, literally (HQ-FILES.md section 2), then the merge's own sheet.
    expect(header('Randevular')).toEqual(['Randevu No', 'Program Kodu', 'İl Kodu', 'Randevu Tarihi', 'Randevu Saati', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Geliş Saati', 'Sonuç', 'Görevli']);
    expect(header('Kesin Kayıtlar')).toEqual([
      'Kayıt No', 'Randevu No', 'Program Kodu', 'İl Kodu', 'Ön Kayıt Zamanı', 'Kesin Kayıt Zamanı', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Çocuk TC Kimlik No',
      'Çocuk Doğum Tarihi', 'Bakıcı TC Kimlik No', 'Kurum Adı', 'Destek Türü', 'Aylık Tutar (EUR)', 'Anne IBAN', 'Bakıcı IBAN', 'Görevli',
    ]);
    expect(header('Retler')).toEqual(['Randevu No', 'Program Kodu', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Sonuç', 'Gerekçe Kodları', 'Gerekçe', 'Eksik Belgeler', 'Yeni Randevu', 'Görevli']);
    expect(header('Mükerrer')).toEqual([...DUPLICATE_HEADERS]);
    expect([header('Randevular'), header('Kesin Kayıtlar'), header('Retler')]).toEqual([[...APPOINTMENT_HEADERS], [...REGISTRATION_HEADERS], [...REJECTION_HEADERS]]);
    const summary = x.rows['Özet']!.slice(1);
    expect(summary.map((r) => r[0]![0])).toEqual([
      'İl Kodu', 'İl', 'Masa Kodu', 'Tarih', 'Program Kodları', 'Randevu Sayısı', 'Gelen', 'Gelmeyen', 'Kesin Kayıt', 'Ret', 'Eksik Evrak', 'İptal',
      'Aylık Destek Toplamı (EUR)', 'Defter Zinciri Başı', 'Oluşturma Zamanı', 'Uygulama Sürümü', 'Oluşturan', ...MERGE_SUMMARY_FIELDS, 'Kural Paketleri',
    ]);
    // The packs of every merged desk, once each.
    expect(summary.at(-1)![1]![0]).toMatch(/^BAKICI-2020#1:[0-9a-f]{8}$/);
    expect(summary.slice(0, SUMMARY_FIELDS.length).map((r) => r[0]![0])).toEqual([...SUMMARY_FIELDS]);
    const val = (f: string) => summary.find((r) => r[0]![0] === f)![1]!;
    const n = (s: string) => x.rows[s]!.length - 1;
    expect(val('Masa Kodu')[0]).toBe('IL');
    expect(val('Tarih')).toEqual(['2026-11-24T00:00:00', 'datetime', 'dd.mm.yyyy']);
    expect(val('Randevu Sayısı')[0]).toBe(n('Randevular'));
    expect(n('Randevular')).toBe(15);
    expect(val('Kesin Kayıt')[0]).toBe(n('Kesin Kayıtlar'));
    expect(n('Kesin Kayıtlar')).toBe(9);
    expect((val('Ret')[0] as number) + (val('Eksik Evrak')[0] as number)).toBe(n('Retler'));
    expect(n('Retler')).toBe(3);
    expect(val('Gelen')[0]).toBe(x.rows['Randevular']!.slice(1).filter((r) => r[7]![0] !== null).length);
    const total = x.rows['Kesin Kayıtlar']!.slice(1).reduce((s, r) => s + (r[13]![0] as number), 0);
    expect(val('Aylık Destek Toplamı (EUR)')).toEqual([total, typeof total === 'number' && Number.isInteger(total) ? 'int' : 'float', '#,##0.00']);
    expect(val('Mükerrer Anne')[0]).toBe(2);
    expect(val('Mükerrer Çocuk')[0]).toBe(2);
    expect(n('Mükerrer')).toBe(4);
    expect(String(val('Birleştirilen Dosyalar')[0]).split(', ').sort()).toEqual(files.map((f) => path.basename(f)).sort());
    // Cell types in every data sheet.
    for (const r of x.rows['Randevular']!.slice(1)) {
      expect([r[3]![1], r[3]![2]]).toEqual(['datetime', 'dd.mm.yyyy']);
      expect([r[4]![1], r[4]![2]]).toEqual(['time', 'hh:mm']);
      expect(r[5]![1]).toBe('str');
    }
    for (const r of x.rows['Kesin Kayıtlar']!.slice(1)) {
      expect([r[4]![1], r[4]![2]]).toEqual(['datetime', 'dd.mm.yyyy hh:mm:ss']);
      expect([r[5]![1], r[5]![2]]).toEqual(['datetime', 'dd.mm.yyyy hh:mm:ss']);
      expect(r[6]![1]).toBe('str');
      expect([r[9]![1], r[9]![2]]).toEqual(['datetime', 'dd.mm.yyyy']);
      expect(['int', 'float']).toContain(r[13]![1]);
      expect(r[13]![2]).toBe('#,##0.00');
      expect(r[14]![1]).toBe('str');
    }
    for (const r of x.rows['Mükerrer']!.slice(1)) {
      expect(r[1]![1]).toBe('str');
      expect([r[5]![1], r[5]![2]]).toEqual(['datetime', 'dd.mm.yyyy']);
    }
    // Every registration row of the Mükerrer sheet exists in Kesin Kayıtlar.
    const regNos = new Set(x.rows['Kesin Kayıtlar']!.slice(1).map((r) => r[0]![0]));
    for (const r of x.rows['Mükerrer']!.slice(1)) expect(regNos.has(r[2]![0])).toBe(true);
    expect(opensslVerify(m.merged!.xlsxPath, m.merged!.sigPath)).toBe(true);
    const sig = JSON.parse(fs.readFileSync(m.merged!.sigPath, 'utf8'));
    expect(sig).toMatchObject({ file: 'MUTABAKAT_35_IL_20261124.xlsx', desk: 'IL', publicKey: (await d1.ok('reconciliation.provinceKey', {})).publicKeySpki });
  });
});

describe('crash safety of the files', () => {
  const PW = 'Komut-Satiri-2026';
  function cli(args: string[], dataDir: string, crashAt?: string) {
    const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: 'mudur', MASA_PASSWORD: PW };
    if (crashAt) env.MASA_TEST_CRASH_AT = crashAt;
    else delete env.MASA_TEST_CRASH_AT;
    return spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, encoding: 'utf8' });
  }

  it('SIGKILL before the .xlsx or the .sig is renamed leaves only a .…yaziliyor temp; the next export removes it and writes both', () => {
    const dir = tempDir('masa-crash-');
    expect(cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir).status).toBe(0);
    const out = tempDir('masa-out-');
    const name = 'MUTABAKAT_35_M01_20261124.xlsx';

    const k1 = cli(['export', '--date', DAY, '--out', out], dir, 'reconciliation:xlsx-written');
    expect(k1.signal).toBe('SIGKILL');
    const left1 = fs.readdirSync(out);
    expect(left1).toHaveLength(1);
    expect(left1[0]).toMatch(/^\.MUTABAKAT_35_M01_20261124\.xlsx\.\d+\.yaziliyor$/);

    const k2 = cli(['export', '--date', DAY, '--out', out], dir, 'reconciliation:sig-written');
    expect(k2.signal).toBe('SIGKILL');
    const left2 = fs.readdirSync(out).sort();
    // The earlier temp is gone; both new files are whole, as temps: neither has its name until
    // they are swapped in as a pair (main/cli/crash.test.ts kills at every step of the swap).
    expect(left2).toHaveLength(2);
    expect(left2[0]).toMatch(/^\.MUTABAKAT_35_M01_20261124\.xlsx\.\d+\.yaziliyor$/);
    expect(left2[1]).toMatch(/^\.MUTABAKAT_35_M01_20261124\.xlsx\.sig\.\d+\.yaziliyor$/);
    expect(fs.readFileSync(path.join(out, left2[1]!), 'utf8')).toMatch(/^\{"file":"MUTABAKAT_35_M01_20261124\.xlsx"/);
    expect(opensslVerify(path.join(out, left2[0]!), path.join(out, left2[1]!))).toBe(true);

    // A stale temp of another file in the same folder is left alone.
    fs.writeFileSync(path.join(out, '.MUTABAKAT_35_M02_20261124.xlsx.1.yaziliyor'), 'x');
    const ok = cli(['export', '--date', DAY, '--out', out, '--json'], dir);
    expect(ok.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['.MUTABAKAT_35_M02_20261124.xlsx.1.yaziliyor', name, `${name}.sig`]);
    expect(opensslVerify(path.join(out, name), path.join(out, `${name}.sig`))).toBe(true);
  }, 120_000);
});
