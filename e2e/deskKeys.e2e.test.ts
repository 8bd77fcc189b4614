import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';

/** End of day, keys and permissions: registering another desk's key, the province key, clerks' export. */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
const CLERK = { username: 'gorevli', password: 'Kendi-Parolam-42' };

/** What a desk prints with `desk-key --pem`, made here by openssl; and its fingerprint by openssl alone. */
function otherDeskKey() {
  const priv = execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519'], { encoding: 'utf8' });
  const pem = execFileSync('openssl', ['pkey', '-pubout'], { input: priv, encoding: 'utf8' });
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: pem });
  const fp = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).slice(0, 64).match(/.{4}/g)!.join(' ');
  return { pem, fp };
}

async function signIn(u: { username: string; password: string }) {
  await signInAs(page, u);
}

async function signOut() {
  await page.getByRole('button', { name: 'Çıkış' }).click();
  await page.getByLabel('Kullanıcı adı').waitFor();
}

beforeAll(async () => {
  masa = await startMasa();
  const r = await dispatch(masa.app, 'setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  expect(r.ok).toBe(true);
  await dispatch(masa.app, 'users.create', { username: CLERK.username, displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
  await dispatch(masa.app, 'auth.logout', {});
  await dispatch(masa.app, 'auth.login', { username: CLERK.username, password: 'Gecici-Parola-1' });
  await dispatch(masa.app, 'auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: CLERK.password, newPasswordRepeat: CLERK.password });
  await dispatch(masa.app, 'auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signIn(HEAD);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('end of day: keys and who may export', () => {
  it('the head pastes another desk’s PEM: the fingerprint is shown and the desk is listed; a bad PEM is refused in Turkish', async () => {
    await page.getByRole('button', { name: 'Gün sonu' }).click();
    await page.getByTestId('fingerprint').waitFor();
    const k = otherDeskKey();
    await page.getByLabel('Masa kodu').fill('M02');
    await page.getByLabel('ya da açık anahtarı (PEM) buraya yapıştırın').fill('bu bir anahtar değil');
    await page.getByRole('button', { name: 'Anahtarı kaydet' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Bu bir Ed25519 açık anahtarı (PEM) değil.');
    await page.getByLabel('ya da açık anahtarı (PEM) buraya yapıştırın').fill(k.pem);
    await page.getByRole('button', { name: 'Anahtarı kaydet' }).click();
    await expect.poll(() => page.getByTestId('key-registered').textContent()).toContain(k.fp);
    await expect.poll(() => page.getByTestId('trusted-keys').textContent()).toContain('M02');
    expect(await page.getByTestId('trusted-keys').textContent()).toContain(k.fp);
    // Loaded from a file instead of pasted.
    const k3 = otherDeskKey();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-pem-')), 'M03.pem');
    fs.writeFileSync(file, k3.pem);
    await page.getByLabel('Masa kodu').fill('M03');
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByLabel('ya da açık anahtarı (PEM) buraya yapıştırın').inputValue()).toContain('BEGIN PUBLIC KEY');
    await page.getByRole('button', { name: 'Anahtarı kaydet' }).click();
    await expect.poll(() => page.getByTestId('trusted-keys').textContent()).toContain(k3.fp);
  });

  it('the province key is shown with its fingerprint and PEM, and listed', async () => {
    await page.getByRole('button', { name: 'İl anahtarını göster' }).click();
    await page.getByTestId('province-fingerprint').waitFor();
    const pem = (await page.getByTestId('province-pem').textContent())!;
    expect(pem).toContain('-----BEGIN PUBLIC KEY-----');
    const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: pem });
    const fp = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).slice(0, 64).match(/.{4}/g)!.join(' ');
    expect(await page.getByTestId('province-fingerprint').textContent()).toBe(fp);
    await expect.poll(() => page.getByTestId('trusted-keys').textContent()).toContain('İl anahtarı');
    await screenshot(page, '43-gun-sonu-anahtarlar');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
  });

  it('clerks: no end-of-day screen until the head allows it; then the export only, for this desk', async () => {
    await signOut();
    await signIn(CLERK);
    expect(await page.getByRole('button', { name: 'Gün sonu' }).count()).toBe(0);
    await signOut();
    await signIn(HEAD);
    await page.getByRole('button', { name: 'Gün sonu' }).click();
    // The switch shows the setting main holds: it turns on once settings.update has answered, so
    // click and wait for it (Playwright's check() wants the state to change at once).
    await page.getByRole('switch', { name: 'Görevliler bu masanın mutabakatını oluşturabilir' }).click();
    await expect.poll(() => page.getByTestId('clerks-may-export').isChecked()).toBe(true);
    await signOut();
    await signIn(CLERK);
    await page.getByRole('button', { name: 'Gün sonu' }).click();
    await page.getByLabel('Kaydedilecek klasör').waitFor();
    expect(await page.getByRole('button', { name: 'Doğrula ve birleştir' }).count()).toBe(0);
    expect(await page.getByTestId('trusted-keys').count()).toBe(0);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-out-'));
    await page.getByLabel('Kaydedilecek klasör').fill(out);
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByTestId('export-done').waitFor();
    const name = `MUTABAKAT_35_M01_${TODAY.replace(/-/g, '')}.xlsx`;
    expect(fs.readdirSync(out).sort()).toEqual([name, `${name}.sig`]);
  });
});
