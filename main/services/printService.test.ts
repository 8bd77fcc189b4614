import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAKICI_DOCUMENTS, CAREGIVER_TCKN, bakiciFacts } from '../testing/facts';
import { syntheticAppointments } from '../testing/syntheticAppointments';
import { applyImportNow } from './importApply';
import { packFor } from './rulesAdapter';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const DAY = '2026-11-24';

function pdfText(b64: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-print-'));
  const f = path.join(dir, 'x.pdf');
  fs.writeFileSync(f, Buffer.from(b64, 'base64'));
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
}

async function registered() {
  const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
  const rows = seedAppointments(t.app, { date: DAY, count: 3, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Gülşen', 'Işıkoğlu'], ['İpek', 'Çağlayan']] });
  const out: string[] = [];
  for (const [i, r] of rows.entries()) {
    await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
    if (i === 2) continue;
    const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts(i === 1 ? { 'caregiver.trainingCertificate': false } : {}) };
    out.push((await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null })).registrationNo);
  }
  return { ...t, rows, regs: out };
}

describe('printed documents from the ledger', () => {
  it('the Kesin Kayıt Formu names mother, child, caregiver, amount, placement and obligations; printing is logged', async () => {
    const { ok, regs, rows, app } = await registered();
    const doc = await ok('print.registration', { registrationNo: regs[0]! });
    expect(doc.fileName).toBe(`kesin-kayit-formu-${regs[0]}.pdf`);
    const text = pdfText(doc.pdfBase64);
    for (const s of ['Şükran Öztürk', 'Elif Öztürk', 'Gülizar Çelikkaya', '325,00', 'Asil 1 / 3.500'.replace('3.500', '1.750'), regs[0]!]) expect(text).toContain(s);
    expect(text).toContain('Bakıcıya her ay en az ev hizmetlerindeki asgari ücreti ödemek');
    // The small print names the pack that decided: code, edition and short hash.
    expect(text).toMatch(/Kural paketi BAKICI-2020#1:[0-9a-f]{8}/);
    // The currency is the rule pack's, on paper and on screen.
    expect(packFor(app, 'BAKICI-2020').currency).toBe('EUR');
    expect(text).toContain('325,00 EUR');
    const detail = await ok('desk.detail', { randevuNo: rows[0]!.randevuNo });
    expect(detail.registration?.currency).toBe(packFor(app, 'BAKICI-2020').currency);
    const log = (await ok('audit.accessLog', { from: DAY, to: DAY })).entries;
    expect(log.some((l) => l.action === 'record.printed')).toBe(true);
  });

  it('the Ret bildirimi lists each reason in plain Turkish', async () => {
    const { ok, regs } = await registered();
    const text = pdfText((await ok('print.registration', { registrationNo: regs[1]! })).pdfBase64);
    expect(text).toContain('RET');
    expect(text).toContain('Bakıcının 0-36 ay çocuk bakımı eğitim sertifikası olmalıdır.');
  });

  it('the daily report has every appointment, outcomes, the support total and the chain head', async () => {
    const { ok, app } = await registered();
    // The report names the chain head at the moment it is printed (its own print event comes after).
    const head = app.requireStore().ledger.head().hash;
    const doc = await ok('print.dailyReport', { date: DAY });
    const text = pdfText(doc.pdfBase64);
    expect(text).toContain('Gülşen Işıkoğlu');
    expect(text).toContain('İpek Çağlayan');
    expect(text).toContain('325,00');
    expect(text.replace(/\s+/g, '')).toContain(head.slice(0, 32));
  });

  it('the placement list is refused for a province outside the pack', async () => {
    const { ok, call } = await registered();
    const doc = await ok('print.placementList', { programCode: 'BAKICI-2020' });
    expect(pdfText(doc.pdfBase64)).toContain('Şükran Öztürk');
    expect(await call('print.placementList', { programCode: 'BAKICI-2020', provinceCode: '16' })).toMatchObject({ ok: false, error: { code: 'PROVINCE_NOT_IN_PACK' } });
  });
});

describe('main and reserve lists over the ledger', () => {
  it('when a mother leaves the main list the first reserve moves up; the past is recomputed', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    // BAKICI-2020 İzmir quota is 1,750: shrink the picture by registering 3 and reading places.
    const rows = seedAppointments(t.app, { date: DAY, count: 3, programCode: 'BAKICI-2020' });
    const regs: string[] = [];
    for (const r of rows) {
      await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
      const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
      regs.push((await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null })).registrationNo);
    }
    expect((await t.ok('lists.placement', { registrationNo: regs[2]! })).placement).toBe('Asil 3 / 1.750');
    await t.ok('lists.leaveMainList', { registrationNo: regs[0]!, reason: 'Bakıcı işten ayrıldı, bir ayda yenisi bulunmadı', date: '2026-12-01' });
    expect((await t.ok('lists.placement', { registrationNo: regs[2]!, date: '2026-11-30' })).placement).toBe('Asil 3 / 1.750');
    expect((await t.ok('lists.placement', { registrationNo: regs[2]!, date: '2026-12-01' })).placement).toBe('Asil 2 / 1.750');
    expect((await t.ok('lists.placement', { registrationNo: regs[0]!, date: '2026-12-01' })).placement).toBe('—');
  });
});

describe('the Kesin Kayıt Formu prints only what the ledger knows', () => {
  it('an unknown birth date of the mother stays empty ("—"), never the child’s date', async () => {
    const t = await setUpApp({ now: () => new Date('2026-11-24T08:00:00Z') });
    const rows = syntheticAppointments({ date: DAY, count: 1, programCode: 'BAKICI-2020', childBirthDate: '2025-09-30', names: [['Şükran', 'Öztürk']] }).map((r) => ({ ...r, motherBirthDate: null }));
    applyImportNow(t.app, { file: { name: 'liste.xlsx', size: 0, sha256: 'a'.repeat(64) }, counts: { added: 1 }, added: rows.map((r) => ({ ...r, cancelled: false })), updated: [], cancelled: [] });
    const r = rows[0]!;
    await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
    const reg = await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    const text = pdfText((await t.ok('print.registration', { registrationNo: reg.registrationNo })).pdfBase64);
    const birthLine = text.split('\n').find((l) => l.includes('Doğum Tarihi') && l.includes('30.09.2025'))!;
    expect(birthLine).toBeDefined();
    // Mother's column: "—"; child's column: her own date, once.
    expect(birthLine.replace(/\s+/g, ' ').trim()).toBe('Doğum Tarihi — 30.09.2025');
    expect(text.match(/30\.09\.2025/g)).toHaveLength(1);
    // The child's and the caregiver's numbers are their own, not the mother's.
    expect(text.match(new RegExp(r.motherTckn, 'g'))).toHaveLength(1);
    expect(text).toContain(r.childTckn!);
    expect(text).toContain(CAREGIVER_TCKN);
  });

  it('a reversed registration is refused in Turkish and English, and nothing is logged as printed', async () => {
    const { ok, call, regs } = await registered();
    await ok('registration.reverse', { registrationNo: regs[0]!, reason: 'Yanlış anneye kayıt yapıldı' });
    const r = await call('print.registration', { registrationNo: regs[0]! });
    expect(r).toMatchObject({ ok: false, error: { code: 'REGISTRATION_REVERSED' } });
    if (r.ok) return;
    expect(r.error.message).toContain(`${regs[0]} numaralı kaydın sonucu il müdürlüğünce geri alındı`);
    expect(r.error.messageEn).toContain(`registration ${regs[0]} was reversed`);
    const log = (await ok('audit.accessLog', { from: DAY, to: DAY })).entries;
    expect(log.filter((l) => l.action === 'record.printed')).toHaveLength(0);
    // The other registrations still print.
    expect((await ok('print.registration', { registrationNo: regs[1]! })).fileName).toBe(`ret-bildirimi-${regs[1]}.pdf`);
  });
});

describe('the Günlük Rapor of a day', () => {
  it('names the chain head of that day, also when reprinted later; a clerk who only checked mothers in still signs', async () => {
    let now = new Date('2026-11-24T08:00:00Z');
    const t = await setUpApp({ now: () => now });
    const rows = seedAppointments(t.app, { date: DAY, count: 3, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Gülşen', 'Işıkoğlu'], ['İpek', 'Çağlayan']] });
    await t.ok('users.create', { username: 'gorevli', displayName: 'Şükrü Işık', role: 'CLERK', password: 'Gecici-Parola-1' });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'gorevli', password: 'Gecici-Parola-1' });
    await t.ok('auth.changePassword', { currentPassword: 'Gecici-Parola-1', newPassword: 'Sabah-Masasi-2026', newPasswordRepeat: 'Sabah-Masasi-2026' });
    // The clerk checks the first mother in and records nothing.
    await t.ok('desk.checkIn', { randevuNo: rows[0]!.randevuNo });
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    await t.ok('desk.checkIn', { randevuNo: rows[1]!.randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo: rows[1]!.randevuNo });
    await t.ok('registration.confirm', { randevuNo: rows[1]!.randevuNo, submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });

    const ledger = t.app.requireStore().ledger;
    const atPrint = ledger.head().hash;
    const first = pdfText((await t.ok('print.dailyReport', { date: DAY })).pdfBase64);
    expect(first.replace(/\s+/g, '')).toContain(atPrint);
    // Signature boxes: the office head and both clerks, the one without an outcome too.
    const signatures = first.slice(first.lastIndexOf('İmzalar'));
    expect(signatures).toContain('Şükrü Işık');
    expect(signatures).toContain('Ayşe Yılmaz');
    expect(signatures.match(/Masa Görevlisi/g)).toHaveLength(2);
    // The day ends with the report's own print event.
    const dayEnd = ledger.head().hash;

    // The next day: more events. A reprint of the 24th still names the 24th's head.
    now = new Date('2026-11-25T07:30:00Z');
    await t.ok('auth.unlock', { password: HEAD_USER.password });
    seedAppointments(t.app, { date: '2026-11-25', count: 2, programCode: 'BAKICI-2020', startIndex: 10 });
    await t.ok('desk.checkIn', { randevuNo: '35-2026-000011' });
    expect(ledger.head().hash).not.toBe(dayEnd);
    const reprint = pdfText((await t.ok('print.dailyReport', { date: DAY })).pdfBase64).replace(/\s+/g, '');
    expect(reprint).toContain(dayEnd);
    expect(reprint).not.toContain(ledger.head().hash);
  });
});
