import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKey, dataKeysOf, openVault, readSlotFile, rawHandle } from '../../database/testing/internals';
import { tempDir } from '../../database/testing/fixtures';
import { sha256File } from '../../database/testing/internals';
import { seedAppointments } from '../testing/seed';
import { HEAD_USER, setUpApp } from '../testing/appFixture';

function rawOpen(dir: string) {
  const file = readSlotFile(path.join(dir, 'masa.keys.json'));
  const key = dataKeysOf(file, openVault(file, 'user', HEAD_USER.username, HEAD_USER.password)!)[0]!.key;
  const db = new Database(path.join(dir, 'masa.ledger'));
  applyKey(db, key);
  return db;
}

describe('backups', () => {
  it('writes an encrypted copy with the key file and a manifest; no plaintext; then rotates', async () => {
    const { app, ok } = await setUpApp();
    const to = tempDir('masa-backups-');
    const b = await ok('backup.create', { to });
    expect(b.verifying).toBe(true);
    // The background check adds its seal beside the three files written by the backup.
    await app.backupVerifier.idle();
    expect(fs.readdirSync(b.dir).filter((n) => !n.startsWith('masa.ledger-')).sort()).toEqual(['dogrulandi.json', 'manifest.json', 'masa.keys.json', 'masa.ledger']);
    const bytes = fs.readFileSync(path.join(b.dir, 'masa.ledger'));
    expect(bytes.includes(Buffer.from('Ayşe Yılmaz'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const list = await ok('backup.list', { to });
    expect(list).toEqual([expect.objectContaining({ name: b.name, whole: true, verification: expect.objectContaining({ state: 'verified' }) })]);
    expect(app.requireStore().ledger.head().seq).toBeGreaterThan(b.chainHead.seq);
  });

  it('a backup to a folder that cannot be written is refused with a clear message, ledger unchanged', async () => {
    const { call, ok } = await setUpApp();
    const before = (await ok('ledger.status', {})).chainHead;
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await call('backup.create', { to: path.join(file, 'sub') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Yedek klasörüne yazılamıyor: /);
    expect((await ok('ledger.status', {})).chainHead).toEqual(before);
  });

  it('names the backup by the office clock (Turkey time), so a backup after midnight belongs to that day', async () => {
    const { ok } = await setUpApp({ now: () => new Date('2026-11-24T21:30:05Z') });
    const r = await ok('backup.create', {});
    expect(r.name).toBe('masa-yedek-20261125-003005');
  });

  it('rotation keeps 14 daily and 12 monthly', async () => {
    const { rotateBackups } = await import('../../database');
    const dir = tempDir();
    const names: string[] = [];
    for (let m = 1; m <= 12; m++) for (const d of [1, 15, 28]) names.push(`masa-yedek-2025${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}-180000`);
    for (let d = 1; d <= 20; d++) names.push(`masa-yedek-202601${String(d).padStart(2, '0')}-180000`);
    for (const n of names) fs.mkdirSync(path.join(dir, n));
    const deleted = rotateBackups(dir);
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(names.length - deleted.length);
    // the 14 newest days are kept
    for (let d = 7; d <= 20; d++) expect(kept).toContain(`masa-yedek-202601${String(d).padStart(2, '0')}-180000`);
    // the first backup of each of the last 12 months is kept
    expect(kept).toContain('masa-yedek-20250201-180000');
    expect(kept).not.toContain('masa-yedek-20250101-180000');
    expect(kept).not.toContain('masa-yedek-20250215-180000');
  });
});

describe('restore', () => {
  it('restores a verified backup, keeps the current files aside and records the restore', async () => {
    const { app, ok } = await setUpApp();
    const to = tempDir('masa-backups-');
    const b = await ok('backup.create', { to });
    await ok('users.create', { username: 'sonradan', displayName: 'Sonradan Gelen', role: 'CLERK', password: 'Gecici-Parola-1' });
    const r = await ok('backup.restore', { file: b.dir, password: HEAD_USER.password });
    expect(fs.existsSync(path.join(r.keptAside, 'masa.ledger'))).toBe(true);
    expect((await ok('users.list', {})).map((u) => u.username)).toEqual(['mudur']);
    const v = await ok('ledger.verify', {});
    expect(v.ok).toBe(true);
    expect(app.requireStore().ledger.head().seq).toBe(b.chainHead.seq + 1);
  });

  it('refuses a damaged backup without a seal by its reason and changes nothing', async () => {
    const { app, call, ok } = await setUpApp();
    const to = tempDir('masa-backups-');
    const b = await ok('backup.create', { to });
    // Unsealed (an older backup): the full check finds the changed file. backupSeal.test.ts
    // covers a byte changed after sealing.
    await app.backupVerifier.idle();
    fs.rmSync(path.join(b.dir, 'dogrulandi.json'));
    const f = path.join(b.dir, 'masa.ledger');
    const buf = fs.readFileSync(f);
    buf[5000]! ^= 0xff;
    fs.writeFileSync(f, buf);
    const before = (await ok('ledger.status', {})).chainHead;
    const r = await call('backup.restore', { file: b.dir, password: HEAD_USER.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED', params: { reason: 'FILE_CHANGED' } } });
    expect((await ok('ledger.status', {})).chainHead).toEqual(before);
  });

  it('an index that disagrees with its table (quick_check passes it): the check before sealing and a restore without a seal refuse it', async () => {
    const { app, call, ok } = await setUpApp();
    seedAppointments(app, { date: '2026-11-24', count: 5, programCode: 'BAKICI-2020' });
    const to = tempDir('masa-backups-');
    const b = await ok('backup.create', { to });
    await app.backupVerifier.idle();
    fs.rmSync(path.join(b.dir, 'dogrulandi.json'));
    // appointments_mother says another mother for one row: the row changed (index entry
    // written), the index hidden from the schema, the row changed back (index untouched), the
    // index shown again. Table, chain and replay are as the ledger wrote them, and the index
    // has as many entries as the table (quick_check counts them).
    let db = rawOpen(b.dir);
    const row = db.prepare('SELECT randevu_no, mother_tckn FROM appointments LIMIT 1').get() as { randevu_no: string; mother_tckn: string };
    db.prepare("UPDATE appointments SET mother_tckn = '99999999999' WHERE randevu_no = ?").run(row.randevu_no);
    const index = db.prepare("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema WHERE name = 'appointments_mother'").get() as Record<string, unknown>;
    db.unsafeMode(true); // better-sqlite3 opens in defensive mode, which refuses writing the schema
    db.pragma('writable_schema = ON');
    db.prepare("DELETE FROM sqlite_schema WHERE name = 'appointments_mother'").run();
    db.close();
    db = rawOpen(b.dir);
    db.prepare('UPDATE appointments SET mother_tckn = ? WHERE randevu_no = ?').run(row.mother_tckn, row.randevu_no);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare('INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)').run(index);
    db.close();
    db = rawOpen(b.dir);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.pragma('integrity_check', { simple: true })).not.toBe('ok');
    expect(db.prepare("SELECT count(*) FROM appointments INDEXED BY appointments_mother WHERE mother_tckn = '99999999999'").pluck().get()).toBe(1);
    db.close();
    // The manifest names the file as it is now: only the index is wrong.
    const manifestFile = path.join(b.dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, unknown> };
    manifest.files['masa.ledger'] = sha256File(path.join(b.dir, 'masa.ledger'));
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);

    expect(await call('backup.verify', { file: b.dir, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED', params: { reason: 'INTEGRITY' } } });
    expect(fs.existsSync(path.join(b.dir, 'dogrulandi.json'))).toBe(false);
    const before = (await ok('ledger.status', {})).chainHead;
    expect(await call('backup.restore', { file: b.dir, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED', params: { reason: 'INTEGRITY' } } });
    expect((await ok('ledger.status', {})).chainHead).toEqual(before);
    expect(fs.readdirSync(app.dataDir).filter((f) => f.includes('.restore'))).toEqual([]);
  });

  it('refuses a backup with a wrong password', async () => {
    const { call, ok } = await setUpApp();
    const b = await ok('backup.create', { to: tempDir() });
    expect(await call('backup.verify', { file: b.dir, password: 'yanlis-parola' })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSWORD' } });
  });
});

describe('start-up check and rescue', () => {
  it('a tampered event opens the rescue state: only restore and sign-out work', async () => {
    const { app, call, ok } = await setUpApp();
    const b = await ok('backup.create', { to: tempDir() });
    // Events after the last verified point (set at sign-in) are checked at the next unlock.
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    const tampered = app.requireStore().ledger.head().seq;
    await ok('auth.logout', {});
    const db = rawOpen(app.dataDir);
    db.exec('DROP TRIGGER events_no_update');
    db.prepare("UPDATE events SET payload = replace(payload, 'Şükrü', 'Sukru') WHERE seq = ?").run(tampered);
    db.close();
    await ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    const status = await ok('app.status', {});
    expect(status.state).toBe('rescue');
    expect(status.rescue?.firstBadSeq).toBe(tampered);
    expect(await call('day.view', { date: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'LEDGER_CHAIN_BROKEN', params: { seq: tampered } } });
    await ok('backup.restore', { file: b.dir, password: HEAD_USER.password });
    expect((await ok('app.status', {})).state).toBe('ready');
  });

  it('the check only walks events added since the last verified point', async () => {
    const { startupCheck } = await import('../../database');
    const { app, ok } = await setUpApp();
    const db = rawHandle(app.requireStore());
    const first = startupCheck(db);
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    const second = startupCheck(db);
    expect(second.fromSeq).toBe(first.chain.headSeq + 1);
    expect(second.chain.checked).toBe(second.chain.headSeq - first.chain.headSeq);
  });
});
