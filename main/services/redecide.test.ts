import { describe, expect, it } from 'vitest';
import { officeWithDay } from '../testing/reconciliationFixtures';

/** `verify` decides every recorded registration again with the pack it names (issue 18 item 7). */
describe('verify re-decides every recorded decision', () => {
  it('an untouched ledger: every decision comes out the same', async () => {
    const t = await officeWithDay('M01');
    const v = await t.ok('ledger.verify', {});
    expect(v.decisions).toEqual({ ok: true, checked: 4, erased: 0, differences: [] });
    expect(v.ok).toBe(true);
  });

  it('a tampered registration (its facts changed behind the ledger) is named with what was recorded and what comes out now', async () => {
    const t = await officeWithDay('M01');
    const db = t.app.requireStore().db;
    const [reg] = db.prepare("SELECT registration_no, randevu_no FROM registrations WHERE outcome = 'KESIN_KAYIT' ORDER BY registration_no").all() as { registration_no: string; randevu_no: string }[];
    // The tamper: the caregiver's certificate turned false, the recorded outcome left as it was.
    db.prepare("UPDATE registrations SET facts = json_set(facts, '$.\"caregiver.trainingCertificate\"', json('false')) WHERE registration_no = ?").run(reg!.registration_no);
    const v = await t.ok('ledger.verify', {});
    expect(v.ok).toBe(false);
    expect(v.decisions!.differences).toEqual([{ registrationNo: reg!.registration_no, randevuNo: reg!.randevu_no, recorded: 'KESIN_KAYIT 32500', now: 'RET BAKICI_SERTIFIKA', pack: expect.stringMatching(/^BAKICI-2020#1:[0-9a-f]{8}$/) }]);
  });

  it('a decision naming a pack hash the desk does not have is named too', async () => {
    const t = await officeWithDay('M01');
    const db = t.app.requireStore().db;
    db.prepare("UPDATE registrations SET pack_hash = ? WHERE rowid = (SELECT min(rowid) FROM registrations)").run('f'.repeat(64));
    const v = await t.ok('ledger.verify', {});
    expect(v.decisions!.differences).toEqual([expect.objectContaining({ now: 'pack ffffffff ?', pack: 'BAKICI-2020#?:ffffffff' })]);
  });
});
