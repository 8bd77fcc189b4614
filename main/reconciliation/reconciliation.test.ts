import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { tcknFromPrefix } from '../domain/tckn';
import { DAY, officeWithDay, openpyxlDump, opensslVerify } from '../testing/reconciliationFixtures';

describe('daily reconciliation export', () => {
  it('writes the contract exactly: sheets, headers, summary order, cell types, no formulas; the .sig verifies with openssl', async () => {
    const { ok } = await officeWithDay('M01', {}, [['=HYPERLINK("http://x","tıkla")', 'Öztürk']]);
    const out = tempDir('masa-export-');
    const r = await ok('reconciliation.export', { date: DAY, outDir: out });
    expect(r.fileName).toBe('MUTABAKAT_35_M01_20261124.xlsx');
    expect(fs.readdirSync(out).sort()).toEqual(['MUTABAKAT_35_M01_20261124.xlsx', 'MUTABAKAT_35_M01_20261124.xlsx.sig']);
    const d = openpyxlDump(r.xlsxPath);
    expect(d.sheets).toEqual(['Özet', 'Randevular', 'Kesin Kayıtlar', 'Retler']);
    expect(d.formulas).toBe(0);
    const summary = d.rows['Özet']!;
    expect(summary.map((row) => row[0]![0])).toEqual([
      'Alan', 'İl Kodu', 'İl', 'Masa Kodu', 'Tarih', 'Program Kodları', 'Randevu Sayısı', 'Gelen', 'Gelmeyen', 'Kesin Kayıt', 'Ret', 'Eksik Evrak', 'İptal',
      'Aylık Destek Toplamı (EUR)', 'Defter Zinciri Başı', 'Oluşturma Zamanı', 'Uygulama Sürümü', 'Oluşturan', 'Kural Paketleri',
    ]);
    const val = (field: string) => summary.find((row) => row[0]![0] === field)![1]!;
    expect(val('Randevu Sayısı')[0]).toBe(d.rows['Randevular']!.length - 1);
    expect(val('Kesin Kayıt')[0]).toBe(d.rows['Kesin Kayıtlar']!.length - 1);
    expect((val('Ret')[0] as number) + (val('Eksik Evrak')[0] as number)).toBe(d.rows['Retler']!.length - 1);
    expect(val('Tarih')).toEqual(['2026-11-24T00:00:00', 'datetime', 'dd.mm.yyyy']);
    expect(val('Aylık Destek Toplamı (EUR)')).toEqual([975, 'int', '#,##0.00']);
    // After the contract's rows: the pack that decided the day's rows, as code#edition:hash8.
    expect(val('Kural Paketleri')).toEqual([expect.stringMatching(/^BAKICI-2020#1:[0-9a-f]{8}$/), 'str', 'General']);
    expect(d.rows['Randevular']![0]!.map((c) => c[0])).toEqual(['Randevu No', 'Program Kodu', 'İl Kodu', 'Randevu Tarihi', 'Randevu Saati', 'Anne TC Kimlik No', 'Anne Adı Soyadı', 'Geliş Saati', 'Sonuç', 'Görevli']);
    const appt = d.rows['Randevular']![1]!;
    expect(appt[3]![1]).toBe('datetime');
    expect(appt[3]![2]).toBe('dd.mm.yyyy');
    expect(appt[4]![1]).toBe('time');
    expect(appt[5]![1]).toBe('str'); // T.C. Kimlik No as text
    // The applicant named like a formula is text that starts with an apostrophe, not "=".
    expect(String(appt[6]![0]).startsWith('=')).toBe(false);
    expect(String(appt[6]![0])).toMatch(/^'=.*tıkla/);
    const reg = d.rows['Kesin Kayıtlar']![1]!;
    expect(reg[13]).toEqual([325, 'int', '#,##0.00']);
    expect(reg[14]![1]).toBe('str'); // IBAN as text
    expect(opensslVerify(r.xlsxPath, r.sigPath)).toBe(true);
  });

  it('re-exporting the same day gives the same rows', async () => {
    const { ok } = await officeWithDay('M01');
    const a = openpyxlDump((await ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath);
    const b = openpyxlDump((await ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath);
    for (const s of ['Randevular', 'Kesin Kayıtlar', 'Retler']) expect(b.rows[s]).toEqual(a.rows[s]);
  });

  it('a folder that does not exist is refused; nothing is written or recorded', async () => {
    const { call, ok } = await officeWithDay('M01');
    const before = (await ok('ledger.status', {})).chainHead;
    expect(await call('reconciliation.export', { date: DAY, outDir: '/yok/boyle/bir/klasor' })).toMatchObject({ ok: false, error: { code: 'EXPORT_FOLDER' } });
    expect((await ok('ledger.status', {})).chainHead).toEqual(before);
  });
});

describe('verify and merge', () => {
  it('refuses by name a changed byte, a changed .sig field, a missing .sig and an unknown key', async () => {
    const { ok } = await officeWithDay('M01');
    const out = tempDir();
    const r = await ok('reconciliation.export', { date: DAY, outDir: out });
    expect((await ok('reconciliation.verify', { files: [r.xlsxPath] }))[0]).toMatchObject({ ok: true, code: 'OK' });
    const copy = (_label: string) => {
      const dir = tempDir();
      fs.copyFileSync(r.xlsxPath, path.join(dir, r.fileName));
      fs.copyFileSync(r.sigPath, path.join(dir, `${r.fileName}.sig`));
      return path.join(dir, r.fileName);
    };
    const tampered = copy('bytes');
    const buf = fs.readFileSync(tampered);
    buf[buf.length - 30]! ^= 1;
    fs.writeFileSync(tampered, buf);
    const badSig = copy('sig');
    const sig = JSON.parse(fs.readFileSync(`${badSig}.sig`, 'utf8'));
    sig.desk = 'M99';
    fs.writeFileSync(`${badSig}.sig`, JSON.stringify(sig));
    const noSig = copy('nosig');
    fs.rmSync(`${noSig}.sig`);
    const res = await ok('reconciliation.verify', { files: [tampered, badSig, noSig] });
    expect(res.map((x) => x.code)).toEqual(['BYTES_CHANGED', 'KEY_OF_OTHER_DESK', 'SIG_MISSING']);
    expect(res[0]!.message.tr).toBe('Dosya imzalandıktan sonra değiştirilmiş.');
    expect(opensslVerify(tampered, `${tampered}.sig`)).toBe(false);
  });

  it('merges three desks into one signed IL file and flags a duplicate mother and a duplicate child', async () => {
    const mother = tcknFromPrefix('555555555');
    const child = tcknFromPrefix('666666666');
    const d1 = await officeWithDay('M01', { mother, child });
    const d2 = await officeWithDay('M02', { mother });
    const d3 = await officeWithDay('M03', { child });
    const files: string[] = [];
    for (const d of [d1, d2, d3]) {
      const out = tempDir();
      files.push((await d.ok('reconciliation.export', { date: DAY, outDir: out })).xlsxPath);
    }
    // The head's ledger (desk M01) registers the other desks' keys.
    for (const d of [d2, d3]) {
      const k = await d.ok('reconciliation.deskKey', {});
      await d1.ok('reconciliation.registerDeskKey', { deskCode: k.deskCode, pem: k.pem });
    }
    const out = tempDir('masa-merge-');
    const m = await d1.ok('reconciliation.merge', { files, outDir: out });
    expect(m.ok).toBe(true);
    expect(m.merged).toMatchObject({ fileName: 'MUTABAKAT_35_IL_20261124.xlsx', duplicateMothers: 2, duplicateChildren: 2 });
    const dump = openpyxlDump(m.merged!.xlsxPath);
    expect(dump.sheets).toEqual(['Özet', 'Randevular', 'Kesin Kayıtlar', 'Retler', 'Mükerrer']);
    const dups = dump.rows['Mükerrer']!.slice(1).map((r) => `${r[0]![0]}:${r[1]![0]}:${r[4]![0]}`);
    expect(dups.sort()).toEqual([`ANNE:${mother}:M01`, `ANNE:${mother}:M02`, `ÇOCUK:${child}:M01`, `ÇOCUK:${child}:M03`].sort());
    expect(dump.rows['Kesin Kayıtlar']!.length - 1).toBe(9);
    expect(opensslVerify(m.merged!.xlsxPath, m.merged!.sigPath)).toBe(true);
  });

  it('a merge with one bad file writes nothing and names the file', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    const f1 = (await d1.ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath;
    const f2 = (await d2.ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath;
    const out = tempDir();
    const m = await d1.ok('reconciliation.merge', { files: [f1, f2], outDir: out });
    expect(m.ok).toBe(false);
    expect(m.files.map((f) => f.code)).toEqual(['OK', 'UNKNOWN_KEY']);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('LibreOffice converts the file to CSV where it is installed', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
    if (!soffice) {
      console.warn('[skip] LibreOffice is not installed on this machine (apt-get install libreoffice-calc-nogui to run this check)');
      return;
    }
    const { ok } = await officeWithDay('M01');
    const r = await ok('reconciliation.export', { date: DAY, outDir: tempDir() });
    const out = tempDir();
    // Filter options: comma, double quote, UTF-8 (76), from line 1, cells "as shown" (last token),
    // so the CSV holds what a person sees in LibreOffice Calc, in a file we can read as UTF-8.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${tempDir()}`, '--convert-to', filter, '--outdir', out, r.xlsxPath], { timeout: 120_000 });
    const csv = fs.readFileSync(path.join(out, r.fileName.replace('.xlsx', '.csv')), 'utf8');
    // The first sheet (Özet), as shown: Turkish letters intact, the date as dd.MM.yyyy, money with 2 decimals.
    expect(csv).toContain('İl Kodu,35');
    expect(csv).toContain('Tarih,24.11.2026');
    expect(csv).toMatch(/Aylık Destek Toplamı \(EUR\),"?975[.,]00"?/);
    expect(csv).toContain('Oluşturan,Ayşe Yılmaz');
  });
});
