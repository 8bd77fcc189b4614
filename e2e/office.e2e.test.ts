import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { tcknFromPrefix } from '../main/domain/tckn';
import { turkeyParts } from '../main/domain/turkeyTime';
import { axeViolations, launchChromium, newPage, screenshot, startMasa } from './harness';

/** The office head's screens: importing HQ's list (with bad rows), the end of the day. */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

/** A hand-written CSV in the contract's format: ';', BOM, Turkish headers, a bad row, another province. */
function csvList(): string {
  const d = TODAY.split('-').reverse().join('.');
  const lines = ['\ufeffRandevu No;Program Kodu;İl Kodu;Randevu Tarihi;Randevu Saati;Ön Kayıt Zamanı;Anne TC Kimlik No;Anne Adı;Anne Soyadı;Çocuk Doğum Tarihi;Durum'];
  const surnames = ['Işıkoğlu', 'Çağlayan', 'Öztürk', 'Şahin', 'Güneş', 'İnce'];
  surnames.forEach((surname, i) =>
    lines.push(`35-2026-10000${i + 1};BAKICI-2020;35;${d};${i < 5 ? `09:${i + 1}0` : '10:00'};25.06.2026 10:00:0${i + 1};${tcknFromPrefix(`12345670${i + 1}`)};Gülşen;${surname};01.10.2025;`),
  );
  lines.push(`35-2026-100007;BAKICI-2020;35;${d};10:30;25.06.2026 10:00:07;12345678901;Hatalı;Kimlik;01.10.2025;`);
  lines.push(`06-2026-100008;KURUMSAL-2019;6;${d};10:40;25.06.2026 10:00:08;${tcknFromPrefix('223456789')};Başka;İl;01.10.2025;`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-list-')), 'randevu-listesi.csv');
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

beforeAll(async () => {
  masa = await startMasa();
  const r = await dispatch(masa.app, 'setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  expect(r.ok).toBe(true);
  await dispatch(masa.app, 'auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await page.getByLabel('Kullanıcı adı').fill(HEAD.username);
  await page.getByLabel('Parola', { exact: true }).fill(HEAD.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('the office head', () => {
  it('imports HQ’s list: preview first, nothing written until "İçe aktar", bad rows named in Turkish', async () => {
    await page.getByRole('button', { name: 'Randevu listesi' }).click();
    await page.getByLabel('Dosya yolu').fill(csvList());
    await page.getByRole('button', { name: 'Oku ve denetle' }).click();
    await page.getByTestId('import-preview').waitFor();
    expect((await dispatch(masa.app, 'ledger.status', {})).ok && masa.app.requireStore().db.prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 0 });
    expect(await page.locator('[data-count="added"]').textContent()).toContain('6');
    expect(await page.locator('[data-count="rejected"]').textContent()).toContain('1');
    expect(await page.locator('[data-count="skipped"]').textContent()).toContain('1');
    expect(await page.getByTestId('import-lines').textContent()).toContain('Anne TC Kimlik No');
    await screenshot(page, '40-ice-aktarma-onizleme');
    await noSeriousA11y(page);
    await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
    await page.getByTestId('import-done').waitFor();
    expect(masa.app.requireStore().db.prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 6 });
    await screenshot(page, '41-ice-aktarma-bitti');
  });

  it('a file that is not an appointment list is refused as a whole, nothing changes', async () => {
    await page.getByRole('button', { name: 'Başka bir dosya' }).click();
    const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-junk-')), 'liste.csv');
    fs.writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 9]));
    await page.getByLabel('Dosya yolu').fill(junk);
    await page.getByRole('button', { name: 'Oku ve denetle' }).click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('Hiçbir şey değişmedi');
    expect(masa.app.requireStore().db.prepare('SELECT count(*) n FROM appointments').get()).toEqual({ n: 6 });
  });

  it('end of day: the signed reconciliation is written where the head chose', async () => {
    await page.getByRole('button', { name: 'Gün sonu' }).click();
    await page.getByTestId('fingerprint').waitFor();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-out-'));
    await page.getByLabel('Kaydedilecek klasör').fill(out);
    await page.getByRole('button', { name: 'Mutabakatı oluştur' }).click();
    await page.getByTestId('export-done').waitFor();
    expect(fs.readdirSync(out).sort()).toEqual([`MUTABAKAT_35_M01_${TODAY.replace(/-/g, '')}.xlsx`, `MUTABAKAT_35_M01_${TODAY.replace(/-/g, '')}.xlsx.sig`]);
    // The end-of-day backup follows the export by itself, into the office's backup folder.
    await expect.poll(() => page.getByTestId('auto-backup').textContent()).toMatch(/^Gün sonu yedeği alındı: masa-yedek-\d{8}-\d{6}/);
    expect(fs.readdirSync(path.join(masa.dataDir, 'yedekler')).length).toBe(1);
    await screenshot(page, '42-gun-sonu');
    await noSeriousA11y(page);
  });
});
