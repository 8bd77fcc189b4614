import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { launchChromium, newPage, screenshot, startMasa } from './harness';

/** The wrong-password wait on the login screen, in real Chromium against the real throttle. */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };

beforeAll(async () => {
  masa = await startMasa();
  await dispatch(masa.app, 'setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  await dispatch(masa.app, 'auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('the login wait', () => {
  it('after the fourth wrong password the button is disabled and counts down the seconds; then the right password signs in', async () => {
    await page.getByLabel('Kullanıcı adı').fill(HEAD.username);
    for (let i = 0; i < 4; i++) {
      await page.getByLabel('Parola', { exact: true }).fill(`yanlis-parola-${i}`);
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      await page.getByText('Kullanıcı adı veya parola hatalı.').waitFor();
    }
    // 2 s after the fourth failure (the throttle doubles from there).
    const wait = page.getByTestId('login-wait');
    await wait.waitFor();
    expect(await wait.textContent()).toMatch(/[12] saniye sonra yeniden deneyebilirsiniz/);
    const button = page.getByRole('button', { name: /Bekleyin \([12] sn\)/ });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, '54-giris-bekleme');
    // Enter during the wait sends nothing: the right password is not refused by the throttle.
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Giriş yap' }).waitFor({ timeout: 5000 });
    expect(await page.getByRole('button', { name: 'Giriş yap' }).isEnabled()).toBe(true);
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
  });
});
