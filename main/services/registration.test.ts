import { describe, expect, it } from 'vitest';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
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
  });

  it('a registered appointment cannot be started again; only the head reverses, with a reason', async () => {
    const { ok, call, rows } = await arrived(1);
    const no = rows[0]!.randevuNo;
    const ctx = await ok('registration.start', { randevuNo: no });
    const r = await ok('registration.confirm', { randevuNo: no, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(await call('registration.start', { randevuNo: no })).toMatchObject({ ok: false, error: { code: 'ALREADY_REGISTERED' } });
    expect(await call('registration.reverse', { registrationNo: r.registrationNo, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await ok('auth.logout', {});
    await ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Kendi-Parolam-42', newPasswordRepeat: 'Kendi-Parolam-42' });
    expect(await call('registration.reverse', { registrationNo: r.registrationNo, reason: 'Yanlış belge girildi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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
