import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { createHqKeyPair } from '../main/rules/packSignature';
import { bakiciEdition2, builtinPackJson, writeSignedPack } from '../main/rules/testing/packFiles';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';
import { rawHandle } from '../database/testing/internals';

/**
 * The office head's *Kural paketleri* in real Chromium (issue 18 item 4): the pack list, an HQ
 * key added only after its fingerprint is confirmed, a signed pack loaded by path, every wrong
 * input refused with its reason and nothing changed, the English texts, and no way in for a clerk.
 * The key pair, the pack and its .sig are made by the same helpers the pack store tests use.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
let work: string;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
const CLERK = { username: 'gorevli', password: 'Kendi-Parolam-42' };
const hq = createHqKeyPair();

type PackRow = { code: string; edition: number; hash: string; label: string; origin: string; validFrom: string; validTo: string | null };
async function packList(): Promise<PackRow[]> {
  const r = await dispatch(masa.app, 'rules.packList', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PackRow[];
}
const chainHead = () => rawHandle(masa.app.requireStore()).prepare('SELECT max(seq) seq FROM events').get();
const tableRows = () => page.getByTestId('rule-packs-table').locator('tbody tr');
const trDay = (day: string) => day.split('-').reverse().join('.');

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

async function signOut() {
  await page.getByRole('button', { name: 'Çıkış' }).click();
  await page.getByLabel('Kullanıcı adı').waitFor();
}

/** Loads `file` on the screen and expects a refusal containing `reason`; the list and the ledger stay as they were. */
async function refusedOnScreen(file: string, reason: string | RegExp) {
  const before = { head: chainHead(), rows: await tableRows().count(), list: await packList() };
  await page.getByTestId('pack-path').fill(file);
  await page.getByTestId('pack-load').click();
  await page.getByTestId('rule-packs-error').waitFor();
  const text = (await page.getByTestId('rule-packs-error').textContent()) ?? '';
  if (typeof reason === 'string') expect(text).toContain(reason);
  else expect(text).toMatch(reason);
  expect(await page.getByTestId('rule-packs-notice').count()).toBe(0);
  expect({ head: chainHead(), rows: await tableRows().count(), list: await packList() }).toEqual(before);
  return text;
}

beforeAll(async () => {
  masa = await startMasa();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-e2e-packs-'));
  const r = await dispatch(masa.app, 'setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  expect(r.ok).toBe(true);
  await dispatch(masa.app, 'users.create', { username: CLERK.username, displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
  await dispatch(masa.app, 'auth.logout', {});
  await dispatch(masa.app, 'auth.login', { username: CLERK.username, password: 'Gecici-Parola-1' });
  await dispatch(masa.app, 'auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: CLERK.password, newPasswordRepeat: CLERK.password });
  await dispatch(masa.app, 'auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  // The window's sign-in is the app's session: the test's own dispatch calls run as the head too.
  await signInAs(page, HEAD);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (masa) fs.rmSync(masa.dataDir, { recursive: true, force: true });
});

describe('Kural paketleri (office head)', () => {
  it('lists the built-in packs: code, name, edition, validity, short hash, built-in', async () => {
    await page.getByRole('button', { name: 'Kural paketleri' }).click();
    await page.getByRole('heading', { name: 'Kural paketleri' }).waitFor();
    await expect.poll(() => tableRows().count()).toBe(3);
    const packs = await packList();
    expect(packs.map((p) => p.code)).toEqual(['BAKICI-2020', 'EVDE-2015', 'KURUMSAL-2019']);
    for (const p of packs) {
      const cells = await page.getByTestId(`pack-${p.code}-${p.edition}`).locator('td').allTextContents();
      const name = builtinPackJson(p.code).name.tr as string;
      const validity = `${trDay(p.validFrom)} – ${p.validTo ? trDay(p.validTo) : 'açık'}`;
      expect(cells).toEqual([p.code, name, '1', validity, p.hash.slice(0, 8), 'Yerleşik', '—']);
    }
    expect(await page.getByText('Henüz tanınan bir HQ anahtarı yok.', { exact: false }).count()).toBe(1);
    await screenshot(page, '60-kural-paketleri');
    await noSeriousA11y(page);
  });

  it('a pasted private key is refused in Turkish; nothing is added', async () => {
    const before = chainHead();
    await page.getByTestId('hq-key-pem').fill(hq.privateKeyPem);
    await page.getByTestId('hq-key-preview').click();
    await page.getByTestId('rule-packs-error').waitFor();
    expect(await page.getByTestId('rule-packs-error').textContent()).toBe('Bu bir Ed25519 açık anahtarı (PEM) değil.');
    expect(await page.getByTestId('hq-key-confirm').count()).toBe(0);
    expect(chainHead()).toEqual(before);
  });

  it('an HQ key: the fingerprint is shown first; Vazgeç adds nothing; confirming adds it with who added it', async () => {
    const before = chainHead();
    await page.getByTestId('hq-key-pem').fill(hq.publicKeyPem);
    await page.getByTestId('hq-key-preview').click();
    await page.getByTestId('hq-key-confirm').waitFor();
    expect(await page.getByTestId('rule-packs-error').count()).toBe(0);
    expect(await page.getByTestId('hq-key-fingerprint').textContent()).toBe(hq.fingerprint);
    await screenshot(page, '61-hq-anahtari-onay');
    await noSeriousA11y(page);
    await page.getByTestId('hq-key-confirm').getByRole('button', { name: 'Vazgeç' }).click();
    expect(await page.getByTestId('hq-key-confirm').count()).toBe(0);
    expect(chainHead()).toEqual(before);
    expect(await dispatch(masa.app, 'rules.hqKeyList', {})).toEqual({ ok: true, value: [] });

    await page.getByTestId('hq-key-preview').click();
    await page.getByRole('button', { name: 'Parmak izi aynı: anahtarı ekle' }).click();
    await page.getByTestId('rule-packs-notice').waitFor();
    expect(await page.getByTestId('rule-packs-notice').textContent()).toBe(`HQ anahtarı eklendi: ${hq.fingerprint}`);
    expect(await page.getByTestId('hq-keys').textContent()).toContain(`${hq.fingerprint} SGK-HQ · Ayşe Yılmaz ekledi, `);
    expect(await page.getByTestId('hq-key-pem').inputValue()).toBe('');
    const keys = await dispatch(masa.app, 'rules.hqKeyList', {});
    expect(keys.ok && (keys.value as { fingerprint: string }[]).map((k) => k.fingerprint)).toEqual([hq.fingerprint]);
    expect((chainHead() as { seq: number }).seq).toBe((before as { seq: number }).seq + 1);
  });

  it('loads a signed pack by path: listed as loaded, with who loaded it and the signing key', async () => {
    const file = writeSignedPack(work, 'BAKICI-2020-2.json', bakiciEdition2(), hq.privateKeyPem);
    await page.getByTestId('pack-path').fill(file);
    await page.getByTestId('pack-load').click();
    await page.getByTestId('rule-packs-notice').waitFor();
    const loaded = (await packList()).find((p) => p.edition === 2)!;
    expect(loaded).toMatchObject({ code: 'BAKICI-2020', origin: 'loaded' });
    expect(await page.getByTestId('rule-packs-notice').textContent()).toBe(`Paket yüklendi: ${loaded.label}`);
    await expect.poll(() => tableRows().count()).toBe(4);
    const cells = await page.getByTestId('pack-BAKICI-2020-2').locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['BAKICI-2020', builtinPackJson('BAKICI-2020').name.tr, '2', '01.01.2027 – açık', loaded.hash.slice(0, 8)]);
    expect(cells[5]).toMatch(/^Ayşe Yılmaz yükledi, \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    expect(cells[6]).toBe(`${hq.fingerprint.slice(0, 19)}…`);
    expect(await page.getByTestId('pack-path').inputValue()).toBe('');
    await screenshot(page, '62-paket-yuklendi');
  });

  it('wrong input: a missing path, no .sig, a changed byte, a failing check, a downgrade — each its Turkish reason, nothing changes', async () => {
    const missing = path.join(work, 'yok.json');
    await refusedOnScreen(missing, `Kural paketi dosyası bulunamadı: ${missing}`);

    const noSig = writeSignedPack(work, 'imzasiz.json', { ...bakiciEdition2(), edition: 3, supersedes: 2 }, null);
    await refusedOnScreen(noSig, `İmza dosyası yok: ${noSig}.sig. Paket yalnızca HQ imzasıyla (.sig) yüklenir.`);

    const changed = writeSignedPack(work, 'degismis.json', { ...bakiciEdition2(), edition: 3, supersedes: 2 }, hq.privateKeyPem);
    const bytes = fs.readFileSync(changed);
    bytes[200] = bytes[200]! ^ 1;
    fs.writeFileSync(changed, bytes);
    await refusedOnScreen(changed, 'Paket imzalandıktan sonra değişmiş (SHA-256 tutmuyor)');

    // Signed without `pack sign` (which refuses a broken pack): the desk checks again and names the JSON path.
    const broken: Record<string, any> = { ...bakiciEdition2(), edition: 3, supersedes: 2 };
    broken.rules = structuredClone(broken.rules);
    broken.rules[0].condition = { op: 'whatever' };
    const brokenText = await refusedOnScreen(writeSignedPack(work, 'bozuk.json', broken, hq.privateKeyPem), /^Kural paketi denetimden geçmedi \(\d+ sorun\)/);
    expect(brokenText).toContain('rules[0].condition.op');
    await screenshot(page, '63-paket-reddedildi');
    await noSeriousA11y(page);

    const downgrade = writeSignedPack(work, 'eski.json', builtinPackJson('BAKICI-2020'), hq.privateKeyPem);
    await refusedOnScreen(downgrade, 'BAKICI-2020 için 2. sürüm yüklü; 1. sürüm yüklenemez (yalnızca daha yüksek sürüm).');

    const stranger = createHqKeyPair();
    await refusedOnScreen(writeSignedPack(work, 'yabanci.json', { ...bakiciEdition2(), edition: 3, supersedes: 2 }, stranger.privateKeyPem), `İmzalayan anahtar tanınmıyor (${stranger.fingerprint})`);
  });

  it('in English the screen and its refusals read in English', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Rule packs' }).waitFor();
    const heads = await page.getByTestId('rule-packs-table').locator('thead th').allTextContents();
    expect(heads).toEqual(['Code', 'Programme', 'Edition', 'Valid', 'Hash', 'Source', 'Signing key']);
    const builtin = await page.getByTestId('pack-EVDE-2015-1').locator('td').allTextContents();
    expect(builtin[1]).toBe(builtinPackJson('EVDE-2015').name.en);
    expect(builtin[5]).toBe('Built-in');
    expect((await page.getByTestId('pack-BAKICI-2020-2').locator('td').allTextContents())[5]).toMatch(/^loaded by Ayşe Yılmaz, /);
    const missing = path.join(work, 'missing.json');
    await refusedOnScreen(missing, `The rule pack file was not found: ${missing}`);
    await page.getByRole('button', { name: 'Load pack' }).waitFor();
    await noSeriousA11y(page);
    await page.getByText('TR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Kural paketleri' }).waitFor();
  });

  it('a clerk does not see the screen, and main refuses its calls', async () => {
    await signOut();
    await signInAs(page, CLERK);
    expect(await page.getByRole('button', { name: 'Kural paketleri' }).count()).toBe(0);
    const file = writeSignedPack(work, 'gorevli.json', { ...bakiciEdition2(), edition: 3, supersedes: 2 }, hq.privateKeyPem);
    const before = chainHead();
    for (const [name, input] of [
      ['rules.packList', {}],
      ['rules.packLoad', { path: file }],
      ['rules.hqKeyAdd', { pem: hq.publicKeyPem, confirmFingerprint: hq.fingerprint, name: 'x' }],
    ] as const) {
      const refused = await page.evaluate(([n, i]) => window.masa.invoke(n as never, i as never), [name, input] as const);
      expect(refused, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Bu işlem için yetkiniz yok.' } });
    }
    expect(chainHead()).toEqual(before);
    expect(rawHandle(masa.app.requireStore()).prepare("SELECT count(*) n FROM events WHERE type = 'rules.pack_loaded'").get()).toEqual({ n: 1 });
  });
});
