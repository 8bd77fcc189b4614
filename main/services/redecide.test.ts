import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/index';
import { HEAD_USER } from '../testing/appFixture';
import { officeWithDay } from '../testing/reconciliationFixtures';
import { rawHandle } from '../../database/testing/internals';

/** The facts of the first KESİN KAYIT changed behind the ledger: the certificate turned false, the recorded outcome left. */
function tamperFirstFinal(t: Awaited<ReturnType<typeof officeWithDay>>) {
  const db = rawHandle(t.app.requireStore());
  const [reg] = db.prepare("SELECT registration_no, randevu_no FROM registrations WHERE outcome = 'KESIN_KAYIT' ORDER BY registration_no").all() as { registration_no: string; randevu_no: string }[];
  db.prepare("UPDATE registrations SET facts = json_set(facts, '$.\"caregiver.trainingCertificate\"', json('false')) WHERE registration_no = ?").run(reg!.registration_no);
  return reg!;
}

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
    const reg = tamperFirstFinal(t);
    const v = await t.ok('ledger.verify', {});
    expect(v.ok).toBe(false);
    expect(v.decisions!.differences).toEqual([{ registrationNo: reg!.registration_no, randevuNo: reg!.randevu_no, recorded: 'KESIN_KAYIT 32500', now: 'RET BAKICI_SERTIFIKA', pack: expect.stringMatching(/^BAKICI-2020#1:[0-9a-f]{8}$/) }]);
  });

  it('a decision naming a pack hash the desk does not have is named too', async () => {
    const t = await officeWithDay('M01');
    const db = rawHandle(t.app.requireStore());
    db.prepare("UPDATE registrations SET pack_hash = ? WHERE rowid = (SELECT min(rowid) FROM registrations)").run('f'.repeat(64));
    const v = await t.ok('ledger.verify', {});
    expect(v.decisions!.differences).toEqual([expect.objectContaining({ now: 'pack ffffffff ?', pack: 'BAKICI-2020#?:ffffffff' })]);
  });

  it('the CLI verify prints the difference with its pack and exits 1', async () => {
    const t = await officeWithDay('M01');
    const reg = tamperFirstFinal(t);
    const label = (await t.ok('rules.packList', {})).find((p) => p.code === 'BAKICI-2020')!.label;
    await t.ok('auth.logout', {});
    t.app.shutdown();
    const saved = { MASA_DATA_DIR: process.env.MASA_DATA_DIR, MASA_USER: process.env.MASA_USER, MASA_PASSWORD: process.env.MASA_PASSWORD, MASA_LOG: process.env.MASA_LOG };
    Object.assign(process.env, { MASA_DATA_DIR: t.app.dataDir, MASA_USER: HEAD_USER.username, MASA_PASSWORD: HEAD_USER.password, MASA_LOG: 'silent' });
    const out: string[] = [];
    try {
      const code = await runCli(['verify'], { out: (x) => out.push(x), err: (x) => out.push(x) });
      expect(code).toBe(1);
      const text = out.join('\n');
      expect(text).toContain('Kararlar: 4 karar kayıtlı paketle yeniden verildi, 1 FARKLI');
      expect(text).toContain(`  ${reg.registration_no} (${reg.randevu_no}): kayıtlı KESIN_KAYIT 32500 → şimdi RET BAKICI_SERTIFIKA [${label}]`);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      fs.rmSync(t.app.dataDir, { recursive: true, force: true });
    }
  });
});
