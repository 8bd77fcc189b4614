import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { PACK_SCHEMA_VERSION } from '../rules/schema';
import { createHqKeyPair } from '../rules/packSignature';
import { bakiciEdition2, builtinPackJson, writeSignedPack } from '../rules/testing/packFiles';
import { setUpApp } from '../testing/appFixture';

/**
 * Loading signed packs through the handler table, on a real encrypted ledger: every refusal the
 * issue names leaves the ledger exactly as it was (status before = after).
 */
const dirs: string[] = [];
const dir = () => {
  const d = tempDir('masa-pack-load-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function office() {
  const t = await setUpApp({ now: () => new Date('2027-03-01T07:00:00Z') });
  const hq = createHqKeyPair();
  const status = async () => (await t.ok('ledger.status', {})).chainHead;
  const trust = async (k = hq) => t.ok('rules.hqKeyAdd', { pem: k.publicKeyPem, confirmFingerprint: k.fingerprint, name: 'SGK-HQ test' });
  return { ...t, hq, status, trust, d: dir() };
}

async function refused(t: Awaited<ReturnType<typeof office>>, file: string, code: string) {
  const before = await t.status();
  const r = await t.call('rules.packLoad', { path: file });
  expect(r.ok).toBe(false);
  if (r.ok) return null;
  expect(r.error.code).toBe(code);
  expect(await t.status()).toEqual(before);
  return r.error;
}

describe('hq-key add / list', () => {
  it('the fingerprint must be confirmed; then one audit event, the key listed with who added it', async () => {
    const t = await office();
    const before = await t.status();
    const wrong = await t.call('rules.hqKeyAdd', { pem: t.hq.publicKeyPem, confirmFingerprint: '0000', name: 'x' });
    expect(wrong.ok || wrong.error.code).toBe('HQ_KEY_CONFIRM');
    expect(wrong.ok || wrong.error.message).toContain(t.hq.fingerprint);
    expect(await t.status()).toEqual(before);
    expect((await t.ok('rules.hqKeyPreview', { pem: t.hq.publicKeyPem })).fingerprint).toBe(t.hq.fingerprint);
    await t.trust();
    const after = await t.status();
    expect(after.seq).toBe(before.seq + 1);
    const events = (await t.ok('audit.accessLog', { from: '2027-03-01', to: '2027-03-01' })).entries;
    expect(JSON.stringify(events)).not.toContain('PRIVATE');
    expect(await t.ok('rules.hqKeyList', {})).toEqual([{ name: 'SGK-HQ test', fingerprint: t.hq.fingerprint, origin: 'added', addedBy: 'Ayşe Yılmaz', addedAt: '2027-03-01T07:00:00.000Z', retiredFrom: null }]);
    const again = await t.call('rules.hqKeyAdd', { pem: t.hq.publicKeyPem, confirmFingerprint: t.hq.fingerprint, name: 'x' });
    expect(again.ok || again.error.code).toBe('HQ_KEY_EXISTS');
    const priv = await t.call('rules.hqKeyAdd', { pem: t.hq.privateKeyPem, confirmFingerprint: t.hq.fingerprint, name: 'x' });
    expect(priv.ok || priv.error.code).toBe('KEY_INVALID');
  });
});

describe('pack load: refusals change nothing', () => {
  it('no .sig, a changed byte, an unregistered key', async () => {
    const t = await office();
    await t.trust();
    const p = bakiciEdition2();
    const noSig = writeSignedPack(t.d, 'nosig.json', p, null);
    expect((await refused(t, noSig, 'PACK_SIG_MISSING'))!.message).toMatch(/İmza dosyası yok/);
    const changed = writeSignedPack(t.d, 'changed.json', p, t.hq.privateKeyPem);
    const bytes = fs.readFileSync(changed);
    bytes[200] = bytes[200]! ^ 1;
    fs.writeFileSync(changed, bytes);
    expect((await refused(t, changed, 'PACK_CHANGED'))!.messageEn).toMatch(/changed after it was signed/);
    const stranger = createHqKeyPair();
    const e = await refused(t, writeSignedPack(t.d, 'stranger.json', p, stranger.privateKeyPem), 'PACK_KEY_UNTRUSTED');
    expect(e!.message).toContain(stranger.fingerprint);
  });

  it('a path that does not exist, a folder: named in Turkish and English, nothing changes', async () => {
    const t = await office();
    const missing = await refused(t, path.join(t.d, 'yok.json'), 'PACK_FILE_MISSING');
    expect(missing!.message).toBe(`Kural paketi dosyası bulunamadı: ${path.join(t.d, 'yok.json')}`);
    expect(missing!.messageEn).toBe(`The rule pack file was not found: ${path.join(t.d, 'yok.json')}`);
    expect((await refused(t, t.d, 'PACK_FILE_NOT_FILE'))!.message).toMatch(/^Bu yol bir dosya değil/);
  });

  it('a pack check failure, a newer schemaVersion, a downgrade, a 50 MB file', async () => {
    const t = await office();
    await t.trust();
    const broken = bakiciEdition2();
    broken.rules[0].condition = { op: 'whatever' };
    // Signed without `pack sign` (which refuses a broken pack): the desk checks again.
    const e = await refused(t, writeSignedPack(t.d, 'broken.json', broken, t.hq.privateKeyPem), 'PACK_INVALID');
    expect(Object.keys(e!.fields ?? {})).toContain('rules[0].condition.op');
    const newer = bakiciEdition2();
    newer.schemaVersion = PACK_SCHEMA_VERSION + 1;
    expect((await refused(t, writeSignedPack(t.d, 'newer.json', newer, t.hq.privateKeyPem), 'PACK_INVALID'))!.fields).toHaveProperty('schemaVersion');
    const old = builtinPackJson('BAKICI-2020');
    const down = await refused(t, writeSignedPack(t.d, 'ed1.json', old, t.hq.privateKeyPem), 'PACK_DOWNGRADE');
    expect(down!.message).toBe('BAKICI-2020 için 1. sürüm yüklü; 1. sürüm yüklenemez (yalnızca daha yüksek sürüm).');
    const big = path.join(t.d, 'big.json');
    fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    fs.writeFileSync(`${big}.sig`, '{}');
    expect((await refused(t, big, 'PACK_FILE_UNREADABLE'))!.message).toMatch(/52428800 B/);
  });

  it('a good edition loads as one rules.pack_loaded event; the same edition again is a downgrade', async () => {
    const t = await office();
    await t.trust();
    const file = writeSignedPack(t.d, 'BAKICI-2020-2.json', bakiciEdition2(), t.hq.privateKeyPem);
    const before = await t.status();
    const r = await t.ok('rules.packLoad', { path: file });
    expect(r).toMatchObject({ code: 'BAKICI-2020', edition: 2, signer: t.hq.fingerprint, label: expect.stringMatching(/^BAKICI-2020#2:[0-9a-f]{8}$/) });
    expect((await t.status()).seq).toBe(before.seq + 1);
    const list = await t.ok('rules.packList', {});
    expect(list.map((p) => `${p.label.split(':')[0]} ${p.origin}`)).toEqual(['BAKICI-2020#1 builtin', 'BAKICI-2020#2 loaded', 'EVDE-2015#1 builtin', 'KURUMSAL-2019#1 builtin']);
    expect(list[1]).toMatchObject({ loadedBy: 'Ayşe Yılmaz', signer: t.hq.fingerprint, validFrom: '2027-01-01' });
    await refused(t, file, 'PACK_DOWNGRADE');
  });

  it('a .sig made with OpenSSL alone (docs/rule-packs.md) loads', async () => {
    const t = await office();
    const keyFile = path.join(t.d, 'hq-private.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', keyFile]);
    const pubPem = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout'], { encoding: 'utf8' });
    const fp = (await t.ok('rules.hqKeyPreview', { pem: pubPem })).fingerprint;
    await t.ok('rules.hqKeyAdd', { pem: pubPem, confirmFingerprint: fp, name: 'openssl' });
    const file = writeSignedPack(t.d, 'p.json', bakiciEdition2(), null);
    const hash = execFileSync('openssl', ['dgst', '-sha256', '-r', file], { encoding: 'utf8' }).split(' ')[0]!;
    const hashFile = path.join(t.d, 'hash.txt');
    fs.writeFileSync(hashFile, hash);
    const sigBin = path.join(t.d, 'sig.bin');
    execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', keyFile, '-rawin', '-in', hashFile, '-out', sigBin]);
    const pub = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-outform', 'DER']).toString('base64');
    fs.writeFileSync(`${file}.sig`, JSON.stringify({ file: 'p.json', sha256: hash, desk: 'SGK-HQ', publicKey: pub, signature: fs.readFileSync(sigBin).toString('base64') }));
    expect(await t.ok('rules.packLoad', { path: file })).toMatchObject({ edition: 2, signer: fp });
  });
});

describe('retiring an HQ key', () => {
  const statement = (fingerprint: string, retiredFrom: string) => ({ type: 'masa-hq-key-retirement', fingerprint, retiredFrom, reason: { tr: 'anahtar değişti', en: 'key rotated' } });

  it('a statement signed by another trusted key retires it: its packs no longer load; a key cannot retire itself', async () => {
    const t = await office();
    const other = createHqKeyPair();
    await t.trust();
    await t.trust(other);
    const self = writeSignedPack(t.d, 'self.json', statement(t.hq.fingerprint, '2027-02-01'), t.hq.privateKeyPem);
    const s = await t.call('rules.hqKeyRetire', { path: self });
    expect(s.ok || s.error.code).toBe('HQ_RETIRE_SELF');
    const byOther = writeSignedPack(t.d, 'retire.json', statement(t.hq.fingerprint, '2027-02-01'), other.privateKeyPem);
    expect(await t.ok('rules.hqKeyRetire', { path: byOther })).toMatchObject({ fingerprint: t.hq.fingerprint, retiredFrom: '2027-02-01' });
    const e = await refused(t, writeSignedPack(t.d, 'late.json', bakiciEdition2(), t.hq.privateKeyPem), 'PACK_KEY_RETIRED');
    expect(e!.message).toContain('2027-02-01');
    expect(await t.ok('rules.packLoad', { path: writeSignedPack(t.d, 'new.json', bakiciEdition2(), other.privateKeyPem) })).toMatchObject({ edition: 2 });
  });

  it('a tampered statement is refused', async () => {
    const t = await office();
    const other = createHqKeyPair();
    await t.trust();
    await t.trust(other);
    const f = writeSignedPack(t.d, 'retire.json', statement(t.hq.fingerprint, '2027-02-01'), other.privateKeyPem);
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('2027-02-01', '2027-01-01'));
    const r = await t.call('rules.hqKeyRetire', { path: f });
    expect(r.ok || r.error.code).toBe('PACK_SIG_INVALID');
    expect((await t.ok('rules.hqKeyList', {})).every((k) => k.retiredFrom === null)).toBe(true);
  });
});

