import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
import { setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const DAY = '2026-11-24';

async function day(count = 3) {
  const t = await setUpApp({ now: () => new Date('2026-11-24T07:00:00Z') });
  const rows = seedAppointments(t.app, { date: DAY, count, programCode: 'BAKICI-2020' });
  return { ...t, rows };
}

async function asClerk(t: Awaited<ReturnType<typeof day>>) {
  await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
  await t.ok('auth.logout', {});
  await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
  await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Masa-Kalemi-2026', newPasswordRepeat: 'Masa-Kalemi-2026' });
}

describe('an open day is not exported (HQ allows only the five outcomes in Sonuç)', () => {
  it('refuses while appointments wait or are open, naming how many of each; nothing is written or recorded', async () => {
    const t = await day(3);
    await t.ok('desk.checkIn', { randevuNo: t.rows[0]!.randevuNo });
    const out = tempDir('masa-open-day-');
    const before = t.app.requireStore().ledger.head().seq;
    const r = await t.call('reconciliation.export', { date: DAY, outDir: out });
    expect(r).toMatchObject({ ok: false, error: { code: 'RECON_DAY_NOT_CLOSED', params: { count: 3, waiting: 2, open: 1 } } });
    if (!r.ok) expect(r.error.message).toBe('24.11.2026 gününün 3 randevusunun sonucu yok (2 bekliyor, 1 gelmiş ama sonuçlanmamış). HQ dosyasında her randevunun sonucu olmalı: önce gelenlerin kaydını bitirin, sonra günü kapatın.');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(t.app.requireStore().ledger.head().seq).toBe(before);
  });

  it('once the arrived one is decided and the day closed, every row has an outcome and the export goes through', async () => {
    const t = await day(3);
    const no = t.rows[0]!.randevuNo;
    await t.ok('desk.checkIn', { randevuNo: no });
    const ctx = await t.ok('registration.start', { randevuNo: no });
    await t.ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect((await t.ok('desk.closeDay', { date: DAY })).noShows).toBe(2);
    const w = await t.ok('reconciliation.export', { date: DAY, outDir: tempDir('masa-closed-day-') });
    expect(w.counts).toMatchObject({ appointments: 3, registrations: 1 });
  });
});

describe('one appointment "Gelmedi" during the day, and the head reopening a wrong one', () => {
  it('a clerk marks one waiting appointment Gelmedi (one event); a later or a non-waiting one is refused', async () => {
    const t = await day(2);
    seedAppointments(t.app, { date: '2026-11-25', count: 1, programCode: 'BAKICI-2020', startIndex: 50 });
    await asClerk(t);
    const before = t.app.requireStore().ledger.head().seq;
    expect((await t.ok('desk.markNoShow', { randevuNo: t.rows[0]!.randevuNo })).status).toBe('GELMEDI');
    expect(t.app.requireStore().ledger.head().seq).toBe(before + 1);
    expect(await t.call('desk.markNoShow', { randevuNo: t.rows[0]!.randevuNo })).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_WRONG_STATE' } });
    const tomorrow = (await t.ok('day.view', { date: '2026-11-25' })).appointments[0]!.randevuNo;
    expect(await t.call('desk.markNoShow', { randevuNo: tomorrow })).toMatchObject({ ok: false, error: { code: 'NO_SHOW_FUTURE' } });
    expect((await t.ok('day.view', { date: DAY })).counts).toMatchObject({ GELMEDI: 1, BEKLIYOR: 1 });
  });

  it('only the head reopens, only a no-show, only with a reason; the no-show event stays and the reopening is a new one', async () => {
    const t = await day(2);
    const no = t.rows[0]!.randevuNo;
    await t.ok('desk.closeDay', { date: DAY });
    expect(await t.call('desk.reopen', { randevuNo: no, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: expect.anything() } } });
    const r = await t.ok('desk.reopen', { randevuNo: no, reason: 'Anne 10:40 geldi, gün erken kapatıldı' });
    expect(r.status).toBe('BEKLIYOR');
    expect(await t.call('desk.reopen', { randevuNo: no, reason: 'İkinci kez açma denemesi' })).toMatchObject({ ok: false, error: { code: 'REOPEN_NOT_NO_SHOW' } });
    const d = await t.ok('desk.detail', { randevuNo: no });
    expect(d.history.map((h) => h.type)).toEqual(expect.arrayContaining(['appointment.no_show', 'appointment.reopened']));
    expect(d.history.find((h) => h.type === 'appointment.reopened')!.reason).toBe('Anne 10:40 geldi, gün erken kapatıldı');
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);
    // A clerk may not reopen.
    await t.ok('desk.markNoShow', { randevuNo: no });
    await asClerk(t);
    expect(await t.call('desk.reopen', { randevuNo: no, reason: 'Görevli açmayı deniyor' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
