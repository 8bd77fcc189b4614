import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';

/**
 * KVKK retention as the office head meets it: eleven years after a day's work, the screen lists
 * the records past retention, erasure needs the typed word, and afterwards the appointment shows
 * "[silindi]" while its outcome stays. The app's clock is moved forward in the test process.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
let clock = new Date();
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
let rows: ReturnType<typeof seedAppointments>;

beforeAll(async () => {
  masa = await startMasa({ now: () => clock });
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(masa.app, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as never;
  };
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  rows = seedAppointments(masa.app, { date: turkeyParts(clock).date, count: 3, programCode: 'BAKICI-2020' });
  await call('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
  const ctx = (await call('registration.start', { randevuNo: rows[0]!.randevuNo })) as { draft: { facts: Record<string, unknown> }; submissionId: string };
  await call('registration.confirm', { randevuNo: rows[0]!.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
  await call('auth.logout', {});
  clock = new Date(clock.getTime() + 11 * 365.25 * 24 * 3600_000);
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('KVKK retention screen', () => {
  it('lists the due records, asks for the typed word, erases, and keeps the destruction record', async () => {
    await page.getByRole('button', { name: 'KVKK saklama' }).click();
    await expect.poll(() => page.getByTestId('due-count').textContent()).toContain('Saklama süresi dolan kayıt: 3');
    const table = page.getByRole('table', { name: 'KVKK saklama süresi' });
    for (const r of rows) await table.getByText(r.randevuNo).waitFor();
    // Leave one record out of the selection.
    await page.getByRole('checkbox', { name: rows[2]!.randevuNo }).uncheck();
    await page.getByRole('button', { name: 'Seçilen 2 kaydın kişisel verilerini sil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kişisel verileri sil' });
    const confirm = dialog.getByRole('button', { name: 'Kalıcı olarak sil' });
    await dialog.getByLabel('Onaylamak için SİL yazın').fill('sl');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'retention-confirm');
    await dialog.getByLabel('Onaylamak için SİL yazın').fill('sil');
    await confirm.click();
    await expect.poll(() => page.getByTestId('erasure-done').textContent()).toMatch(/2 kaydın \(2 randevu, 1 kesin kayıt\) kişisel verileri silindi/);
    await expect.poll(() => page.getByTestId('due-count').textContent()).toContain('Saklama süresi dolan kayıt: 1');
    await page.getByRole('table', { name: 'İmha kayıtları' }).getByText('Ayşe Yılmaz').waitFor();
    await screenshot(page, 'retention-done');
    // The erased appointment: number and outcome stay, the person is gone.
    await page.getByRole('button', { name: 'Bugün' }).click();
    await page.keyboard.press('F2');
    await page.keyboard.type(rows[0]!.randevuNo);
    await page.keyboard.press('Enter');
    const screen = page.locator(`[data-testid="appointment-screen"][data-randevu="${rows[0]!.randevuNo}"]`);
    await screen.getByText('[silindi]').first().waitFor();
    await screen.getByText('KESİN KAYIT').first().waitFor();
    await screen.getByTestId('erased').waitFor();
    expect(await screen.getByRole('button', { name: 'Formu yazdır' }).count()).toBe(0);
    await screen.getByText('Kişisel veriler silindi (KVKK saklama süresi doldu)').waitFor();
    await screenshot(page, 'retention-erased-appointment');
    expect(await page.getByText(rows[0]!.motherTckn).count()).toBe(0);
    expect(await page.getByText(rows[0]!.motherLastName, { exact: false }).count()).toBe(0);
  });
});
