import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../analysis/report';
import { deskChains } from '../analysis/chain';
import { findDuplicates } from '../analysis/duplicates';
import type { HqEngine } from '../database/engine';
import { migrate } from '../database/migrate';
import { chainRows } from '../database/queries/analysis';
import { insertKey } from '../database/queries/deskKeys';
import { intakeLogCount } from '../database/queries/intakeLog';
import { storedRowCounts } from '../database/queries/rows';
import { renamedCopy, resign, truncated, withSummaryValue } from '../testing/badFiles';
import { createDeskKeyPair, personTckn, syntheticDay, writeDay, type DeskKeys } from '../testing/dayFiles';
import { enginesUnderTest } from '../testing/engines';
import { fingerprint } from '../../main/reconciliation';
import { loadDayFiles } from './load';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-files-'));

async function register(db: HqEngine, provinceCode: string, deskCode: string, keys: DeskKeys) {
  await insertKey(db, { spki: keys.publicKeySpki, provinceCode, deskCode, fingerprint: fingerprint(keys.publicKeySpki) });
}

async function fileId(db: HqEngine, name: string): Promise<number | undefined> {
  return (await db.query<{ id: number }>('SELECT id FROM day_files WHERE file_name = $1', [name]))[0]?.id;
}

for (const engine of enginesUnderTest()) {
  if (engine.skip) console.warn(`HQ tests on ${engine.name} skipped: ${engine.skip}`);
  describe.skipIf(engine.skip !== null)(`HQ load on ${engine.name}`, () => {
    let db: HqEngine;
    let cleanup: () => Promise<void>;
    const dirs: string[] = [];
    const izmir = createDeskKeyPair();
    const ankara = createDeskKeyPair();
    beforeAll(async () => {
      const f = await engine.fresh();
      db = f.db;
      cleanup = f.cleanup;
      await migrate(db);
      await register(db, '35', 'M01', izmir);
      await register(db, '06', 'M01', ankara);
    });
    afterAll(async () => {
      await cleanup?.();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    it(`[${engine.name}] loads signed day files whole, once: the same file again changes nothing`, async () => {
      const dir = tmp();
      dirs.push(dir);
      for (let d = 0; d < 2; d++) await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: `2026-10-0${d + 1}`, appointments: 60, registrations: 30, rejected: 5, incomplete: 3, noShows: 4, serial: 10 + d }), dir, izmir);
      const first = await loadDayFiles(db, [dir]);
      expect(first.files.map((f) => [f.file, f.status])).toEqual([
        ['MUTABAKAT_35_M01_20261001.xlsx', 'LOADED'],
        ['MUTABAKAT_35_M01_20261002.xlsx', 'LOADED'],
      ]);
      expect(first.rows).toBe(2 * (60 + 30 + 8));
      expect(await storedRowCounts(db, (await fileId(db, 'MUTABAKAT_35_M01_20261001.xlsx'))!)).toEqual({ appointments: 60, registrations: 30, rejections: 8 });
      const again = await loadDayFiles(db, [dir, path.join(dir, 'MUTABAKAT_35_M01_20261001.xlsx')]);
      // A file named twice (folder and path) is one candidate.
      expect(again.files.map((f) => f.status)).toEqual(['ALREADY_LOADED', 'ALREADY_LOADED']);
      expect(again.rows).toBe(0);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments'))[0]!.n).toBe(120);
      const r = await buildReport(db, '2026-10-01', '2026-10-31');
      expect(r.mismatches).toEqual([]);
      expect(r.totals).toMatchObject({ appointments: 120, registrations: 60, rejected: 10, incomplete: 6, no_shows: 8, monthly_total_cents: 60 * 32500 });
      expect(r.byRule.map((b) => [b.rule_code, b.refusals])).toEqual([['ANNE_SIGORTA', 6], ['BAKICI_SERTIFIKA', 4], ['COCUK_YAS', 6]]);
    });

    it(`[${engine.name}] names every bad file with its reason, loads none of it, and loads the rest`, async () => {
      const dir = tmp();
      dirs.push(dir);
      const mk = (date: string, serial: number, keys = izmir, province = '35') => writeDay(syntheticDay({ provinceCode: province, deskCode: 'M01', date, appointments: 20, registrations: 10, rejected: 2, serial }), dir, keys);
      const good = await mk('2026-09-01', 100);
      const badSig = await mk('2026-09-02', 101);
      const sig = JSON.parse(fs.readFileSync(badSig.sigPath, 'utf8'));
      const raw = Buffer.from(sig.signature, 'base64');
      raw[5]! ^= 1;
      fs.writeFileSync(badSig.sigPath, JSON.stringify({ ...sig, signature: raw.toString('base64') }));
      const stranger = createDeskKeyPair();
      await mk('2026-09-03', 102, stranger);
      const renamedFrom = await mk('2026-09-04', 103);
      const other = tmp();
      dirs.push(other);
      renamedCopy(renamedFrom.xlsxPath, other, 'MUTABAKAT_35_M01_20260905.xlsx', 'M01', izmir);
      fs.rmSync(renamedFrom.xlsxPath);
      fs.rmSync(renamedFrom.sigPath);
      fs.renameSync(path.join(other, 'MUTABAKAT_35_M01_20260905.xlsx'), path.join(dir, 'MUTABAKAT_35_M01_20260905.xlsx'));
      fs.renameSync(path.join(other, 'MUTABAKAT_35_M01_20260905.xlsx.sig'), path.join(dir, 'MUTABAKAT_35_M01_20260905.xlsx.sig'));
      const counts = await mk('2026-09-06', 104);
      await withSummaryValue(counts.xlsxPath, 'Kesin Kayıt', 11, 'M01', izmir);
      const cut = await mk('2026-09-07', 105);
      truncated(cut.xlsxPath, 'M01', izmir);
      const orphan = await mk('2026-09-08', 106);
      fs.rmSync(orphan.xlsxPath);
      // Izmir's desk key signing a file whose content says Ankara (re-signed under Ankara's name).
      const foreign = await mk('2026-09-09', 107, izmir, '06');
      resign(foreign.xlsxPath, 'M01', izmir);
      const s = await loadDayFiles(db, [dir]);
      expect(s.files.map((f) => [f.file, f.status, f.code])).toEqual([
        ['MUTABAKAT_06_M01_20260909.xlsx', 'REFUSED', 'KEY_OF_OTHER_PROVINCE'],
        ['MUTABAKAT_35_M01_20260901.xlsx', 'LOADED', null],
        ['MUTABAKAT_35_M01_20260902.xlsx', 'REFUSED', 'BAD_SIGNATURE'],
        ['MUTABAKAT_35_M01_20260903.xlsx', 'REFUSED', 'UNKNOWN_KEY'],
        ['MUTABAKAT_35_M01_20260905.xlsx', 'REFUSED', 'FILE_NAME_MISMATCH'],
        ['MUTABAKAT_35_M01_20260906.xlsx', 'REFUSED', 'COUNTS_MISMATCH'],
        ['MUTABAKAT_35_M01_20260907.xlsx', 'REFUSED', 'UNREADABLE'],
        ['MUTABAKAT_35_M01_20260908.xlsx.sig', 'REFUSED', 'SIG_WITHOUT_FILE'],
      ]);
      expect(s.files[4]!.message.tr).toContain('MUTABAKAT_35_M01_20260904.xlsx olmalıydı');
      expect(s.files[7]!.message.tr).toBe('İmza dosyası (.sig) var ama imzaladığı .xlsx dosyası yok.');
      expect(await fileId(db, good.fileName)).toBeDefined();
      for (const f of s.files.filter((x) => x.status === 'REFUSED')) expect(await fileId(db, f.file)).toBeUndefined();
      const orphanRows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM appointments a JOIN day_files f ON f.id = a.file_id WHERE f.day BETWEEN '2026-09-02' AND '2026-09-30'");
      expect(orphanRows[0]!.n).toBe(0);
      expect(await intakeLogCount(db, 'load', 'BAD_SIGNATURE')).toBe(1);
    });

    it(`[${engine.name}] files checked in worker threads and several per transaction: each named as in one thread, each whole`, async () => {
      const dir = tmp();
      dirs.push(dir);
      const written = [];
      for (let d = 0; d < 8; d++) written.push(await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: `2026-04-0${d + 1}`, appointments: 30, registrations: 12, rejected: 3, serial: 600 + d }), dir, izmir));
      // A bad signature in the middle: refused with its reason while the files around it load.
      const sig = JSON.parse(fs.readFileSync(written[4]!.sigPath, 'utf8'));
      fs.writeFileSync(written[4]!.sigPath, JSON.stringify({ ...sig, signature: Buffer.alloc(64).toString('base64') }));
      // The same bytes again from another folder: loaded once.
      const other = tmp();
      dirs.push(other);
      fs.copyFileSync(written[7]!.xlsxPath, path.join(other, written[7]!.fileName));
      fs.copyFileSync(written[7]!.sigPath, path.join(other, `${written[7]!.fileName}.sig`));
      const badBefore = await intakeLogCount(db, 'load', 'BAD_SIGNATURE');
      const s = await loadDayFiles(db, [dir, other], undefined, { threads: 2, rowsPerTransaction: 100 });
      expect(s.threads).toBe(2);
      expect(s.files.map((f) => [f.file, f.status, f.code])).toEqual([
        ...[1, 2, 3, 4].map((d) => [`MUTABAKAT_35_M01_2026040${d}.xlsx`, 'LOADED', null]),
        ['MUTABAKAT_35_M01_20260405.xlsx', 'REFUSED', 'BAD_SIGNATURE'],
        ...[6, 7, 8].map((d) => [`MUTABAKAT_35_M01_2026040${d}.xlsx`, 'LOADED', null]),
        ['MUTABAKAT_35_M01_20260408.xlsx', 'ALREADY_LOADED', null],
      ]);
      expect(s.rows).toBe(7 * (30 + 12 + 3));
      for (const f of s.files.filter((x) => x.status === 'LOADED')) expect(await storedRowCounts(db, (await fileId(db, f.file))!)).toEqual({ appointments: 30, registrations: 12, rejections: 3 });
      expect(await fileId(db, 'MUTABAKAT_35_M01_20260405.xlsx')).toBeUndefined();
      expect(await intakeLogCount(db, 'load', 'BAD_SIGNATURE')).toBe(badBefore + 1);
    });

    it(`[${engine.name}] a file the database refuses inside a transaction of several: that file refused alone, the others of its transaction loaded whole`, async () => {
      const dir = tmp();
      dirs.push(dir);
      for (let d = 0; d < 5; d++) await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: `2026-03-0${d + 1}`, appointments: 20, registrations: 8, rejected: 2, serial: 700 + d }), dir, izmir);
      // The server itself refuses the third file's row (a trigger, as a constraint would): files 2 and 3 share a transaction.
      await db.query(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
      await db.query(`CREATE TRIGGER refuse_one BEFORE INSERT ON day_files FOR EACH ROW WHEN (NEW.file_name = 'MUTABAKAT_35_M01_20260303.xlsx') EXECUTE FUNCTION refuse_one()`);
      try {
        const s = await loadDayFiles(db, [dir], undefined, { threads: 0 });
        expect(s.files.map((f) => [f.file, f.status, f.code])).toEqual([
          ['MUTABAKAT_35_M01_20260301.xlsx', 'LOADED', null],
          ['MUTABAKAT_35_M01_20260302.xlsx', 'LOADED', null],
          ['MUTABAKAT_35_M01_20260303.xlsx', 'REFUSED', 'DB_REFUSED'],
          ['MUTABAKAT_35_M01_20260304.xlsx', 'LOADED', null],
          ['MUTABAKAT_35_M01_20260305.xlsx', 'LOADED', null],
        ]);
        expect(s.files[2]!.message.tr).toBe('Veritabanı dosyanın satırlarını kabul etmedi; dosya yüklenmedi.');
        for (const d of [1, 2, 4, 5]) expect(await storedRowCounts(db, (await fileId(db, `MUTABAKAT_35_M01_2026030${d}.xlsx`))!)).toEqual({ appointments: 20, registrations: 8, rejections: 2 });
        expect(await fileId(db, 'MUTABAKAT_35_M01_20260303.xlsx')).toBeUndefined();
        expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM intake_log WHERE file_name = 'MUTABAKAT_35_M01_20260302.xlsx' AND code = 'LOADED'"))[0]!.n).toBe(1);
      } finally {
        await db.query('DROP TRIGGER refuse_one ON day_files');
        await db.query('DROP FUNCTION refuse_one()');
      }
    });

    it(`[${engine.name}] a different file for a desk-day already loaded is kept as a conflict; the first stays counted`, async () => {
      const dir1 = tmp();
      const dir2 = tmp();
      dirs.push(dir1, dir2);
      const a = await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-08-03', appointments: 10, registrations: 5, serial: 200 }), dir1, izmir);
      // Re-exported later with the same rows (only the creation time differs): not a conflict.
      const same = await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-08-03', appointments: 10, registrations: 5, serial: 200, createdAt: '2026-08-03T19:30:00' }), dir2, izmir);
      expect(same.sha256).not.toBe(a.sha256);
      expect((await loadDayFiles(db, [a.xlsxPath])).files[0]!.status).toBe('LOADED');
      expect((await loadDayFiles(db, [same.xlsxPath])).files[0]!.status).toBe('REEXPORT');
      const dir3 = tmp();
      dirs.push(dir3);
      const changed = await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-08-03', appointments: 10, registrations: 6, serial: 200 }), dir3, izmir);
      const s = await loadDayFiles(db, [changed.xlsxPath]);
      expect(s.files[0]).toMatchObject({ status: 'CONFLICT', file: 'MUTABAKAT_35_M01_20260803.xlsx' });
      expect(s.files[0]!.message.tr).toContain('ÇAKIŞMA');
      const r = await buildReport(db, '2026-08-03', '2026-08-03');
      expect(r.totals.registrations).toBe(5);
      expect(r.mismatches).toEqual([]);
      const statuses = await db.query<{ status: string }>("SELECT status FROM day_files WHERE day = '2026-08-03' ORDER BY id");
      expect(statuses.map((x) => x.status)).toEqual(['LOADED', 'REEXPORT', 'CONFLICT']);
    });

    it(`[${engine.name}] one desk-day three times in one transaction: the first loaded, its re-export recorded, a different file kept as a conflict`, async () => {
      const dirs3 = [tmp(), tmp(), tmp()];
      dirs.push(...dirs3);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-02-02', appointments: 10, registrations: 4, serial: 800 }), dirs3[0]!, izmir);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-02-02', appointments: 10, registrations: 4, serial: 800, createdAt: '2026-02-02T21:00:00' }), dirs3[1]!, izmir);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-02-02', appointments: 10, registrations: 5, serial: 800 }), dirs3[2]!, izmir);
      // Three Ankara files first: transactions take 1, 2, then 4 files, so the three of 2026-02-02 share the third.
      for (let d = 0; d < 3; d++) await writeDay(syntheticDay({ provinceCode: '06', deskCode: 'M01', date: `2026-01-2${d + 1}`, appointments: 3, registrations: 1, serial: 810 + d }), dirs3[0]!, ankara);
      const s = await loadDayFiles(db, dirs3, undefined, { threads: 0, rowsPerTransaction: 1_000_000 });
      expect(s.files.map((f) => f.status)).toEqual(['LOADED', 'LOADED', 'LOADED', 'LOADED', 'REEXPORT', 'CONFLICT']);
      expect(s.files.slice(3).map((f) => f.file)).toEqual(Array(3).fill('MUTABAKAT_35_M01_20260202.xlsx'));
      expect(s.files[5]!.message.tr).toContain('(MUTABAKAT_35_M01_20260202.xlsx)');
      const files = await db.query<{ id: number; status: string }>("SELECT id, status FROM day_files WHERE day = '2026-02-02' ORDER BY id");
      expect(files.map((f) => f.status)).toEqual(['LOADED', 'REEXPORT', 'CONFLICT']);
      expect(await storedRowCounts(db, files[0]!.id)).toEqual({ appointments: 10, registrations: 4, rejections: 0 });
      expect(await storedRowCounts(db, files[1]!.id)).toEqual({ appointments: 0, registrations: 0, rejections: 0 });
      expect(await storedRowCounts(db, files[2]!.id)).toEqual({ appointments: 10, registrations: 5, rejections: 0 });
      expect((await buildReport(db, '2026-02-02', '2026-02-02')).totals.registrations).toBe(4);
    });

    it(`[${engine.name}] duplicates: the same mother registered in two provinces within one support period, every row, grouped`, async () => {
      const dir = tmp();
      dirs.push(dir);
      const mother = personTckn(987_654_321);
      await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: '2026-07-01', appointments: 5, registrations: 3, serial: 300, plantMothers: [mother] }), dir, izmir);
      await writeDay(syntheticDay({ provinceCode: '06', deskCode: 'M01', date: '2026-07-02', appointments: 5, registrations: 3, serial: 301, plantMothers: [mother] }), dir, ankara);
      expect((await loadDayFiles(db, [dir])).loaded).toBe(2);
      const groups = await findDuplicates(db, null);
      const g = groups.find((x) => x.tckn === mother)!;
      expect(g.kind).toBe('ANNE');
      expect(g.rows.map((r) => [r.province_code, r.registered_at.slice(0, 10), r.ends])).toEqual([
        ['35', '2026-07-01', '2028-07-01'],
        ['06', '2026-07-02', '2028-07-02'],
      ]);
      expect(groups.filter((x) => x.tckn !== mother)).toEqual([]);
      // The conflict file of 2026-08-03 (earlier test) repeats the mothers of that day's loaded file: candidates, never duplicates.
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM registrations r JOIN day_files f ON f.id = r.file_id WHERE f.day = '2026-08-03' AND f.status = 'CONFLICT'"))[0]!.n).toBe(6);
      expect(groups.some((x) => x.rows.some((r) => r.registered_at.startsWith('2026-08-03')))).toBe(false);
      expect((await findDuplicates(db, '2026-07-03')).length).toBe(0);
      expect((await findDuplicates(db, '2026-07-02')).length).toBe(1);
    });

    it(`[${engine.name}] chain: a worked day whose head went back to an earlier day's is flagged`, async () => {
      const dir = tmp();
      dirs.push(dir);
      const keys = createDeskKeyPair();
      await register(db, '35', 'M09', keys);
      const heads = ['a'.repeat(64), 'b'.repeat(64), 'a'.repeat(64)];
      for (const [i, h] of heads.entries()) await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M09', date: `2026-06-0${i + 1}`, appointments: 4, registrations: 2, serial: 400 + i, chainHead: h }), dir, keys);
      await loadDayFiles(db, [dir]);
      const [c] = deskChains(await chainRows(db, '35', 'M09'));
      expect(c!.rolledBack).toBe(true);
      expect(c!.entries.map((e) => e.flags.map((f) => f.code))).toEqual([[], [], ['HEAD_RETURNED']]);
      expect(c!.entries[2]!.flags[0]!.tr).toContain('2026-06-01');
      const [ok] = deskChains(await chainRows(db, '35', 'M01'));
      expect(ok!.entries.some((e) => e.flags.some((f) => f.code === 'HEAD_RETURNED'))).toBe(false);
    });
  });
}
