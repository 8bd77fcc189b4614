import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, newPage, screenshot, startMasa } from './harness';

/**
 * The foundation as a new user meets it: first run, recovery code, the empty day, sign-out,
 * wrong password, lock, a clerk who cannot reach user management, the language switch.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;

const HEAD = { name: 'Ayşe Yılmaz', username: 'ayse', password: 'Kesin-Kayit-2026' };
const CLERK = { name: 'Şükrü Işık', username: 'sukru', temp: 'Gecici-Parola-1', own: 'Masa-Gorevlisi-Parola-7' };

async function expectNoSeriousA11yIssues(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

beforeAll(async () => {
  masa = await startMasa();
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('first run', () => {
  it('shows setup in Turkish with <html lang="tr">', async () => {
    await page.getByRole('heading', { name: 'İlk kurulum' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    await screenshot(page, '01-ilk-kurulum');
    await expectNoSeriousA11yIssues(page);
  });

  it('refuses an empty form with Turkish messages next to the fields, creating nothing', async () => {
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
    await page.getByText('Bu alan zorunludur.').first().waitFor();
    await expect.poll(() => page.getByText('İl kodu 1 ile 81 arasında olmalı.').count()).toBe(1);
    expect(masa.app.presence()).toBe('none');
    await screenshot(page, '02-ilk-kurulum-hatalar');
  });

  it('refuses mismatched and weak passwords', async () => {
    await page.getByLabel('Ad soyad').fill(HEAD.name);
    await page.getByLabel('Kullanıcı adı').fill(HEAD.username);
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByLabel('Parola (tekrar)').fill('baska-bir-parola');
    // Typed the way a clerk types it, without the dotted İ: the Turkish filter still finds it.
    const province = page.getByRole('combobox', { name: 'İl', exact: true });
    await province.fill('istanbul');
    await page.getByRole('option', { name: '34 — İstanbul' }).waitFor();
    await province.fill('izmir');
    expect(await page.getByRole('option').allTextContents()).toEqual(['35 — İzmir']);
    // Enter picks the only match.
    await province.press('Enter');
    await expect.poll(() => province.inputValue()).toBe('35 — İzmir');
    // The desk code still empty: the password mismatch is shown together with that error, not after it.
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
    await page.getByText('Parolalar birbirini tutmuyor.').first().waitFor();
    expect(await page.getByLabel('Masa kodu').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Masa kodu').fill('m01');
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
    await page.getByText('Parolalar birbirini tutmuyor.').first().waitFor();
    expect(masa.app.presence()).toBe('none');
    await page.getByLabel('Parola', { exact: true }).fill('ayse-ayse-ayse');
    await page.getByLabel('Parola (tekrar)').fill('ayse-ayse-ayse');
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
    await page.getByText('Bu parola çok zayıf.').waitFor();
    expect(masa.app.presence()).toBe('none');
  });

  it('creates the office head, shows the recovery code once, then the empty day', async () => {
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByLabel('Parola (tekrar)').fill(HEAD.password);
    await page.getByRole('button', { name: 'Kurulumu tamamla' }).click();
    const code = await page.getByTestId('recovery-code').textContent();
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(masa.app.presence()).toBe('complete');
    await screenshot(page, '03-kurtarma-kodu');
    await expectNoSeriousA11yIssues(page);
    const go = page.getByRole('button', { name: 'Devam' });
    expect(await go.isDisabled()).toBe(true);
    await page.getByLabel('Kodu güvenli bir yere kaydettim').check();
    await go.click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
    await page.getByText('Bu gün için randevu yok.', { exact: false }).waitFor();
    expect(await page.getByTestId('office').textContent()).toBe('İzmir · M01');
    await screenshot(page, '04-bugun-bos');
    await expectNoSeriousA11yIssues(page);
  });
});

describe('sign-in, lock and roles', () => {
  it('signs out, refuses a wrong password with the Turkish message, accepts the right one', async () => {
    await page.getByRole('button', { name: 'Çıkış' }).click();
    await page.getByRole('heading', { name: 'Giriş' }).waitFor();
    await page.getByLabel('Kullanıcı adı').fill(HEAD.username);
    await page.getByLabel('Parola', { exact: true }).fill('yanlis-parola');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByText('Kullanıcı adı veya parola hatalı.').waitFor();
    await screenshot(page, '05-giris-hatali');
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
  });

  it('locks the screen and unlocks only with the password', async () => {
    await page.getByRole('button', { name: 'Kilitle' }).click();
    await page.getByRole('heading', { name: 'Ekran kilitli' }).waitFor();
    // While locked, main refuses work even if the page asks directly.
    const refused = await page.evaluate(() => window.masa.invoke('ledger.status', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    await page.getByLabel('Parola', { exact: true }).fill('yanlis');
    await page.getByRole('button', { name: 'Kilidi aç' }).click();
    await page.getByText('Kullanıcı adı veya parola hatalı.').waitFor();
    await screenshot(page, '06-kilit');
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByRole('button', { name: 'Kilidi aç' }).click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
  });

  it('the office head adds a clerk with a temporary password', async () => {
    await page.getByRole('button', { name: 'Kullanıcılar' }).click();
    await page.getByRole('button', { name: 'Kullanıcı ekle' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ad soyad').fill(CLERK.name);
    await dialog.getByLabel('Kullanıcı adı').fill('a'); // too short
    await dialog.getByLabel('Geçici parola').fill(CLERK.temp);
    await dialog.getByRole('button', { name: 'Kaydet' }).click();
    await dialog.getByText('Kullanıcı adı 3-32 karakter', { exact: false }).waitFor();
    await dialog.getByLabel('Kullanıcı adı').fill(CLERK.username);
    await dialog.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('cell', { name: CLERK.name }).waitFor();
    await screenshot(page, '07-kullanicilar');
    await expectNoSeriousA11yIssues(page);
  });

  it('the clerk must change the temporary password, then cannot reach user management', async () => {
    await page.getByRole('button', { name: 'Çıkış' }).click();
    await page.getByLabel('Kullanıcı adı').fill(CLERK.username);
    await page.getByLabel('Parola', { exact: true }).fill(CLERK.temp);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByText('geçici parolayı kendi parolanızla değiştirin', { exact: false }).waitFor();
    await screenshot(page, '08-parola-degistir');
    await page.getByLabel('Mevcut parola').fill(CLERK.temp);
    await page.getByLabel('Yeni parola', { exact: true }).fill(CLERK.own);
    await page.getByLabel('Yeni parola (tekrar)').fill(CLERK.own);
    await page.getByRole('button', { name: 'Parolayı değiştir' }).click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
    expect(await page.getByRole('button', { name: 'Kullanıcılar' }).count()).toBe(0);
    const refused = await page.evaluate(() => window.masa.invoke('users.list', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Bu işlem için yetkiniz yok.' } });
    const refusedCreate = await page.evaluate(() =>
      window.masa.invoke('users.create', { username: 'sahte', displayName: 'Sahte Kişi', role: 'HEAD', password: 'Sahte-Parola-123' }),
    );
    expect(refusedCreate).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await screenshot(page, '09-gorevli-bugun');
  });

  it('switches to English and back; html lang follows', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: "Today's appointments" }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '10-english');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill(CLERK.username);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Username or password is incorrect.').waitFor();
    await page.getByText('TR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Giriş' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
  });
});

describe('the loopback bridge', () => {
  it('refuses calls without the per-run token', async () => {
    const r = await fetch(`http://127.0.0.1:${masa.bridge.port}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'app.status', input: {} }),
    });
    expect(r.status).toBe(403);
    const wrong = await fetch(`http://127.0.0.1:${masa.bridge.port}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-masa-token': 'f'.repeat(48) },
      body: JSON.stringify({ name: 'app.status', input: {} }),
    });
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: masa.bridge.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0));
      req.end();
    });
    expect(status).toBe(421);
  });
});
