/**
 * HQ intake bench: 2,000 desk day files (≈1,000,000 appointment rows, 500,000 registrations)
 * written and signed by Masa's own reconciliation writer, loaded into a local PostgreSQL
 * (a throwaway cluster, default durability) through `load` (verify + one transaction and COPY
 * per file), against a bare COPY of the same rows from one CSV per table in the same run;
 * then `duplicates` and `report --month`. PGlite the same on 200 of the files. First, where one
 * file's time goes (medians over 50 files, one thread): exceljs' full read of the workbook (what
 * Masa's reconciliation reader was), the reader and signature check now, the whole check with
 * the row checks and CSV, beside a COPY of that file's rows.
 * Targets: load < 120 s, rate ≥ 0.5 × bare COPY, duplicates < 2 s, report --month < 1 s.
 *
 *   npx tsx bench/hq.ts            (HQ_BENCH_FILES=200 for a quick run)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { fingerprint, verifySignedReconciliation } from '../main/reconciliation';
import { buildReport } from '../hq/analysis/report';
import { findDuplicates } from '../hq/analysis/duplicates';
import type { HqEngine } from '../hq/database/engine';
import { openPgEngine } from '../hq/database/pgEngine';
import { openPgliteEngine } from '../hq/database/pgliteEngine';
import { migrate } from '../hq/database/migrate';
import { insertKey } from '../hq/database/queries/deskKeys';
import { APPOINTMENT_COLUMNS, REGISTRATION_COLUMNS, REJECTION_COLUMNS, rowsAsCsv } from '../hq/database/queries/rows';
import { loadDayFiles, ROWS_PER_TRANSACTION } from '../hq/intake/load';
import { findCandidates } from '../hq/intake/findFiles';
import { prepareFile } from '../hq/intake/prepare';
import { startCluster } from '../hq/testing/cluster';
import { createDeskKeyPair, personTckn, syntheticDay, writeDay, type DeskKeys } from '../hq/testing/dayFiles';
import { median, peakRssMb, verdict } from './stats';

const FILES = Number(process.env.HQ_BENCH_FILES ?? 2000);
const PGLITE_FILES = Math.min(200, FILES);
const PROVINCES = 20;
const DESKS = 5;
const DAYS = Math.ceil(FILES / (PROVINCES * DESKS));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-bench-hq-'));
const filesDir = path.join(root, 'files');
const pgliteDir = path.join(root, 'files-200');
fs.mkdirSync(filesDir);
fs.mkdirSync(pgliteDir);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

// --- the files, with Masa's writer and signer; the same rows as CSV for the bare COPY -------
const keys = new Map<string, DeskKeys>();
const csv = {
  all: { a: fs.openSync(path.join(root, 'a.csv'), 'w'), r: fs.openSync(path.join(root, 'r.csv'), 'w'), j: fs.openSync(path.join(root, 'j.csv'), 'w') },
  small: { a: fs.openSync(path.join(root, 'a200.csv'), 'w'), r: fs.openSync(path.join(root, 'r200.csv'), 'w'), j: fs.openSync(path.join(root, 'j200.csv'), 'w') },
};
let rowsAll = 0;
let rowsSmall = 0;
const tGen = performance.now();
let n = 0;
outer: for (let d = 0; d < DAYS; d++) {
  for (let p = 0; p < PROVINCES; p++) {
    for (let k = 0; k < DESKS; k++) {
      if (n >= FILES) break outer;
      const province = String(p + 1).padStart(2, '0');
      const desk = `M${String(k + 1).padStart(2, '0')}`;
      const id = `${province}|${desk}`;
      if (!keys.has(id)) keys.set(id, createDeskKeyPair());
      // Every 20th file's first registration is a mother already registered in another province.
      const plant = n % 20 === 19 ? [personTckn((n - 10) * 1000 + 1)] : undefined;
      const day = syntheticDay({ provinceCode: province, deskCode: desk, date: `2026-11-${String(d + 2).padStart(2, '0')}`, appointments: 500, registrations: 250, rejected: 40, incomplete: 10, noShows: 30, serial: n, plantMothers: plant });
      const dir = n < PGLITE_FILES ? pgliteDir : filesDir;
      await writeDay(day, dir, keys.get(id)!);
      const rows = rowsAsCsv(n + 1, day);
      fs.writeSync(csv.all.a, rows.appointments);
      fs.writeSync(csv.all.r, rows.registrations);
      fs.writeSync(csv.all.j, rows.rejections);
      const count = day.appointments.length + day.registrations.length + day.rejections.length;
      rowsAll += count;
      if (n < PGLITE_FILES) {
        fs.writeSync(csv.small.a, rows.appointments);
        fs.writeSync(csv.small.r, rows.registrations);
        fs.writeSync(csv.small.j, rows.rejections);
        rowsSmall += count;
      }
      n++;
    }
  }
}
for (const g of Object.values(csv)) for (const fd of Object.values(g)) fs.closeSync(fd);
const bytes = [...fs.readdirSync(filesDir).map((f) => path.join(filesDir, f)), ...fs.readdirSync(pgliteDir).map((f) => path.join(pgliteDir, f))].reduce((s, f) => s + fs.statSync(f).size, 0);
console.log(`generated ${fmt(n)} signed day files (${fmt(rowsAll)} rows, ${(bytes / 1e6).toFixed(0)} MB of xlsx+sig) with Masa's writer in ${((performance.now() - tGen) / 1000).toFixed(0)} s`);

async function registerKeys(db: HqEngine) {
  for (const [id, k] of keys) {
    const [provinceCode, deskCode] = id.split('|') as [string, string];
    await insertKey(db, { spki: k.publicKeySpki, provinceCode, deskCode, fingerprint: fingerprint(k.publicKeySpki) });
  }
}

/** The bare baseline's day_files rows: stubs with the ids the CSV names (the FK is the same as the real load's). */
async function stubFiles(db: HqEngine, count: number) {
  const anyKey = keys.values().next().value!.publicKeySpki;
  await db.query(
    `INSERT INTO day_files (sha256, content_sha256, file_name, status, province_code, province_name, desk_code, day, program_codes, chain_head, created_at, app_version, created_by,
        public_key_spki, appointments, arrived, no_shows, registrations, rejected, incomplete, cancelled, monthly_total_cents, summary)
     SELECT 'bare' || g, 'c', 'f' || g, 'LOADED', lpad((g % 81 + 1)::text, 2, '0'), 'x', 'B' || g, DATE '2020-01-01' + g, 'P', 'h', now(), 'v', 'b', $1, 0, 0, 0, 0, 0, 0, 0, 0, '{}'
       FROM generate_series(1, $2::int) AS g`,
    [anyKey, count],
  );
}

interface Figures {
  load: number;
  dbPart: number;
  rows: number;
  bare: number;
  duplicates: number[];
  report: number[];
  groups: number;
  threads: number;
}

async function measure(label: string, open: (name: string) => Promise<HqEngine>, folder: string[], bareCopy: (db: HqEngine) => Promise<void>, rows: number, runs: number): Promise<Figures> {
  const db = await open('hq');
  await migrate(db);
  await registerKeys(db);
  const s = await loadDayFiles(db, folder);
  if (s.loaded !== s.files.length) throw new Error(`${label}: ${s.files.filter((f) => f.status !== 'LOADED').map((f) => `${f.file} ${f.code}`).join(', ')}`);
  const dupTimes: number[] = [];
  const reportTimes: number[] = [];
  let groups = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    groups = (await findDuplicates(db, null)).length;
    dupTimes.push((performance.now() - t) / 1000);
    t = performance.now();
    const r = await buildReport(db, '2026-11-01', '2026-11-30');
    reportTimes.push((performance.now() - t) / 1000);
    if (r.mismatches.length) throw new Error(`${label}: report mismatch ${JSON.stringify(r.mismatches)}`);
  }
  await db.close();
  const bareDb = await open('bare');
  await migrate(bareDb);
  await registerKeys(bareDb);
  await stubFiles(bareDb, n);
  const t = performance.now();
  await bareCopy(bareDb);
  const bare = (performance.now() - t) / 1000;
  await bareDb.close();
  if (s.rows !== rows) throw new Error(`${label}: loaded ${s.rows} rows, CSV has ${rows}`);
  return { load: s.seconds, dbPart: s.dbSeconds, rows: s.rows, bare, duplicates: dupTimes, report: reportTimes, groups, threads: s.threads };
}

// --- where one file's time goes ------------------------------------------------------------
const sample = findCandidates([pgliteDir]).candidates.slice(0, 50).filter((c) => c.kind === 'pair');
const trusted = [...keys].map(([id, k]) => ({ deskCode: id.split('|')[1]!, publicKeySpki: k.publicKeySpki }));
const keyProvince = Object.fromEntries([...keys].map(([id, k]) => [k.publicKeySpki, id.split('|')[0]!]));
const stage = { exceljs: [] as number[], verify: [] as number[], prepare: [] as number[] };
for (const c of sample) {
  let t = performance.now();
  await new ExcelJS.Workbook().xlsx.readFile(c.xlsx);
  stage.exceljs.push(performance.now() - t);
  t = performance.now();
  await verifySignedReconciliation(c.xlsx, c.sig, trusted);
  stage.verify.push(performance.now() - t);
  t = performance.now();
  const p = await prepareFile(c, { trusted, keyProvince });
  stage.prepare.push(performance.now() - t);
  if (!p.ok) throw new Error(`sample ${p.file}: ${p.refusal.code}`);
}

// --- PostgreSQL: a throwaway local cluster ------------------------------------------------
const cluster = startCluster();
let server: Figures;
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE hq');
  await admin.query('CREATE DATABASE bare');
  await admin.end();
  const urlOf = (name: string) => cluster.url.replace('/postgres?', `/${name}?`);
  server = await measure(
    'PostgreSQL',
    (name) => openPgEngine(urlOf(name)),
    [pgliteDir, filesDir],
    async () => {
      const c = new pg.Client({ connectionString: urlOf('bare') });
      await c.connect();
      // One transaction per table, COPY from one CSV: the database's own ceiling for these rows.
      for (const [table, cols, f] of [['appointments', APPOINTMENT_COLUMNS, 'a.csv'], ['registrations', REGISTRATION_COLUMNS, 'r.csv'], ['rejections', REJECTION_COLUMNS, 'j.csv']] as const) {
        await pipeline(fs.createReadStream(path.join(root, f)), c.query(copyFrom(`COPY ${table} (${cols.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
      }
      await c.end();
    },
    rowsAll,
    3,
  );
} finally {
  cluster.destroy();
}

// --- PGlite: the same on 200 files --------------------------------------------------------
const lite = await measure(
  'PGlite',
  (name) => openPgliteEngine(path.join(root, `pglite-${name}`)),
  [pgliteDir],
  async (db) => {
    for (const [table, cols, f] of [['appointments', APPOINTMENT_COLUMNS, 'a200.csv'], ['registrations', REGISTRATION_COLUMNS, 'r200.csv'], ['rejections', REJECTION_COLUMNS, 'j200.csv']] as const) {
      await db.transaction((tx) => tx.copyCsv(table, cols, fs.readFileSync(path.join(root, f), 'utf8')));
    }
  },
  rowsSmall,
  3,
);
const pgliteBytes = (dir: string): number => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((s, e) => s + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
const liteDisk = pgliteBytes(path.join(root, 'pglite-hq'));

const line = (label: string, f: Figures, files: number) => {
  const rate = f.rows / f.load;
  const dbRate = f.rows / f.dbPart;
  const bareRate = f.rows / f.bare;
  return [
    `${label}: load ${fmt(files)} files, ${fmt(f.rows)} rows: ${f.load.toFixed(1)} s = ${fmt(rate)} rows/s (of which database transactions ${f.dbPart.toFixed(1)} s = ${fmt(dbRate)} rows/s)`,
    `   bare COPY of the same rows from one CSV per table: ${f.bare.toFixed(1)} s = ${fmt(bareRate)} rows/s → ratio load/bare ${(rate / bareRate).toFixed(2)}, database part/bare ${(dbRate / bareRate).toFixed(2)}`,
    `   duplicates (${fmt(f.groups)} groups), median of ${f.duplicates.length}: ${median(f.duplicates).toFixed(2)} s; report --month, median of ${f.report.length}: ${median(f.report).toFixed(2)} s`,
  ].join('\n');
};
const ms = (v: number[]) => `${median(v).toFixed(1)} ms`;
console.log(`one file (${fmt(rowsAll / n)} rows), medians of ${sample.length}: exceljs' full read ${ms(stage.exceljs)}; Masa's reader + signature check (verifySignedReconciliation) ${ms(stage.verify)}; the whole check with row checks and CSV (prepareFile) ${ms(stage.prepare)}; bare COPY of a file's rows ≈ ${((1000 * server.bare) / n).toFixed(1)} ms`);
console.log(`load: ${server.threads} worker threads parsing, transactions of up to ${fmt(ROWS_PER_TRANSACTION)} rows`);
console.log(line('PostgreSQL 15 (local cluster)', server, n));
console.log(`   targets: load < 120 s ${verdict(server.load < 120)}; ratio ≥ 0.5 ${verdict(server.rows / server.load / (server.rows / server.bare) >= 0.5)}; duplicates < 2 s ${verdict(median(server.duplicates) < 2)}; report < 1 s ${verdict(median(server.report) < 1)}`);
console.log(line('PGlite 0.6.1 (embedded)', lite, PGLITE_FILES));
console.log(`   PGlite data folder after ${PGLITE_FILES} files: ${(liteDisk / 1e6).toFixed(0)} MB; peak RSS of this process ${peakRssMb()} MB`);
fs.rmSync(root, { recursive: true, force: true });
