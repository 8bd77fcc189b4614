import { describe, expect, it } from 'vitest';
import { registrations as registrationsQ } from '../../database';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

/**
 * The Asil / Yedek list as of a past day is rebuilt from the ledger: exactly the registrations
 * registered by the end of that day (Turkey time) and not reversed by then, whatever was
 * recorded since.
 */
describe('lists as of a date', () => {
  it('a later registration is not in an earlier list; a registration reversed later is still in it', async () => {
    let now = new Date('2026-11-24T08:00:00Z');
    const t = await setUpApp({ now: () => now });
    const moveTo = async (iso: string) => {
      now = new Date(iso);
      await t.call('auth.unlock', { password: HEAD_USER.password });
    };
    const register = async (randevuNo: string) => {
      await t.ok('desk.checkIn', { randevuNo });
      const ctx = await t.ok('registration.start', { randevuNo });
      return (await t.ok('registration.confirm', { randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null })).registrationNo;
    };
    const place = async (registrationNo: string, date: string) => (await t.ok('lists.placement', { registrationNo, date })).placement;

    // A: registered on 24.11, pre-registered after B.
    const [a] = seedAppointments(t.app, { date: '2026-11-24', count: 1, programCode: 'BAKICI-2020', startIndex: 10 });
    const regA = await register(a!.randevuNo);
    // B: registered at 00:30 on 25.11 Turkey time (21:30 UTC on the 24th), pre-registered first.
    await moveTo('2026-11-24T21:30:00Z');
    const [b] = seedAppointments(t.app, { date: '2026-11-25', count: 1, programCode: 'BAKICI-2020', startIndex: 0 });
    const regB = await register(b!.randevuNo);
    expect(b!.preRegisteredAt < a!.preRegisteredAt).toBe(true);

    // The list of the 24th (end of the day in Turkey) does not have B, though B is first in order.
    expect(await place(regA, '2026-11-24')).toBe('Asil 1 / 1.750');
    expect(await place(regB, '2026-11-24')).toBe('—');
    expect(await place(regA, '2026-11-25')).toBe('Asil 2 / 1.750');
    expect(await place(regB, '2026-11-25')).toBe('Asil 1 / 1.750');

    // A is reversed on the 26th: gone from that day on, still there on the 24th and the 25th.
    await moveTo('2026-11-26T09:00:00Z');
    await t.ok('registration.reverse', { registrationNo: regA, reason: 'Yanlış anneye kayıt yapıldı' });
    expect(await place(regA, '2026-11-24')).toBe('Asil 1 / 1.750');
    expect(await place(regA, '2026-11-25')).toBe('Asil 2 / 1.750');
    expect(await place(regB, '2026-11-25')).toBe('Asil 1 / 1.750');
    expect(await place(regA, '2026-11-26')).toBe('—');
    expect(await place(regB, '2026-11-26')).toBe('Asil 1 / 1.750');
    expect(await place(regB, '2026-11-23')).toBe('—');

    // The query itself, at the UTC bounds of those Turkey days.
    const db = t.app.requireStore().reader;
    const nos = (until: string) => registrationsQ.acceptedForList(db, 'BAKICI-2020', '35', until).map((r) => r.registration_no);
    expect(nos('2026-11-24T21:00:00.000Z')).toEqual([regA]);
    expect(nos('2026-11-25T21:00:00.000Z')).toEqual([regB, regA]);
    expect(nos('2026-11-26T21:00:00.000Z')).toEqual([regB]);
  });

  it('leaving the main list on a day still moves the first reserve up from that day, within the dated list', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    const rows = seedAppointments(t.app, { date: '2026-11-24', count: 2, programCode: 'BAKICI-2020' });
    const regs: string[] = [];
    for (const r of rows) {
      await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
      const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
      regs.push((await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null })).registrationNo);
    }
    await t.ok('lists.leaveMainList', { registrationNo: regs[0]!, reason: 'Anne işten ayrıldı, bir ay içinde yeni iş yok', date: '2026-12-01' });
    expect((await t.ok('lists.placement', { registrationNo: regs[1]!, date: '2026-11-30' })).placement).toBe('Asil 2 / 1.750');
    expect((await t.ok('lists.placement', { registrationNo: regs[1]!, date: '2026-12-01' })).placement).toBe('Asil 1 / 1.750');
    // Before anything was registered the list is empty.
    expect((await t.ok('lists.placement', { registrationNo: regs[1]!, date: '2026-11-23' })).placement).toBe('—');
  });
});
