import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../database/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';
import { rawHandle } from '../../database/testing/internals';

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
    const log = (await ok('audit.accessLog', { from: DAY, to: DAY })).entries;
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

describe('issue 23: Turkish case pairs and short prefixes', () => {
  it('IŞIK/ışık, İnci/inci, Çağla/cagla meet; one or two letters of a word are enough, one letter alone finds nothing', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T07:35:00Z') });
    const rows = seedAppointments(t.app, { date: DAY, count: 4, names: [['İnci', 'Işık'], ['Çağla', 'Irmak'], ['Ilgın', 'İnce'], ['Ayşe', 'Kaya']] });
    const [inci, cagla, ilgin, ayse] = rows.map((r) => r.randevuNo);
    const found = async (q: string) => {
      const r = await t.ok('desk.find', { query: q });
      expect(r.kind, q).toBe('name');
      return r.results.map((x) => x.randevuNo).sort();
    };
    for (const q of ['IŞIK', 'ışık', 'Işık', 'ISIK', 'isik', 'İŞİK']) expect(await found(q), q).toEqual([inci]);
    for (const q of ['İnci', 'inci', 'İNCİ', 'INCI', 'ınci']) expect(await found(q), q).toEqual([inci]);
    for (const q of ['Çağla', 'cagla', 'ÇAĞLA', 'CAGLA', 'çagla']) expect(await found(q), q).toEqual([cagla]);
    // Two letters: the start of any word, folded the same way.
    expect(await found('ış')).toEqual([inci]);
    expect(await found('IS')).toEqual([inci]);
    expect(await found('İn')).toEqual([inci, ilgin].sort());
    expect(await found('ır')).toEqual([cagla]);
    expect(await found('ÇA')).toEqual([cagla]);
    expect(await found('ka')).toEqual([ayse]);
    expect(await found('ıl')).toEqual([ilgin]);
    // Two words: the first whole, the next one by a prefix of one or two letters.
    expect(await found('inci ı')).toEqual([inci]);
    expect(await found('IŞIK İ')).toEqual([inci]);
    expect(await found('ince ıl')).toEqual([ilgin]);
    // One letter matches too much to be useful: nothing is searched.
    for (const q of ['ı', 'İ', 'Ç', 'a']) expect(await t.ok('desk.find', { query: q }), q).toMatchObject({ kind: 'none', results: [] });
  });
});

describe('issue 6 gaps: registration number, any word of the name, day rules in main', () => {
  it('a scanned registration number (Kesin Kayıt Formu barcode) finds its appointment, exactly', async () => {
    const { ok, app } = await setUpApp({ now: () => new Date('2026-11-24T07:35:00Z') });
    const rows = seedAppointments(app, { date: DAY, count: 5, programCode: 'BAKICI-2020' });
    const { BAKICI_DOCUMENTS, bakiciFacts } = await import('../testing/facts');
    const no = rows[2]!.randevuNo;
    await ok('desk.checkIn', { randevuNo: no });
    const ctx = await ok('registration.start', { randevuNo: no });
    const reg = await ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(reg.registrationNo).toBe('35M01-2026-000001');
    for (const q of [reg.registrationNo, reg.registrationNo.toLowerCase(), reg.registrationNo.replace(/-/g, '*'), ` ${reg.registrationNo} `]) {
      const r = await ok('desk.find', { query: q });
      expect(r.kind, q).toBe('registration');
      expect(r.results.map((x) => x.randevuNo), q).toEqual([no]);
    }
    // An unknown registration number finds nothing (it is not a prefix search).
    expect((await ok('desk.find', { query: '35M01-2026-000002' })).results).toEqual([]);
  });

  it('a name is found by the start of any of its words, in any case, with or without Turkish letters', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T07:35:00Z') });
    const rows = seedAppointments(t.app, { date: DAY, count: 4, names: [['Ayşe Şükran', 'Yılmaz'], ['Şükran', 'Öztürk'], ['Gül', 'Işık'], ['Fatma', 'Ağaoğlu Şükranoğlu']] });
    const [ays, suk, , fat] = rows.map((r) => r.randevuNo);
    const found = async (q: string) => (await t.ok('desk.find', { query: q })).results.map((x) => x.randevuNo).sort();
    for (const q of ['şükran', 'sukran', 'ŞÜKRAN', 'Şük', 'SUKRAN']) expect(await found(q), q).toEqual([ays, suk, fat].sort());
    expect(await found('şükran yıl')).toEqual([ays]);
    expect(await found('yılmaz ayşe')).toEqual([ays]);
    expect(await found('ayse sukran yilmaz')).toEqual([ays]);
    expect(await found('şükranoğlu')).toEqual([fat]);
    expect(await found('ağaoğlu')).toEqual([fat]);
    expect(await found('ükran')).toEqual([]);
    // The index is a range scan of its primary key, not a scan of the appointments.
    const plan = rawHandle(t.app.requireStore())
      .prepare(`EXPLAIN QUERY PLAN SELECT DISTINCT randevu_no FROM appointment_search WHERE key >= 'sukran' AND key < 'sukran\uffff' LIMIT 20`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH appointment_search USING PRIMARY KEY/);
  });

  it('check-in is refused for an appointment not dated today (Turkey time)', async () => {
    // 2026-11-24T22:30Z is already 25.11.2026 in Turkey.
    const t = await setUpApp({ now: () => new Date('2026-11-24T22:30:00Z') });
    const [yesterday] = seedAppointments(t.app, { date: DAY, count: 1 });
    const [tomorrow] = seedAppointments(t.app, { date: '2026-11-26', count: 1, startIndex: 10 });
    const [today] = seedAppointments(t.app, { date: '2026-11-25', count: 1, startIndex: 20 });
    expect(await t.call('desk.checkIn', { randevuNo: yesterday!.randevuNo })).toMatchObject({
      ok: false,
      error: { code: 'APPOINTMENT_NOT_TODAY', message: expect.stringContaining('24.11.2026'), messageEn: expect.stringContaining('not for today') },
    });
    expect(await t.call('desk.checkIn', { randevuNo: tomorrow!.randevuNo })).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_NOT_TODAY' } });
    expect(await t.ok('desk.checkIn', { randevuNo: today!.randevuNo })).toMatchObject({ status: 'GELDI', arrivedAt: '01:30' });
  });

  it('closing a future day is refused; a closed day cannot be closed again (no second event)', async () => {
    const { ok, call, app } = await deskWith(3);
    expect(await call('desk.closeDay', { date: '2026-11-25' })).toMatchObject({
      ok: false,
      error: { code: 'DAY_IN_FUTURE', message: '25.11.2026 henüz gelmedi; ileri bir tarihin günü kapatılamaz.', messageEn: '25.11.2026 has not come yet; a future day cannot be closed.' },
    });
    expect((await ok('day.view', { date: DAY })).counts.BEKLIYOR).toBe(3);
    await ok('desk.closeDay', { date: DAY });
    const seq = app.requireStore().ledger.head().seq;
    expect(await call('desk.closeDay', { date: DAY })).toMatchObject({ ok: false, error: { code: 'DAY_ALREADY_CLOSED', message: expect.stringContaining('24.11.2026 günü zaten kapatıldı') } });
    expect(app.requireStore().ledger.head().seq).toBe(seq);
    // A past day that was never closed can still be closed.
    expect(await ok('desk.closeDay', { date: '2026-11-23' })).toMatchObject({ noShows: 0 });
  });
});
