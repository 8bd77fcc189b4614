import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { runCli } from '../cli/index';
import { csvText, HEADERS, rowsOf, textRow } from '../import/testing/fixtures';
import { bakici2027, bakiciEdition2 } from '../rules/testing/packFiles';
import { HEAD_USER, newApp, setUpApp } from '../testing/appFixture';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';

/**
 * Proof that a programme is data (issue 18 item 9): a fourth programme exists only as a pack
 * file, is checked, signed, trusted and loaded with the CLI, and an applicant of it reaches
 * KESİN KAYIT at the desk through the handlers; a parameter-only edition changes a decision.
 */
const NOW = () => new Date('2027-03-01T07:00:00Z');
const dirs: string[] = [];
const dir = (p: string) => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function cli(dataDir: string, args: string[]) {
  const env = { MASA_DATA_DIR: process.env.MASA_DATA_DIR, MASA_USER: process.env.MASA_USER, MASA_PASSWORD: process.env.MASA_PASSWORD, MASA_LOG: process.env.MASA_LOG };
  Object.assign(process.env, { MASA_DATA_DIR: dataDir, MASA_USER: HEAD_USER.username, MASA_PASSWORD: HEAD_USER.password, MASA_LOG: 'silent' });
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function listRow(n: number, programCode: string) {
  return textRow(n, {
    'Randevu No': `35-2027-${String(n).padStart(6, '0')}`,
    'Program Kodu': programCode,
    'Randevu Tarihi': '01.03.2027',
    'Ön Kayıt Zamanı': '10.01.2027 10:00:00',
    'Çocuk Doğum Tarihi': '01.06.2026',
  });
}

/** A set-up office, closed again so that the CLI can open its data folder. */
async function closedOffice() {
  const t = await setUpApp({ now: NOW });
  await t.ok('auth.logout', {});
  t.app.shutdown();
  return t.app.dataDir;
}

async function reopen(dataDir: string) {
  const t = newApp({ dataDir, now: NOW });
  await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
  return t;
}

async function importList(t: Awaited<ReturnType<typeof reopen>>, rows: ReturnType<typeof textRow>[]) {
  const file = path.join(dir('masa-proof-list-'), 'randevu-listesi.csv');
  fs.writeFileSync(file, csvText(rowsOf(HEADERS, rows)));
  const a = await t.ok('import.analyze', { path: file });
  return t.ok('import.apply', { importId: a.importId });
}

describe('a fourth programme as a pack file only', () => {
  it('BAKICI-2027: check, sign, hq-key add, load with the CLI; its HQ list imports; one applicant to KESİN KAYIT', async () => {
    const dataDir = await closedOffice();
    const work = dir('masa-proof-');
    const packFile = path.join(work, 'BAKICI-2027.json');
    fs.writeFileSync(packFile, `${JSON.stringify(bakici2027(), null, 1)}\n`);

    // Before the pack: the programme's rows are refused by row.
    const before = await reopen(dataDir);
    const refused = await importList(before, [listRow(1, 'BAKICI-2027')]);
    expect(refused.counts.rejected).toBe(1);
    expect(JSON.stringify(refused)).toContain('program paketi yüklü değil: BAKICI-2027');
    await before.ok('auth.logout', {});
    before.app.shutdown();

    expect((await cli(dataDir, ['pack', 'check', packFile])).code).toBe(0);
    const keys = path.join(work, 'hq');
    fs.mkdirSync(keys);
    const kg = JSON.parse((await cli(dataDir, ['pack', 'keygen', '--out', keys, '--json'])).out).value;
    expect((await cli(dataDir, ['pack', 'sign', packFile, '--key', kg.privateKeyPath])).code).toBe(0);
    // Not trusted yet: refused, and the refusal says which key.
    const untrusted = await cli(dataDir, ['pack', 'load', packFile]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toContain(kg.fingerprint);
    const ask = await cli(dataDir, ['hq-key', 'add', kg.publicKeyPath]);
    expect(ask.code).toBe(1);
    expect(ask.err).toContain(`Parmak izi: ${kg.fingerprint}`);
    expect((await cli(dataDir, ['hq-key', 'add', kg.publicKeyPath, '--confirm', kg.fingerprint])).code).toBe(0);
    const load = await cli(dataDir, ['pack', 'load', packFile]);
    expect(load.code).toBe(0);
    expect(load.out).toMatch(/^Paket yüklendi: BAKICI-2027#1:[0-9a-f]{8} /);
    const list = JSON.parse((await cli(dataDir, ['pack', 'list', '--json'])).out).value;
    expect(list.map((p: { code: string }) => p.code)).toEqual(['BAKICI-2020', 'BAKICI-2027', 'EVDE-2015', 'KURUMSAL-2019']);

    const t = await reopen(dataDir);
    const applied = await importList(t, [listRow(1, 'BAKICI-2027'), listRow(2, 'BAKICI-2027')]);
    expect(applied.counts).toMatchObject({ added: 2, rejected: 0 });
    const randevuNo = '35-2027-000001';
    await t.ok('desk.checkIn', { randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo });
    expect(ctx.pack.code).toBe('BAKICI-2027');
    const facts = { ...ctx.draft!.facts, ...bakiciFacts() };
    const ev = await t.ok('registration.evaluate', { randevuNo, facts, documents: BAKICI_DOCUMENTS });
    expect(ev.decision).toMatchObject({ outcome: 'KESIN_KAYIT', monthlyAmountCents: 400_00, packCode: 'BAKICI-2027', packEdition: 1 });
    const done = await t.ok('registration.confirm', { randevuNo, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(done.outcome).toBe('KESIN_KAYIT');
    const detail = await t.ok('desk.detail', { randevuNo });
    expect(detail.registration).toMatchObject({ monthlyAmountCents: 400_00, currency: 'EUR', decision: { packCode: 'BAKICI-2027', packEdition: 1, packHash: list[1].hash } });
    // The ledger still verifies and replays with the loaded pack inside it.
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);
    t.app.shutdown();
  });
});

describe('a parameter-only edition', () => {
  it('BAKICI-2020 edition 2 (2027 minimum wage): the same application decided before and after loading it', async () => {
    const dataDir = await closedOffice();
    const work = dir('masa-proof-ed2-');
    const packFile = path.join(work, 'BAKICI-2020-2.json');
    fs.writeFileSync(packFile, `${JSON.stringify(bakiciEdition2(), null, 1)}\n`);
    const keys = path.join(work, 'hq');
    fs.mkdirSync(keys);
    const kg = JSON.parse((await cli(dataDir, ['pack', 'keygen', '--out', keys, '--json'])).out).value;
    expect((await cli(dataDir, ['pack', 'sign', packFile, '--key', kg.privateKeyPath])).code).toBe(0);

    const t = await reopen(dataDir);
    await importList(t, [listRow(1, 'BAKICI-2020')]);
    const randevuNo = '35-2027-000001';
    await t.ok('desk.checkIn', { randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts({ 'caregiver.monthlyWage': 3_000_000 }) };
    const before = await t.ok('registration.evaluate', { randevuNo, facts, documents: BAKICI_DOCUMENTS });
    expect(before.decision).toMatchObject({ outcome: 'KESIN_KAYIT', packCode: 'BAKICI-2020', packEdition: 1, packDiffersFrom: null });
    const first = await t.ok('registration.confirm', { randevuNo, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(first.packDiffersFrom).toBeNull();
    // A correction: the head reverses the outcome; it is decided again after the new edition.
    await t.ok('registration.reverse', { registrationNo: first.registrationNo, reason: 'Bakıcı ücreti yanlış girildi' });
    await t.ok('auth.logout', {});
    t.app.shutdown();

    const pub = fs.readFileSync(kg.publicKeyPath, 'utf8');
    const t2 = await reopen(dataDir);
    await t2.ok('rules.hqKeyAdd', { pem: pub, confirmFingerprint: kg.fingerprint, name: 'SGK-HQ' });
    await t2.ok('rules.packLoad', { path: packFile });
    const again = await t2.ok('registration.start', { randevuNo });
    const after = await t2.ok('registration.evaluate', { randevuNo, facts, documents: BAKICI_DOCUMENTS });
    expect(after.decision).toMatchObject({ outcome: 'RET', packCode: 'BAKICI-2020', packEdition: 2, failedRules: [{ code: 'BAKICI_ASGARI_UCRET' }] });
    expect(after.decision!.packHash).not.toBe(before.decision!.packHash);
    // The correction says that another pack decides now than the first time.
    expect(after.decision!.packDiffersFrom).toBe(before.decision!.packLabel);
    const corrected = await t2.ok('registration.confirm', { randevuNo, submissionId: again.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(corrected).toMatchObject({ outcome: 'RET', packDiffersFrom: before.decision!.packLabel });
    // Both decisions replay with their own packs (edition 1 from the built-in file, 2 from the ledger).
    expect((await t2.ok('ledger.verify', {})).decisions).toMatchObject({ ok: true, checked: 2 });
    t2.app.shutdown();
  });
});
