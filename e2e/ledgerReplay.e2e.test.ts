import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { HEAD_USER } from '../main/testing/appFixture';
import { officeWithDay } from '../main/testing/reconciliationFixtures';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';
import { rawHandle } from '../database/testing/internals';

/**
 * The Defter screen's verify re-decides every recorded decision with the pack it names (issue 18
 * item 7): an untouched ledger says so with the count; a registration whose facts were changed
 * behind the ledger (the same tamper as main/services/redecide.test.ts) is listed with what was
 * recorded, what comes out now and the pack, in Turkish and in English.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const NOW = () => new Date('2026-11-24T08:00:00Z');

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

/** Clicks verify; the caller polls the result line, which a previous run's line is replaced by. */
async function verifyOnScreen() {
  await page.getByRole('button', { name: 'Defteri doğrula' }).click();
  return page.getByTestId('decision-replay');
}

beforeAll(async () => {
  // 3 KESİN KAYIT and 1 RET on 24.11.2026, made through the handlers; then the same folder behind the window.
  const t = await officeWithDay('M01', {}, [], { now: NOW });
  await t.ok('auth.logout', {});
  t.app.shutdown();
  masa = await startMasa({ dataDir: t.app.dataDir, now: NOW });
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD_USER);
  await page.getByRole('button', { name: 'Defter' }).click();
  await page.getByRole('heading', { name: 'Defter' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
  if (masa) fs.rmSync(masa.dataDir, { recursive: true, force: true });
});

describe('Defter: verify re-decides every decision', () => {
  it('an untouched ledger: every decision re-decided, differences 0', async () => {
    const replay = await verifyOnScreen();
    await expect.poll(() => replay.textContent()).toBe('Her karar, kaydındaki kural paketiyle yeniden verildi: 4 karar, fark: 0.');
    expect(await page.getByText('Defter sağlam:', { exact: false }).count()).toBe(1);
    expect(await page.getByTestId('decision-differences').count()).toBe(0);
    await noSeriousA11y(page);
  });

  it('a registration changed behind the ledger is listed: registration no, recorded vs re-decided outcome, pack', async () => {
    const db = rawHandle(masa.app.requireStore());
    const [reg] = db.prepare("SELECT registration_no, randevu_no FROM registrations WHERE outcome = 'KESIN_KAYIT' ORDER BY registration_no").all() as { registration_no: string; randevu_no: string }[];
    // The tamper: the caregiver's certificate turned false, the recorded outcome left as it was.
    db.prepare("UPDATE registrations SET facts = json_set(facts, '$.\"caregiver.trainingCertificate\"', json('false')) WHERE registration_no = ?").run(reg!.registration_no);
    const packs = await dispatch(masa.app, 'rules.packList', {});
    const bakici = packs.ok && (packs.value as { code: string; label: string }[]).find((p) => p.code === 'BAKICI-2020')!;

    const replay = await verifyOnScreen();
    await expect.poll(() => replay.textContent()).toMatch(/^Kararlar yeniden verildi: 4 karardan 1 tanesi bugün FARKLI çıkıyor\./);
    const table = page.getByTestId('decision-differences');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Kayıt no', 'Randevu no', 'Kayıtlı sonuç', 'Yeniden verilen sonuç', 'Kural paketi']);
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr td').allTextContents()).toEqual([reg!.registration_no, reg!.randevu_no, 'KESIN_KAYIT 32500', 'RET BAKICI_SERTIFIKA', bakici && bakici.label]);
    // The state tables no longer match their events either: the chain line says so, not "sağlam".
    expect(await page.getByText('Defter sağlam:', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Durum tabloları olaylarla uyuşmuyor.').count()).toBe(1);
    await screenshot(page, '64-defter-karar-farki');
    await noSeriousA11y(page);
  });

  it('in English the differences read in English', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Ledger' }).waitFor();
    await page.getByRole('button', { name: 'Verify the ledger' }).click();
    await expect.poll(() => page.getByTestId('decision-replay').textContent()).toMatch(/^Decisions re-decided: 1 of 4 come out DIFFERENTLY today\./);
    expect(await page.getByTestId('decision-differences').locator('thead th').allTextContents()).toEqual(['Registration no', 'Appointment no', 'Recorded outcome', 'Re-decided outcome', 'Rule pack']);
    await noSeriousA11y(page);
    await page.getByText('TR', { exact: true }).click();
  });
});
