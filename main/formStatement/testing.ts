/**
 * A desk with one decision of each kind (Kesin Kayıt, Ret, Eksik Evrak), for the statement,
 * CLI and bench: the real handler table on a real encrypted ledger.
 */
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
import { setUpAppWith } from '../testing/appFixture';
import { seedAppointments } from '../testing/seed';

const STATEMENT_DAY = '2026-11-24';

export async function deskWithDecisions(opts: { dataDir?: string; deskCode?: string } = {}) {
  const t = await setUpAppWith({ now: () => new Date(`${STATEMENT_DAY}T08:00:00Z`), ...opts });
  const rows = seedAppointments(t.app, { date: STATEMENT_DAY, count: 3, programCode: 'BAKICI-2020', names: [['Şükran', 'Öztürk'], ['Gülşen', 'Işıkoğlu'], ['İpek', 'Çağlayan']] });
  const regs: string[] = [];
  for (const [i, r] of rows.entries()) {
    await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
    const facts = { ...ctx.draft!.facts, ...bakiciFacts(i === 1 ? { 'caregiver.trainingCertificate': false } : {}) };
    const documents = i === 2 ? { ...BAKICI_DOCUMENTS, BAKICI_EGITIM_SERTIFIKASI: false } : BAKICI_DOCUMENTS;
    const newAppointment = i === 2 ? { date: '2026-12-01', time: '10:30' } : null;
    regs.push((await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts, documents, newAppointment })).registrationNo);
  }
  return { ...t, rows, final: regs[0]!, rejected: regs[1]!, incomplete: regs[2]! };
}
