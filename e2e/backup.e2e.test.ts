import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { recordAccess } from '../main/services/accessLog';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, screenshot, startMasa } from './harness';

/**
 * The office head's backups, restore and access log in Chromium through the real handlers:
 * the backup folder is set and shown, a backup from a folder typed by path is restored after a
 * confirmation that says the current ledger is kept aside; the access log shows a clerk's view;
 * and with the key file gone, the problem screen restores with the head's password on the backup.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
const CLERK = { username: 'gorevli', displayName: 'Şükrü Işık', password: 'Gecici-Parola-1', newPassword: 'Masa-Masasi-2026' };
let randevuNo = '';
const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-e2e-usb-'));

async function call(name: string, input: unknown) {
  const r = await dispatch(masa.app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as never;
}

async function signIn(username: string, password: string) {
  await page.getByLabel('Kullanıcı adı').fill(username);
  await page.getByLabel('Parola', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
}

beforeAll(async () => {
  masa = await startMasa();
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  randevuNo = seedAppointments(masa.app, { date: turkeyParts(new Date()).date, count: 2, programCode: 'BAKICI-2020' })[0]!.randevuNo;
  await call('users.create', { username: CLERK.username, displayName: CLERK.displayName, role: 'CLERK', password: CLERK.password });
  await call('auth.logout', {});
  // The clerk opens one record: the view goes into the access log.
  await call('auth.login', { username: CLERK.username, password: CLERK.password });
  await call('auth.changePassword', { currentPassword: CLERK.password, newPassword: CLERK.newPassword, newPasswordRepeat: CLERK.newPassword });
  await call('desk.detail', { randevuNo });
  await call('auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signIn(HEAD.username, HEAD.password);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('office head: access log, backups and restore', () => {
  it('the access log shows the clerk viewing the record, on the second page of a busy day', async () => {
    // 205 later views by the head: the clerk's view is the oldest of 206, beyond the first page of 200.
    for (let i = 0; i < 204; i++) recordAccess(masa.app, 'viewed', 'appointment:35-2026-999999');
    // Shown in words, not as the ledger's ids.
    recordAccess(masa.app, 'exported', 'reconciliation:2026-12-07');
    await page.getByRole('button', { name: 'Erişim kaydı' }).click();
    await page.getByRole('heading', { name: 'Erişim kaydı (KVKK)' }).waitFor();
    await expect.poll(() => page.getByTestId('access-log-count').textContent()).toBe('206 kayıttan en yeni 200 tanesi gösteriliyor');
    await page.getByText('Gösterilmeyen 6 eski kayıt daha var.').waitFor();
    await page.getByRole('button', { name: 'Daha fazla yükle' }).click();
    await expect.poll(() => page.getByTestId('access-log-count').textContent()).toBe('206 kayıt');
    expect(await page.getByRole('button', { name: 'Daha fazla yükle' }).count()).toBe(0);
    const row = page.getByTestId('access-log').getByRole('row').filter({ hasText: randevuNo });
    await row.waitFor();
    expect(await row.textContent()).toContain(CLERK.displayName);
    expect(await row.textContent()).toContain('görüntüledi');
    expect(await page.getByTestId('access-log').textContent()).toContain('07.12.2026 günlük mutabakatı');
    expect(await page.getByTestId('access-log').textContent()).not.toContain('reconciliation:');
    await page.mouse.move(700, 5); // off the menu entry: its hover shade is not the resting colour
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'access-log');
  });

  it('sets the backup folder (a folder inside the data folder is refused), backs up, and restores from a typed folder after the confirmation', async () => {
    await page.getByRole('button', { name: 'Yedekler' }).click();
    await page.getByRole('heading', { name: 'Yedekler ve geri yükleme' }).waitFor();
    await page.getByText('Yedek klasörü ayarlanmadı').waitFor();
    await page.getByLabel('Yeni yedek klasörü (tam yol)').fill(path.join(masa.dataDir, 'yedek'));
    await page.getByRole('button', { name: 'Klasörü kaydet' }).click();
    await page.getByRole('alert').filter({ hasText: 'veri klasörünün içinde olamaz' }).waitFor();
    await page.getByLabel('Yeni yedek klasörü (tam yol)').fill(usb);
    await page.getByRole('button', { name: 'Klasörü kaydet' }).click();
    await expect.poll(() => page.getByTestId('backup-folder').textContent()).toBe(usb);
    await page.getByRole('button', { name: 'Şimdi yedek al' }).click();
    await page.getByText(/^Yedek alındı: masa-yedek-/).waitFor();
    // A user added after the backup: the restore takes the ledger back to before it.
    await call('users.create', { username: 'sonradan', displayName: 'Sonradan Gelen', role: 'CLERK', password: 'Gecici-Parola-2' });
    await expect.poll(() => page.getByTestId('restore-folder').inputValue()).toBe(usb);
    await page.getByRole('button', { name: 'Yedekleri listele' }).click();
    // Checked in the background after it was made: the list says so once the check has ended.
    await page.getByRole('radio', { name: /^masa-yedek-.* — doğrulandı$/ }).waitFor();
    await page.getByRole('radio', { name: /^masa-yedek-/ }).check();
    await page.getByLabel('Parolanız').fill(HEAD.password);
    await page.getByRole('button', { name: 'Geri yükle…' }).click();
    const confirm = page.getByTestId('restore-confirm');
    expect(await confirm.textContent()).toContain('Mevcut defter silinmez, veri klasöründe kenara ayrılır');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'restore-confirm');
    await confirm.getByRole('button', { name: 'Evet, denetle ve geri yükle' }).click();
    await expect.poll(() => page.getByTestId('restore-done').textContent()).toContain('Önceki dosyalar burada saklandı');
    const users = (await call('users.list', {})) as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['gorevli', 'mudur']);
    expect(((await call('ledger.verify', {})) as { ok: boolean }).ok).toBe(true);
    expect(fs.readdirSync(masa.dataDir).filter((n) => n.startsWith('onceki-'))).toHaveLength(1);
    await page.getByRole('button', { name: 'Devam' }).click();
  });

  it('with the key file gone, the problem screen restores by the head password on the backup; then sign-in works', async () => {
    await page.getByRole('button', { name: 'Çıkış' }).click();
    await page.getByRole('heading', { name: 'Giriş' }).waitFor();
    fs.rmSync(path.join(masa.dataDir, 'masa.keys.json'));
    await page.reload();
    await page.getByRole('heading', { name: 'Defter açılamıyor' }).waitFor();
    await page.getByRole('button', { name: 'Defter açılamıyor: yedekten geri yükle' }).click();
    // Without the key file the ledger cannot be read: the folder comes from the plain settings file.
    await expect.poll(() => page.getByTestId('restore-folder').inputValue()).toBe(usb);
    await page.getByRole('button', { name: 'Yedekleri listele' }).click();
    await page.getByRole('radio', { name: /^masa-yedek-/ }).first().check();
    await page.getByLabel('Birim sorumlusunun kullanıcı adı').fill(HEAD.username);
    await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
    await page.getByRole('button', { name: 'Geri yükle…' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'restore-by-backup-key');
    await page.getByRole('button', { name: 'Evet, denetle ve geri yükle' }).click();
    await page.getByTestId('restore-done').waitFor();
    await page.getByRole('button', { name: 'Devam' }).click();
    await page.getByRole('heading', { name: 'Giriş' }).waitFor();
    await signIn(HEAD.username, HEAD.password);
    expect(fs.existsSync(path.join(masa.dataDir, 'masa.keys.json'))).toBe(true);
    expect(((await call('ledger.verify', {})) as { ok: boolean }).ok).toBe(true);
  });
});
