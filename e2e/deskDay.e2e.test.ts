import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { tcknFromPrefix } from '../main/domain/tckn';
import { BAKICI_DOCUMENTS, bakiciFacts, CAREGIVER_IBAN, MOTHER_IBAN } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, screenshot, signInAs, startMasa } from './harness';
import { rawHandle } from '../database/testing/internals';

/**
 * The office head's day traps in real Chromium: Geldi only on the day, one Gelmedi during the
 * day, the day close that asks first, reopening a no-show, and "Sonucu geri al" that asks first
 * and starts the new wizard from the undone facts.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const YESTERDAY = new Date(Date.parse(`${TODAY}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
let today: ReturnType<typeof seedAppointments>;

async function call(name: string, input: unknown) {
  const r = await dispatch(masa.app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as never;
}

beforeAll(async () => {
  masa = await startMasa();
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  today = seedAppointments(masa.app, { date: TODAY, count: 6, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Ilgın', 'Çağlayan']] });
  seedAppointments(masa.app, { date: YESTERDAY, count: 2, programCode: 'BAKICI-2020', startIndex: 100 });
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

/**
 * A screenshot for docs/screenshots/: the earlier steps' notices gone (they close by themselves
 * after 4 s and would cover the dialog's buttons), the page at its top (a full-page capture of a
 * scrolled page draws the fixed header in the middle).
 */
async function docShot(name: string) {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const status = (no: string) => (rawHandle(masa.app.requireStore()).prepare('SELECT status FROM appointments WHERE randevu_no = ?').get(no) as { status: string }).status;

describe('the day screen', () => {
  it('offers Geldi only on the day; a past day shows Gelmedi but no Geldi', async () => {
    await page.getByTestId('day-table').waitFor();
    expect(await page.getByTestId('day-table').getByRole('button', { name: 'Geldi', exact: true }).count()).toBe(6);
    await page.getByRole('button', { name: 'Önceki gün' }).click();
    await page.getByRole('heading', { name: `${YESTERDAY.split('-').reverse().join('.')} randevuları` }).waitFor();
    await page.getByTestId('day-table').waitFor();
    expect(await page.getByTestId('day-table').getByRole('button', { name: 'Geldi', exact: true }).count()).toBe(0);
    expect(await page.getByTestId('no-show').count()).toBe(2);
    await page.getByRole('button', { name: 'Sonraki gün' }).click();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
  });

  it('one appointment is marked Gelmedi after a confirmation naming her; Vazgeç changes nothing', async () => {
    const no = today[5]!.randevuNo;
    const row = page.getByTestId('day-table').getByRole('row').filter({ hasText: no });
    await row.getByTestId('no-show').click();
    const dialog = page.getByTestId('no-show-dialog');
    await dialog.getByText(no, { exact: false }).waitFor();
    await docShot('55-gelmedi-onay');
    await page.getByRole('button', { name: 'Vazgeç' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(status(no)).toBe('BEKLIYOR');
    await row.getByTestId('no-show').click();
    await page.getByTestId('no-show-dialog-confirm').click();
    await expect.poll(() => status(no)).toBe('GELMEDI');
    await page.locator('[data-count="GELMEDI"]').waitFor();
  });

  it('the day close asks first, naming the count, and warns strongly while the last slot has not come', async () => {
    await page.getByTestId('close-day').click();
    const dialog = page.getByTestId('close-day-dialog');
    await dialog.getByText('5 bekleyen randevu «Gelmedi» olacak', { exact: false }).waitFor();
    // The last seeded slot is 09:50 Turkey time: the warning shows exactly when that is still ahead.
    const nowTr = new Date(Date.now() + 3 * 3600_000).toISOString().slice(11, 16);
    expect(await page.getByTestId('close-day-early').count()).toBe(nowTr < '09:50' ? 1 : 0);
    await docShot('50-gun-kapat-onay');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    // Enter on the dialog lands on Vazgeç (focused): nothing closes by one key.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(status(today[0]!.randevuNo)).toBe('BEKLIYOR');
    await page.getByTestId('close-day').click();
    await page.getByTestId('close-day-dialog-confirm').click();
    await page.getByText('Gün kapatıldı: 5 randevu «Gelmedi» oldu.').waitFor();
    expect(today.map((r) => status(r.randevuNo))).toEqual(Array(6).fill('GELMEDI'));
  });
});

describe('the appointment screen', () => {
  it('the head reopens a wrongly closed appointment with a reason: a new event, the no-show stays in the history', async () => {
    const no = today[0]!.randevuNo;
    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByTestId('reopen').waitFor();
    await page.getByRole('button', { name: 'Randevuyu yeniden aç' }).click();
    await page.getByText('Gerekçe yazılmalı', { exact: false }).waitFor();
    expect(status(no)).toBe('GELMEDI');
    await page.getByLabel('Yeniden açma gerekçesi').fill('Anne 09:05 geldi, gün erken kapatıldı');
    await page.getByRole('button', { name: 'Randevuyu yeniden aç' }).click();
    await page.locator('[data-testid="appointment-screen"][data-status="BEKLIYOR"]').waitFor();
    const history = await page.getByTestId('history').textContent();
    expect(history).toContain('Gelmedi');
    expect(history).toContain('Yeniden açıldı');
    expect(history).toContain('Anne 09:05 geldi, gün erken kapatıldı');
    await docShot('51-yeniden-acildi');
    await page.keyboard.press('Escape');
  });

  it('"Sonucu geri al" asks first; the new wizard starts from the undone facts', async () => {
    const no = today[0]!.randevuNo;
    await call('desk.checkIn', { randevuNo: no });
    const ctx = (await call('registration.start', { randevuNo: no })) as { submissionId: string; draft: { facts: Record<string, unknown> } };
    const facts = { ...ctx.draft.facts, ...bakiciFacts({ 'caregiver.trainingCertificate': false }) };
    await call('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByTestId('registration').waitFor();
    // No amount on a refusal, on the record either.
    expect(await page.getByTestId('registration').textContent()).not.toMatch(/Aylık tutar|EUR/);
    await page.getByLabel('Geri alma gerekçesi').fill('Bakıcı sertifikası sonradan görüldü');
    await page.getByRole('button', { name: 'Sonucu geri al' }).click();
    await page.getByTestId('reverse-dialog').getByText('RET sonucu', { exact: false }).waitFor();
    await docShot('52-geri-al-onay');
    await page.getByRole('button', { name: 'Vazgeç' }).click();
    expect(status(no)).toBe('RET');
    await page.getByRole('button', { name: 'Sonucu geri al' }).click();
    await page.getByTestId('reverse-dialog-confirm').click();
    await page.locator('[data-testid="appointment-screen"][data-status="GELDI"]').waitFor();
    await page.getByRole('button', { name: 'Kayda başla' }).click();
    await page.getByText('Kesin kayıt:', { exact: false }).waitFor();
    expect(await page.locator('[data-fact="mother.iban"]').first().inputValue()).toBe(String(facts['mother.iban']));
    expect(await page.locator('[data-fact="caregiver.fullName"]').first().inputValue()).toBe(String(facts['caregiver.fullName']));
    expect(await page.locator('[data-fact="caregiver.iban"]').first().inputValue()).toContain(String(facts['caregiver.iban']).slice(0, 4));
  });
});

describe('date and time fields in the wizard', () => {
  it('accepts 07071987 and 1988-08-08, refuses 31.02.1985 and 09.09.89 with the reason and blocks Devam; 1030 is 10:30; Onay shows every value', async () => {
    const [extra] = seedAppointments(masa.app, { date: TODAY, count: 1, programCode: 'BAKICI-2020', startIndex: 300, names: [['Nazlı', 'Güneş']] });
    const no = extra!.randevuNo;
    await call('desk.checkIn', { randevuNo: no });
    // Everything but the caregiver's birth date is already in the draft; the documents miss one (EKSİK EVRAK).
    const ctx = (await call('registration.start', { randevuNo: no })) as { draft: { facts: Record<string, unknown> } };
    const { 'caregiver.birthDate': _typed, ...facts } = { ...ctx.draft.facts, ...bakiciFacts() };
    const { BASVURU_FORMU: _missing, ...documents } = BAKICI_DOCUMENTS;
    await call('registration.saveDraft', { randevuNo: no, draft: { step: 0, facts, documents: { ...documents, BASVURU_FORMU: false } } });
    await page.keyboard.press('F2');
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kayda devam et' }).click();
    const wizard = page.getByTestId('wizard');
    await wizard.waitFor();
    const birth = page.locator('[data-fact="caregiver.birthDate"]');
    await birth.fill('07071987');
    await birth.blur();
    expect(await birth.inputValue()).toBe('07.07.1987');
    for (const [text, why] of [
      ['31.02.1985', '"31.02.1985" takvimde yok'],
      ['09.09.89', 'Yılı dört haneli yazın'],
    ]) {
      await birth.fill(text!);
      await birth.blur();
      // The typed text stays, the reason is beside it, and Devam does not go on.
      expect(await birth.inputValue()).toBe(text);
      await page.getByText(why!, { exact: false }).waitFor();
      if (text === '31.02.1985') await docShot('56-sihirbaz-tarih-hatasi');
      await birth.press('Enter');
      await page.waitForTimeout(300);
      expect(await wizard.getAttribute('data-step')).toBe('identity');
    }
    await birth.fill('1988-08-08');
    await birth.press('Enter');
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('programme');
    await page.getByRole('button', { name: 'Devam (Enter)' }).click();
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('documents');
    await page.getByRole('button', { name: 'Devam (Enter)' }).click();
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('decision');
    expect(await page.getByTestId('decision-outcome').getAttribute('data-outcome')).toBe('EKSIK_EVRAK');
    const nextWeek = new Date(Date.parse(`${TODAY}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Yeni randevu tarihi').fill(nextWeek.replace(/-/g, '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$3$2$1'));
    const time = page.getByLabel('Yeni randevu saati');
    await time.fill('2560');
    await page.getByText('"2560" geçerli bir saat değil', { exact: false }).waitFor();
    await time.press('Enter');
    await page.waitForTimeout(300);
    expect(await wizard.getAttribute('data-step')).toBe('decision');
    await time.fill('1030');
    await time.press('Enter');
    await expect.poll(() => wizard.getAttribute('data-step')).toBe('confirm');
    // Onay: every value, grouped as on the form, before anything is recorded.
    const summary = page.getByTestId('entry-summary');
    expect(await summary.locator('[data-summary="caregiver.birthDate"]').textContent()).toContain('08.08.1988');
    expect(await summary.locator('[data-summary="caregiver.fullName"]').textContent()).toContain('Gülizar Çelikkaya');
    expect(await page.getByTestId('summary-programme').textContent()).toContain('Evet');
    expect(await page.getByTestId('summary-documents').textContent()).toContain('Yok');
    // The IBANs read back in groups of four and stay inside their card (they ran into the next one).
    const iban = summary.locator('[data-summary="caregiver.iban"] td');
    expect(await iban.textContent()).toBe(CAREGIVER_IBAN.replace(/(.{4})(?=.)/g, '$1 '));
    // The text's own box (a range over it), not the cell's: an unbreakable text spills out of its cell.
    const spill = await iban.evaluate((td) => {
      const card = td.closest('table')!.parentElement!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(td);
      return range.getBoundingClientRect().right - card.right;
    });
    expect(spill, 'the IBAN text ends inside the Kimlik card').toBeLessThanOrEqual(0);
    await docShot('53-onay-ozeti');
    const v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    await page.getByRole('button', { name: 'Kaydet (Enter)' }).click();
    await page.getByTestId('wizard-done').waitFor();
    const d = (await call('desk.detail', { randevuNo: no })) as { registration: { newAppointmentNo: string } };
    const stored = rawHandle(masa.app.requireStore()).prepare("SELECT facts FROM registrations WHERE randevu_no = ? AND state = 'ACTIVE'").get(no) as { facts: string };
    expect(JSON.parse(stored.facts)['caregiver.birthDate']).toBe('1988-08-08');
    const follow = (await call('desk.detail', { randevuNo: d.registration.newAppointmentNo })) as { appointment: { date: string; time: string } };
    expect(follow.appointment).toMatchObject({ date: nextWeek, time: '10:30' });
  });

  it('after printing the form, one Enter is the next applicant, and the find box has the focus', async () => {
    await page.getByTestId('wizard-done').waitFor();
    await page.getByRole('button', { name: 'Formu yazdır' }).click();
    await page.getByTestId('pdf-preview').locator('iframe').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pdf-preview').locator('iframe').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('next-applicant');
    await page.keyboard.press('Enter');
    await page.getByTestId('day-table').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-box');
  });

  it('KURUMSAL-2019: the province list of the programme step does not open by itself over the next fields', async () => {
    const [k] = seedAppointments(masa.app, { date: TODAY, count: 1, programCode: 'KURUMSAL-2019', startIndex: 400 });
    await call('desk.checkIn', { randevuNo: k!.randevuNo });
    const ctx = (await call('registration.start', { randevuNo: k!.randevuNo })) as { draft: { facts: Record<string, unknown> }; fields: { key: string; type: string; step: string }[] };
    const select = ctx.fields.find((f) => f.step === 'programme' && f.type === 'enum');
    expect(select, 'KURUMSAL-2019 has a list field in its programme step').toBeTruthy();
    await call('registration.saveDraft', { randevuNo: k!.randevuNo, draft: { step: 1, facts: ctx.draft.facts, documents: {} } });
    await page.keyboard.press('F2');
    await page.keyboard.type(k!.randevuNo);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kayda devam et' }).click();
    await expect.poll(() => page.getByTestId('wizard').getAttribute('data-step')).toBe('programme');
    await page.waitForTimeout(400);
    expect(await page.getByRole('listbox').count()).toBe(0);
    await page.getByRole('button', { name: 'Taslak olarak bırak' }).click();
  });
});

describe('accessibility with the pointer and the keyboard', () => {
  it('axe finds no serious or critical issue with the active menu item hovered, then focused', async () => {
    await page.getByTestId('day-table').waitFor();
    const active = page.locator('nav [aria-current="page"]');
    await active.hover();
    let v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    await active.focus();
    v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    // Another menu item under the pointer, and the find box focused.
    await page.getByRole('button', { name: 'Gün sonu' }).hover();
    await page.getByTestId('find-box').focus();
    v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
  });
});

describe('accessibility on every screen of the menu', () => {
  it('axe finds no serious or critical issue on each screen, its menu item hovered and then the first control focused', async () => {
    const items = page.locator('nav button');
    const labels = (await items.allTextContents()).map((l) => l.trim()).filter(Boolean);
    expect(labels.length, 'the office head sees the whole menu').toBeGreaterThanOrEqual(10);
    const found: Record<string, unknown> = {};
    for (const label of labels) {
      const item = page.locator('nav').getByRole('button', { name: label, exact: true });
      await item.click();
      await expect.poll(() => item.getAttribute('aria-current')).toBe('page');
      await page.waitForTimeout(300); // the screen's first read settles
      await item.hover();
      const hovered = await axeViolations(page);
      await page.keyboard.press('Tab'); // from the menu item into the screen
      const focused = await axeViolations(page);
      if (hovered.length || focused.length) found[label] = { hovered, focused };
    }
    expect(found, JSON.stringify(found, null, 1)).toEqual({});
    await page.locator('nav').getByRole('button', { name: labels[0]!, exact: true }).click();
  }, 120_000);
});

describe('accessibility of the open lists', () => {
  it('axe finds no serious or critical issue with the find box results open, and with a province list open in the wizard', async () => {
    await page.keyboard.press('F2');
    await page.keyboard.type(`35-${TODAY.slice(0, 4)}`); // every appointment of the day: a long list
    await page.getByTestId('find-result').nth(3).waitFor();
    let v = await axeViolations(page);
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    await page.keyboard.press('Escape');
    const [k] = seedAppointments(masa.app, { date: TODAY, count: 1, programCode: 'KURUMSAL-2019', startIndex: 700 });
    await call('desk.checkIn', { randevuNo: k!.randevuNo });
    const ctx = (await call('registration.start', { randevuNo: k!.randevuNo })) as { draft: { facts: Record<string, unknown> }; fields: { key: string; type: string; step: string }[] };
    const select = ctx.fields.find((f) => f.step === 'programme' && f.type === 'enum')!;
    await call('registration.saveDraft', { randevuNo: k!.randevuNo, draft: { step: 1, facts: ctx.draft.facts, documents: {} } });
    await page.keyboard.press('F2');
    await page.keyboard.type(k!.randevuNo);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Kayda devam et' }).click();
    await expect.poll(() => page.getByTestId('wizard').getAttribute('data-step')).toBe('programme');
    const list = page.locator(`[data-fact="${select.key}"]`).first();
    await list.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('a'); // typing opens the list (every province with an a: it scrolls)
    await page.getByRole('listbox').first().waitFor();
    v = await axeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Taslak olarak bırak' }).click();
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
  });
});

describe('keys and typed characters per registration (measured, printed)', () => {
  it('a second mother of the same caregiver needs fewer keys: the caregiver is remembered within the day', async () => {
    // A caregiver nobody registered today yet (the earlier tests of this file registered CAREGIVER_TCKN).
    const caregiverTckn = tcknFromPrefix('456789012');
    const pair = seedAppointments(masa.app, { date: TODAY, count: 2, programCode: 'BAKICI-2020', startIndex: 500, caregiverTckn });
    /** One registration from the keyboard; counts every key press and typed character (focus moves by Tab are not counted). */
    async function register(no: string) {
      const n = { keys: 0, typed: 0 };
      const press = async (k: string) => {
        n.keys++;
        await page.keyboard.press(k);
      };
      const type = async (text: string) => {
        n.keys += text.length;
        n.typed += text.length;
        await page.keyboard.type(text);
      };
      await press('F2');
      await page.keyboard.type(no); // the scanner types the number: not the clerk's keys
      await press('Enter');
      await page.locator(`[data-testid="appointment-screen"][data-randevu="${no}"]`).getByRole('button', { name: 'Geldi', exact: true }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Geldi');
      await press('Enter');
      await page.getByRole('button', { name: 'Kayda başla' }).waitFor();
      await press('Enter');
      const wizard = page.getByTestId('wizard');
      await wizard.waitFor();
      const typeIfEmpty = async (key: string, text: string) => {
        const input = page.locator(`[data-fact="${key}"]`).first();
        if ((await input.inputValue()) !== '') return;
        await input.focus();
        await type(text);
      };
      const answerIfOpen = async (key: string, label: string) => {
        const radio = page.locator(`[data-fact="${key}"]`).getByRole('radio', { name: label });
        if (await radio.isChecked()) return;
        await radio.focus();
        await press('Space');
      };
      await typeIfEmpty('mother.iban', MOTHER_IBAN);
      await typeIfEmpty('child.fullName', 'Elif Öztürk');
      await typeIfEmpty('caregiver.fullName', 'Gülizar Çelikkaya');
      await typeIfEmpty('caregiver.tckn', caregiverTckn);
      await typeIfEmpty('caregiver.birthDate', '01011990');
      await typeIfEmpty('caregiver.iban', CAREGIVER_IBAN);
      await press('Enter');
      await expect.poll(() => wizard.getAttribute('data-step')).toBe('programme');
      await answerIfOpen('mother.employment', '4/a kapsamında tam zamanlı');
      await answerIfOpen('mother.onMaternityLeave', 'Hayır');
      await answerIfOpen('child.specialNeeds', 'Hayır');
      await answerIfOpen('caregiver.trainingCertificate', 'Evet');
      await typeIfEmpty('caregiver.monthlyWage', '25000');
      await page.locator('[data-fact="caregiver.monthlyWage"]').first().focus();
      await press('Enter');
      await expect.poll(() => wizard.getAttribute('data-step')).toBe('documents');
      const docs = page.locator('[data-doc]');
      for (let i = 0; i < (await docs.count()); i++) {
        await docs.nth(i).getByRole('radio', { name: 'Var' }).focus();
        await press('Space');
      }
      await press('Enter');
      await expect.poll(() => wizard.getAttribute('data-step')).toBe('decision');
      await press('Enter');
      await expect.poll(() => wizard.getAttribute('data-step')).toBe('confirm');
      await press('Enter');
      await page.getByTestId('wizard-done').waitFor();
      await press('Enter');
      await page.getByTestId('day-table').waitFor();
      return n;
    }
    const first = await register(pair[0]!.randevuNo);
    const second = await register(pair[1]!.randevuNo);
    console.log(`[keys per registration] first mother of a caregiver (as every registration before): ${first.keys} keys, ${first.typed} typed characters; next mother of the same caregiver: ${second.keys} keys, ${second.typed} typed characters`);
    expect(second.typed).toBeLessThan(first.typed);
    expect(second.keys).toBeLessThan(first.keys);
  }, 120_000);
});
