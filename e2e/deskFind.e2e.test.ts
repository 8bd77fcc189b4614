import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';
import { rawHandle } from '../database/testing/internals';

/**
 * The desk's find box and the registered view, in real Chromium through the bridge against the
 * real handlers and an encrypted ledger: F2 from another screen, a scanned registration number
 * (the Kesin Kayıt Formu barcode), a correction note, English outcome labels, refusals shown
 * (long query, print of a reversed registration), and the wizard draft kept on leaving but never
 * written back after confirm.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
let rows: ReturnType<typeof seedAppointments>;
let registrationNo: string;

async function call(name: string, input: unknown) {
  const r = await dispatch(masa.app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as never;
}

const draftOf = (randevuNo: string) =>
  rawHandle(masa.app.requireStore()).prepare('SELECT data FROM drafts WHERE randevu_no = ?').get(randevuNo) as { data: string } | undefined;

beforeAll(async () => {
  masa = await startMasa();
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  rows = seedAppointments(masa.app, { date: TODAY, count: 4, programCode: 'BAKICI-2020', names: [['Ayşe Şükran', 'Öztürk'], ['Gülşen', 'Işık']] });
  // rows[0]: registered (KESİN KAYIT) through the handlers.
  await call('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
  const ctx = (await call('registration.start', { randevuNo: rows[0]!.randevuNo })) as { draft: { facts: Record<string, unknown> }; submissionId: string };
  registrationNo = ((await call('registration.confirm', {
    randevuNo: rows[0]!.randevuNo,
    submissionId: ctx.submissionId,
    facts: { ...ctx.draft.facts, ...bakiciFacts() },
    documents: BAKICI_DOCUMENTS,
    newAppointment: null,
  })) as { registrationNo: string }).registrationNo;
  // rows[1]: a half-done wizard at the decision step, one document missing (EKSİK EVRAK).
  await call('desk.checkIn', { randevuNo: rows[1]!.randevuNo });
  const ctx1 = (await call('registration.start', { randevuNo: rows[1]!.randevuNo })) as { draft: { facts: Record<string, unknown> } };
  await call('registration.saveDraft', {
    randevuNo: rows[1]!.randevuNo,
    draft: { step: 3, facts: { ...ctx1.draft.facts, ...bakiciFacts() }, documents: { ...BAKICI_DOCUMENTS, BASVURU_FORMU: false } },
  });
  await call('auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD);
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    const file = await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    console.error(`[failed] screenshot: ${file}; alerts: ${JSON.stringify(await page.locator('[role=alert]').allTextContents())}`);
  }
});

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('find, from any screen, and the registered view', () => {
  it('F2 on another screen brings the find box; a scanned registration number opens its appointment', async () => {
    await page.getByRole('button', { name: 'Parolam' }).click();
    await page.getByRole('heading', { name: 'Parola değiştir' }).or(page.getByLabel('Şu anki parola')).first().waitFor();
    expect(await page.getByTestId('find-box').count()).toBe(0);
    await page.keyboard.press('F2');
    await expect.poll(focusedTestId).toBe('find-box');
    // The scanner types the barcode of the Kesin Kayıt Formu and Enter.
    await page.keyboard.type(registrationNo);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="appointment-screen"][data-randevu="${rows[0]!.randevuNo}"]`).waitFor();
    expect(await page.getByTestId('registration').textContent()).toContain(registrationNo);
    // Ctrl+K from the user screen too.
    await page.getByRole('button', { name: 'Kullanıcılar' }).click();
    await expect.poll(() => page.getByTestId('find-box').count()).toBe(0);
    await page.keyboard.press('Control+k');
    await expect.poll(focusedTestId).toBe('find-box');
    await page.keyboard.type('şükran');
    await page.getByTestId('find-result').first().waitFor();
    expect(await page.getByTestId('find-result').first().textContent()).toContain('Ayşe Şükran Öztürk');
    await page.keyboard.press('Escape');
  });

  it('a correction note with its reason is a new event in the history (a short reason is refused next to the field)', async () => {
    await page.keyboard.press('F2');
    await page.keyboard.type(rows[0]!.randevuNo);
    await page.keyboard.press('Enter');
    await page.getByTestId('registration').waitFor();
    await page.getByTestId('note-reason').fill('kısa');
    await page.getByTestId('note-add').click();
    await page.getByText('Gerekçe yazılmalı (en az 5 karakter).').waitFor();
    const before = masa.app.requireStore().ledger.head().seq;
    await page.getByTestId('note-reason').fill('Çocuğun adı formda eksik yazılmış: Elif Su');
    await page.getByTestId('note-add').click();
    await page.getByTestId('history').getByText('Düzeltme notu').waitFor();
    await page.getByTestId('history').getByText('Çocuğun adı formda eksik yazılmış: Elif Su').waitFor();
    // The note, and the view of the record that followed it (KVKK access log).
    const types = (rawHandle(masa.app.requireStore()).prepare('SELECT type FROM events WHERE seq > ? ORDER BY seq').all(before) as { type: string }[]).map((e) => e.type);
    expect(types.filter((t) => t === 'registration.noted')).toHaveLength(1);
    await screenshot(page, '32-duzeltme-notu');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
  });

  it('in English the outcome reads in English, and a query over 100 characters is refused in English', async () => {
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('registration').textContent()).toContain('FINAL REGISTRATION');
    expect(await page.getByTestId('registration').textContent()).not.toContain('KESİN KAYIT');
    expect(await page.getByTestId('history').textContent()).toContain('Outcome recorded — FINAL REGISTRATION');
    await page.keyboard.press('F2');
    await page.keyboard.insertText('x'.repeat(101));
    await page.getByText('A search can be at most 100 characters long.').waitFor();
    await screenshot(page, '33-kayitli-ingilizce-uzun-arama');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText('A search can be at most 100 characters long.').count()).toBe(0);
    await page.getByText('TR', { exact: true }).click();
    await page.getByRole('button', { name: 'Formu yazdır' }).waitFor();
  });

  it('printing a registration the head reversed meanwhile shows main\'s refusal in Turkish', async () => {
    await call('registration.reverse', { registrationNo, reason: 'Yanlış belge ile kayıt yapılmış' });
    await page.getByRole('button', { name: 'Formu yazdır' }).click();
    await page.getByText('geri alındı; bu kayıt için belge basılamaz', { exact: false }).waitFor();
    await screenshot(page, '35-yazdirma-reddedildi');
  });
});

describe('refusals from main are shown, not swallowed', () => {
  it('opening the wizard of an appointment registered meanwhile (elsewhere) shows why, in Turkish', async () => {
    const no = rows[2]!.randevuNo;
    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Geldi' }).click();
    await page.getByRole('button', { name: 'Kayda başla' }).waitFor();
    // Another desk window records the outcome before this one opens the wizard.
    const ctx = (await call('registration.start', { randevuNo: no })) as { draft: { facts: Record<string, unknown> }; submissionId: string };
    await call('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    await page.getByRole('button', { name: 'Kayda başla' }).click();
    await page.getByTestId('wizard-error').getByText('Bu randevu için sonuç zaten kaydedilmiş', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Taslak olarak bırak' }).click();
    await page.getByTestId('day-table').waitFor();
  });
});

describe('the wizard draft', () => {
  it('leaving at once keeps the EKSİK EVRAK date and time; a change just before confirm is not saved after it', async () => {
    const no = rows[1]!.randevuNo;
    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kayda devam et' }).click();
    await page.getByTestId('decision-outcome').waitFor();
    expect(await page.getByTestId('decision-outcome').getAttribute('data-outcome')).toBe('EKSIK_EVRAK');
    await page.getByLabel('Yeni randevu tarihi').fill('15.12.2026');
    await page.getByLabel('Yeni randevu saati').fill('10:30');
    // Leave before the 300 ms debounce: the pending save is flushed, not dropped.
    await page.getByRole('button', { name: 'Taslak olarak bırak' }).click();
    await expect.poll(() => JSON.parse(draftOf(no)?.data ?? '{}').newAppointment).toEqual({ date: '2026-12-15', time: '10:30' });

    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kayda devam et' }).click();
    await page.getByTestId('decision-outcome').waitFor();
    expect(await page.getByLabel('Yeni randevu saati').inputValue()).toBe('10:30');
    expect(await page.getByLabel('Yeni randevu tarihi').inputValue()).toBe('15.12.2026');
    await screenshot(page, '34-taslak-eksik-evrak-tarihi');
    await page.getByRole('button', { name: 'Devam (Enter)' }).click();
    await page.getByText('Aşağıdaki sonuç deftere kaydedilecek', { exact: false }).waitFor();
    // Change the time and press Enter at once: confirm goes out with a draft save still pending.
    await page.getByLabel('Yeni randevu saati').fill('10:45');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    expect(await page.getByTestId('wizard-done').textContent()).toContain(`${no}-E1`);
    await page.waitForTimeout(700);
    expect(draftOf(no)).toBeUndefined();
    const next = (await call('day.view', { date: '2026-12-15' })) as { appointments: { randevuNo: string; time: string }[] };
    expect(next.appointments).toEqual([expect.objectContaining({ randevuNo: `${no}-E1`, time: '10:45' })]);
    await page.keyboard.press('Enter');
  });
});
