import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tcknFromPrefix } from '../domain/tckn';
import { openpyxlDump, opensslVerify } from '../testing/reconciliationFixtures';
import { fileSource, heldSource, mergeReconciliations, MergeSourceChanged, mergeSources, type MergeSource } from './merge';
import { countsOf, type ReconciliationDay } from './model';
import { readReconciliation, readReconciliationRows, ReconciliationUnreadable } from './read';
import { createDeskKeyPair } from './signature';
import { verifySignedReconciliation } from './verify';
import { writeReconciliation, writeReconciliationContent } from './write';

const OPTS = { provinceCode: '35', provinceName: 'İzmir', createdAt: '2026-11-25T19:00:00', createdBy: '=Ayşe Yılmaz', appVersion: '0.1.0', chainHead: 'c'.repeat(64) };
const t = (n: number) => tcknFromPrefix(String(300_000_000 + n));

/**
 * A desk's day with what a merge must carry through: every outcome, rejections, empty optional
 * cells, formula-looking names, and a mother and a child that another desk registered too.
 */
function deskDay(desk: string, date: string, base: number): ReconciliationDay {
  const n = 6;
  return {
    provinceCode: '35', provinceName: 'İzmir', deskCode: desk, date, programCodes: [base ? 'KREŞ-2024' : 'BAKICI-2020'],
    appointments: Array.from({ length: n }, (_, i) => ({
      randevuNo: `35-2026-${desk}${String(base + i).padStart(4, '0')}`, programCode: 'BAKICI-2020', provinceCode: '35', date, time: `1${i}:0${i}`,
      motherTckn: t(base + i), motherFullName: i === 1 ? '=HYPERLINK("x")' : 'Gülşen Çağlar', arrivedAt: i === 5 ? null : `1${i}:1${i}`,
      outcome: i < 3 ? 'KESİN KAYIT' : i === 3 ? 'RET' : i === 4 ? 'EKSİK EVRAK' : 'GELMEDİ', clerk: i === 2 ? null : 'Şükrü Işık',
    })),
    registrations: [0, 1, 2].map((i) => ({
      registrationNo: `35${desk}-2026-${String(i + 1).padStart(6, '0')}`, randevuNo: `35-2026-${desk}${String(base + i).padStart(4, '0')}`, programCode: 'BAKICI-2020', provinceCode: '35',
      preRegisteredAt: '2026-06-25T10:00:00', registeredAt: `${date}T1${i}:20:0${i}`,
      // Mother 0 and child 1 are the same people at every desk: duplicates across the files.
      motherTckn: i === 0 ? t(9_000) : t(base + i), motherFullName: '@Ali Veli', childTckn: i === 2 ? null : i === 1 ? t(9_001) : t(base + 500 + i), childBirthDate: '2025-09-01',
      caregiverTckn: i === 2 ? null : t(base + 700 + i), institutionName: i === 1 ? 'Minik Adımlar Kreşi' : null, supportType: 'Eğitimli bakıcı desteği',
      monthlyAmountCents: 32_500 + base + i, motherIban: i ? null : 'TR330001200000000012345678', caregiverIban: 'TR330001200000000012345678', clerk: 'Şükrü Işık',
    })),
    rejections: [3, 4].map((i) => ({
      randevuNo: `35-2026-${desk}${String(base + i).padStart(4, '0')}`, programCode: 'BAKICI-2020', motherTckn: t(base + i), motherFullName: 'Gülşen Çağlar', outcome: i === 3 ? ('RET' as const) : ('EKSİK EVRAK' as const),
      reasonCodes: i === 3 ? ['COCUK_YAS'] : [], reasonText: '-yaş', missingDocuments: i === 3 ? [] : ['Kimlik'], newAppointment: i === 3 ? null : '2026-12-01T16:00:00', clerk: 'Şükrü Işık',
    })),
    chainHead: 'ab'.repeat(32), createdAt: `${date}T18:00:00`, appVersion: '0.1.0', createdBy: 'Ayşe Yılmaz',
    packs: [`BAKICI-2020#1:${base ? '20a35c2f' : '0b1c2d3e'}`],
  };
}

/** Every part of a workbook, by name, as a SHA-256 of its uncompressed bytes (Python's zipfile: no project code). */
function partDigests(xlsx: string): Record<string, string> {
  const script = 'import hashlib, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, xlsx], { encoding: 'utf8' })) as Record<string, string>;
}

/** Three desk files (two days) written and signed, then verified the real way. */
async function verifiedFiles(dir: string) {
  const days = [deskDay('M01', '2026-11-24', 0), deskDay('M02', '2026-11-24', 100), deskDay('M03', '2026-11-25', 200)];
  const out = [];
  for (const d of days) {
    const keys = createDeskKeyPair();
    const w = await writeReconciliation(d, fs.mkdtempSync(path.join(dir, 'desk-')), keys);
    const v = await verifySignedReconciliation(w.xlsxPath, undefined, [{ deskCode: d.deskCode, publicKeySpki: keys.publicKeySpki }]);
    if (!('day' in v)) throw new Error(`${w.fileName}: ${v.result.code}`);
    out.push({ path: w.xlsxPath, file: w.fileName, day: v.day, sha256: v.sha256, written: d });
  }
  return out;
}

function withDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-merge-stream-'));
  return run(dir).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

describe('the province merge streams its files', () => {
  it('writes, part for part, the file the merge of the days held in memory writes, and HQ reads it as that', () =>
    withDir(async (dir) => {
      const files = await verifiedFiles(dir);
      const heldOut = fs.mkdtempSync(path.join(dir, 'held-'));
      const streamedOut = fs.mkdtempSync(path.join(dir, 'streamed-'));
      const provinceKey = createDeskKeyPair();
      const held = await mergeReconciliations(files.map((f) => ({ day: f.day, file: f.file })), OPTS, heldOut, provinceKey);
      const streamed = await mergeSources(files.map((f) => fileSource(f.day, f.file, f.path, f.sha256)), OPTS, streamedOut, provinceKey);

      expect(streamed.fileName).toBe('MUTABAKAT_35_IL_20261125.xlsx');
      // Every part's bytes the same (only the zip's entry times may differ between the two writes).
      expect(partDigests(streamed.xlsxPath)).toEqual(partDigests(held.xlsxPath));
      expect(streamed.counts).toEqual(held.counts);
      expect(streamed.duplicates).toEqual(held.duplicates);
      // Mother 0 at all three desks, child 1 at all three.
      expect(streamed.duplicates.map((d) => `${d.kind}:${d.deskCode}`)).toEqual(['ANNE:M01', 'ANNE:M02', 'ANNE:M03', 'ÇOCUK:M01', 'ÇOCUK:M02', 'ÇOCUK:M03']);
      expect(opensslVerify(streamed.xlsxPath, streamed.sigPath)).toBe(true);

      const dump = openpyxlDump(streamed.xlsxPath);
      expect(dump.sheets).toEqual(['Özet', 'Randevular', 'Kesin Kayıtlar', 'Retler', 'Mükerrer']);
      expect(dump.formulas).toBe(0);
      const summary = Object.fromEntries(dump.rows['Özet']!.slice(1).map((r) => [r[0]![0], r[1]![0]]));
      expect(summary).toMatchObject({ 'Masa Kodu': 'IL', 'Randevu Sayısı': 18, 'Kesin Kayıt': 9, Ret: 3, 'Eksik Evrak': 3, Gelmeyen: 3, 'Mükerrer Anne': 3, 'Mükerrer Çocuk': 3, Oluşturan: "'=Ayşe Yılmaz" });
      expect(summary['Birleştirilen Dosyalar']).toBe(files.map((f) => f.file).join(', '));
      expect(summary['Kural Paketleri']).toBe('BAKICI-2020#1:0b1c2d3e, BAKICI-2020#1:20a35c2f');

      // Read back by the merge's own reader: every desk's rows, in file order, as written.
      const back = await readReconciliation(streamed.xlsxPath);
      expect(back.appointments).toEqual(files.flatMap((f) => f.written.appointments));
      expect(back.registrations).toEqual(files.flatMap((f) => f.written.registrations));
      expect(back.rejections).toEqual(files.flatMap((f) => f.written.rejections));
      expect(countsOf(back)).toEqual(streamed.counts);
    }));

  it('reads one sheet of a file row by row, as the whole reader reads it', () =>
    withDir(async (dir) => {
      const [f] = await verifiedFiles(dir);
      const bytes = fs.readFileSync(f!.path);
      const rows = async <T>(it: AsyncIterable<T>) => {
        const out: T[] = [];
        for await (const r of it) out.push(r);
        return out;
      };
      expect(await rows(readReconciliationRows(bytes, 'appointments'))).toEqual(f!.day.appointments);
      expect(await rows(readReconciliationRows(bytes, 'registrations'))).toEqual(f!.day.registrations);
      expect(await rows(readReconciliationRows(bytes, 'rejections'))).toEqual(f!.day.rejections);
      await expect(rows(readReconciliationRows(bytes.subarray(0, bytes.length - 40), 'registrations'))).rejects.toBeInstanceOf(ReconciliationUnreadable);
      await expect(rows(readReconciliationRows(Buffer.from('not a workbook'), 'appointments'))).rejects.toBeInstanceOf(ReconciliationUnreadable);
    }));

  it('stops, writing nothing, when a file is changed or removed after it was verified', () =>
    withDir(async (dir) => {
      const files = await verifiedFiles(dir);
      const sources = () => files.map((f) => fileSource(f.day, f.file, f.path, f.sha256));
      const out = fs.mkdtempSync(path.join(dir, 'out-'));
      // An earlier merged pair in the folder stays as it was.
      const before = await mergeSources(sources(), OPTS, out, createDeskKeyPair());
      const pair = [fs.readFileSync(before.xlsxPath), fs.readFileSync(before.sigPath)];

      // The second file replaced by another desk day's (valid, signed) bytes after its check.
      fs.copyFileSync(files[0]!.path, files[1]!.path);
      const changed = await mergeSources(sources(), OPTS, out, createDeskKeyPair()).catch((e: unknown) => e);
      expect(changed).toBeInstanceOf(MergeSourceChanged);
      expect((changed as MergeSourceChanged).file).toBe(files[1]!.file);
      expect((changed as MergeSourceChanged).text.tr).toContain('hiçbir şey yazılmadı');

      fs.rmSync(files[2]!.path);
      const gone = await mergeSources(sources().filter((_, i) => i !== 1), OPTS, out, createDeskKeyPair()).catch((e: unknown) => e);
      expect((gone as MergeSourceChanged).file).toBe(files[2]!.file);

      expect(fs.readdirSync(out).sort()).toEqual([before.fileName, `${before.fileName}.sig`]);
      expect([fs.readFileSync(before.xlsxPath), fs.readFileSync(before.sigPath)]).toEqual(pair);
    }));

  it('refuses, writing nothing, rows that are not the rows its summary counted', () =>
    withDir(async (dir) => {
      const [f] = await verifiedFiles(dir);
      const source: MergeSource = heldSource(f!.day, f!.file);
      // A source whose counts say one registration more than it gives.
      const lying: MergeSource = { ...source, counts: { ...source.counts, registrations: source.counts.registrations + 1 } };
      const out = fs.mkdtempSync(path.join(dir, 'out-'));
      await expect(mergeSources([lying], OPTS, out, createDeskKeyPair())).rejects.toThrow(/not the rows counted/);
      const day = f!.day;
      await expect(
        writeReconciliationContent(
          { head: day, counts: countsOf(day), merged: null, appointments: day.appointments, registrations: day.registrations.slice(1), rejections: day.rejections },
          out,
          createDeskKeyPair(),
        ),
      ).rejects.toThrow(/not the rows counted/);
      expect(fs.readdirSync(out)).toEqual([]);
    }));
});
