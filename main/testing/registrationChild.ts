/**
 * Child process for the crash test: signs in and registers the day's appointments one by one
 * through the real handler table, printing "ack <registration no>" only after confirm returned.
 */
import { TEST_KDF } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { HEAD_USER } from './appFixture';
import { BAKICI_DOCUMENTS, bakiciFacts } from './facts';

const app = new MasaApp({ dataDir: process.argv[2]!, kdf: TEST_KDF });
const call = async (name: string, input: unknown) => {
  const r = await dispatch(app, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value as never;
};
await call('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
const day = (await call('day.view', { date: today })) as { appointments: { randevuNo: string }[] };
for (const a of day.appointments) {
  await call('desk.checkIn', { randevuNo: a.randevuNo });
  const ctx = (await call('registration.start', { randevuNo: a.randevuNo })) as { draft: { facts: Record<string, string> }; submissionId: string };
  const r = (await call('registration.confirm', {
    randevuNo: a.randevuNo,
    submissionId: ctx.submissionId,
    facts: { ...ctx.draft.facts, ...bakiciFacts() },
    documents: BAKICI_DOCUMENTS,
    newAppointment: null,
  })) as { registrationNo: string };
  process.stdout.write(`ack ${r.registrationNo}\n`);
}
