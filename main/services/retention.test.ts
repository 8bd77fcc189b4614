import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChain, type AppointmentStateRow } from '../../database';
import { PART_CHANGES, rawHandle } from '../../database/testing/internals';
import { HEAD_USER, setUpApp } from '../testing/appFixture';
import { decryptedLedgerBytes } from '../testing/decryptedLedger';
import { BAKICI_DOCUMENTS, bakiciFacts, CAREGIVER_IBAN, CAREGIVER_TCKN, MOTHER_IBAN } from '../testing/facts';
import { seedAppointments } from '../testing/seed';
import { foldForSearch } from '../domain/turkishText';
import { ERASED } from './personalFields';

const YEAR = 365.25 * 24 * 3600_000;

/** The ledger's decrypted bytes (the copy is made and removed in a temp folder by the helper). */
function decryptedBytes(dataDir: string): Buffer {
  const bytes = decryptedLedgerBytes(dataDir, HEAD_USER);
  expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
  return bytes;
}

/**
 * KVKK retention: a record past its programme's retention period loses its personal fields in
 * the current rows and in every older event, the chain still verifies, and after VACUUM not one
 * decrypted page or WAL frame holds the erased values; a record still in its period keeps them.
 */
describe('KVKK retention erasure', () => {
  it('erases due records everywhere, keeps counts and the chain; not-due records and other checks', async () => {
    let clock = new Date();
    const t = await setUpApp({ now: () => clock });
    const today = new Date(clock.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const rows = seedAppointments(t.app, { date: today, count: 5, programCode: 'BAKICI-2020' });
    const regs: string[] = [];
    for (const a of rows.slice(0, 3)) {
      await t.ok('desk.checkIn', { randevuNo: a.randevuNo });
      const ctx = await t.ok('registration.start', { randevuNo: a.randevuNo });
      const r = await t.ok('registration.confirm', {
        randevuNo: a.randevuNo,
        submissionId: ctx.submissionId,
        facts: { ...ctx.draft!.facts, ...bakiciFacts() },
        documents: BAKICI_DOCUMENTS,
        newAppointment: null,
      });
      regs.push(r.registrationNo);
    }
    const reason = 'Başvuru sahibi vazgeçti, eşi Kemal Arıkan aradı';
    await t.ok('registration.reverse', { registrationNo: regs[1]!, reason });
    // A correction note is free text about the record too: erased with it.
    const note = 'Düzeltme: eşi Selim Karakuş telefonla bildirdi';
    await t.ok('registration.note', { randevuNo: rows[0]!.randevuNo, reason: note });
    await t.ok('registration.saveDraft', {
      randevuNo: rows[3]!.randevuNo,
      draft: { step: 1, facts: { 'child.fullName': 'Taslak Çocukadı' }, documents: {} } as never,
    });

    // A correction of a record's names and phone (as a re-import of HQ's list makes): a put of
    // a row that was there, so its event carries only the changed columns, a set with the names.
    const corrected = { first: 'NURCİHAN', last: 'KARABEKİROĞLU', phone: '05329876543' };
    const store = t.app.requireStore();
    const before = rawHandle(store).prepare('SELECT * FROM appointments WHERE randevu_no = ?').get(rows[4]!.randevuNo) as AppointmentStateRow;
    const correction = store.ledger.record({ type: 'appointment.corrected', entity: `appointment:${rows[4]!.randevuNo}`, userId: 1 }, (w) =>
      w.put('appointments', { ...before, mother_first_name: corrected.first, mother_last_name: corrected.last, search_name: foldForSearch(`${corrected.first} ${corrected.last}`), phone: corrected.phone, updated_seq: w.seq }),
    ).event;
    expect(JSON.parse(correction.payload).changes).toEqual([
      { t: 'appointments', k: [rows[4]!.randevuNo], set: expect.objectContaining({ mother_first_name: corrected.first, mother_last_name: corrected.last, phone: corrected.phone }) },
    ]);

    // Two years on, registration 3 leaves the main list: its record changes later than the others.
    clock = new Date(clock.getTime() + 2 * YEAR);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    await t.ok('lists.leaveMainList', { registrationNo: regs[2]!, reason: 'Kurum değişikliği bildirildi' });

    // Ten years and a day after the first activity: every record but the third is due.
    clock = new Date(clock.getTime() + 8 * YEAR + 2 * 24 * 3600_000);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    const overview = await t.ok('retention.overview', {});
    const dueNos = overview.due.map((d) => d.randevuNo).sort();
    expect(dueNos).toEqual([rows[0]!, rows[1]!, rows[3]!, rows[4]!].map((r) => r.randevuNo).sort());
    expect(overview.due.every((d) => d.retentionYears === 10)).toBe(true);

    // A record still inside its period is refused, and nothing changes.
    const headBefore = (await t.ok('ledger.status', {})).chainHead;
    const refused = await t.call('retention.erase', { records: [rows[0]!.randevuNo, rows[2]!.randevuNo] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('RETENTION_NOT_DUE');
      expect(refused.error.message).toContain(rows[2]!.randevuNo);
      expect(refused.error.message).toContain('Hiçbir kayıt silinmedi');
    }
    expect((await t.ok('ledger.status', {})).chainHead).toEqual(headBefore);

    const erased = await t.ok('retention.erase', { records: dueNos });
    expect(erased).toMatchObject({ records: 4, appointments: 4, registrations: 2, user: HEAD_USER.displayName });
    expect(erased.redactedEvents).toBeGreaterThanOrEqual(5); // import, 2 check-ins, 2 registrations, the reversal …
    const dir = t.app.dataDir;
    const wal = path.join(dir, 'masa.ledger-wal');
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0, 'the WAL is emptied by the erasure').toBe(0);
    const rightAfter = decryptedBytes(dir);

    // The chain and the state rebuilt from the events both still hold.
    expect(await t.ok('ledger.verify', {})).toMatchObject({ ok: true, chain: { ok: true }, replay: { ok: true } });
    // Counts and outcomes stay; personal fields are gone; the erased record cannot be printed.
    const d0 = await t.ok('desk.detail', { randevuNo: rows[0]!.randevuNo });
    expect(d0.appointment).toMatchObject({ motherTckn: ERASED, motherName: ERASED, childTckn: null, phone: null, childBirthDate: '' });
    expect(d0.registration).toMatchObject({ registrationNo: regs[0], outcome: 'KESIN_KAYIT' });
    const print = await t.call('print.registration', { registrationNo: regs[0]! });
    expect(print.ok).toBe(false);
    if (!print.ok) expect(print.error.message).toMatch(/kişisel verileri .*silindi/);
    const reverse = await t.call('registration.reverse', { registrationNo: regs[0]!, reason: 'Hatalı kayıt düzeltmesi' });
    expect(reverse.ok === false && reverse.error.code).toBe('RECORD_ERASED');
    expect(d0.appointment.erased).toBe(true);
    expect(d0.history.at(-1)!.text.tr).toBe('Kişisel veriler silindi (KVKK saklama süresi doldu)');
    // The third record keeps everything and still prints.
    const d2 = await t.ok('desk.detail', { randevuNo: rows[2]!.randevuNo });
    expect(d2.appointment.motherTckn).toBe(rows[2]!.motherTckn);
    expect((await t.ok('print.registration', { registrationNo: regs[2]! })).bytes).toBeGreaterThan(1000);
    // Searching by the erased T.C. Kimlik No finds nothing any more.
    expect((await t.ok('desk.find', { query: rows[0]!.motherTckn })).results).toEqual([]);
    // The erasure is itself on record (KVKK destruction record), with who and how many.
    const after = await t.ok('retention.overview', {});
    expect(after.due).toEqual([]);
    expect(after.erasures).toEqual([expect.objectContaining({ seq: erased.seq, records: 4, user: HEAD_USER.displayName })]);

    // No page of the decrypted file and no WAL frame keeps an erased value: right after the
    // erasure with the app still running (the WAL held every earlier page write until then),
    // and again after the app closed.
    t.app.shutdown();
    for (const bytes of [rightAfter, decryptedBytes(dir)]) {
    const gone = [rows[0]!, rows[1]!, rows[3]!, rows[4]!].flatMap((r) => [r.motherTckn, `${r.motherFirstName}","mother_last_name":"${r.motherLastName}`]);
    gone.push(reason, note, 'Taslak Çocukadı', corrected.first, corrected.last, corrected.phone, foldForSearch(`${corrected.first} ${corrected.last}`));
    // The folded name column of the state table, where it is not shared with the kept record.
    const kept = foldForSearch(`${rows[2]!.motherFirstName} ${rows[2]!.motherLastName}`);
    for (const r of [rows[0]!, rows[1]!, rows[3]!, rows[4]!]) {
      const folded = foldForSearch(`${r.motherFirstName} ${r.motherLastName}`);
      if (folded !== kept) gone.push(folded);
    }
      for (const v of gone) expect(bytes.includes(Buffer.from(v)), `still in the file: ${v}`).toBe(false);
      // The search is able to find things: the record that was not due is there, with its IBANs.
      for (const v of [rows[2]!.motherTckn, MOTHER_IBAN, CAREGIVER_IBAN, CAREGIVER_TCKN]) expect(bytes.includes(Buffer.from(v))).toBe(true);
    }
  });

  it('verify notices a payload rewritten without an erasure event, and an erased payload edited later', async () => {
    let clock = new Date();
    const t = await setUpApp({ now: () => clock });
    const today = new Date(clock.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const rows = seedAppointments(t.app, { date: today, count: 2, programCode: 'BAKICI-2020' });
    clock = new Date(clock.getTime() + 11 * YEAR);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    await t.ok('retention.erase', { records: [rows[0]!.randevuNo] });
    const db = rawHandle(t.app.requireStore());
    expect(verifyChain(db).ok).toBe(true);
    const importSeq = (db.prepare("SELECT seq FROM events WHERE type = 'import.applied'").get() as { seq: number }).seq;
    // Somebody with the key edits the (already redacted) import payload: the erasure's listing no longer fits.
    db.prepare('UPDATE events SET payload = replace(payload, ?, ?) WHERE seq = ?').run(rows[1]!.motherLastName, 'Başka', importSeq);
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBad: { seq: importSeq, problem: 'HASH_MISMATCH' } });
    // A redaction row with no erasure event behind it.
    const other = (db.prepare("SELECT seq FROM events WHERE type = 'setup.created' OR seq = 1 ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    db.prepare('INSERT INTO event_redactions (seq, erasure_seq) VALUES (?, ?)').run(other, other + 1);
    expect(verifyChain(db)).toMatchObject({ ok: false, firstBad: { seq: other, problem: 'REDACTION_UNLISTED' } });
    // Without a redaction row the trigger refuses any payload change at all.
    expect(() => db.prepare("UPDATE events SET payload = '{}' WHERE seq = ?").run(importSeq + 1)).toThrow(/append-only/);
  });

  it('erases a record out of a large import stored in parts: only its part is rewritten, everything verifies', async () => {
    let clock = new Date();
    const t = await setUpApp({ now: () => clock });
    const today = new Date(clock.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
    const rows = seedAppointments(t.app, { date: today, count: 2 * PART_CHANGES + PART_CHANGES / 2, programCode: 'BAKICI-2020' });
    const db = () => rawHandle(t.app.requireStore());
    const importSeq = (db().prepare("SELECT seq FROM events WHERE type = 'import.applied'").get() as { seq: number }).seq;
    const partsBefore = db().prepare('SELECT part, payload FROM event_parts WHERE seq = ? ORDER BY part').all(importSeq) as { part: number; payload: string }[];
    expect(partsBefore).toHaveLength(3);
    const victim = rows[PART_CHANGES + 100]!; // in the second part
    const neighbour = rows[PART_CHANGES + 101]!;
    expect(partsBefore[1]!.payload).toContain(victim.motherTckn);

    clock = new Date(clock.getTime() + 11 * YEAR);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: HEAD_USER.username, password: HEAD_USER.password });
    const erased = await t.ok('retention.erase', { records: [victim.randevuNo] });
    expect(erased).toMatchObject({ records: 1, appointments: 1, redactedEvents: 1 });
    const partsAfter = db().prepare('SELECT part, payload FROM event_parts WHERE seq = ? ORDER BY part').all(importSeq) as { part: number; payload: string }[];
    expect(partsAfter.map((p) => p.payload === partsBefore[p.part]!.payload)).toEqual([true, false, true]);
    expect(partsAfter[1]!.payload).not.toContain(victim.motherTckn);
    expect(partsAfter[1]!.payload).toContain(neighbour.motherTckn);
    expect(await t.ok('ledger.verify', {})).toMatchObject({ ok: true, chain: { ok: true }, replay: { ok: true } });
    expect((await t.ok('desk.find', { query: victim.motherTckn })).results).toEqual([]);
    expect((await t.ok('desk.find', { query: neighbour.motherTckn })).results).toHaveLength(1);
    t.app.shutdown();
    const bytes = decryptedBytes(t.app.dataDir);
    expect(bytes.includes(Buffer.from(victim.motherTckn))).toBe(false);
    expect(bytes.includes(Buffer.from(neighbour.motherTckn))).toBe(true);
  });

  it('a clerk cannot see or erase; bad input is refused in Turkish', async () => {
    const t = await setUpApp();
    const empty = await t.call('retention.erase', { records: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('VALIDATION');
    const unknown = await t.call('retention.erase', { records: ['99-9999-000001'] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('99-9999-000001 numaralı kaydın saklama süresi dolmadı');
    await t.ok('users.create', { username: 'memur1', displayName: 'Memur Bir', role: 'CLERK', password: 'Gecici-Parola-1' } as never);
    await t.ok('auth.logout', {});
    await t.ok('auth.login', { username: 'memur1', password: 'Gecici-Parola-1' });
    for (const name of ['retention.overview', 'retention.erase'] as const) {
      const r = await t.call(name, name === 'retention.erase' ? { records: ['x'] } : ({} as never));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['FORBIDDEN', 'NOT_SIGNED_IN']).toContain(r.error.code);
    }
  });
});
