import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../database/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const DAY = '2026-11-24';

async function deskWith(count: number, now = new Date('2026-11-24T07:35:00Z')) {
  const t = await setUpApp({ now: () => now });
  const rows = seedAppointments(t.app, { date: DAY, count, names: [['Şükran', 'Öztürk'], ['Ilgın', 'Çağlayan'], ['İpek', 'Işık']] });
  return { ...t, rows };
}

describe('the day of a desk', () => {
  it('lists the day by slot with counts and the current slot (Turkish time)', async () => {
    const { ok, rows } = await deskWith(12);
    const day = await ok('day.view', { date: DAY });
    expect(day.total).toBe(12);
    expect(day.counts.BEKLIYOR).toBe(12);
    expect(day.appointments.map((a) => a.time)).toEqual([...day.appointments.map((a) => a.time)].sort());
    // 07:35 UTC is 10:35 in Turkey: the 10:30 slot is in progress.
    expect(day.currentSlot).toBe('10:30');
    expect(day.appointments[0]!.motherName).toBe(
      `${rows[0]!.motherFirstName} ${rows[0]!.motherLastName}`.toLocaleLowerCase('tr-TR').replace(/(^|\s)(\S)/g, (_, s, c: string) => s + c.toLocaleUpperCase('tr-TR')),
    );
  });

  it('a day-close backup that cannot be written is reported in Turkish; the day is closed all the same', async () => {
    const { ok, rows } = await deskWith(2);
    // The USB disk was there when the folder was set, and is gone (a file in its place) at day close.
    const usb = path.join(tempDir(), 'usb');
    fs.mkdirSync(usb);
    await ok('backup.setFolder', { dir: usb });
    fs.rmSync(usb, { recursive: true });
    fs.writeFileSync(usb, 'bir dosya');
    const closed = await ok('desk.closeDay', { date: DAY });
    expect(closed).toMatchObject({ noShows: 2, backup: { ok: false } });
    if (!closed.backup.ok) expect(closed.backup.message).toMatch(/^Yedek klasörüne yazılamıyor: /);
    expect((await ok('day.view', { date: DAY })).counts.GELMEDI).toBe(rows.length);
  });

  it('check-in records the arrival time once; a second check-in is refused in Turkish', async () => {
    const { ok, call, rows } = await deskWith(3);
    const a = await ok('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
    expect(a).toMatchObject({ status: 'GELDI', arrivedAt: '10:35' });
    const again = await call('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
    expect(again).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_WRONG_STATE', message: 'Bu randevu için bu işlem yapılamaz (durumu: Geldi).' } });
    expect(await call('desk.checkIn', { randevuNo: 'YOK-1' })).toMatchObject({ ok: false, error: { message: 'YOK-1 numaralı randevu bulunamadı.' } });
  });

  it('closing the day turns the waiting ones into no-shows, one event each; only the head may', async () => {
    const { ok, call, rows } = await deskWith(5);
    await ok('desk.checkIn', { randevuNo: rows[1]!.randevuNo });
    const before = (await ok('ledger.status', {})).events;
    const closed = await ok('desk.closeDay', { date: DAY });
    expect(closed).toMatchObject({ date: DAY, noShows: 4, backup: { ok: true } });
    // 4 no-shows, the day-closed event and the day-close backup's own event.
    expect((await ok('ledger.status', {})).events).toBe(before + 6);
    expect((await ok('backup.list', {})).map((b) => b.name)).toContain(closed.backup.ok ? closed.backup.name : '');
    const day = await ok('day.view', { date: DAY });
    expect(day.counts).toMatchObject({ GELMEDI: 4, GELDI: 1 });
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await ok('auth.logout', {});
    await ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });
    expect(await call('desk.closeDay', { date: DAY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('detail shows the history including the import, and the view is logged for KVKK', async () => {
    const { ok, rows } = await deskWith(2);
    await ok('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
    const d = await ok('desk.detail', { randevuNo: rows[0]!.randevuNo });
    expect(d.history.map((h) => h.type)).toEqual(['import.applied', 'appointment.checked_in']);
    const log = await ok('audit.accessLog', { from: DAY, to: DAY });
    expect(log[0]).toMatchObject({ action: 'record.viewed', entity: `appointment:${rows[0]!.randevuNo}`, user: 'Ayşe Yılmaz' });
  });
});

describe('find in a keystroke', () => {
  it('finds a name typed in any case, with or without Turkish letters', async () => {
    const { ok, rows } = await deskWith(60);
    const target = rows[0]!;
    expect(target.motherFirstName).toBe('ŞÜKRAN');
    for (const q of ['ŞÜKRAN', 'sukran', 'şükran', 'Şükran', 'SUKRAN']) {
      const r = await ok('desk.find', { query: q });
      expect(r.kind, q).toBe('name');
      expect(r.results.map((x) => x.randevuNo), q).toContain(target.randevuNo);
      expect(r.results.every((x) => x.motherName.startsWith('Şükran')), q).toBe(true);
    }
    // A surname typed first.
    const bySurname = await ok('desk.find', { query: target.motherLastName.toLocaleLowerCase('tr-TR') });
    expect(bySurname.results.map((x) => x.randevuNo)).toContain(target.randevuNo);
    // İ / i and I / ı: "ılgın" and "ILGIN" and "Ilgin" find Ilgın.
    const ilgin = rows[1]!;
    for (const q of ['ılgın', 'ILGIN', 'ilgin', 'Ilgın ça']) expect((await ok('desk.find', { query: q })).results.map((x) => x.randevuNo), q).toContain(ilgin.randevuNo);
    const ipek = rows[2]!;
    for (const q of ['İPEK', 'ipek', 'IPEK', 'ışık i']) expect((await ok('desk.find', { query: q })).results.map((x) => x.randevuNo), q).toContain(ipek.randevuNo);
  });

  it('finds by T.C. Kimlik No (full or prefix) and by a scanned Randevu No, even with * for -', async () => {
    const { ok, rows } = await deskWith(10);
    const t = rows[4]!;
    expect((await ok('desk.find', { query: t.motherTckn })).results[0]!.randevuNo).toBe(t.randevuNo);
    expect((await ok('desk.find', { query: t.randevuNo })).results[0]!.randevuNo).toBe(t.randevuNo);
    expect((await ok('desk.find', { query: t.randevuNo.replace(/-/g, '*') })).results[0]!.randevuNo).toBe(t.randevuNo);
    expect((await ok('desk.find', { query: '   ' })).results).toEqual([]);
    expect((await ok('desk.find', { query: 'zzzzqqq' })).results).toEqual([]);
  });
});
