import { describe, expect, it } from 'vitest';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { MAX_DATA_URL_CHARS, pdfDataUrl } from './printDelivery';
import { rawHandle } from '../../database/testing/internals';

describe('silent printing (office head’s setting, desktop app only)', () => {
  it('is off by default, switched by the head through settings.update with a ledger event, and kept across sign-ins', async () => {
    const t = await setUpApp();
    expect((await t.ok('app.status', {})).office?.silentPrint).toBe(false);
    expect(await t.ok('print.mode', {})).toEqual({ silent: false });

    const before = t.app.requireStore().ledger.head().seq;
    const info = await t.ok('settings.update', { silentPrint: true });
    expect(info).toMatchObject({ silentPrint: true, idleLockMinutes: 10 });
    const ev = rawHandle(t.app.requireStore()).prepare('SELECT type, user_id, payload FROM events WHERE seq > ?').all(before) as { type: string; user_id: number; payload: string }[];
    expect(ev).toHaveLength(1);
    expect(ev[0]!.type).toBe('settings.updated');
    expect(ev[0]!.user_id).toBe((await t.ok('app.status', {})).session!.userId);
    expect(ev[0]!.payload).toContain('print.silent');

    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    expect(await t.ok('print.mode', {})).toEqual({ silent: true });
    // Other settings leave it as it is.
    expect(await t.ok('settings.update', { idleLockMinutes: 5 })).toMatchObject({ silentPrint: true, idleLockMinutes: 5 });
    expect(await t.ok('settings.update', { silentPrint: false })).toMatchObject({ silentPrint: false });
    expect(await t.call('settings.update', { silentPrint: 'evet' as unknown as boolean })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('only the office head changes it; a clerk reads the mode, signed out nobody does', async () => {
    const t = await setUpApp();
    await t.ok('settings.update', { silentPrint: true });
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Sabah-Masasi-2026', newPasswordRepeat: 'Sabah-Masasi-2026' });
    expect(await t.call('settings.update', { silentPrint: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok('print.mode', {})).toEqual({ silent: true });
    await t.ok('auth.logout', {});
    expect(await t.call('print.mode', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('the hidden print window gets a real PDF from memory as a data: URL, and nothing else', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    seedAppointments(t.app, { date: '2026-11-24', count: 2, programCode: 'BAKICI-2020' });
    const doc = await t.ok('print.dailyReport', { date: '2026-11-24' });
    expect(pdfDataUrl(doc.pdfBase64)).toBe(`data:application/pdf;base64,${doc.pdfBase64}`);
    expect(pdfDataUrl(Buffer.from('<html><script>alert(1)</script>').toString('base64'))).toBeNull();
    expect(pdfDataUrl('JVBERi0x"><script>')).toBeNull();
    expect(pdfDataUrl(42)).toBeNull();
    // Too large for a URL: the preview's print dialog instead.
    expect(pdfDataUrl(`JVBERi0x${'A'.repeat(MAX_DATA_URL_CHARS)}`)).toBeNull();
  });
});

describe('the Asil / Yedek list’s choices', () => {
  it('names every bundled edition with its provinces and the office’s province, for the head only', async () => {
    const t = await setUpApp();
    const o = await t.ok('print.listOptions', {});
    expect(o.officeProvinceCode).toBe('35');
    expect(o.editions.map((e) => e.code).sort()).toEqual(['BAKICI-2020', 'EVDE-2015', 'KURUMSAL-2019']);
    expect(o.editions.find((e) => e.code === 'BAKICI-2020')!.provinces.find((p) => p.code === '35')).toMatchObject({ quota: 1750 });
  });
});
