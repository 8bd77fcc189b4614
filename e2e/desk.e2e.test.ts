import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../main/handlers/router';
import { turkeyParts } from '../main/domain/turkeyTime';
import { CAREGIVER_IBAN, CAREGIVER_TCKN, MOTHER_IBAN } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { setLogSink } from '../main/app/log';

// Every log line of the day is kept, to check at the end that no name or T.C. Kimlik No leaked (KVKK).
const logLines: string[] = [];
setLogSink((line) => logLines.push(line));
import { axeViolations, launchChromium, newPage, screenshot, startMasa, signInAs } from './harness';

/**
 * A clerk's day at the desk in real Chromium, against the real handlers and an encrypted
 * ledger, driven from the keyboard: scan -> Enter (arrived) -> Enter (wizard) -> facts ->
 * checklist -> decision -> Enter (record).
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
const CLERK = { username: 'gorevli', password: 'Masa-Kalemi-2026' };
let rows: ReturnType<typeof seedAppointments>;

async function call(name: string, input: unknown) {
  const r = await dispatch(masa.app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as never;
}

async function noSeriousA11y(p: Page) {
  const v = await axeViolations(p);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

beforeAll(async () => {
  masa = await startMasa();
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  rows = seedAppointments(masa.app, { date: TODAY, count: 30, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Ilgın', 'Çağlayan']] });
  await call('users.create', { username: CLERK.username, displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
  await call('auth.logout', {});
  await call('auth.login', { username: CLERK.username, password: 'Gecici-Parola-1' });
  await call('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: CLERK.password, newPasswordRepeat: CLERK.password });
  await call('auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, CLERK);
}, 120_000);

// On a failure, keep a picture and the alerts on screen: the reason is usually visible there.
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

/** Scan: the scanner types the number into the focused find box and presses Enter. */
async function scan(randevuNo: string) {
  await page.keyboard.press('F2');
  await page.keyboard.type(randevuNo);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="appointment-screen"][data-randevu="${randevuNo}"]`).waitFor();
  await focusedButton();
}

/** Waits until the screen has put the focus on its primary button (as a clerk would see). */
async function focusedButton(name?: string) {
  await expect
    .poll(() => page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : null)))
    .toEqual(name ?? expect.any(String));
}

/** Enter on "Geldi", then Enter on "Kayda başla": the wizard opens. */
async function arriveAndStart() {
  await focusedButton('Geldi');
  await page.keyboard.press('Enter');
  await focusedButton('Kayda başla');
  await page.keyboard.press('Enter');
  await page.getByText('Kesin kayıt:', { exact: false }).waitFor();
}

async function fillFact(key: string, value: string) {
  const input = page.locator(`[data-fact="${key}"]`).first();
  await input.fill(value);
}

async function answer(key: string, yes: boolean) {
  // Radio groups: Tab to the group, arrow keys pick; here the option is focused and Space ticks it.
  const radio = page.locator(`[data-fact="${key}"]`).getByRole('radio', { name: yes ? 'Evet' : 'Hayır' });
  await radio.focus();
  await page.keyboard.press('Space');
}

async function choose(key: string, label: string) {
  const radio = page.locator(`[data-fact="${key}"]`).getByRole('radio', { name: label });
  await radio.focus();
  await page.keyboard.press('Space');
}

async function identityStep(opts: { caregiverTckn?: string; motherIban?: string } = {}) {
  await fillFact('mother.iban', opts.motherIban ?? MOTHER_IBAN);
  await fillFact('child.fullName', 'Elif Öztürk');
  await fillFact('caregiver.fullName', 'Gülizar Çelikkaya');
  await fillFact('caregiver.tckn', opts.caregiverTckn ?? CAREGIVER_TCKN);
  await fillFact('caregiver.birthDate', '01.01.1990');
  await fillFact('caregiver.iban', CAREGIVER_IBAN);
}

async function programmeStep(opts: { certificate?: boolean; specialNeeds?: boolean } = {}) {
  await choose('mother.employment', '4/a kapsamında tam zamanlı');
  await answer('mother.onMaternityLeave', false);
  await answer('child.specialNeeds', opts.specialNeeds ?? false);
  await answer('caregiver.trainingCertificate', opts.certificate ?? true);
  await fillFact('caregiver.monthlyWage', '25000');
}

async function checklist(missing: string[] = []) {
  const docs = page.locator('[data-doc]');
  const n = await docs.count();
  for (let i = 0; i < n; i++) {
    const code = (await docs.nth(i).getAttribute('data-doc'))!;
    const radio = docs.nth(i).getByRole('radio', { name: missing.includes(code) ? 'Yok' : 'Var' });
    await radio.focus();
    await page.keyboard.press('Space');
  }
}

/** Enter goes to the next step; waits until the wizard shows it (the step's primary focus set). */
async function next() {
  const wizard = page.getByTestId('wizard');
  const before = await wizard.getAttribute('data-step');
  await page.keyboard.press('Enter');
  await expect.poll(() => wizard.getAttribute('data-step')).not.toBe(before);
}

/** Enter where the step must refuse to go on: the wizard stays on the same step. */
async function refusedNext() {
  const wizard = page.getByTestId('wizard');
  const before = await wizard.getAttribute('data-step');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await wizard.getAttribute('data-step')).toBe(before);
}

describe('a day at the desk, from the keyboard', () => {
  it('shows the day with counts and the slots; screens pass axe', async () => {
    await page.getByTestId('day-table').waitFor();
    expect(await page.locator('[data-count="BEKLIYOR"]').textContent()).toContain('30');
    await screenshot(page, '20-gun-listesi');
    await noSeriousA11y(page);
  });

  it('finds Turkish names in any case, with or without Turkish letters', async () => {
    for (const q of ['ŞÜKRAN', 'sukran', 'şükran']) {
      await page.keyboard.press('F2');
      await page.keyboard.type(q);
      await page.getByTestId('find-result').first().waitFor();
      expect(await page.getByTestId('find-result').first().textContent()).toContain('Şükran Öztürk');
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('F2');
    await page.keyboard.type('ılgın ç');
    await page.getByTestId('find-result').first().waitFor();
    expect(await page.getByTestId('find-result').first().textContent()).toContain('Ilgın Çağlayan');
    await screenshot(page, '21-arama');
    await page.keyboard.press('Escape');
  });

  it('first applicant: a wrong T.C. Kimlik No and IBAN are shown next to their fields; then KESİN KAYIT', async () => {
    await scan(rows[0]!.randevuNo);
    await page.getByRole('button', { name: 'Geldi' }).waitFor();
    await screenshot(page, '22-randevu');
    await noSeriousA11y(page);
    await page.keyboard.press('Enter'); // Geldi (focused)
    await page.getByRole('button', { name: 'Kayda başla' }).waitFor();
    await page.keyboard.press('Enter'); // wizard
    await page.getByText('Kesin kayıt: Şükran Öztürk').waitFor();
    await identityStep({ caregiverTckn: '12345678901', motherIban: 'TR000001200000000012345678' });
    await refusedNext();
    await page.getByText('T.C. Kimlik No geçersiz', { exact: false }).waitFor();
    await page.getByText('IBAN geçersiz', { exact: false }).waitFor();
    await screenshot(page, '23-sihirbaz-hatali-kimlik');
    await noSeriousA11y(page);
    await fillFact('caregiver.tckn', CAREGIVER_TCKN);
    await fillFact('mother.iban', MOTHER_IBAN);
    await next();
    await page.getByText('Annenin sigortalılığı').waitFor();
    await programmeStep();
    await screenshot(page, '24-sihirbaz-program');
    await next();
    await page.getByText('Her belgeyi tek tek işaretleyin', { exact: false }).waitFor();
    // Skipping a checklist item is refused.
    await checklist();
    const lastDoc = page.locator('[data-doc]').last();
    await screenshot(page, '25-sihirbaz-belgeler');
    await noSeriousA11y(page);
    expect(await lastDoc.getByRole('radio', { name: 'Var' }).isChecked()).toBe(true);
    await next();
    await page.getByTestId('decision-outcome').waitFor();
    expect(await page.getByTestId('decision-outcome').getAttribute('data-outcome')).toBe('KESIN_KAYIT');
    expect(await page.getByTestId('decision-amount').textContent()).toContain('325,00 EUR');
    await screenshot(page, '26-sihirbaz-karar');
    await noSeriousA11y(page);
    await next();
    await page.getByText('Aşağıdaki sonuç deftere kaydedilecek', { exact: false }).waitFor();
    await focusedButton('Kaydet (Enter)');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    expect(await page.getByTestId('registration-no').textContent()).toBe(`35M01-${TODAY.slice(0, 4)}-000001`);
    await screenshot(page, '27-kaydedildi');
    await page.keyboard.press('Enter'); // next applicant
    await page.getByTestId('day-table').waitFor();
    const detail = (await call('desk.detail', { randevuNo: rows[0]!.randevuNo })) as { history: { type: string }[] };
    expect(detail.history.filter((h) => h.type === 'registration.recorded')).toHaveLength(1);
  });

  it('a skipped checklist item is refused, nothing recorded; missing documents give EKSİK EVRAK', async () => {
    await scan(rows[1]!.randevuNo);
    await arriveAndStart();
    await identityStep();
    await next();
    await page.getByText('Annenin sigortalılığı').waitFor();
    await programmeStep();
    await next();
    await page.getByText('Her belgeyi tek tek işaretleyin', { exact: false }).waitFor();
    await refusedNext(); // nothing ticked
    await page.getByText('belge işaretlenmedi', { exact: false }).waitFor();
    await screenshot(page, '28-belge-atlandi');
    await checklist(['BAKICI_EGITIM_SERTIFIKASI']);
    await next();
    expect(await page.getByTestId('decision-outcome').getAttribute('data-outcome')).toBe('EKSIK_EVRAK');
    expect(await page.getByTestId('decision-amount').count()).toBe(0);
    expect(await page.getByTestId('decision-no-amount').textContent()).toContain('Destek verilmedi');
    await page.getByLabel('Yeni randevu tarihi').fill('15.12.2026');
    await page.getByLabel('Yeni randevu saati').fill('10:30');
    await next();
    await focusedButton('Kaydet (Enter)');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    expect(await page.getByTestId('wizard-done').textContent()).toContain(`${rows[1]!.randevuNo}-E1`);
    await page.keyboard.press('Enter');
  });

  it('RET with each reason in plain Turkish', async () => {
    await scan(rows[2]!.randevuNo);
    await arriveAndStart();
    await identityStep();
    await next();
    await page.getByText('Annenin sigortalılığı').waitFor();
    await programmeStep({ certificate: false });
    await next();
    await checklist();
    await next();
    expect(await page.getByTestId('decision-outcome').getAttribute('data-outcome')).toBe('RET');
    expect(await page.getByTestId('decision-reasons').textContent()).toContain('Bakıcının 0-36 ay çocuk bakımı eğitim sertifikası olmalıdır.');
    // A refusal grants nothing: no support type, no amount on the screen.
    expect(await page.getByTestId('decision-amount').count()).toBe(0);
    await screenshot(page, '29-ret');
    await next();
    // Double Enter on confirm: one registration (the second Enter lands on "next applicant").
    await focusedButton('Kaydet (Enter)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').or(page.getByTestId('day-table')).first().waitFor();
    if (await page.getByTestId('wizard-done').isVisible()) await page.keyboard.press('Enter');
    await page.getByTestId('day-table').waitFor();
    const detail = (await call('desk.detail', { randevuNo: rows[2]!.randevuNo })) as { history: { type: string }[] };
    expect(detail.history.filter((h) => h.type === 'registration.recorded')).toHaveLength(1);
  });

  it('a reload in the middle of the wizard keeps the draft and records nothing', async () => {
    await scan(rows[3]!.randevuNo);
    await arriveAndStart();
    await identityStep();
    await page.waitForTimeout(600); // the draft is saved 300 ms after typing stops
    const before = masa.app.requireStore().ledger.head().seq;
    await page.reload();
    await page.getByRole('heading', { name: 'Bugünün randevuları' }).waitFor();
    expect(masa.app.requireStore().ledger.head().seq).toBe(before);
    await scan(rows[3]!.randevuNo);
    await focusedButton('Kayda devam et');
    await page.keyboard.press('Enter');
    await page.getByText('Kesin kayıt:', { exact: false }).waitFor();
    expect(await page.locator('[data-fact="caregiver.fullName"]').first().inputValue()).toBe('Gülizar Çelikkaya');
    await next();
    await page.getByText('Annenin sigortalılığı').waitFor();
    await programmeStep();
    await next();
    await checklist();
    await next();
    await focusedButton('Devam (Enter)');
    await next();
    await focusedButton('Kaydet (Enter)');
    await page.keyboard.press('Enter');
    await page.getByTestId('wizard-done').waitFor();
    await page.keyboard.press('Enter');
  });

  it('the rest of the day (26 more applicants) from the keyboard, then the counts add up', async () => {
    for (let i = 4; i < 30; i++) {
      await scan(rows[i]!.randevuNo);
      await arriveAndStart();
      await identityStep();
      await next();
      await page.getByText('Annenin sigortalılığı').waitFor();
      await programmeStep({ certificate: i % 5 !== 0 });
      await next();
      await checklist(i % 7 === 0 ? ['BASVURU_FORMU'] : []);
      await next();
      if (i % 7 === 0 && i % 5 !== 0) {
        await page.getByLabel('Yeni randevu tarihi').fill('15.12.2026');
        await page.getByLabel('Yeni randevu saati').fill('11:00');
      }
      await next();
      await focusedButton('Kaydet (Enter)');
      await page.keyboard.press('Enter');
      await page.getByTestId('wizard-done').waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('day-table').waitFor();
    }
    const day = (await call('day.view', { date: TODAY })) as { counts: Record<string, number> };
    expect(day.counts.KESIN_KAYIT! + day.counts.RET! + day.counts.EKSIK_EVRAK!).toBe(30);
    // RET: rows 2, 5, 10, 15, 20, 25; EKSİK EVRAK: rows 1, 7, 14, 21, 28; the rest KESİN KAYIT.
    expect(day.counts).toMatchObject({ RET: 6, EKSIK_EVRAK: 5, KESIN_KAYIT: 19, BEKLIYOR: 0 });
    await screenshot(page, '30-gun-sonu');
  }, 300_000);

  it('no T.C. Kimlik No or name of the day appears in the log, and the window title stays "Masa"', async () => {
    const log = logLines.join('\n');
    for (const r of rows) {
      expect(log).not.toContain(r.motherTckn);
      expect(log.toLocaleLowerCase('tr-TR')).not.toContain(r.motherLastName.toLocaleLowerCase('tr-TR'));
    }
    expect(log).not.toContain(CAREGIVER_TCKN);
    expect(await page.title()).toBe('Masa');
  });

  it('a clerk cannot reverse an outcome (refused by main)', async () => {
    const d = (await call('desk.detail', { randevuNo: rows[0]!.randevuNo })) as { registration: { registrationNo: string } };
    const r = await page.evaluate((no) => window.masa.invoke('registration.reverse', { registrationNo: no, reason: 'Deneme geri alma' }), d.registration.registrationNo);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await page.keyboard.press('F2');
    await page.keyboard.type(rows[0]!.randevuNo);
    await page.keyboard.press('Enter');
    await page.getByTestId('registration').waitFor();
    expect(await page.getByRole('button', { name: 'Sonucu geri al' }).count()).toBe(0);
    await screenshot(page, '31-kayitli-salt-okunur');
    await noSeriousA11y(page);
  });
});
