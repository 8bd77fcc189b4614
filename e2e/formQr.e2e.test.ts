import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations as registrationsQ } from '../database';
import { turkeyParts } from '../main/domain/turkeyTime';
import { encodePayload, signSign1 } from '../main/formStatement/cose';
import { qrText } from '../main/formStatement/qrText';
import { dispatch } from '../main/handlers/router';
import { createDeskKeyPair, publicKeyPem } from '../main/reconciliation';
import { signedStatementText, statementOf } from '../main/services/formStatementService';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../main/testing/facts';
import { seedAppointments } from '../main/testing/seed';
import { axeViolations, launchChromium, newPage, startMasa, signInAs } from './harness';
import { rawHandle } from '../database/testing/internals';

/**
 * A scanned form QR in the find box, in real Chromium through the bridge (handler form.verify):
 * this desk's form opens its appointment under the verdict, another desk's shows the verdict
 * alone, a damaged scan is named as such; each verification is one access-log line.
 */
let browser: Browser;
let masa: Awaited<ReturnType<typeof startMasa>>;
let page: Page;
const TODAY = turkeyParts(new Date()).date;
const HEAD = { username: 'mudur', password: 'Kesin-Kayit-2026' };
let randevuNo = '';
let ownText = '';
let foreignText = '';

async function call(name: string, input: unknown) {
  const r = await dispatch(masa.app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as never;
}

beforeAll(async () => {
  masa = await startMasa();
  await call('setup.create', { username: HEAD.username, displayName: 'Ayşe Yılmaz', password: HEAD.password, passwordRepeat: HEAD.password, provinceCode: '35', deskCode: 'M01' });
  const rows = seedAppointments(masa.app, { date: TODAY, count: 2, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk']] });
  randevuNo = rows[0]!.randevuNo;
  await call('desk.checkIn', { randevuNo });
  const ctx = (await call('registration.start', { randevuNo })) as { draft: { facts: Record<string, unknown> }; submissionId: string };
  const { registrationNo } = (await call('registration.confirm', { randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null })) as { registrationNo: string };
  const reg = registrationsQ.byNo(masa.app.requireStore().reader, registrationNo)!;
  ownText = signedStatementText(masa.app, reg);
  // Desk M02 of the same province, whose key the head has registered.
  const m02 = createDeskKeyPair();
  await call('reconciliation.registerDeskKey', { deskCode: 'M02', pem: publicKeyPem(m02.publicKeySpki) });
  foreignText = qrText(signSign1(encodePayload({ ...statementOf(masa.app, reg), d: 'M02', n: '35M02-2026-000042' }), m02));
  await call('auth.logout', {});
  browser = await launchChromium();
  page = await newPage(browser, masa.bridge.url);
  await signInAs(page, HEAD);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await masa?.close();
});

async function scan(text: string) {
  await page.keyboard.press('F2');
  // A 2D scanner types the text and Enter, faster than the find box's search debounce.
  await page.getByTestId('find-box').fill(text);
  await page.keyboard.press('Enter');
}

describe('a scanned form QR in the find box', () => {
  it('this desk’s form opens its appointment with the verdict; another desk’s shows the verdict alone; a cut scan is malformed', async () => {
    const head = masa.app.requireStore().ledger.head().seq;
    await scan(ownText);
    await page.locator(`[data-testid="appointment-screen"][data-randevu="${randevuNo}"]`).waitFor();
    const verdict = page.getByTestId('form-verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('VALID');
    expect(await verdict.textContent()).toContain('Form karekodu: Geçerli');
    expect(await verdict.textContent()).toMatch(/İmzalayan masa M01, anahtar parmak izi [0-9a-f]{4} /);
    // The verdict above the appointment passes axe like the rest of the screen.
    expect(await axeViolations(page)).toEqual([]);

    await scan(foreignText);
    await expect.poll(() => page.getByTestId('form-verdict').textContent()).toContain('35/M02 masasının formu (35M02-2026-000042');
    expect(await page.getByTestId('appointment-screen').count()).toBe(0);

    // 115 characters of Base45: no Base45 text has that length (a scan cut short).
    await scan(ownText.slice(0, 'MASA1:'.length + 115));
    await expect.poll(() => page.getByTestId('form-verdict').getAttribute('data-verdict')).toBe('MALFORMED');
    expect(await page.getByTestId('form-verdict').textContent()).toContain('Base45');
    // Three verifications, three access-log lines, nothing else written.
    const events = rawHandle(masa.app.requireStore()).prepare('SELECT type FROM events WHERE seq > ? ORDER BY seq').all(head) as { type: string }[];
    expect(events.map((e) => e.type).filter((t) => t !== 'record.viewed')).toEqual(['record.verified', 'record.verified', 'record.verified']);
    expect(events.length).toBeLessThanOrEqual(4);

    // In English the verdict reads in English; closing it leaves the day as it was.
    await page.getByText('EN', { exact: true }).click();
    await scan(foreignText);
    await expect.poll(() => page.getByTestId('form-verdict').textContent()).toContain('A form of desk 35/M02');
    await page.getByTestId('form-verdict').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('form-verdict').count()).toBe(0);
  });
});
