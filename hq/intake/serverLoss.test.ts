import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../main/reconciliation';
import { openPgEngine } from '../database/pgEngine';
import { migrate } from '../database/migrate';
import { insertKey } from '../database/queries/deskKeys';
import { storedRowCounts } from '../database/queries/rows';
import { postgresBinDir, startCluster, type Cluster } from '../testing/cluster';
import { createDeskKeyPair, syntheticDay, writeDay } from '../testing/dayFiles';
import { loadDayFiles } from './load';

// This test kills a real PostgreSQL server, so it starts a cluster of its own.
const bin = postgresBinDir();
const canRun = bin !== null && (process.getuid?.() !== 0 || fs.existsSync('/usr/sbin/runuser'));
if (!canRun) console.warn('HQ server-loss test on PostgreSQL skipped: no PostgreSQL binaries (/usr/lib/postgresql/*/bin) to start a cluster that the test may kill');

describe.skipIf(!canRun)('HQ load on PostgreSQL when the server goes away', () => {
  let cluster: Cluster | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-hq-loss-'));
  afterAll(() => {
    cluster?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('[PostgreSQL] the server killed mid-load: the file in flight is not half-loaded, the rest are named, a second run loads them', async () => {
    cluster = startCluster({ settings: ['-c fsync=off'] });
    const keys = createDeskKeyPair();
    for (let d = 0; d < 6; d++) await writeDay(syntheticDay({ provinceCode: '35', deskCode: 'M01', date: `2026-05-0${d + 1}`, appointments: 400, registrations: 200, rejected: 20, serial: 500 + d }), dir, keys);
    let db = await openPgEngine(cluster.url);
    await migrate(db);
    await insertKey(db, { spki: keys.publicKeySpki, provinceCode: '35', deskCode: 'M01', fingerprint: fingerprint(keys.publicKeySpki) });
    // After the second file is committed, kill the postmaster (SIGKILL) while the third file's COPY is on its way.
    const s = await loadDayFiles(db, [dir], (p) => {
      if (p.done === 2) setTimeout(() => process.kill(cluster!.pid(), 'SIGKILL'), 5);
    });
    await db.close();
    expect(s.files.slice(0, 2).map((f) => f.status)).toEqual(['LOADED', 'LOADED']);
    const after = s.files.slice(2);
    expect(after.some((f) => f.code === 'DB_UNAVAILABLE')).toBe(true);
    // Whatever was not loaded is named with its reason.
    for (const f of after) if (f.status !== 'LOADED') expect([f.code, f.message.tr]).toEqual(['DB_UNAVAILABLE', 'Veritabanına ulaşılamıyor (sunucu bağlantısı koptu); dosya yüklenmedi, yeniden çalıştırın.']);

    // The backends notice their postmaster died and exit; then the server starts again (crash recovery).
    for (let i = 0; ; i++) {
      try {
        cluster.start();
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    db = await openPgEngine(cluster.url);
    const files = await db.query<{ id: number; file_name: string; appointments: number; registrations: number; rejected: number }>('SELECT id, file_name, appointments, registrations, rejected FROM day_files ORDER BY file_name');
    // Every file in the database is there whole: its rows are the counts of its Özet.
    for (const f of files) expect(await storedRowCounts(db, f.id)).toEqual({ appointments: f.appointments, registrations: f.registrations, rejections: f.rejected });
    expect(files.length).toBe(s.loaded);
    const again = await loadDayFiles(db, [dir]);
    expect(again.files.filter((f) => f.status === 'LOADED').length).toBe(6 - s.loaded);
    expect(again.files.filter((f) => f.status === 'REFUSED')).toEqual([]);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM day_files WHERE status = 'LOADED'"))[0]!.n).toBe(6);
    await db.close();
  });
});
