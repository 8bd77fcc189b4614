import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackupInWorker, type BackupSeal } from '../../database';
import { tempDir } from '../../database/testing/fixtures';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

/**
 * Backups are checked in full in the background and sealed (database/backup/backupSeal.ts); a restore
 * trusts a valid seal and hashes the copy it swaps in instead of checking for minutes.
 * Real encrypted ledgers, real worker threads, real files: nothing here is mocked.
 */
const SEAL = 'dogrulandi.json';
const NEW_PASSWORD = 'Yeni-Parola-2026x';

async function sealedBackup(opts: Parameters<typeof setUpApp>[0] = {}) {
  const t = await setUpApp(opts);
  seedAppointments(t.app, { date: '2026-11-24', count: 300 });
  const to = tempDir('masa-usb-');
  const b = await t.ok('backup.create', { to });
  await t.app.backupVerifier.idle();
  return { ...t, b, to };
}

/** The names of the restore's steps, in order (parts of a step, given with their own ms, left out). */
function recordPhases(app: { onPhase: ((phase: string, ms?: number) => void) | null }): string[] {
  const phases: string[] = [];
  app.onPhase = (p, ms) => {
    if (ms === undefined) phases.push(p);
  };
  return phases;
}

function flipByte(file: string, at: number) {
  const fd = fs.openSync(file, 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0xff;
  fs.writeSync(fd, b, 0, 1, at);
  fs.closeSync(fd);
}

const readSealFile = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, SEAL), 'utf8')) as BackupSeal;
const leftovers = (dataDir: string) => fs.readdirSync(dataDir).filter((n) => n.endsWith('.restore') || n.startsWith('onceki-'));

describe('background verification', () => {
  it('a new backup is "being verified", then sealed with its files, chain head and an HMAC', async () => {
    const t = await setUpApp();
    seedAppointments(t.app, { date: '2026-11-24', count: 300 });
    const b = await t.ok('backup.create', { to: tempDir('masa-usb-') });
    expect((await t.ok('backup.list', { to: path.dirname(b.dir) }))[0]!.verification).toEqual({ state: 'pending' });
    await t.app.backupVerifier.idle();
    const seal = readSealFile(b.dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(b.dir, 'manifest.json'), 'utf8'));
    expect(seal).toMatchObject({ format: 'masa-backup-seal', version: 1, chainHead: b.chainHead, files: manifest.files, events: b.chainHead.seq });
    expect(seal.hmac).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.ok('backup.list', { to: path.dirname(b.dir) }))[0]!.verification).toEqual({ state: 'verified', at: seal.verifiedAt });
  });

  it('a damaged copy: no seal; the list says the check failed and why; a restore refuses it by its reason', async () => {
    const t = await sealedBackup();
    fs.rmSync(path.join(t.b.dir, SEAL));
    const ledger = path.join(t.b.dir, 'masa.ledger');
    flipByte(ledger, Math.floor(fs.statSync(ledger).size / 2));
    const outcome = await t.app.backupVerifier.verify(t.b.dir, t.app.requireStore().dataKey(path.join(t.b.dir, 'masa.keys.json')));
    expect(outcome.state).toBe('failed');
    expect(fs.existsSync(path.join(t.b.dir, SEAL))).toBe(false);
    const [listed] = await t.ok('backup.list', { to: t.to });
    expect(listed!.verification).toMatchObject({ state: 'failed', reason: outcome.state === 'failed' ? outcome.reason : '' });
    const before = (await t.ok('ledger.status', {})).chainHead;
    expect(await t.call('backup.restore', { file: t.b.dir, password: HEAD_USER.password })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_DAMAGED', params: { reason: 'FILE_CHANGED' } },
    });
    expect((await t.ok('ledger.status', {})).chainHead).toEqual(before);
  });

  it('closing the app stops a running check: nothing is sealed', async () => {
    const t = await setUpApp();
    const b = await t.ok('backup.create', { to: tempDir('masa-usb-') });
    t.app.shutdown();
    await t.app.backupVerifier.idle();
    expect(fs.existsSync(path.join(b.dir, SEAL))).toBe(false);
  });

  it('a worker that cannot start: a small backup is checked on this thread instead and sealed', async () => {
    const t = await setUpApp({ backupCheckEntry: { kind: 'bundle', file: path.join(tempDir(), 'missing.cjs') } });
    const b = await t.ok('backup.create', { to: tempDir('masa-usb-') });
    await t.app.backupVerifier.idle();
    expect(readSealFile(b.dir).chainHead).toEqual(b.chainHead);
  });

  it('the check as bundled for Electron (its own CommonJS file) runs in a worker', async () => {
    // Inside node_modules so that the bundle's external require of the SQLite driver resolves.
    fs.mkdirSync(path.join('node_modules', '.cache'), { recursive: true });
    const outdir = fs.mkdtempSync(path.join('node_modules', '.cache', 'masa-backup-check-'));
    try {
      await build({
        entryPoints: { backupCheck: 'database/backup/backupCheck.ts' },
        outdir,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        logLevel: 'silent',
      });
      const t = await sealedBackup();
      const key = t.app.requireStore().dataKey(path.join(t.b.dir, 'masa.keys.json')).key;
      const answer = await checkBackupInWorker(t.b.dir, key, { kind: 'bundle', file: path.resolve(outdir, 'backupCheck.cjs') }).answer;
      expect(answer).toMatchObject({ result: { ok: true, chainHead: t.b.chainHead, files: readSealFile(t.b.dir).files } });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('restore of a sealed backup', () => {
  it('trusts the seal: no full check, the copy in the data folder is hashed and compared; the restored ledger verifies', async () => {
    const t = await sealedBackup();
    await t.ok('users.create', { username: 'sonradan', displayName: 'Sonradan Gelen', role: 'CLERK', password: 'Gecici-Parola-1' });
    const phases = recordPhases(t.app);
    const r = await t.ok('backup.restore', { file: t.b.dir, password: HEAD_USER.password });
    expect(phases).toEqual(['open', 'seal', 'copy-fsync-hash', 'swap', 'reopen', 'recorded']);
    expect(r.trustedBy).toBe('seal');
    expect(r.chainHead.seq).toBe(t.b.chainHead.seq + 1);
    expect((await t.ok('users.list', {})).map((u) => u.username)).toEqual(['mudur']);
    expect(await t.ok('ledger.verify', {})).toMatchObject({ ok: true, chain: { ok: true }, replay: { ok: true } });
    expect(fs.existsSync(path.join(r.keptAside, 'masa.ledger'))).toBe(true);
  });

  it('one byte of the ledger file changed after sealing: refused with the reason, nothing changed, no copy left', async () => {
    const t = await sealedBackup();
    const ledger = path.join(t.b.dir, 'masa.ledger');
    flipByte(ledger, Math.floor(fs.statSync(ledger).size / 2));
    const before = (await t.ok('ledger.status', {})).chainHead;
    const r = await t.call('backup.restore', { file: t.b.dir, password: HEAD_USER.password });
    expect(r).toMatchObject({ ok: false, error: { code: 'BACKUP_CHANGED_SINCE_SEAL', params: { file: 'masa.ledger' } } });
    if (!r.ok) {
      expect(r.error.message).toContain('Yedek doğrulandıktan sonra değişmiş');
      expect(r.error.messageEn).toContain('changed after it was verified');
    }
    expect((await t.ok('ledger.status', {})).chainHead).toEqual(before);
    expect(leftovers(t.app.dataDir)).toEqual([]);
  });

  it('a seal that is not valid is refused, never passed over: edited, not a seal, a manifest edited, a seal from another backup or ledger', async () => {
    const t = await sealedBackup();
    const sealFile = path.join(t.b.dir, SEAL);
    const original = fs.readFileSync(sealFile, 'utf8');
    const restore = () => t.call('backup.restore', { file: t.b.dir, password: HEAD_USER.password });
    const refusedFor = (reason: string) => ({ ok: false, error: { code: 'BACKUP_SEAL_INVALID', params: { reason } } });
    const before = (await t.ok('ledger.status', {})).chainHead;

    // The chain head raised by hand: the HMAC no longer matches.
    const edited = JSON.parse(original) as BackupSeal;
    edited.chainHead.seq += 10;
    fs.writeFileSync(sealFile, JSON.stringify(edited));
    expect(await restore()).toMatchObject(refusedFor('SEAL_HMAC'));
    // An HMAC made up by hand.
    fs.writeFileSync(sealFile, JSON.stringify({ ...(JSON.parse(original) as BackupSeal), hmac: 'ab'.repeat(32) }));
    expect(await restore()).toMatchObject(refusedFor('SEAL_HMAC'));
    // Not a seal at all.
    fs.writeFileSync(sealFile, '{"dogrulandi": true}');
    expect(await restore()).toMatchObject(refusedFor('SEAL_FORMAT'));
    // The seal is whole but the manifest it names was edited.
    fs.writeFileSync(sealFile, original);
    const manifestFile = path.join(t.b.dir, 'manifest.json');
    const manifest = fs.readFileSync(manifestFile, 'utf8');
    fs.writeFileSync(manifestFile, manifest.replace('"manual"', '"day-close"'));
    expect(await restore()).toMatchObject(refusedFor('SEAL_MANIFEST'));
    fs.writeFileSync(manifestFile, manifest);

    // A later backup's seal (same key, valid HMAC) copied over: it names another manifest.
    await t.ok('users.create', { username: 'sonradan', displayName: 'Sonradan Gelen', role: 'CLERK', password: 'Gecici-Parola-1' });
    const later = await t.ok('backup.create', { to: t.to });
    await t.app.backupVerifier.idle();
    fs.copyFileSync(path.join(later.dir, SEAL), sealFile);
    expect(await restore()).toMatchObject(refusedFor('SEAL_MANIFEST'));
    // Another office's seal: made with another data key.
    const other = await sealedBackup();
    fs.copyFileSync(path.join(other.b.dir, SEAL), sealFile);
    expect(await restore()).toMatchObject(refusedFor('SEAL_KEY'));

    expect((await t.ok('ledger.status', {})).chainHead.seq).toBe(before.seq + 2); // the clerk and the later backup
    expect(leftovers(t.app.dataDir)).toEqual([]);
    // With its own seal back, the backup restores.
    fs.writeFileSync(sealFile, original);
    expect((await t.ok('backup.restore', { file: t.b.dir, password: HEAD_USER.password })).chainHead.seq).toBe(t.b.chainHead.seq + 1);
  });

  it('the password is the one the backup was made with: the current one is refused if it changed since', async () => {
    const t = await sealedBackup();
    await t.ok('auth.changePassword', { currentPassword: HEAD_USER.password, newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    expect(await t.call('backup.restore', { file: t.b.dir, password: NEW_PASSWORD })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSWORD' } });
    const phases = recordPhases(t.app);
    await t.ok('backup.restore', { file: t.b.dir, password: HEAD_USER.password });
    expect(phases).toContain('seal');
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);
  });

  it('another ledger\'s backup with its own head password restores into a data folder whose ledger cannot be opened', async () => {
    const source = await setUpApp();
    await source.ok('auth.changePassword', { currentPassword: HEAD_USER.password, newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    seedAppointments(source.app, { date: '2026-11-24', count: 50 });
    const b = await source.ok('backup.create', { to: tempDir('masa-usb-') });
    await source.app.backupVerifier.idle();
    source.app.shutdown();
    const target = await setUpApp();
    target.app.shutdown();
    fs.rmSync(path.join(target.app.dataDir, 'masa.keys.json'));
    const { ok, call, app } = newApp({ dataDir: target.app.dataDir });
    expect(await call('backup.rescueRestore', { file: b.dir, username: HEAD_USER.username, password: HEAD_USER.password })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const phases = recordPhases(app);
    await ok('backup.rescueRestore', { file: b.dir, username: HEAD_USER.username, password: NEW_PASSWORD });
    expect(phases).toContain('seal');
    await ok('auth.login', { username: HEAD_USER.username, password: NEW_PASSWORD });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
    expect((await ok('ledger.status', {})).chainHead.seq).toBe(b.chainHead.seq + 2); // restored, signed in
  });
});

describe('restore of a backup without a seal', () => {
  it('an older backup (no seal) is copied in (hashed once, as it is copied), its copy checked in full, then swapped in; the restored ledger verifies', async () => {
    const t = await sealedBackup();
    fs.rmSync(path.join(t.b.dir, SEAL));
    const phases = recordPhases(t.app);
    expect((await t.ok('backup.restore', { file: t.b.dir, password: HEAD_USER.password })).trustedBy).toBe('full-check');
    expect(phases).toEqual(['open', 'copy-fsync-hash', 'full check', 'swap', 'reopen', 'recorded']);
    expect(fs.readdirSync(t.app.dataDir).filter((f) => f.includes('.restore'))).toEqual([]);
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);
  });

  it('backup.verify checks in full by hand and seals it, so the next restore is quick', async () => {
    const t = await sealedBackup();
    fs.rmSync(path.join(t.b.dir, SEAL));
    expect((await t.ok('backup.list', { to: t.to }))[0]!.verification).toEqual({ state: 'unverified' });
    expect(await t.ok('backup.verify', { file: t.b.dir, password: HEAD_USER.password })).toMatchObject({ ok: true, sealed: true, events: t.b.chainHead.seq });
    expect((await t.ok('backup.list', { to: t.to }))[0]!.verification.state).toBe('verified');
    const phases = recordPhases(t.app);
    await t.ok('backup.restore', { file: t.b.dir, password: HEAD_USER.password });
    expect(phases).toContain('seal');
  });
});
