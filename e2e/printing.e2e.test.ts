import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';

/**
 * The office head's printing: the Asil / Yedek list chosen by edition and province, previewed
 * like every printed document; the PDF bytes read back with pdftotext; the silent-printing
 * setting, which the browser bridge says applies to the desktop app only.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };

function pdfText(b64: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-e2e-pdf-')), 'liste.pdf');
  fs.writeFileSync(f, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  masa = await startMasa();
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(masa.app, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as never;
  };
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  const rows = seedAppointments(masa.app, { date: turkeyParts(new Date()).date, count: 2, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Gülşen', 'Işıkoğlu']] });
  for (const r of rows) {
    await call('desk.checkIn', { randevuNo: r.randevuNo });
    const ctx = (await call('registration.start', { randevuNo: r.randevuNo })) as { draft: { facts: Record<string, unknown> }; submissionId: string };
    await call('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
  }
  await call('auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD);
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

describe('the Asil / Yedek list on the office head’s screens', () => {
  it('picks edition and province, previews the PDF with print and "PDF olarak kaydet"', async () => {
    await page.getByRole('button', { name: 'Asil / Yedek listesi' }).click();
    await page.getByRole('heading', { name: 'Asil / Yedek listesi' }).waitFor();
    await page.getByRole('combobox', { name: 'Program', exact: true }).click();
    await page.getByRole('option', { name: /^BAKICI-2020/ }).click();
    expect(await page.getByRole('combobox', { name: 'İl', exact: true }).inputValue()).toBe('35 İzmir');
    expect(await page.getByTestId('placement-quota').textContent()).toBe('Kontenjan: 1.750');
    await noSeriousA11y(page);
    await page.getByRole('button', { name: 'Listeyi önizle' }).click();
    const preview = page.getByRole('dialog', { name: 'asil-yedek-listesi-BAKICI-2020-35.pdf' });
    await preview.waitFor();
    expect(await preview.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    expect(await preview.getByRole('link', { name: 'PDF olarak kaydet' }).getAttribute('download')).toBe('asil-yedek-listesi-BAKICI-2020-35.pdf');
    await preview.getByRole('button', { name: 'Yazdır' }).waitFor();
    await screenshot(page, '60-asil-yedek-onizleme');
    // "PDF olarak kaydet" hands over the very bytes the preview shows: a PDF with the list in it.
    const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('link', { name: 'PDF olarak kaydet' }).click()]);
    expect(download.suggestedFilename()).toBe('asil-yedek-listesi-BAKICI-2020-35.pdf');
    const saved = fs.readFileSync(await download.path());
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fromBlob = saved.toString('base64');
    const text = pdfText(fromBlob);
    expect(text).toContain('ASİL / YEDEK LİSTESİ');
    expect(text).toContain('Şükran Öztürk');
    expect(text).toContain('Gülşen Işıkoğlu');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
  });

  it('the same document through the bridge’s API carries the list’s title; a province outside the edition is refused in Turkish', async () => {
    const r = await page.evaluate(() => window.masa.invoke('print.placementList', { programCode: 'BAKICI-2020', provinceCode: '35' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fileName).toBe('asil-yedek-listesi-BAKICI-2020-35.pdf');
    expect(Buffer.from(r.value.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'masa-e2e-pdf-')), 'l.pdf');
    fs.writeFileSync(info, Buffer.from(r.value.pdfBase64, 'base64'));
    expect(execFileSync('pdfinfo', [info], { encoding: 'utf8' })).toMatch(/Title:\s+ASİL \/ YEDEK LİSTESİ/);
    const bad = await page.evaluate(() => window.masa.invoke('print.placementList', { programCode: 'BAKICI-2020', provinceCode: '16' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'PROVINCE_NOT_IN_PACK' } });
    // The document's id, not its bytes, names it to print.toPrinter; the browser bridge has no printer and says so.
    const printed = await page.evaluate((documentId) => window.masa.invoke('print.toPrinter', { documentId }), r.value.documentId);
    expect(printed).toMatchObject({ ok: false, error: { code: 'PRINT_NEEDS_DESKTOP', message: expect.stringContaining('yalnızca masaüstü uygulamasında') } });
  });
});

describe('silent printing in the browser bridge', () => {
  it('the setting is kept in the ledger and says it applies to the desktop app only; "Yazdır" has no silent path here', async () => {
    await page.getByRole('button', { name: 'Defter' }).click();
    const toggle = page.getByRole('switch', { name: 'Varsayılan yazıcıya sessizce yazdır' });
    await toggle.waitFor();
    await page.getByText('Yalnızca masaüstü uygulamasında geçerlidir.', { exact: false }).waitFor();
    // No second way into main: the bridge, like preload, has only invoke (and on).
    expect(await page.evaluate(() => typeof (window.masa as unknown as Record<string, unknown>).printPdf)).toBe('undefined');
    await toggle.click({ force: true });
    await expect.poll(() => masa.app.officeInfo().silentPrint).toBe(true);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await screenshot(page, '61-sessiz-yazdirma-ayari');
  });
});

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}
