import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
import { DAY, officeWithDay, openpyxlDump, opensslVerify } from '../testing/reconciliationFixtures';

/** Özet's value of one field, read with openpyxl. */
function summaryValue(xlsx: string, field: string): unknown {
  return openpyxlDump(xlsx).rows['Özet']!.find((r) => r[0]![0] === field)![1]![0];
}

/** SHA-256 of a PEM public key's DER, computed by openssl alone, in the app's groups of four. */
function opensslFingerprint(pem: string): string {
  const dir = tempDir('masa-fp-');
  fs.writeFileSync(path.join(dir, 'k.pem'), pem);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-in', path.join(dir, 'k.pem'), '-outform', 'DER']);
  const hex = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).slice(0, 64);
  return hex.match(/.{4}/g)!.join(' ');
}

/** An Ed25519 key pair made by openssl (not by the app), as HQ or another desk would have it. */
function opensslKeyPair() {
  const dir = tempDir('masa-key-');
  const priv = path.join(dir, 'priv.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', priv]);
  const pub = path.join(dir, 'pub.pem');
  execFileSync('openssl', ['pkey', '-in', priv, '-pubout', '-out', pub]);
  return { pubPath: pub, pem: fs.readFileSync(pub, 'utf8') };
}

describe('registering other desks’ keys', () => {
  it('an unregistered desk’s file is refused; registered (fingerprint shown, listed), it verifies', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    const f2 = (await d2.ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath;
    expect((await d1.ok('reconciliation.verify', { files: [f2] }))[0]!.code).toBe('UNKNOWN_KEY');

    const k2 = await d2.ok('reconciliation.deskKey', {});
    const reg = await d1.ok('reconciliation.registerDeskKey', { deskCode: 'm02', pem: k2.pem });
    expect(reg).toMatchObject({ deskCode: 'M02', fingerprint: k2.fingerprint });
    expect(reg.fingerprint).toBe(opensslFingerprint(k2.pem));
    const keys = await d1.ok('reconciliation.trustedKeys', {});
    expect(keys.map((k) => [k.kind, k.deskCode])).toEqual([
      ['own', 'M01'],
      ['registered', 'M02'],
    ]);
    expect(keys[1]!.fingerprint).toBe(k2.fingerprint);
    expect((await d1.ok('reconciliation.verify', { files: [f2] }))[0]).toMatchObject({ ok: true, code: 'OK', desk: 'M02' });

    // The registration is in the ledger, by the head.
    const ev = d1.app.requireStore().db.prepare("SELECT user_id, entity FROM events WHERE type = 'desk_key.registered'").all();
    expect(ev).toEqual([{ user_id: 1, entity: 'desk:M02' }]);
  });

  it('refuses, in Turkish, a PEM that is not an Ed25519 key, this desk’s own code, and a key already registered to another desk', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    const k2 = await d2.ok('reconciliation.deskKey', {});
    const own = await d1.ok('reconciliation.deskKey', {});
    const rsa = execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], { encoding: 'utf8' });
    const rsaPub = execFileSync('openssl', ['pkey', '-pubout'], { input: rsa, encoding: 'utf8' });
    for (const pem of ['bu bir anahtar değil', rsaPub]) {
      expect(await d1.call('reconciliation.registerDeskKey', { deskCode: 'M02', pem })).toMatchObject({
        ok: false,
        error: { code: 'KEY_INVALID', message: 'Bu bir Ed25519 açık anahtarı (PEM) değil.' },
      });
    }
    expect(await d1.call('reconciliation.registerDeskKey', { deskCode: 'M01', pem: k2.pem })).toMatchObject({ ok: false, error: { code: 'KEY_OWN_DESK' } });
    await d1.ok('reconciliation.registerDeskKey', { deskCode: 'M02', pem: k2.pem });
    const again = await d1.call('reconciliation.registerDeskKey', { deskCode: 'M03', pem: k2.pem });
    expect(again).toMatchObject({ ok: false, error: { code: 'KEY_ALREADY_REGISTERED', message: 'Bu anahtar zaten M02 masasına kayıtlı; bir anahtar yalnızca bir masaya kaydedilir.' } });
    expect(await d1.call('reconciliation.registerDeskKey', { deskCode: 'M03', pem: own.pem })).toMatchObject({ ok: false, error: { code: 'KEY_ALREADY_REGISTERED' } });
    // A desk's new key replaces its old one.
    const fresh = opensslKeyPair();
    await d1.ok('reconciliation.registerDeskKey', { deskCode: 'M02', pem: fresh.pem });
    const keys = await d1.ok('reconciliation.trustedKeys', {});
    expect(keys.filter((k) => k.deskCode === 'M02').map((k) => k.fingerprint)).toEqual([opensslFingerprint(fresh.pem)]);
  });
});

describe('the province key', () => {
  it('is shown with its fingerprint and as PEM; openssl verifies the merged IL file with that PEM; the head’s own IL file verifies', async () => {
    const d1 = await officeWithDay('M01');
    const d2 = await officeWithDay('M02');
    const pk = await d1.ok('reconciliation.provinceKey', {});
    expect(pk.deskCode).toBe('IL');
    expect(pk.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    expect(pk.fingerprint).toBe(opensslFingerprint(pk.pem));
    // Asked twice, the same key (made once, kept in the ledger).
    expect((await d1.ok('reconciliation.provinceKey', {})).fingerprint).toBe(pk.fingerprint);
    expect((await d1.ok('reconciliation.trustedKeys', {})).map((k) => [k.kind, k.deskCode])).toEqual([
      ['own', 'M01'],
      ['province', 'IL'],
    ]);

    await d1.ok('reconciliation.registerDeskKey', { deskCode: 'M02', pem: (await d2.ok('reconciliation.deskKey', {})).pem });
    const f1 = (await d1.ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath;
    const f2 = (await d2.ok('reconciliation.export', { date: DAY, outDir: tempDir() })).xlsxPath;
    const m = await d1.ok('reconciliation.merge', { files: [f1, f2], outDir: tempDir() });
    const merged = m.merged!;
    const sig = JSON.parse(fs.readFileSync(merged.sigPath, 'utf8'));
    expect(sig.desk).toBe('IL');
    // HQ registers the PEM it was given, and checks the file with that key (not the one inside the .sig).
    const dir = tempDir('masa-hq-');
    fs.writeFileSync(path.join(dir, 'il.pem'), pk.pem);
    fs.writeFileSync(path.join(dir, 'msg'), execFileSync('sha256sum', [merged.xlsxPath], { encoding: 'utf8' }).slice(0, 64));
    fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(sig.signature, 'base64'));
    const r = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'il.pem'), '-rawin', '-in', path.join(dir, 'msg'), '-sigfile', path.join(dir, 'sig.bin')]);
    expect(r.status).toBe(0);
    expect(opensslVerify(merged.xlsxPath, merged.sigPath)).toBe(true);
    expect((await d1.ok('reconciliation.verify', { files: [merged.xlsxPath] }))[0]).toMatchObject({ ok: true, code: 'OK', desk: 'IL' });
    // Another office's ledger does not know this province key.
    expect((await d2.ok('reconciliation.verify', { files: [merged.xlsxPath] }))[0]!.code).toBe('UNKNOWN_KEY');
  });
});

describe('Defter Zinciri Başı', () => {
  it('is the hash of the last event that changed the file’s rows; later unrelated events leave it unchanged on re-export', async () => {
    let now = Date.parse('2026-11-24T08:00:00Z');
    const d = await officeWithDay('M01', {}, [], { now: () => new Date(now) });
    const lastIncluded = (await d.ok('ledger.status', {})).chainHead.hash;
    const later = async () => {
      now += 1000;
    };
    await later();
    const a = await d.ok('reconciliation.export', { date: DAY, outDir: tempDir() });
    expect(summaryValue(a.xlsxPath, 'Defter Zinciri Başı')).toBe(lastIncluded);
    // Unrelated events: settings, a new user, the export itself, another day's export, a backup.
    await later();
    await d.ok('settings.update', { idleLockMinutes: 15 });
    await later();
    await d.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await later();
    await d.ok('reconciliation.export', { date: '2026-11-23', outDir: tempDir() });
    const b = await d.ok('reconciliation.export', { date: DAY, outDir: tempDir() });
    expect((await d.ok('ledger.status', {})).chainHead.hash).not.toBe(lastIncluded);
    expect(summaryValue(b.xlsxPath, 'Defter Zinciri Başı')).toBe(lastIncluded);

    // An event that changes a row of the file (the no-show, reopened by the head, comes and is registered) moves it to that event.
    await later();
    const open = d.rows[4]!.randevuNo;
    await d.ok('desk.reopen', { randevuNo: open, reason: 'Anne geldi, gün erken kapatılmıştı' });
    await d.ok('desk.checkIn', { randevuNo: open });
    const ctx = await d.ok('registration.start', { randevuNo: open });
    await later();
    await d.ok('registration.confirm', { randevuNo: open, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    const confirmed = (await d.ok('ledger.status', {})).chainHead.hash;
    await later();
    const c = await d.ok('reconciliation.export', { date: DAY, outDir: tempDir() });
    expect(summaryValue(c.xlsxPath, 'Defter Zinciri Başı')).toBe(confirmed);
    // The next day, more unrelated events: still the same.
    now += 86_400_000;
    await d.ok('auth.unlock', { password: 'Kesin-Kayit-2026' }); // idle lock after a day
    await d.ok('settings.update', { idleLockMinutes: 20 });
    const e = await d.ok('reconciliation.export', { date: DAY, outDir: tempDir() });
    expect(summaryValue(e.xlsxPath, 'Defter Zinciri Başı')).toBe(confirmed);
  });

  it('a day with no rows names the head at the end of that day', async () => {
    let now = Date.parse('2026-11-24T08:00:00Z');
    const d = await officeWithDay('M01', {}, [], { now: () => new Date(now) });
    const head = (await d.ok('ledger.status', {})).chainHead.hash;
    now = Date.parse('2026-11-26T08:00:00Z');
    await d.ok('auth.unlock', { password: 'Kesin-Kayit-2026' });
    await d.ok('settings.update', { idleLockMinutes: 12 });
    const r = await d.ok('reconciliation.export', { date: '2026-11-25', outDir: tempDir() });
    expect(r.counts.appointments).toBe(0);
    expect(summaryValue(r.xlsxPath, 'Defter Zinciri Başı')).toBe(head);
  });
});

describe('clerks may export their desk’s reconciliation (office-head setting)', () => {
  it('off: a clerk is refused; on (audited): the clerk exports this desk’s day only; verify/merge/keys stay head-only', async () => {
    const d = await officeWithDay('M01');
    expect((await d.ok('app.status', {})).office?.clerksMayExportReconciliation).toBe(false);
    await d.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    const asClerk = async () => {
      await d.ok('auth.logout', {});
      await d.ok('auth.login', { username: 'gorevli', password: 'Kendi-Parolam-42' });
    };
    const asHead = async () => {
      await d.ok('auth.logout', {});
      await d.ok('auth.login', { username: 'mudur', password: 'Kesin-Kayit-2026' });
    };
    await d.ok('auth.logout', {});
    await d.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await d.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });

    const out = tempDir();
    expect(await d.call('reconciliation.export', { date: DAY, outDir: out })).toMatchObject({
      ok: false,
      error: { code: 'RECON_EXPORT_HEAD_ONLY', message: 'Mutabakatı birim sorumlusu oluşturur; görevlilerin oluşturmasına izin verilmemiş.' },
    });
    expect(fs.readdirSync(out)).toEqual([]);
    // The clerk cannot turn it on.
    expect(await d.call('settings.update', { clerksMayExportReconciliation: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await asHead();
    const info = await d.ok('settings.update', { clerksMayExportReconciliation: true });
    expect(info).toMatchObject({ clerksMayExportReconciliation: true, idleLockMinutes: 10 });
    const audit = d.app.requireStore().db.prepare("SELECT user_id, payload FROM events WHERE type = 'settings.updated' ORDER BY seq DESC LIMIT 1").get() as { user_id: number; payload: string };
    expect(audit.user_id).toBe(1);
    expect(audit.payload).toContain('reconciliation.clerksMayExport');

    await asClerk();
    const r = await d.ok('reconciliation.export', { date: DAY, outDir: out });
    expect(r.fileName).toBe('MUTABAKAT_35_M01_20261124.xlsx');
    expect(summaryValue(r.xlsxPath, 'Masa Kodu')).toBe('M01');
    expect(summaryValue(r.xlsxPath, 'Oluşturan')).toBe('Şükrü Işık');
    expect(opensslVerify(r.xlsxPath, r.sigPath)).toBe(true);
    const exported = d.app.requireStore().db.prepare("SELECT user_id FROM events WHERE type = 'reconciliation.exported'").all() as { user_id: number }[];
    expect(exported.map((e) => e.user_id)).toEqual([2]);
    for (const [name, input] of [
      ['reconciliation.verify', { files: [r.xlsxPath] }],
      ['reconciliation.merge', { files: [r.xlsxPath], outDir: tempDir() }],
      ['reconciliation.registerDeskKey', { deskCode: 'M02', pem: 'x' }],
      ['reconciliation.provinceKey', {}],
      ['reconciliation.trustedKeys', {}],
    ] as const) {
      expect(await d.call(name, input as never), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    await asHead();
    expect(await d.ok('settings.update', { clerksMayExportReconciliation: false })).toMatchObject({ clerksMayExportReconciliation: false });
    await asClerk();
    expect(await d.call('reconciliation.export', { date: DAY, outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'RECON_EXPORT_HEAD_ONLY' } });
  });
});

/** The command line as the office head uses it: a real child process. */
const PW = 'Komut-Satiri-2026';
function cli(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MASA_DATA_DIR: dataDir, MASA_LOG: 'silent', MASA_USER: 'mudur', MASA_PASSWORD: PW };
  delete env.MASA_TEST_CRASH_AT;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run cli -- register-key / desk-key --province', () => {
  it('registers a PEM file for a desk (JSON with --json), prints the province key PEM; refusals exit 1, usage errors 2', () => {
    const dir = tempDir('masa-cli-key-');
    expect(cli(['init', '--username', 'mudur', '--name', 'Ayşe Yılmaz', '--province', '35', '--desk', 'M01'], dir).code).toBe(0);
    const k = opensslKeyPair();
    const reg = cli(['register-key', '--desk', 'M02', k.pubPath, '--json'], dir);
    expect(reg.code).toBe(0);
    const v = JSON.parse(reg.out);
    expect(v).toMatchObject({ ok: true, value: { deskCode: 'M02', fingerprint: opensslFingerprint(k.pem) } });
    const human = cli(['register-key', '--desk', 'M03', opensslKeyPair().pubPath], dir);
    expect(human.code).toBe(0);
    expect(human.out).toContain('Kaydedildi, masa: M03');
    expect(human.out).toMatch(/Parmak izi \(SHA-256\): ([0-9a-f]{4} ){15}[0-9a-f]{4}/);

    const notKey = path.join(dir, 'not.pem');
    fs.writeFileSync(notKey, 'merhaba');
    const bad = cli(['register-key', '--desk', 'M04', notKey], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Bu bir Ed25519 açık anahtarı (PEM) değil.');
    expect(cli(['register-key', k.pubPath], dir).code).toBe(2);
    expect(cli(['register-key', '--desk', 'M05', path.join(dir, 'yok.pem')], dir).code).toBe(2);

    const pem = cli(['desk-key', '--province', '--pem'], dir);
    expect(pem.code).toBe(0);
    expect(pem.out).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const json = JSON.parse(cli(['desk-key', '--province', '--json'], dir).out);
    expect(json.value).toMatchObject({ deskCode: 'IL', fingerprint: opensslFingerprint(pem.out) });
    const own = JSON.parse(cli(['desk-key', '--json'], dir).out);
    expect(own.value.deskCode).toBe('M01');
    expect(own.value.fingerprint).not.toBe(json.value.fingerprint);
    expect(cli(['--help'], dir).out).toContain('register-key --desk MASA DOSYA.pem');
  }, 120_000);
});
