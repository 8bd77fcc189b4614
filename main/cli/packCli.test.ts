import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { runCli } from './index';

/** HQ's tooling as HQ runs it: `npm run cli -- pack …` in this process, real files, real keys, OpenSSL reads back. */
const dir = tempDir('masa-pack-cli-');
const dataDir = tempDir('masa-pack-cli-data-');
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const bakiciText = () => fs.readFileSync('main/rules/packs/BAKICI-2020.json', 'utf8');
function write(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  process.env.MASA_DATA_DIR = dataDir;
  process.env.MASA_LOG = 'silent';
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('pack check / keygen / sign', () => {
  it('check: a good pack exits 0 with its identity; --json carries the same', async () => {
    const f = write('good.json', bakiciText());
    const r = await cli(['pack', 'check', f]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Paket denetimden geçti: BAKICI-2020#1:[0-9a-f]{8} /);
    const j = await cli(['pack', 'check', f, '--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({ ok: true, value: { problems: [], pack: { code: 'BAKICI-2020', edition: 1 } } });
  });

  it('check: each problem with its JSON path, exit 1, Turkish and English', async () => {
    const p = JSON.parse(bakiciText());
    p.parameters.minimumWage[2].from = '2015-12-01';
    delete p.documents[0].label.en;
    const f = write('bad.json', JSON.stringify(p));
    const tr = await cli(['pack', 'check', f]);
    expect(tr.code).toBe(1);
    expect(tr.err).toContain('Paket reddedildi');
    expect(tr.err).toContain('documents[0].label.en: alan eksik');
    const en = await cli(['pack', 'check', f, '--lang', 'en', '--json']);
    expect(en.code).toBe(1);
    const v = JSON.parse(en.out);
    expect(v.ok).toBe(false);
    expect(v.value.problems.map((x: { path: string }) => x.path)).toEqual(['documents[0].label.en']);
    // Once the schema holds, the period problem shows (schema first, then what needs a pack).
    delete p.documents[0].label;
    p.documents[0].label = { tr: 'Kimlik', en: 'ID' };
    const g = await cli(['pack', 'check', write('bad2.json', JSON.stringify(p)), '--lang', 'en']);
    expect(g.err).toContain('parameters.minimumWage[2].from: overlaps the previous period (ending 2015-12-31)');
  });

  it('check: a missing file is a refusal (1), a missing argument a usage error (2)', async () => {
    const missing = await cli(['pack', 'check', path.join(dir, 'yok.json')]);
    expect(missing.err).toContain(`Kural paketi dosyası bulunamadı: ${path.join(dir, 'yok.json')}`);
    expect(missing.code).toBe(1);
    expect((await cli(['pack', 'check'])).code).toBe(2);
    expect((await cli(['pack', 'uç'])).code).toBe(2);
  });

  it('keygen writes an owner-only private key, never over an existing one; sign writes FILE.sig that OpenSSL verifies', async () => {
    const keys = path.join(dir, 'hq');
    fs.mkdirSync(keys);
    const k = await cli(['pack', 'keygen', '--out', keys, '--json']);
    expect(k.code).toBe(0);
    const { privateKeyPath, publicKeyPath, fingerprint } = JSON.parse(k.out).value;
    expect(fs.statSync(privateKeyPath).mode & 0o777).toBe(0o600);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const again = await cli(['pack', 'keygen', '--out', keys]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/zaten bir anahtar var/);

    const f = write('signed.json', bakiciText());
    const s = await cli(['pack', 'sign', f, '--key', privateKeyPath]);
    expect(s.code).toBe(0);
    const sig = JSON.parse(fs.readFileSync(`${f}.sig`, 'utf8'));
    expect(sig).toMatchObject({ file: 'signed.json', fingerprint });
    // The independent reader: OpenSSL checks the Ed25519 signature over the hex digest of the bytes.
    const digest = execFileSync('openssl', ['dgst', '-sha256', '-r', f], { encoding: 'utf8' }).split(' ')[0];
    expect(sig.sha256).toBe(digest);
    const hashFile = write('h.txt', sig.sha256);
    const sigBin = write('s.bin', Buffer.from(sig.signature, 'base64'));
    const ok = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', publicKeyPath, '-rawin', '-in', hashFile, '-sigfile', sigBin], { encoding: 'utf8' });
    expect(ok).toMatch(/Signature Verified Successfully/);
  });

  it('sign refuses a pack that fails its check, and a key that is not Ed25519', async () => {
    const p = JSON.parse(bakiciText());
    p.examples[0].expect.outcome = 'RET';
    const bad = write('unsigned.json', JSON.stringify(p));
    const keys = path.join(dir, 'hq2');
    fs.mkdirSync(keys);
    const { privateKeyPath } = JSON.parse((await cli(['pack', 'keygen', '--out', keys, '--json'])).out).value;
    const r = await cli(['pack', 'sign', bad, '--key', privateKeyPath]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/denetimden geçmedi \(1 sorun\)/);
    expect(r.err).toContain('examples[0].expect');
    expect(fs.existsSync(`${bad}.sig`)).toBe(false);
    const good = write('good2.json', bakiciText());
    const notKey = write('not-a-key.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect((await cli(['pack', 'sign', good, '--key', notKey])).err).toMatch(/Özel anahtar okunamadı/);
    expect(fs.existsSync(`${good}.sig`)).toBe(false);
  });
});

describe('decide --pack-file: a draft tried on a case before signing, nothing written', () => {
  it('a draft with a new amount decides with it; the data folder stays empty', async () => {
    const p = JSON.parse(bakiciText());
    const st = p.supportTypes.find((s: { code: string }) => s.code === 'EGITIMLI_BAKICI');
    st.amounts[1].to = '2026-12-31';
    st.amounts.push({ from: '2027-01-01', to: null, amount: 400_00 });
    const draft = write('draft.json', JSON.stringify(p));
    const facts = JSON.parse(fs.readFileSync('docs/examples/facts-BAKICI-2020.json', 'utf8'));
    facts.dates = { preRegistration: '2027-02-01T10:00:00', finalRegistration: '2027-03-01' };
    facts.facts['child.birthDate'] = '2026-06-01';
    facts.facts['caregiver.monthlyWage'] = 5_000_000;
    const factsFile = write('facts.json', JSON.stringify(facts));
    const r = await cli(['decide', '--pack-file', draft, factsFile, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value).toMatchObject({ outcome: 'KESİN KAYIT', monthlyAmountCents: 400_00, packCode: 'BAKICI-2020', packEdition: 1 });
    const bundled = await cli(['decide', '--pack', 'BAKICI-2020', factsFile, '--json']);
    expect(JSON.parse(bundled.out).value.monthlyAmountCents).toBe(325_00);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('a broken draft is refused with its problems; --pack and --pack-file together is a usage error', async () => {
    const p = JSON.parse(bakiciText());
    p.rules[0].when = { op: 'true', fact: 'mother.yok' };
    const draft = write('draft-bad.json', JSON.stringify(p));
    const r = await cli(['decide', '--pack-file', draft, 'docs/examples/facts-BAKICI-2020.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/denetimden geçmedi/);
    expect(r.err).toContain('rules[0].when.fact');
    expect((await cli(['decide', '--pack', 'BAKICI-2020', '--pack-file', draft, 'docs/examples/facts-BAKICI-2020.json'])).code).toBe(2);
  });
});
