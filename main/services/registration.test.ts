import { describe, expect, it } from 'vitest';
import { BAKICI_DOCUMENTS, bakiciFacts, CAREGIVER_TCKN, MOTHER_IBAN } from '../testing/facts';
import { setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const DAY = '2026-11-24';

async function arrived(count = 3) {
  const t = await setUpApp({ now: () => new Date('2026-11-24T07:00:00Z') });
  const rows = seedAppointments(t.app, { date: DAY, count, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk']] });
  for (const r of rows) await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
  return { ...t, rows };
}

describe('the registration wizard, through the handlers', () => {
  it('start marks the appointment in progress, prefills what HQ sent, and proposes a submission id', async () => {
    const { ok, rows } = await arrived(1);
    const ctx = await ok('registration.start', { randevuNo: rows[0]!.randevuNo });
    expect(ctx.pack.code).toBe('BAKICI-2020');
    expect(ctx.draft?.facts['mother.tckn']).toBe(rows[0]!.motherTckn);
    expect(ctx.draft?.facts['mother.residenceProvince']).toBe('35');
    expect(ctx.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ok('day.view', { date: DAY })).counts.ISLEMDE).toBe(1);
  });

  it('a clean application is KESİN KAYIT with 325 EUR; confirm twice records once', async () => {
    const { ok, rows, app } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts() };
    const ev = await ok('registration.evaluate', { randevuNo: no, facts, documents: BAKICI_DOCUMENTS });
    expect(ev.fieldErrors).toEqual({});
    expect(ev.decision).toMatchObject({ outcome: 'KESIN_KAYIT', monthlyAmountCents: 32500 });
    const before = app.requireStore().ledger.head().seq;
    const input = { randevuNo: no, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null };
    const [a, b] = await Promise.all([ok('registration.confirm', input), ok('registration.confirm', input)]);
    expect(a.registrationNo).toBe('35M01-2026-000001');
    expect(b).toMatchObject({ registrationNo: a.registrationNo, repeated: true });
    expect(app.requireStore().ledger.head().seq).toBe(before + 1);
    expect((await ok('day.view', { date: DAY })).counts.KESIN_KAYIT).toBe(1);
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('an unticked checklist item is refused; nothing is recorded', async () => {
    const { ok, call, rows, app } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const before = app.requireStore().ledger.head().seq;
    const { BASVURU_FORMU: _skip, ...skipped } = BAKICI_DOCUMENTS;
    const r = await call('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: skipped, newAppointment: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'CHECKLIST_INCOMPLETE', message: expect.stringContaining('1 madde işaretlenmedi') } });
    expect(app.requireStore().ledger.head().seq).toBe(before);
  });

  it('a wrong T.C. Kimlik No and IBAN get field errors in Turkish; confirm is refused', async () => {
    const { ok, call, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts({ 'caregiver.tckn': '12345678901', 'mother.iban': 'TR000001200000000012345678' }) };
    const ev = await ok('registration.evaluate', { randevuNo: no, facts, documents: BAKICI_DOCUMENTS });
    expect(ev.fieldErrors['caregiver.tckn']?.tr).toContain('T.C. Kimlik No geçersiz');
    expect(ev.fieldErrors['mother.iban']?.tr).toContain('IBAN geçersiz');
    expect(ev.decision).toBeNull();
    const r = await call('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'FACTS_INVALID', fields: { 'caregiver.tckn': expect.anything() } } });
  });

  it('missing documents give EKSİK EVRAK with a new appointment that appears on its day', async () => {
    const { ok, call, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts() };
    const docs = { ...BAKICI_DOCUMENTS, BAKICI_EGITIM_SERTIFIKASI: false };
    const base = { randevuNo: no, submissionId: ctx.submissionId, facts, documents: docs };
    expect(await call('registration.confirm', { ...base, newAppointment: null })).toMatchObject({ ok: false, error: { code: 'NEW_APPOINTMENT_REQUIRED' } });
    const r = await ok('registration.confirm', { ...base, newAppointment: { date: '2026-12-01', time: '10:30' } });
    expect(r).toMatchObject({ outcome: 'EKSIK_EVRAK', newAppointmentNo: `${no}-E1` });
    const next = await ok('day.view', { date: '2026-12-01' });
    expect(next.appointments.map((a) => a.randevuNo)).toEqual([`${no}-E1`]);
  });

  it('a rejected application lists each failed rule in plain Turkish', async () => {
    const { ok, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts({ 'caregiver.trainingCertificate': false, 'mother.onMaternityLeave': true }) };
    const r = await ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(r.outcome).toBe('RET');
    const d = await ok('desk.detail', { randevuNo: no });
    const decision = d.registration!.decision as { failedRules: { code: string; text: { tr: string } }[] };
    expect(decision.failedRules.map((x) => x.code)).toEqual(['ANNE_ANALIK_IZNINDE_DEGIL', 'BAKICI_SERTIFIKA']);
    expect(decision.failedRules[1]!.text.tr).toBe('Bakıcının 0-36 ay çocuk bakımı eğitim sertifikası olmalıdır.');
    // A refusal grants nothing: neither the recorded decision nor the screen's view carries support.
    expect(d.registration).toMatchObject({ supportType: null, monthlyAmountCents: null, decision: { supportType: null, monthlyAmountCents: null } });
  });

  it('a registered appointment cannot be started again; only the head reverses, with a reason', async () => {
    const { ok, call, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const r = await ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(await call('registration.start', { randevuNo: no })).toMatchObject({ ok: false, error: { code: 'ALREADY_REGISTERED' } });
    // The support type reads in both languages on the record (the row keeps HQ's Turkish label).
    const shown = (await ok('desk.detail', { randevuNo: no })).registration!.supportType!;
    expect(shown).toEqual({ tr: 'Eğitimli bakıcı desteği', en: 'Trained caregiver support' });
    expect(await call('registration.reverse', { registrationNo: r.registrationNo, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await ok('auth.logout', {});
    await ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });
    expect(await call('registration.reverse', { registrationNo: r.registrationNo, reason: 'Yanlış belge girildi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('after "Sonucu geri al" the new wizard starts from the undone decision\'s facts (IBANs, names), the checklist unticked', async () => {
    const { ok, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts() };
    const r = await ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    await ok('registration.reverse', { registrationNo: r.registrationNo, reason: 'Bakıcı IBAN yanlış girildi' });
    const again = await ok('registration.start', { randevuNo: no });
    expect(again.draft).toMatchObject({ step: 0, documents: {} });
    expect(again.draft!.facts['mother.iban']).toBe(MOTHER_IBAN);
    expect(again.draft!.facts['caregiver.fullName']).toBe(facts['caregiver.fullName']);
    expect(again.draft!.facts).toEqual(expect.objectContaining({ 'caregiver.tckn': facts['caregiver.tckn'], 'child.fullName': facts['child.fullName'] }));
  });

  it('the caregiver recorded earlier today is offered again for the next mother she serves (not the mother\'s own facts)', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T07:00:00Z') });
    const rows = seedAppointments(t.app, { date: DAY, count: 2, programCode: 'BAKICI-2020', caregiverTckn: CAREGIVER_TCKN });
    for (const r of rows) await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
    const first = await t.ok('registration.start', { randevuNo: rows[0]!.randevuNo });
    const facts: Record<string, string | number | boolean | null> = { ...first.draft!.facts, ...bakiciFacts() };
    await t.ok('registration.confirm', { randevuNo: rows[0]!.randevuNo, submissionId: first.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
    const second = await t.ok('registration.start', { randevuNo: rows[1]!.randevuNo });
    const f = second.draft!.facts;
    for (const k of ['caregiver.fullName', 'caregiver.birthDate', 'caregiver.iban', 'caregiver.trainingCertificate', 'caregiver.monthlyWage']) expect(f[k], k).toEqual(facts[k]);
    expect(f['caregiver.tckn']).toBe(CAREGIVER_TCKN);
    // The second mother's own facts come from HQ's list, never from the first mother's registration.
    expect(f['mother.tckn']).toBe(rows[1]!.motherTckn);
    expect(f['mother.iban']).toBeUndefined();
    expect(f['child.fullName']).toBeUndefined();
  });

  it('the draft is kept between starts; nothing is recorded by drafts', async () => {
    const { ok, rows, app } = await arrived(1);
    const no = rows[0]!.randevuNo;
    await ok('registration.start', { randevuNo: no });
    const before = app.requireStore().ledger.head().seq;
    await ok('registration.saveDraft', { randevuNo: no, draft: { step: 2, facts: { 'child.fullName': 'Elif' }, documents: { KIMLIK_ANNE: true } } });
    expect(app.requireStore().ledger.head().seq).toBe(before);
    const again = await ok('registration.start', { randevuNo: no });
    expect(again.draft).toEqual({ step: 2, facts: { 'child.fullName': 'Elif' }, documents: { KIMLIK_ANNE: true } });
  });
});

describe('issue 6 gaps: drafts after confirm, IBANs, reversing EKSİK EVRAK, correction notes', () => {
  async function registered(t: Awaited<ReturnType<typeof arrived>>, no: string, docs: Record<string, boolean> = BAKICI_DOCUMENTS, facts = {}) {
    const ctx = await t.ok('registration.start', { randevuNo: no });
    const newAppointment = Object.values(docs).includes(false) ? { date: '2026-12-01', time: '10:30' } : null;
    return t.ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts(facts) }, documents: docs, newAppointment });
  }

  it('a late draft save after confirm is refused: no draft (with IBANs) comes back for a registered appointment', async () => {
    const t = await arrived(1);
    const no = t.rows[0]!.randevuNo;
    const ctx = await t.ok('registration.start', { randevuNo: no });
    const draft = { step: 3, facts: { ...ctx.draft!.facts, 'mother.iban': MOTHER_IBAN }, documents: {}, newAppointment: { date: '2026-12-02', time: '11:00' } };
    await t.ok('registration.saveDraft', { randevuNo: no, draft });
    // The EKSİK EVRAK date and time typed so far are part of the draft.
    expect((await t.ok('registration.start', { randevuNo: no })).draft).toEqual(draft);
    await registered(t, no);
    const late = await t.call('registration.saveDraft', { randevuNo: no, draft });
    expect(late).toMatchObject({ ok: false, error: { code: 'DRAFT_CLOSED', message: 'Bu randevunun sonucu kaydedildi; taslak artık kaydedilmez.' } });
    expect(t.app.requireStore().db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });

  it('an IBAN typed with spaces and in lower case is stored normalised', async () => {
    const t = await arrived(1);
    const no = t.rows[0]!.randevuNo;
    const typed = MOTHER_IBAN.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
    const r = await registered(t, no, BAKICI_DOCUMENTS, { 'mother.iban': typed });
    const reg = t.app.requireStore().db.prepare('SELECT mother_iban, facts FROM registrations WHERE registration_no = ?').get(r.registrationNo) as { mother_iban: string; facts: string };
    expect(reg.mother_iban).toBe(MOTHER_IBAN);
    expect(JSON.parse(reg.facts)['mother.iban']).toBe(MOTHER_IBAN);
  });

  it('reversing an EKSİK EVRAK outcome cancels its follow-up appointment in the same transaction, with its event', async () => {
    const t = await arrived(2);
    const no = t.rows[0]!.randevuNo;
    const r = await registered(t, no, { ...BAKICI_DOCUMENTS, BAKICI_EGITIM_SERTIFIKASI: false });
    expect(r.newAppointmentNo).toBe(`${no}-E1`);
    const before = t.app.requireStore().ledger.head().seq;
    const rev = await t.ok('registration.reverse', { registrationNo: r.registrationNo, reason: 'Belge yanlışlıkla eksik işaretlendi' });
    expect(rev).toEqual({ registrationNo: r.registrationNo, randevuNo: no, followUpCancelled: `${no}-E1` });
    expect(t.app.requireStore().ledger.head().seq).toBe(before + 2);
    const follow = await t.ok('desk.detail', { randevuNo: `${no}-E1` });
    expect(follow.appointment.status).toBe('IPTAL');
    expect(follow.history.find((h) => h.type === 'appointment.cancelled')).toMatchObject({ type: 'appointment.cancelled', text: { tr: 'İptal edildi (sonuç geri alındı)' }, reason: 'Belge yanlışlıkla eksik işaretlendi' });
    expect((await t.ok('desk.detail', { randevuNo: no })).appointment.status).toBe('GELDI');
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);

    // A follow-up the desk already started is left as it is.
    const no2 = t.rows[1]!.randevuNo;
    const r2 = await registered(t, no2, { ...BAKICI_DOCUMENTS, BAKICI_EGITIM_SERTIFIKASI: false });
    const fu = t.app.requireStore().db.prepare('SELECT * FROM appointments WHERE randevu_no = ?').get(r2.newAppointmentNo) as Record<string, unknown>;
    t.app.requireStore().ledger.record({ type: 'appointment.checked_in', entity: `appointment:${r2.newAppointmentNo}`, userId: 1 }, (w) => w.put('appointments', { ...fu, status: 'GELDI', updated_seq: w.seq }));
    expect(await t.ok('registration.reverse', { registrationNo: r2.registrationNo, reason: 'Yanlış karar verildi' })).toMatchObject({ followUpCancelled: null });
    expect((await t.ok('desk.detail', { randevuNo: r2.newAppointmentNo! })).appointment.status).toBe('GELDI');
  });

  it('a clerk adds a correction note with a required reason: one new event in the history, the outcome unchanged', async () => {
    const t = await arrived(2);
    const no = t.rows[0]!.randevuNo;
    const r = await registered(t, no);
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });
    expect(await t.call('registration.note', { randevuNo: no, reason: 'kısa' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: { tr: 'Gerekçe yazılmalı (en az 5 karakter).' } } },
    });
    expect(await t.call('registration.note', { randevuNo: t.rows[1]!.randevuNo, reason: 'Telefon numarası değişti' })).toMatchObject({ ok: false, error: { code: 'NOTE_NOT_ALLOWED' } });
    const before = t.app.requireStore().ledger.head().seq;
    const n = await t.ok('registration.note', { randevuNo: no, reason: '  Çocuğun adı formda "Elif" değil "Elif Su" olmalı  ' });
    expect(n).toEqual({ randevuNo: no, registrationNo: r.registrationNo, seq: before + 1 });
    const d = await t.ok('desk.detail', { randevuNo: no });
    expect(d.history.find((h) => h.type === 'registration.noted')).toMatchObject({ type: 'registration.noted', text: { tr: 'Düzeltme notu', en: 'Correction note' }, user: 'Şükrü Işık', reason: 'Çocuğun adı formda "Elif" değil "Elif Su" olmalı' });
    expect(d.registration).toMatchObject({ registrationNo: r.registrationNo, outcome: 'KESIN_KAYIT' });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'mudur', password: 'Kesin-Kayit-2026' });
    expect((await t.ok('ledger.verify', {})).ok).toBe(true);
  });
});
